"""The demo meetings, in Norwegian bokmål: the first seed's fagdag (Fagdag USHT 24.03.26) with
its programme and presentation, national theme meetings and regional working meetings, past
and coming, each with materials whose words search should find.

Every person is fictional; the presenters are the demo's contact persons, chosen by role.
"""

import datetime
from zoneinfo import ZoneInfo

from network.choices import MeetingType

OSLO = ZoneInfo("Europe/Oslo")

INDEX = {
    "slug": "moter-og-fagdager",
    "title": "Møter og fagdager",
    "intro": "Fagdager, nasjonale temamøter og regionale arbeidsmøter i nettverket. Legg møtene "
    "i kalenderen, meld deg på, og hent presentasjonene etterpå.",
}

# Contact persons of network/demo_data.py, by e-mail.
REGIONAL_CONTACT = "kari.nordmann@example.org"  # Regional kontaktperson e-helse, Bodø
NETWORK_RESOURCE_BODO = "sigrid.lokas@example.org"  # Nettverksressurs: VKP, Kjernejournal, PLL
USHT_ADVISER = "mari.strand@example.org"  # Rådgiver, USHT Nordland: velferdsteknologi
NETWORK_RESOURCE_VEFSN = "nils.storvik@example.org"  # Nettverksressurs: DigiHelsestasjon
ROLLOUT_LEAD = "eirik.fjellheim@example.org"  # Innføringsleder, KS Nordland
NHN_REPRESENTATIVE = "tor.ellingsen@example.org"  # Norsk helsenett

FAGDAG_PRESENTATION = "E-helse Nordland og Helhetlig tjenestemodell – Fagdag USHT 24.03.26"
VKP_PRESENTATION = "Velferdsteknologisk knutepunkt og Kjernejournal – nytt i 2026"

# Materials: title → how to make the file. Words in them are what search should find.
MATERIALS = {
    FAGDAG_PRESENTATION: {
        "kind": "pptx",
        "slides": [
            ("E-helse Nordland og Helhetlig tjenestemodell", ["Fagdag USHT 24.03.26"]),
            (
                "E-helse Nordland",
                [
                    "Oppdragsbrev: Felles innføring og Nettverk e-helse",
                    "Koordineringsgruppe og samstyringsstrukturen med KS FPU",
                    "Aktiviteter og prosjekter, nasjonalt og regionalt",
                ],
            ),
            (
                "Hva er Helhetlig tjenestemodell (HTM)?",
                [
                    "Et metodisk verktøy som gir oversikt over oppgaver, roller og ansvar",
                    "Fire faser: Behov oppstår, Iverksette, Respons og oppfølging, Evaluering",
                    "Løpende kommunale oppgaver i fem grupper",
                ],
            ),
            (
                "Behov oppstår: tildelingskriterier",
                [
                    "Utarbeid tildelingskriterier for de ulike helseteknologiske løsningene",
                    "Én vei inn: ett felles søknadsskjema",
                ],
            ),
            (
                "Respons og oppfølging",
                [
                    "Responssenter og utrykning: hvem tar imot varslene?",
                    "Pårørende og nærnettverk i oppfølgingen",
                ],
            ),
            (
                "Gevinstarbeid",
                [
                    "Gevinstrealisering må planlegges fra start",
                    "Styringsdata under evaluering",
                ],
            ),
            (
                "Felles kompetanseløft",
                ["Pulje 1 2025: 12 kommuner", "Pulje 2 2026: 8 kommuner"],
            ),
        ],
    },
    "Program – Fagdag USHT 24.03.26": {
        "kind": "pdf",
        "lines": [
            "Program – Fagdag USHT 24.03.26",
            "09.30 Velkommen: E-helse Nordland, oppdragsbrev og samstyringsstruktur",
            "10.00 Helhetlig tjenestemodell: oppgaver, roller og ansvar",
            "11.00 Velferdsteknologisk knutepunkt, Kjernejournal og Pasientens legemiddelliste",
            "12.00 Lunsj",
            "12.45 Velferdsteknologi i tjenestene",
            "13.30 DigiHelsestasjon og regional nettverksgruppe for samhandling",
            "14.30 Felles kompetanseløft: pulje 1 og pulje 2",
        ],
    },
    "Workshopkort – status på organisering av oppgavene": {
        "kind": "pdf",
        "lines": [
            "Workshopkort: status på organisering av oppgavene",
            "Vedlikeholde tildelingskriterier – Lede og gjennomføre opplæring for ansatte",
            "Følge opp gevinster – Håndtere support på systemer og utstyr",
            "Drifte utstyrslager og ivareta logistikk – Teste nye løsninger",
            "Kommunens egne notater: ikke til offentlig bruk.",
        ],
    },
    VKP_PRESENTATION: {
        "kind": "pptx",
        "slides": [
            ("Velferdsteknologisk knutepunkt (VKP)", ["Alarmer og målinger inn i journalen"]),
            (
                "Ny funksjonalitet i Kjernejournal",
                ["Dokumentdeling mellom kommune og sykehus", "Kritisk informasjon"],
            ),
            ("Pasientens legemiddelliste", ["Utprøving i Nordland", "Legemiddelsamstemming"]),
        ],
    },
    "Kjernejournal i kommunene – nasjonalt temamøte": {
        "kind": "pdf",
        "lines": [
            "Nasjonalt temamøte: Kjernejournal i kommunene",
            "Tilgang for helsepersonell i omsorgstjenesten",
            "Dokumentdeling og kritisk informasjon",
            "Oppslag i kjernejournal fra sykehjem og hjemmetjeneste",
        ],
    },
    "Status i kommunene – regionalt arbeidsmøte Kjernejournal": {
        "kind": "pptx",
        "slides": [
            ("Regionalt arbeidsmøte: Kjernejournal", ["Status i kommunene i Nordland"]),
            (
                "Erfaringsdeling",
                ["Tilgangsstyring i fagsystemet", "Opplæring av helsepersonell"],
            ),
            ("Lokalt arbeid", ["Bestille tilgang", "Risikovurdering og rutiner"]),
        ],
    },
    "Agenda – nasjonalt temamøte DigiHelsestasjon": {
        "kind": "pdf",
        "lines": [
            "Nasjonalt temamøte: DigiHelsestasjon",
            "Digital kommunikasjon med foreldre og ungdom",
            "Helsestasjonstjenesten og skolehelsetjenesten",
            "Spørsmål fra kommunene",
        ],
    },
    "Forberedelser – regionalt arbeidsmøte VKP og PLL": {
        "kind": "pdf",
        "lines": [
            "Regionalt arbeidsmøte: Velferdsteknologisk knutepunkt og Pasientens legemiddelliste",
            "Ta med: status for avtaler med leverandør av responssenter",
            "Ta med: oversikt over legemiddelsamstemming i kommunen",
        ],
    },
    "Invitasjon – fagdag om velferdsteknologi og samhandling": {
        "kind": "pdf",
        "lines": [
            "Invitasjon: fagdag om velferdsteknologi og samhandling",
            "Samhandling mellom kommune og helseforetak",
            "Opplæring og kompetanse: erfaringer fra pulje 1",
        ],
    },
}


