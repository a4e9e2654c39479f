"""Demo content for the general pages: home page intro, network pages and legal pages.

Everything here is written in Norwegian bokmål for the demo site built by
``manage.py load_demo_content``. All people are fictional. Rich-text strings use only
the tags the editor allows: <p>, <b>, <i>, <a href>, <ul>/<ol> with <li>.
"""

# The one fictional regional contact person used throughout the demo content.
REGIONAL_CONTACT = {
    "name": "Kari Nordmann",
    "title": "Regional kontaktperson e-helse",
    "email": "kari.nordmann@example.org",
    "phone": "+47 75 00 00 00",
}

# Pre-rendered contact snippets, so every page names the contact in the same way.
_CONTACT_NAME = REGIONAL_CONTACT["name"]
_CONTACT_EMAIL = REGIONAL_CONTACT["email"]
_CONTACT_PHONE = REGIONAL_CONTACT["phone"]
_CONTACT_MAILTO = f'<a href="mailto:{_CONTACT_EMAIL}">{_CONTACT_EMAIL}</a>'

HOME = {
    "title": "E-helse Nordland",
    "intro_heading": "Sammen om e-helse og velferdsteknologi i Nordland",
    "intro": (
        "E-helse Nordland er det regionale nettverket for e-helse og velferdsteknologi "
        "for alle de 41 kommunene i Nordland, koordinert av en regional kontaktperson. "
        "Her finner du Helhetlig tjenestemodell (HTM), status for de nasjonale "
        "innføringsløpene samt program og presentasjoner fra møter og fagdager. "
        "Målet er at kommunene skal lære av hverandre og slippe å løse de samme "
        "oppgavene hver for seg."
    ),
    "featured": [
        {
            "title": "Helhetlig tjenestemodell",
            "description": (
                "Oppgaver, roller og ansvar kommunen må ivareta for at helseteknologi "
                "skal bli en fast del av tjenestene – fra behov oppstår til evaluering."
            ),
            "slug": "helhetlig-tjenestemodell",
        },
        {
            "title": "Nasjonale innføringsløp",
            "description": (
                "Følg innføringen av Kjernejournal, DigiHelse, DigiHelsestasjon, VKP og "
                "Pasientens legemiddelliste i kommunene i Nordland."
            ),
            "slug": "nasjonale-innforingslop",
        },
        {
            "title": "Møter og fagdager",
            "description": (
                "Kommende nettverksmøter, arbeidsmøter og fagdager, med presentasjoner "
                "og annet materiell fra møter som er holdt."
            ),
            "slug": "moter-og-fagdager",
        },
        {
            "title": "Om nettverket",
            "description": (
                "Hvem som er med, hvordan nettverket er organisert, og hva kommunene "
                "får ut av å delta."
            ),
            "slug": "om-nettverket",
        },
    ],
}

