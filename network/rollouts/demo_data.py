"""Demo content of the national rollouts and the municipalities' statuses in them, in
Norwegian bokmål."""

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
        # The model's own page has the same title: each page its own.
        "seo_title": "Innføringsløp: Helhetlig tjenestemodell",
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
