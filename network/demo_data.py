"""Demo content of the network app, in Norwegian bokmål.

All people are fictional, with addresses at example.org. Municipalities come from the
data migration; the cohorts are the ones of *Felles kompetanseløft Helhetlig
tjenestemodell i Nordland* as the network's own presentation lists them.
"""

PROGRAMME = "Felles kompetanseløft Helhetlig tjenestemodell i Nordland"

COHORTS = [
    {
        "slug": "pulje-1-2025",
        "name": "Pulje 1",
        "year": 2025,
        "description": "Første pulje i kompetanseløftet, med oppstart våren 2025.",
        "municipalities": [
            "Alstahaug",
            "Bø",
            "Steigen",
            "Leirfjord",
            "Sortland",
            "Vestvågøy",
            "Andøy",
            "Herøy",
            "Rana",
            "Meløy",
            "Vega",
            "Gildeskål",
        ],
    },
    {
        "slug": "pulje-2-2026",
        "name": "Pulje 2",
        "year": 2026,
        "description": "Andre pulje. Noen kommuner fra pulje 1 fortsetter med nye tjenesteområder.",
        "municipalities": [
            "Alstahaug",
            "Hamarøy",
            "Dønna",
            "Lurøy",
            "Nesna",
            "Vestvågøy",
            "Andøy",
            "Herøy",
        ],
    },
]

NETWORK_PAGE = {
    "title": "Nettverket",
    "slug": "nettverket",
    "intro": (
        "Her ser du hvem som er med i E-helse Nordland, hvilke puljer kommunene deltar i, "
        "hvem du kan ringe, og hvordan nettverket styres."
    ),
    "governance": [
        ("om-nettverket", "Om nettverket"),
        ("oppdragsbrev", "Oppdragsbrevet: felles innføring og nettverk e-helse"),
        ("koordineringsgruppe", "Koordineringsgruppen"),
        ("samstyringsstruktur", "Samstyringsstrukturen med KS sitt fag- og prioriteringsutvalg"),
    ],
}

ROLLOUT_INDEX = {
    "title": "Nasjonale innføringsløp",
    "slug": "nasjonale-innforingslop",
    "intro": (
        "Kommunene i Nordland tar i bruk nasjonale e-helseløsninger sammen. Her finner du "
        "hva hver løsning er, trinnene kommunen går gjennom, og hvor langt hver kommune "
        "har kommet."
    ),
    "overview_intro": (
        "Tabellen viser status for hver kommune i hvert innføringsløp, slik kommunene og "
        "den regionale kontaktpersonen har registrert den. Fargen står alltid sammen med "
        "en tekst."
    ),
}

_NATIONAL_MEETINGS = {
    "format": "nasjonalt-temamote",
    "heading": "",
    "who": "Alle i de lokale arbeidsgruppene",
    "points": [
        "Rene informasjonsmøter fra den nasjonale eieren av løsningen",
        "Gjennomgang av hva som skal på plass før neste trinn",
        "Opptak og presentasjoner deles i etterkant",
    ],
}
_REGIONAL_MEETINGS = {
    "format": "regionalt-arbeidsmote",
    "heading": "",
    "who": "Regional innføringsleder og kommunenes arbeidsgrupper",
    "points": [
        "Gjennomgang av status i hver kommune",
        "Erfaringsdeling og spørsmål",
        "Avsatt tid til lokalt arbeid, med hjelp tilgjengelig",
    ],
}

