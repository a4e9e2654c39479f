"""Demo content of «Aktiviteter og prosjekter»: projects and news, in Norwegian bokmål."""

PROJECT_INDEX = {
    "title": "Aktiviteter og prosjekter",
    "slug": "aktiviteter-og-prosjekter",
    "intro": "Prosjekter nettverket deltar i, nasjonalt og regionalt, og nyheter fra arbeidet.",
}

PROJECTS = [
    {
        "slug": "felles-kompetanseloft-htm",
        "title": "Felles kompetanseløft Helhetlig tjenestemodell i Nordland",
        "scope": "regionalt",
        "status": "pagar",
        "start": "2025-01-01",
        "end": "2026-12-31",
        "intro": "Kommunene lærer modellen sammen, i to puljer, med workshops og oppfølging.",
        "body": "<p>Hver kommune kartlegger hvordan oppgavene i modellen er organisert, og "
        "lager en plan for det som mangler. Puljene møtes fire ganger i året.</p>",
        "cohorts": ["pulje-1-2025", "pulje-2-2026"],
        "contact": "kari.nordmann@example.org",
        "rollout": "helhetlig-tjenestemodell-innforing",
    },
    {
        "slug": "kjernejournal-i-omsorgstjenestene",
        "title": "Kjernejournal i omsorgstjenestene",
        "scope": "nasjonalt",
        "status": "pagar",
        "start": "2024-03-01",
        "end": "2026-06-30",
        "intro": "Den nasjonale satsingen på å ta i bruk kjernejournal i pleie og omsorg.",
        "body": "<p>Norsk helsenett leder arbeidet nasjonalt. Nettverket samler kommunene i "
        "Nordland i regionale arbeidsmøter.</p>",
        "municipalities": ["Bodø", "Vefsn", "Rana", "Narvik", "Vågan"],
        "contact": "tor.ellingsen@example.org",
        "rollout": "kjernejournal",
    },
    {
        "slug": "vkp-utproving-helgeland",
        "title": "Utprøving av velferdsteknologisk knutepunkt på Helgeland",
        "scope": "regionalt",
        "status": "planlagt",
        "start": "2026-09-01",
        "end": None,
        "intro": "Noen kommuner på Helgeland prøver ut knutepunktet sammen med leverandørene.",
        "body": "<p>Målet er å lage en oppskrift som resten av fylket kan bruke.</p>",
        "municipalities": ["Alstahaug", "Leirfjord", "Vefsn", "Herøy"],
        "contact": "sigrid.lokas@example.org",
        "rollout": "vkp",
    },
]

NEWS = [
    {
        "slug": "pulje-2-er-i-gang",
        "title": "Pulje 2 er i gang",
        "date": "2026-02-03",
        "scope": "regionalt",
        "intro": "Åtte kommuner har startet i andre pulje av kompetanseløftet.",
        "body": "<p>Oppstartssamlingen ble holdt digitalt, med workshop om oppgavene i "
        "tjenestemodellen.</p>",
    },
    {
        "slug": "ny-versjon-av-kjernejournal",
        "title": "Nytt i kjernejournal",
        "date": "2026-01-15",
        "scope": "nasjonalt",
        "intro": "Kjernejournal har fått ny funksjonalitet som er nyttig i hjemmetjenesten.",
        "body": "<p>Norsk helsenett inviterer til et nasjonalt temamøte om endringene.</p>",
    },
    {
        "slug": "fagdag-om-velferdsteknologi",
        "title": "Godt oppmøte på fagdagen",
        "date": "2025-11-20",
        "scope": "regionalt",
        "intro": "Over hundre deltok på fagdagen om velferdsteknologi og samhandling.",
        "body": "<p>Presentasjonene fra dagen er lagt ut under Møter og fagdager.</p>",
    },
    {
        "slug": "pll-utproving",
        "title": "Pasientens legemiddelliste prøves ut",
        "date": "2025-10-02",
        "scope": "nasjonalt",
        "intro": "Utprøvingen av pasientens legemiddelliste utvides til flere kommuner.",
        "body": "<p>Kommunene i Nordland følger arbeidet og forbereder seg.</p>",
    },
    {
        "slug": "digihelsestasjon-i-flere-kommuner",
        "title": "DigiHelsestasjon i flere kommuner",
        "date": "2025-08-28",
        "scope": "regionalt",
        "intro": "Flere kommuner i Nordland har tatt i bruk DigiHelsestasjon.",
        "body": "<p>Helsesykepleierne forteller om færre telefoner og bedre kontakt med "
        "ungdom.</p>",
    },
    {
        "slug": "pulje-1-har-startet",
        "title": "Kompetanseløftet har startet",
        "date": "2025-03-10",
        "scope": "regionalt",
        "intro": "Tolv kommuner er med i første pulje av kompetanseløftet i tjenestemodellen.",
        "body": "<p>Puljen møtes fire ganger i løpet av året.</p>",
    },
]
