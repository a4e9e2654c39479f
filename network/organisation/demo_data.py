"""Demo content of the network's organisation, in Norwegian bokmål.

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