ROLLOUTS = [
    {
        "slug": "kjernejournal",
        "title": "Kjernejournal",
        "short_name": "Kjernejournal",
        "owner": "nhn",
        "intro": (
            "Kjernejournal er en nasjonal løsning som samler viktige helseopplysninger om "
            "innbyggeren, som legemidler, kritisk informasjon og tidligere kontakter med "
            "spesialisthelsetjenesten."
        ),
        "benefits": (
            "<p>Sykepleiere og leger i omsorgstjenestene får raskt oversikt over "
            "legemidler og kritisk informasjon, også utenfor kontortid.</p>"
            "<ul><li>Tryggere legemiddelhåndtering</li>"
            "<li>Mindre tid brukt på å ringe etter opplysninger</li></ul>"
        ),
        "steps": [
            ("Bestille tilgang", "Kommunen sender bestilling til Norsk helsenett."),
            ("Selvbetjening i HelseID", "Kommunen registrerer seg og EPJ-systemet i HelseID."),
            ("Forberede", "Rutiner, tilgangsstyring og opplæring av de ansatte."),
            ("Koble til og ta i bruk", "Tilkobling i EPJ og oppstart i tjenestene."),
        ],
        "links": [("Kjernejournal hos Norsk helsenett", "https://www.nhn.no/")],
    },
    {
        "slug": "digihelse",
        "title": "DigiHelse",
        "short_name": "DigiHelse",
        "owner": "ks",
        "intro": (
            "DigiHelse gir innbyggere og pårørende en digital dialog med hjemmetjenesten og "
            "andre kommunale helse- og omsorgstjenester gjennom Helsenorge."
        ),
        "benefits": (
            "<p>Innbyggerne kan se avtaler og sende meldinger, og tjenestene bruker mindre "
            "tid på telefon.</p>"
        ),
        "steps": [
            ("Avklare tjenester", "Hvilke tjenester skal tilby digital dialog først."),
            ("Avtale og tilgang", "Avtale med KS og tilgang til Helsenorge."),
            ("Sette opp EPJ og rutiner", "Oppsett hos leverandøren og nye arbeidsrutiner."),
            ("Ta i bruk", "Opplæring, informasjon til innbyggerne og oppstart."),
        ],
        "links": [("Innføringsklare løsninger hos KS", "https://www.ks.no/")],
    },
    {
        "slug": "digihelsestasjon",
        "title": "DigiHelsestasjon",
        "short_name": "DigiHelsestasjon",
        "owner": "ks",
        "intro": (
            "DigiHelsestasjon gir foreldre og ungdom en trygg digital kanal til "
            "helsestasjonen og skolehelsetjenesten."
        ),
        "benefits": (
            "<p>Innkallinger, meldinger og skjema kan sendes digitalt, og ungdom kan ta "
            "kontakt med helsesykepleier på en enkel måte.</p>"
        ),
        "steps": [
            ("Signere avtale", "Kommunen slutter seg til samarbeidsavtalen."),
            ("Forberede", "Tilpasning av journalsystem, rutiner og maler."),
            ("Opplæring", "Helsesykepleiere og merkantilt ansatte får opplæring."),
            ("Ta i bruk", "Oppstart og informasjon til foreldre og elever."),
        ],
        "links": [("Innføringsklare løsninger hos KS", "https://www.ks.no/")],
    },
    {
        "slug": "vkp",
        "title": "Velferdsteknologisk knutepunkt",
        "short_name": "VKP",
        "owner": "nhn",
        "intro": (
            "Velferdsteknologisk knutepunkt (VKP) kobler velferdsteknologi og "
            "responssentertjenester sammen med journalsystemet i kommunen."
        ),
        "benefits": (
            "<p>Varsler og målinger havner der de skal i journalen, uten dobbeltføring, og "
            "kommunen kan bytte leverandør uten å bygge integrasjonene på nytt.</p>"
        ),
        "steps": [
            ("Kartlegge", "Oversikt over velferdsteknologi og leverandører i kommunen."),
            ("Avtale", "Avtale med Norsk helsenett om bruk av knutepunktet."),
            ("Tilkobling og test", "Leverandørene kobles til og testes."),
            ("Ta i bruk", "Oppstart i tjenestene."),
        ],
        "links": [("Velferdsteknologisk knutepunkt hos Norsk helsenett", "https://www.nhn.no/")],
    },
    {
        "slug": "pasientens-legemiddelliste",
        "title": "Pasientens legemiddelliste",
        "short_name": "PLL",
        "owner": "helsedirektoratet",
        "intro": (
            "Pasientens legemiddelliste (PLL) skal gi helsepersonell og innbyggere én "
            "oppdatert liste over legemidlene pasienten bruker."
        ),
        "benefits": (
            "<p>Færre feil ved overganger mellom sykehus, fastlege og omsorgstjenester.</p>"
        ),
        "steps": [
            ("Forberede", "EPJ-versjon som støtter PLL, og rutiner for avstemming."),
            ("Tilgang", "Tilgang til reseptformidleren og kjernejournal."),
            ("Opplæring", "Opplæring av sykepleiere og leger."),
            ("Ta i bruk", "Oppstart, først i utvalgte tjenester."),
        ],
        "links": [("Helsedirektoratet", "https://www.helsedirektoratet.no/")],
    },
    {
        "slug": "helhetlig-tjenestemodell-innforing",
        "title": "Helhetlig tjenestemodell",
        "short_name": "HTM",
        "owner": "ks",
        "intro": (
            "Innføringen av Helhetlig tjenestemodell hjelper kommunen med å fordele "
            "oppgaver, roller og ansvar slik at helseteknologi blir en fast del av tjenestene."
        ),
        "benefits": (
            "<p>Kommunen får oversikt over hvem som gjør hva, og et felles språk på tvers av "
            "helse og omsorg, IT og ledelse.</p>"
        ),
        "steps": [
            ("Forankre", "Ledelsen slutter seg til arbeidet og setter av tid."),
            ("Kartlegge", "Workshop om hvordan oppgavene er organisert i dag."),
            ("Fordele ansvar", "Oppgaver og roller fordeles og skrives inn i rutiner."),
            ("Følge opp", "Statusen oppdateres og evalueres jevnlig."),
        ],
        "links": [("Helhetlig tjenestemodell hos KS", "https://www.ks.no/")],
    },
]