PAGES: list[dict] = [
    # ------------------------------------------------------------------------------
    {
        "title": "Om nettverket",
        "slug": "om-nettverket",
        "intro": (
            "E-helse Nordland samler kommunene i fylket om innføring og bruk av e-helse "
            "og velferdsteknologi, slik at erfaringer deles og arbeidet gjøres én gang."
        ),
        "body": [
            (
                "paragraph",
                (
                    "<p>E-helse Nordland er et samarbeid mellom kommunene i Nordland om "
                    "digitalisering av helse- og omsorgstjenestene. Nettverket hjelper "
                    "kommunene med å ta i bruk nasjonale e-helseløsninger, bygge kompetanse på "
                    "velferdsteknologi og organisere arbeidet etter <i>Helhetlig "
                    "tjenestemodell for velferdsteknologi</i> (HTM), som er utviklet av "
                    "kommuner sammen med KS.</p>"
                ),
            ),
            ("heading", "Hvem er med"),
            (
                "paragraph",
                (
                    "<p>Alle de 41 kommunene i Nordland kan delta, uansett størrelse. Hver "
                    "kommune melder inn egne kontaktpersoner, gjerne fra både helse og omsorg, "
                    "IT og ledelse. I tillegg samarbeider nettverket tett med KS, "
                    "Utviklingssenter for sykehjem og hjemmetjenester (USHT) og "
                    "helseforetakene i regionen.</p>"
                ),
            ),
            ("heading", "Slik arbeider vi"),
            (
                "paragraph",
                (
                    "<p>En regional kontaktperson koordinerer nettverket og er bindeleddet "
                    "mellom kommunene, de regionale partnerne og de nasjonale aktørene. "
                    "Arbeidet foregår blant annet gjennom:</p>"
                    "<ul>"
                    "<li><b>Nettverksmøter</b>, der kommunene deler status og erfaringer.</li>"
                    "<li><b>Fagdager</b> med faglig påfyll, der presentasjonene publiseres "
                    "her i etterkant.</li>"
                    "<li><b>Regionale arbeidsmøter</b> knyttet til de nasjonale "
                    "innføringsløpene.</li>"
                    "<li><b>Felles kompetanseløft Helhetlig tjenestemodell i Nordland</b>, "
                    "som gjennomføres i puljer: Pulje 1 i 2025 med 12 kommuner og Pulje 2 i "
                    "2026 med 8 kommuner.</li>"
                    "</ul>"
                ),
            ),
            ("heading", "Hva kommunene får ut av det"),
            (
                "paragraph",
                (
                    "<p>Kommunene får tilgang til felles maler, rutiner og opplæringsmateriell, "
                    "hjelp til å planlegge innføring av nasjonale løsninger og et fagmiljø å "
                    "spørre når noe er uklart. Gjennom portalen kan hver kommune også registrere "
                    "hvordan oppgavene i tjenestemodellen er organisert lokalt, og se hvordan "
                    "andre har løst det samme.</p>"
                ),
            ),
            (
                "callout",
                {
                    "title": "Vil kommunen din bli med?",
                    "text": (
                        f"<p>Ta kontakt med regional kontaktperson {_CONTACT_NAME} på "
                        f"{_CONTACT_MAILTO} eller telefon {_CONTACT_PHONE}, så hjelper vi "
                        "dere i gang.</p>"
                    ),
                },
            ),
        ],
    },
    # ------------------------------------------------------------------------------
    {
        "title": "Oppdragsbrev",
        "slug": "oppdragsbrev",
        "intro": (
            "Oppdragsbrevet beskriver hva nettverket skal levere til kommunene, og er delt "
            "i to: felles innføring av nasjonale løsninger og et regionalt nettverk for "
            "e-helse."
        ),
        "body": [
            (
                "paragraph",
                (
                    "<p>Oppdragsbrevet gir rammene for arbeidet til den regionale "
                    "kontaktpersonen og nettverket. Det fastsetter mål, oppgaver og "
                    "prioriteringer for perioden, og revideres ved behov i dialog med "
                    "koordineringsgruppen.</p>"
                ),
            ),
            ("heading", "Del 1: Felles innføring"),
            (
                "paragraph",
                (
                    "<p>Kommunene i Nordland innfører nasjonale e-helseløsninger sammen i "
                    "stedet for hver for seg. Innføringsløpene omfatter blant annet:</p>"
                    "<ul>"
                    "<li>Kjernejournal</li>"
                    "<li>DigiHelse</li>"
                    "<li>DigiHelsestasjon</li>"
                    "<li>Velferdsteknologisk knutepunkt (VKP)</li>"
                    "<li>Pasientens legemiddelliste</li>"
                    "<li>Helhetlig tjenestemodell</li>"
                    "</ul>"
                    "<p>Innføringen følger to typer møter. <b>Nasjonale temamøter</b> er "
                    "informasjonsmøter der alle i de lokale arbeidsgruppene deltar. "
                    "<b>Regionale arbeidsmøter</b> ledes av regional innføringsleder og "
                    "brukes til å gå gjennom status i kommunene, dele erfaringer, svare på "
                    "spørsmål og sette av tid til lokalt arbeid.</p>"
                ),
            ),
            ("heading", "Del 2: Nettverk e-helse"),
            (
                "paragraph",
                (
                    "<p>Den andre delen av oppdraget er å drive et varig regionalt nettverk for "
                    "e-helse og velferdsteknologi. Nettverket skal:</p>"
                    "<ul>"
                    "<li>dele kompetanse og erfaringer mellom kommunene,</li>"
                    "<li>samordne kommunenes innspill til regionale og nasjonale prosesser,</li>"
                    "<li>arrangere fagdager og nettverksmøter, og</li>"
                    "<li>holde oversikt over aktiviteter og prosjekter, både nasjonalt og "
                    "regionalt.</li>"
                    "</ul>"
                ),
            ),
            (
                "links",
                [
                    {"title": "KS – Kommunesektorens organisasjon", "url": "https://www.ks.no/"},
                    {"title": "Norsk helsenett", "url": "https://www.nhn.no/"},
                    {"title": "Helsedirektoratet", "url": "https://www.helsedirektoratet.no/"},
                ],
            ),
        ],
    },
    # ------------------------------------------------------------------------------
    {
        "title": "Koordineringsgruppe",
        # The working group under «Nettverket» has the same title: each page its own.
        "seo_title": "Om koordineringsgruppen",
        "slug": "koordineringsgruppe",
        "intro": (
            "Koordineringsgruppen gir nettverket retning, prioriterer innsatsen og sørger "
            "for at kommuner og regionale partnere trekker i samme retning."
        ),
        "body": [
            ("heading", "Hva gruppen gjør"),
            (
                "paragraph",
                (
                    "<p>Koordineringsgruppen følger opp oppdragsbrevet og er rådgivende for den "
                    "regionale kontaktpersonen. Gruppen:</p>"
                    "<ul>"
                    "<li>prioriterer hvilke innføringsløp og tiltak nettverket skal satse "
                    "på,</li>"
                    "<li>følger med på fremdrift og tar opp utfordringer som går på tvers av "
                    "kommunene,</li>"
                    "<li>forankrer arbeidet hos kommunene og de regionale partnerne, og</li>"
                    "<li>sørger for at erfaringer fra Nordland når frem til nasjonale "
                    "fora.</li>"
                    "</ul>"
                ),
            ),
            ("heading", "Hvem sitter i gruppen"),
            (
                "paragraph",
                (
                    "<p>Gruppen består av representanter for kommuner av ulik størrelse fra "
                    "hele fylket, KS, Utviklingssenter for sykehjem og hjemmetjenester (USHT) "
                    "og helseforetakene. Den regionale kontaktpersonen er sekretær for gruppen. "
                    "Sammensetningen tar hensyn til både geografi og fagområder.</p>"
                ),
            ),
            ("heading", "Møter"),
            (
                "paragraph",
                (
                    "<p>Koordineringsgruppen møtes om lag fire ganger i året, som regel "
                    "digitalt, og ellers ved behov. Saker til gruppen kan meldes inn via den "
                    "regionale kontaktpersonen.</p>"
                ),
            ),
        ],
    },
    # ------------------------------------------------------------------------------
    {
        "title": "Samstyringsstruktur",
        "slug": "samstyringsstruktur",
        "intro": (
            "Kommunene og staten styrer e-helseutviklingen i fellesskap. Her forklarer vi "
            "hvordan strukturen er bygd opp, og hvor det regionale nettverket kommer inn."
        ),
        "body": [
            ("heading", "Felles styring av e-helse"),
            (
                "paragraph",
                (
                    "<p>Mange nasjonale e-helseløsninger brukes både av kommuner, helseforetak "
                    "og staten. Derfor prioriteres og styres utviklingen i en felles struktur "
                    "der kommunesektoren og de statlige aktørene, som Helsedirektoratet og "
                    "Norsk helsenett, sitter sammen. Kommunenes stemme i denne strukturen "
                    "samordnes gjennom KS.</p>"
                ),
            ),
            ("heading", "KS Fag- og prioriteringsutvalg (FPU)"),
            (
                "paragraph",
                (
                    "<p>KS Fag- og prioriteringsutvalg for e-helse (FPU) består av "
                    "representanter fra kommunene. Utvalget drøfter faglige spørsmål, "
                    "prioriterer kommunesektorens behov og forbereder kommunenes innspill og "
                    "standpunkter til de nasjonale styringsorganene for e-helse.</p>"
                ),
            ),
            ("heading", "Hvordan nettverket er koblet på"),
            (
                "paragraph",
                (
                    "<p>Det regionale nettverket er kanalen mellom kommunene i Nordland og "
                    "samstyringsstrukturen:</p>"
                    "<ol>"
                    "<li>Behov og erfaringer samles i nettverksmøter og arbeidsmøter.</li>"
                    "<li>Koordineringsgruppen prioriterer og løfter sakene videre.</li>"
                    "<li>Innspillene går via KS og FPU inn i nasjonale prioriteringer.</li>"
                    "<li>Beslutninger og nyheter fra nasjonalt nivå formidles tilbake til "
                    "kommunene gjennom nettverket.</li>"
                    "</ol>"
                ),
            ),
            (
                "callout",
                {
                    "title": "Har kommunen et innspill?",
                    "text": (
                        "<p>Innspill til nasjonale prioriteringer kan sendes til den "
                        "regionale kontaktpersonen, som tar dem med til "
                        "koordineringsgruppen.</p>"
                    ),
                },
            ),
            (
                "links",
                [
                    {"title": "KS – digitalisering og e-helse", "url": "https://www.ks.no/"},
                    {"title": "Helsedirektoratet", "url": "https://www.helsedirektoratet.no/"},
                ],
            ),
        ],
    },
    # ------------------------------------------------------------------------------
    {
        "title": "Personvern",
        "slug": "personvern",
        "intro": (
            "Denne erklæringen forklarer hvilke personopplysninger portalen behandler, "
            "hvorfor vi gjør det, og hvilke rettigheter du har."
        ),
        "body": [
            ("heading", "Hvilke opplysninger vi behandler"),
            (
                "paragraph",
                (
                    "<ul>"
                    "<li><b>Brukerkontoer:</b> navn, e-postadresse, kommune og rolle for "
                    "medlemmer av nettverket som logger inn.</li>"
                    "<li><b>Påmeldinger:</b> navn, kommune, e-postadresse og eventuelle "
                    "hensyn (for eksempel kost) når du melder deg på møter og fagdager. "
                    "Påmeldinger slettes 30 dager etter at arrangementet er holdt.</li>"
                    "<li><b>Kontaktpersoner:</b> navn, rolle og kontaktopplysninger publiseres "
                    "bare når personen har samtykket, og bare de opplysningene vedkommende har "
                    "godkjent.</li>"
                    "<li><b>Serverlogger:</b> IP-adresse, tidspunkt og forespurt side lagres "
                    "for å drifte og sikre tjenesten, og slettes automatisk etter 90 "
                    "dager.</li>"
                    "</ul>"
                    "<p>Vi bruker ikke analyseverktøy, og vi selger eller deler ikke "
                    "opplysninger med andre enn våre databehandlere.</p>"
                ),
            ),
            ("heading", "Informasjonskapsler"),
            (
                "paragraph",
                (
                    "<p>Portalen bruker bare informasjonskapsler (cookies) som trengs for at "
                    "den skal virke. Ingen av dem sporer deg, og vi bruker ingen "
                    "analyseverktøy, annonser eller innhold fra andre nettsteder som setter "
                    "informasjonskapsler. Derfor spør vi ikke om samtykke til dem. Dette er "
                    "alle informasjonskapslene portalen kan sette:</p>"
                    "<ul>"
                    "<li><b>sessionid</b>: holder deg innlogget når du logger inn som medlem "
                    "eller redaktør. Den slettes når du logger ut, eller når økten "
                    "utløper.</li>"
                    "<li><b>csrftoken</b>: beskytter skjemaene (innlogging, påmelding og "
                    "andre) mot at et annet nettsted sender inn skjema i ditt navn. Den "
                    "inneholder ingen opplysninger om deg og varer i ett år.</li>"
                    "<li><b>messages</b>: bærer en kort beskjed til neste side etter at du har "
                    "sendt et skjema, for eksempel at du er påmeldt. Den slettes så snart "
                    "beskjeden er vist.</li>"
                    "<li><b>wagtail_sidebar_collapsed</b>: bare i publiseringsløsningen for "
                    "redaktører. Husker om menyen er slått sammen.</li>"
                    "</ul>"
                    "<p>Publiseringsløsningen lagrer også noen visningsvalg for redaktører i "
                    "nettleserens lokale lagring. Ingenting av dette sendes til andre.</p>"
                ),
            ),
            ("heading", "Behandlingsgrunnlag"),
            (
                "paragraph",
                (
                    "<p>Behandlingen skjer etter personopplysningsloven og EUs "
                    "personvernforordning (GDPR). Brukerkontoer, påmeldinger og serverlogger "
                    "behandles fordi det er nødvendig for å utføre nettverkets oppgaver "
                    "(artikkel 6 nr. 1 bokstav e). Publisering av kontaktpersoner bygger på "
                    "samtykke (artikkel 6 nr. 1 bokstav a), som du når som helst kan trekke "
                    "tilbake.</p>"
                ),
            ),
            ("heading", "Dine rettigheter"),
            (
                "paragraph",
                (
                    "<p>Du har rett til innsyn i opplysningene vi har om deg, og til å få dem "
                    "rettet eller slettet. Du kan også be om begrenset behandling, protestere "
                    "mot behandlingen og få utlevert opplysningene i et maskinlesbart format. "
                    "Vi svarer på henvendelser uten ugrunnet opphold og senest innen 30 "
                    "dager.</p>"
                    "<p>Er du medlem med konto, finner du alt portalen har lagret om deg under "
                    "«Mine data» på siden Min kommune. Der kan du laste det ned som fil og "
                    "slette kontoen din selv. Det du har registrert for kommunen din "
                    "(markeringer og status), hører til kommunen og blir stående, men uten "
                    "navnet ditt.</p>"
                ),
            ),
            (
                "callout",
                {
                    "title": "Kontakt om personvern",
                    "text": (
                        f"<p>Spørsmål om personvern kan rettes til regional kontaktperson "
                        f"{_CONTACT_NAME}, {_CONTACT_MAILTO}, telefon {_CONTACT_PHONE}. Mener "
                        "du at vi behandler opplysningene dine i strid med regelverket, kan "
                        'du klage til <a href="https://www.datatilsynet.no/">'
                        "Datatilsynet</a>.</p>"
                    ),
                },
            ),
            (
                "links",
                [
                    {"title": "Datatilsynet", "url": "https://www.datatilsynet.no/"},
                    {
                        "title": "Personopplysningsloven på Lovdata",
                        "url": "https://lovdata.no/dokument/NL/lov/2018-06-15-38",
                    },
                ],
            ),
        ],
    },
    # ------------------------------------------------------------------------------
    {
        "title": "Tilgjengelighetserklæring",
        "slug": "tilgjengelighetserklaering",
        "intro": (
            "Portalen skal kunne brukes av alle. Her beskriver vi hvilke krav vi følger, "
            "hva vi vet om begrensninger, og hvordan du kan melde fra om feil."
        ),
        "body": [
            ("heading", "Krav og målsetting"),
            (
                "paragraph",
                (
                    "<p>Portalen har som mål å oppfylle kravene i WCAG 2.1 på nivå AA, slik "
                    "forskrift om universell utforming av informasjons- og "
                    "kommunikasjonsteknologiske (IKT)-løsninger krever. Nettstedet er bygd på "
                    "Digdirs <i>Designsystemet</i>, som er utviklet med tilgjengelighet som "
                    "utgangspunkt, og sidene fungerer også uten JavaScript.</p>"
                ),
            ),
            ("heading", "Kjente begrensninger"),
            (
                "paragraph",
                (
                    "<p>Vi kjenner ikke til brudd på kravene i selve portalen. Presentasjoner "
                    "og dokumenter fra eksterne foredragsholdere publiseres slik vi mottar dem, "
                    "og de er ikke alltid fullt ut tilgjengelige. Trenger du innholdet i en "
                    "annen form, hjelper vi deg gjerne.</p>"
                ),
            ),
            ("heading", "Gi tilbakemelding"),
            (
                "paragraph",
                (
                    f"<p>Opplever du noe som ikke fungerer, eller trenger du innhold i et annet "
                    f"format? Ta kontakt med regional kontaktperson {_CONTACT_NAME} på "
                    f"{_CONTACT_MAILTO} eller telefon {_CONTACT_PHONE}.</p>"
                ),
            ),
            (
                "callout",
                {
                    "title": "Klage til tilsynet",
                    "text": (
                        "<p>Får du ikke svar, eller er du ikke fornøyd med svaret, kan du "
                        "melde fra til Tilsynet for universell utforming av ikt på "
                        '<a href="https://www.uutilsynet.no/">uutilsynet.no</a>.</p>'
                    ),
                },
            ),
            (
                "links",
                [
                    {
                        "title": "Tilsynet for universell utforming av ikt",
                        "url": "https://www.uutilsynet.no/",
                    },
                    {
                        "title": "Forskrift om universell utforming av IKT-løsninger",
                        "url": "https://lovdata.no/dokument/SF/forskrift/2013-06-21-732",
                    },
                ],
            ),
        ],
    },
]