def at(day: datetime.date, hour: int, minute: int = 0) -> datetime.datetime:
    return datetime.datetime(day.year, day.month, day.day, hour, minute, tzinfo=OSLO)


def weekday_after(today: datetime.date, weeks: int, weekday: int) -> datetime.date:
    """The given weekday (0 = Monday) in the week `weeks` weeks from today."""
    day = today + datetime.timedelta(weeks=weeks)
    return day + datetime.timedelta(days=(weekday - day.weekday()) % 7)


def material(document, presenter=None, members_only=False, title=""):
    return {
        "document": document,
        "title": title,
        "presenter": presenter,
        "members_only": members_only,
    }


def item(start, end, title, presenters=(), materials=(), description=""):
    return (
        "item",
        {
            "start_time": datetime.time(*start),
            "end_time": datetime.time(*end) if end else None,
            "title": title,
            "description": description,
            "presenters": [p for p in presenters if p is not None],
            "materials": list(materials),
        },
    )


def meeting_specs(today, people, documents) -> list[dict]:
    kari = people.get(REGIONAL_CONTACT)
    sigrid = people.get(NETWORK_RESOURCE_BODO)
    mari = people.get(USHT_ADVISER)
    nils = people.get(NETWORK_RESOURCE_VEFSN)
    eirik = people.get(ROLLOUT_LEAD)
    tor = people.get(NHN_REPRESENTATIVE)
    doc = documents.get
    fagdag_day = datetime.date(2026, 3, 24)
    digihelse_day = weekday_after(today, 3, 1)
    vkp_day = weekday_after(today, 5, 2)
    next_fagdag = weekday_after(today, 9, 3)
    network_day = weekday_after(today, 2, 0)
    return [
        {
            "slug": "fagdag-usht-24-03-26",
            "title": "Fagdag USHT 24.03.26: E-helse Nordland og Helhetlig tjenestemodell",
            "meeting_type": MeetingType.FAGDAG,
            "start": at(fagdag_day, 9, 30),
            "end": at(fagdag_day, 15, 0),
            "location": "Bodø, Stormen bibliotek, Storstuen",
            "organiser": "USHT Nordland og E-helse Nordland",
            "audience": "Ledere, kontaktpersoner e-helse og ressurspersoner i kommunene",
            "intro": "Fagdag om E-helse Nordland, Helhetlig tjenestemodell og de nasjonale "
            "innføringsløpene, med innledere fra nettverket.",
            "description": "<p>Hva er Helhetlig tjenestemodell, og hvordan kan kommunene "
            "organisere oppgavene som må til for at helseteknologi blir en del av tjenestene? "
            "Vi går gjennom modellen, de nasjonale innføringsløpene og det felles "
            "kompetanseløftet i Nordland.</p>",
            "summary": "<p>Rundt 90 deltakere fra 28 kommuner. Presentasjonene ligger under "
            "Materiell. Workshopkortene er for nettverksmedlemmer.</p>",
            "programme": [
                item(
                    (9, 30),
                    (10, 0),
                    "Velkommen: E-helse Nordland, oppdragsbrev og samstyringsstruktur",
                    [kari],
                ),
                item(
                    (10, 0),
                    (11, 0),
                    "Helhetlig tjenestemodell: oppgaver, roller og ansvar",
                    [kari],
                    [
                        material(doc(FAGDAG_PRESENTATION)),
                        material(
                            doc("Workshopkort – status på organisering av oppgavene"),
                            members_only=True,
                        ),
                    ],
                ),
                item(
                    (11, 0),
                    (12, 0),
                    "Velferdsteknologisk knutepunkt, Kjernejournal og Pasientens legemiddelliste",
                    [sigrid],
                    [material(doc(VKP_PRESENTATION))],
                ),
                item((12, 0), (12, 45), "Lunsj"),
                item((12, 45), (13, 30), "Velferdsteknologi i tjenestene", [mari]),
                item(
                    (13, 30),
                    (14, 30),
                    "DigiHelsestasjon og regional nettverksgruppe for samhandling",
                    [nils],
                ),
                item((14, 30), (15, 0), "Felles kompetanseløft: pulje 1 og pulje 2", [kari]),
            ],
            "materials": [("material", material(doc("Program – Fagdag USHT 24.03.26")))],
            "rollouts": [
                "helhetlig-tjenestemodell-innforing",
                "vkp",
                "kjernejournal",
                "pasientens-legemiddelliste",
                "digihelsestasjon",
            ],
            "areas": ["tildelingskriterier", "gevinstarbeid", "samhandling", "opplaering"],
            "tags": ["helhetlig tjenestemodell", "fagdag"],
        },
        {
            "slug": "nasjonalt-temamote-kjernejournal-2026-02",
            "title": "Nasjonalt temamøte: Kjernejournal i kommunene",
            "meeting_type": MeetingType.NATIONAL_THEME,
            "start": at(datetime.date(2026, 2, 10), 13, 0),
            "end": at(datetime.date(2026, 2, 10), 14, 30),
            "digital_link": "https://teams.example.org/kjernejournal-temamote",
            "organiser": "Norsk helsenett",
            "audience": "Alle i de lokale arbeidsgruppene",
            "intro": "Informasjonsmøte om tilgang til kjernejournal i omsorgstjenestene.",
            "programme": [
                item(
                    (13, 0),
                    (14, 0),
                    "Kjernejournal i kommunene",
                    [tor],
                    [material(doc("Kjernejournal i kommunene – nasjonalt temamøte"))],
                ),
                item((14, 0), (14, 30), "Spørsmål fra kommunene"),
            ],
            "rollouts": ["kjernejournal"],
            "tags": ["kjernejournal"],
        },
        {
            "slug": "regionalt-arbeidsmote-kjernejournal-2026-03",
            "title": "Regionalt arbeidsmøte: Kjernejournal i Nordland",
            "meeting_type": MeetingType.REGIONAL_WORK,
            "start": at(datetime.date(2026, 3, 5), 9, 0),
            "end": at(datetime.date(2026, 3, 5), 11, 30),
            "digital_link": "https://teams.example.org/kjernejournal-nordland",
            "digital_link_members_only": True,
            "organiser": "E-helse Nordland",
            "audience": "De lokale arbeidsgruppene for Kjernejournal",
            "intro": "Status hos kommunene, erfaringsdeling og tid til lokalt arbeid.",
            "programme": [
                item(
                    (9, 0),
                    (10, 0),
                    "Status i kommunene",
                    [sigrid],
                    [
                        material(
                            doc("Status i kommunene – regionalt arbeidsmøte Kjernejournal"),
                            members_only=True,
                        )
                    ],
                ),
                item((10, 0), (11, 30), "Lokalt arbeid og spørsmål"),
            ],
            "rollouts": ["kjernejournal"],
            "areas": ["rolle-og-tilgangsstyring"],
            "tags": ["kjernejournal"],
        },
        {
            "slug": "nettverksmote-kontaktpersoner",
            "title": "Nettverksmøte for kontaktpersonene e-helse",
            "meeting_type": MeetingType.NETWORK,
            "start": at(network_day, 12, 0),
            "end": at(network_day, 13, 0),
            "digital_link": "https://teams.example.org/nettverksmote",
            "digital_link_members_only": True,
            "organiser": "E-helse Nordland",
            "audience": "Kontaktpersonene e-helse i kommunene",
            "cancelled": True,
            "cancellation_note": "Sakene tas opp på det regionale arbeidsmøtet om VKP og PLL.",
        },
        {
            "slug": "nasjonalt-temamote-digihelsestasjon",
            "title": "Nasjonalt temamøte: DigiHelsestasjon",
            "meeting_type": MeetingType.NATIONAL_THEME,
            "start": at(digihelse_day, 13, 0),
            "end": at(digihelse_day, 14, 30),
            "digital_link": "https://teams.example.org/digihelsestasjon",
            "organiser": "Helsedirektoratet",
            "audience": "Alle i de lokale arbeidsgruppene for DigiHelsestasjon",
            "intro": "Informasjonsmøte om innføringen av DigiHelsestasjon.",
            "programme": [
                item(
                    (13, 0),
                    (14, 0),
                    "DigiHelsestasjon: slik går innføringen",
                    [nils],
                    [material(doc("Agenda – nasjonalt temamøte DigiHelsestasjon"))],
                ),
                item((14, 0), (14, 30), "Spørsmål fra kommunene"),
            ],
            "rollouts": ["digihelsestasjon"],
            "tags": ["digihelsestasjon"],
        },
        {
            "slug": "regionalt-arbeidsmote-vkp-og-pll",
            "title": "Regionalt arbeidsmøte: VKP og Pasientens legemiddelliste",
            "meeting_type": MeetingType.REGIONAL_WORK,
            "start": at(vkp_day, 9, 0),
            "end": at(vkp_day, 12, 0),
            "moved_to": (at(vkp_day, 12, 30), at(vkp_day, 15, 30)),
            "location": "Mosjøen, Kulturhuset, møterom 2",
            "digital_link": "https://teams.example.org/vkp-pll",
            "digital_link_members_only": True,
            "organiser": "E-helse Nordland og KS Nordland",
            "audience": "De lokale arbeidsgruppene for VKP og PLL",
            "intro": "Gjennomgang av status hos kommunene, erfaringsdeling og spørsmål.",
            "registration_open": True,
            "capacity": 30,
            "programme": [
                item(
                    (12, 30),
                    (13, 30),
                    "Status for VKP og PLL i kommunene",
                    [eirik, sigrid],
                    [material(doc("Forberedelser – regionalt arbeidsmøte VKP og PLL"))],
                ),
                item((13, 30), (15, 30), "Lokalt arbeid"),
            ],
            "rollouts": ["vkp", "pasientens-legemiddelliste"],
            "areas": ["samhandling"],
            "tags": ["vkp", "legemiddelliste"],
        },
        {
            "slug": "fagdag-velferdsteknologi-og-samhandling",
            "title": "Fagdag om velferdsteknologi og samhandling",
            "meeting_type": MeetingType.FAGDAG,
            "start": at(next_fagdag, 9, 30),
            "end": at(next_fagdag, 15, 30),
            "location": "Bodø, Stormen bibliotek, Storstuen",
            "organiser": "USHT Nordland og E-helse Nordland",
            "audience": "Ansatte og ledere i helse- og omsorgstjenestene",
            "intro": "Erfaringer fra pulje 1 og samhandling mellom kommune og helseforetak.",
            "registration_open": True,
            "capacity": 80,
            "programme": [
                item((9, 30), (10, 0), "Velkommen", [kari]),
                item((10, 0), (11, 30), "Samhandling mellom kommune og helseforetak", [mari]),
                item((11, 30), (12, 15), "Lunsj"),
                item((12, 15), (15, 30), "Opplæring og kompetanse: erfaringer fra pulje 1", [kari]),
            ],
            "materials": [
                (
                    "material",
                    material(doc("Invitasjon – fagdag om velferdsteknologi og samhandling")),
                )
            ],
            "rollouts": ["helhetlig-tjenestemodell-innforing"],
            "areas": ["samhandling", "opplaering"],
            "tags": ["fagdag", "samhandling"],
            "registrations": [
                ("Ola Testesen", "ola.testesen@example.org", "Vega"),
                ("Ingrid Prøvesen", "ingrid.provesen@example.org", "Andøy"),
            ],
        },
    ]