# How far the municipalities have come, in per cent of them at each level, per rollout.
# The demo spreads the municipalities over these shares by kommunenummer, so the result
# looks realistic and is the same every time.
STATUS_SHARES = {
    "kjernejournal": [
        ("i-drift", 70),
        ("innforing", 15),
        ("forberedelse", 10),
        ("ikke-startet", 5),
    ],
    "digihelse": [("i-drift", 35), ("innforing", 20), ("forberedelse", 20), ("ikke-startet", 25)],
    "digihelsestasjon": [
        ("i-drift", 30),
        ("innforing", 15),
        ("forberedelse", 20),
        ("ikke-startet", 30),
        ("ikke-aktuelt", 5),
    ],
    "vkp": [
        ("i-drift", 5),
        ("innforing", 10),
        ("forberedelse", 25),
        ("ikke-startet", 55),
        ("ikke-aktuelt", 5),
    ],
    "pasientens-legemiddelliste": [("innforing", 5), ("forberedelse", 25), ("ikke-startet", 70)],
}

CONTACTS = [
    {
        "name": "Kari Nordmann",
        "email": "kari.nordmann@example.org",
        "phone": "+47 75 00 00 00",
        "role": "regional-kontaktperson",
        "organisation_type": "kommune",
        "municipality": "Bodø",
        "regional_team": True,
        "publish": True,
        "htm_areas": ["samhandling", "behov-implementere-og-skalere"],
        "rollouts": ["helhetlig-tjenestemodell-innforing"],
    },
    {
        "name": "Eirik Fjellheim",
        "email": "eirik.fjellheim@example.org",
        "phone": "+47 75 00 00 11",
        "role": "innforingsleder",
        "organisation_type": "ks",
        "organisation_name": "KS Nordland",
        "regional_team": True,
        "publish": True,
        "rollouts": ["digihelse", "digihelsestasjon"],
    },
    {
        "name": "Sigrid Løkås",
        "email": "sigrid.lokas@example.org",
        "phone": "+47 75 00 00 12",
        "role": "nettverksressurs",
        "organisation_type": "kommune",
        "municipality": "Bodø",
        "regional_team": True,
        "publish": True,
        "htm_areas": ["system-og-utstyrsportefolje", "systemer-plattformer-og-infrastruktur"],
        "rollouts": ["vkp", "kjernejournal", "pasientens-legemiddelliste"],
    },
    {
        "name": "Nils Storvik",
        "email": "nils.storvik@example.org",
        "phone": "+47 75 00 00 13",
        "role": "nettverksressurs",
        "organisation_type": "kommune",
        "municipality": "Vefsn",
        "regional_team": True,
        "publish": True,
        "htm_areas": ["samhandling"],
        "rollouts": ["digihelsestasjon"],
    },
    {
        "name": "Hanne Berglund",
        "email": "hanne.berglund@example.org",
        "phone": "+47 75 00 00 14",
        "role": "koordineringsgruppen",
        "organisation_type": "kommune",
        "municipality": "Rana",
        "regional_team": True,
        "publish": False,
        "rollouts": [],
    },
    {
        "name": "Tor Ellingsen",
        "email": "tor.ellingsen@example.org",
        "phone": "+47 75 00 00 15",
        "role": "koordineringsgruppen",
        "organisation_type": "nhn",
        "organisation_name": "Norsk helsenett",
        "regional_team": True,
        "publish": True,
        "rollouts": ["kjernejournal"],
    },
    {
        "name": "Ragnhild Moe",
        "email": "ragnhild.moe@example.org",
        "phone": "+47 75 00 00 16",
        "role": "kontaktperson-e-helse",
        "organisation_type": "kommune",
        "municipality": "Vestvågøy",
        "publish": True,
        "rollouts": [],
    },
    {
        "name": "Jon Arne Vik",
        "email": "jon.arne.vik@example.org",
        "phone": "+47 75 00 00 17",
        "role": "kontaktperson-e-helse",
        "organisation_type": "kommune",
        "municipality": "Sortland",
        "publish": False,
        "rollouts": [],
    },
    {
        "name": "Liv Karin Dahl",
        "email": "liv.karin.dahl@example.org",
        "phone": "+47 75 00 00 18",
        "role": "kontaktperson-e-helse",
        "organisation_type": "kommune",
        "municipality": "Alstahaug",
        "publish": True,
        "rollouts": [],
    },
    {
        "name": "Mari Strand",
        "email": "mari.strand@example.org",
        "phone": "+47 75 00 00 19",
        "role": "radgiver",
        "organisation_type": "usht",
        "organisation_name": "USHT Nordland",
        "regional_team": True,
        "publish": True,
        "htm_areas": ["opplaering"],
        "rollouts": ["helhetlig-tjenestemodell-innforing"],
    },
    {
        "name": "Anders Kvalvik",
        "email": "anders.kvalvik@example.org",
        "phone": "+47 75 00 00 20",
        "role": "innforingsleder",
        "organisation_type": "helseforetak",
        "organisation_name": "Nordlandssykehuset",
        "publish": False,
        "rollouts": ["pasientens-legemiddelliste"],
    },
    {
        "name": "Tone Aasen",
        "email": "tone.aasen@example.org",
        "phone": "+47 75 00 00 21",
        "role": "kontaktperson-e-helse",
        "organisation_type": "kommune",
        "municipality": "Herøy",
        "publish": True,
        "rollouts": [],
    },
]

WORKING_GROUPS = [
    {
        "slug": "koordineringsgruppe",
        "title": "Koordineringsgruppe",
        "intro": "Gruppen som prioriterer nettverkets arbeid og følger opp oppdragsbrevet.",
        "mandate": (
            "<p>Koordineringsgruppen skal</p><ul>"
            "<li>prioritere hvilke innføringsløp nettverket følger opp</li>"
            "<li>ta innspill fra kommunene videre til KS sitt fag- og prioriteringsutvalg</li>"
            "<li>følge opp framdriften i oppdragsbrevet hvert halvår</li></ul>"
        ),
        "members": [
            ("kari.nordmann@example.org", "Sekretær"),
            ("hanne.berglund@example.org", "Leder"),
            ("tor.ellingsen@example.org", "Medlem"),
            ("eirik.fjellheim@example.org", "Medlem"),
            ("mari.strand@example.org", "Medlem"),
        ],
        "meetings": [
            (
                "2026-02-12",
                "Prioriteringer for 2026",
                "Gruppen ble enige om å prioritere VKP og PLL.",
            ),
            ("2025-09-18", "Halvårsgjennomgang", "Status i oppdragsbrevet og planer for pulje 2."),
        ],
    },
    {
        "slug": "regional-nettverksgruppe-for-samhandling",
        "title": "Regional nettverksgruppe for samhandling",
        "intro": "Kommuner og helseforetak som arbeider med bedre samhandling om pasientene.",
        "mandate": (
            "<p>Gruppen skal dele erfaringer om elektronisk samhandling mellom kommunene og "
            "spesialisthelsetjenesten, og foreslå felles rutiner.</p>"
        ),
        "members": [
            ("nils.storvik@example.org", "Leder"),
            ("sigrid.lokas@example.org", "Medlem"),
            ("anders.kvalvik@example.org", "Medlem fra helseforetaket"),
            ("ragnhild.moe@example.org", "Medlem"),
        ],
        "meetings": [
            (
                "2026-01-20",
                "Meldingsutveksling ved utskriving",
                "Gjennomgang av avvik og forslag til felles rutine.",
            ),
        ],
    },
    {
        "slug": "utvalg-for-tjenesteregister",
        "title": "Utvalg for tjenesteregister",
        "intro": "Utvalget som holder kommunenes oppføringer i tjenesteregisteret oppdatert.",
        "mandate": (
            "<p>Utvalget skal lage en felles mal for hvordan kommunene beskriver tjenestene "
            "sine, og hjelpe kommunene med å holde oppføringene oppdatert.</p>"
        ),
        "members": [
            ("nils.storvik@example.org", "Leder"),
            ("jon.arne.vik@example.org", "Medlem"),
            ("liv.karin.dahl@example.org", "Medlem"),
        ],
        "meetings": [
            ("2025-11-05", "Felles mal", "Utkast til mal ble gjennomgått og sendt på høring."),
        ],
    },
]

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
