"""Demo content for the HTM model (KS's "Helhetlig tjenestemodell for velferdsteknologi").

Norwegian (bokmål) seed data used by the portal's loader to populate the HTM section:

* ``ROLES``: the roles that can be responsible for ("ansvarlig") or involved in ("involvert")
  a phase or a task area.
* ``PHASES``: the four phases of the service pathway (tjenesteforløpet).
* ``GROUPS``: the five groups of ongoing municipal tasks (løpende kommunale oppgaver), each
  with its task areas.

Phases and areas share the same keys. ``responsible`` and ``involved`` hold role slugs from
``ROLES``. Phase 1 ("Behov oppstår") and the area "Opplæring" reproduce KS's published goals,
tasks and tips; the remaining content is demo text written for E-helse Nordland.
"""

# Long URLs shared by several resources below.
_KS_HTM_URL = (
    "https://www.ks.no/fagomrader/helse-og-omsorg/velferdsteknologi3/"
    "helhetlig-tjenestemodell-for-velferdsteknologi2/"
)
_KS_ABC_URL = (
    "https://www.ks.no/fagomrader/helse-og-omsorg/velferdsteknologi3/velferdsteknologiens-abc/"
)
_HDIR_SAKSBEHANDLING_URL = (
    "https://www.helsedirektoratet.no/"
    "veiledere/saksbehandling-av-tjenester-etter-helse-og-omsorgstjenesteloven"
)

# Roles referenced by slug from the ``responsible`` and ``involved`` lists below.
ROLES: list[dict] = [
    {
        "slug": "tjenesteleder",
        "name": "Tjenesteleder",
        "description": (
            "Har det overordnede ansvaret for at tjenester støttet av teknologi er forankret, "
            "organisert og fulgt opp i egen enhet, og prioriterer ressurser til arbeidet."
        ),
    },
    {
        "slug": "tildelingskontor-saksbehandler",
        "name": "Tildelingskontor/saksbehandler",
        "description": (
            "Kartlegger behov, vurderer helseteknologi på lik linje med andre tiltak og fatter "
            "vedtak om tjenester etter gjeldende saksbehandlingsregler."
        ),
    },
    {
        "slug": "helsepersonell-i-tjenesten",
        "name": "Helsepersonell i tjenesten",
        "description": (
            "Bruker teknologien i det daglige arbeidet, følger opp brukeren, melder fra om endrede "
            "behov og bidrar med erfaringer til evaluering og forbedring."
        ),
    },
    {
        "slug": "responssenter",
        "name": "Responssenter",
        "description": (
            "Mottar og håndterer varsler og alarmer fra blant annet trygghetsalarmer og digitalt "
            "tilsyn, og sørger for riktig respons og utrykning."
        ),
    },
    {
        "slug": "it-drift",
        "name": "IT-drift",
        "description": (
            "Drifter og sikrer systemer, plattformer, nettverk og integrasjoner som "
            "helseteknologien er avhengig av, og forvalter tilganger og teknisk dokumentasjon."
        ),
    },
    {
        "slug": "innkjop",
        "name": "Innkjøp",
        "description": (
            "Planlegger og gjennomfører anskaffelser og avrop i tråd med regelverket for "
            "offentlige anskaffelser, og bistår i oppfølgingen av avtalene."
        ),
    },
    {
        "slug": "personvernombud",
        "name": "Personvernombud",
        "description": (
            "Gir råd om og kontrollerer at behandlingen av personopplysninger skjer i tråd med "
            "personvernregelverket, blant annet ved vurderinger av personvernkonsekvenser (DPIA)."
        ),
    },
    {
        "slug": "leverandor",
        "name": "Leverandør",
        "description": (
            "Leverer utstyr, programvare og tjenester etter avtale, og bidrar med support, "
            "oppgraderinger, dokumentasjon og opplæring."
        ),
    },
    {
        "slug": "bruker-og-parorende",
        "name": "Bruker og pårørende",
        "description": (
            "Deltar i kartlegging og evaluering, bruker løsningen i hverdagen og gir "
            "tilbakemeldinger som brukes til å tilpasse tjenesten."
        ),
    },
    {
        "slug": "ressursperson",
        "name": "Ressursperson",
        "description": (
            "Er en dedikert medarbeider med særlig kompetanse på helseteknologi, som gir kollegaer "
            "opplæring og veiledning og holder rutiner og materiell oppdatert."
        ),
    },
]

# The service pathway: from a need arises to evaluation.
PHASES: list[dict] = [
    {
        "number": 1,
        "title": "Behov oppstår",
        "slug": "behov-oppstar",
        "short_name": "Behov oppstår",
        "workshop_task": "Henvise, kartlegge og tildele",
        "intro": (
            "Tjenesteforløpet starter når et behov oppstår eller endrer seg hos en innbygger. I "
            "denne fasen blir behovet henvist, kartlagt og vurdert, og helseteknologi tildeles på "
            "lik linje med andre tjenester."
        ),
        "goals": [
            "Digitalt førstevalg",
            (
                "Kommunen har etablerte rutiner for å kunne identifisere, kartlegge og tilby "
                "helseteknologi som en integrert del av sine tjenester"
            ),
        ],
        "tasks": [
            "Utarbeid tildelingskriterier for de ulike helseteknologiske løsningene.",
            "Gjennomfør opplæring i helseteknologi for ansatte i forvaltning/tildeling.",
            "Lag rutiner for kartlegging og evaluering.",
            "Gjennomfør kartlegging med bruker og eventuelt pårørende.",
            "Publiser en oversikt over teknologi kommunen tilbyr og hva innbygger kan skaffe selv.",
            "Følg saksbehandlingsregler og sørg for at vedtak er hjemlet i riktig lovparagraf.",
            "Oppdater tjeneste, tiltak og tiltaksplan.",
            "Sett inn evalueringsdato, benytt styringsdata under evaluering.",
        ],
        "tips": [
            (
                "Tjenester støttet av teknologi skal tildeles på lik linje med kompenserende "
                "tjenester og forebyggende."
            ),
            (
                "Sørg for at saksbehandlerne har god kjennskap til hvordan de ulike teknologiene "
                "kan skape nytteverdi for brukerne."
            ),
            (
                "Ha ett felles søknadsskjema for kommunale helse- og omsorgstjenester (én vei "
                "inn). Ikke la teknologi bli noe man etterspør i tillegg til andre tjenester."
            ),
            (
                "God samhandling mellom saksbehandler, tjenesten, brukeren og eventuelt pårørende "
                "er nødvendig for å treffe behovene."
            ),
            (
                "Inkluder innbyggeren, pårørende og nærnettverket. For eksempel i oppfølging av "
                "ulike typer varsler og alarmer."
            ),
            (
                "Pass på at det kommer frem i rutinen hvor ansatte skal henvende seg når behov "
                "oppstår eller endrer seg."
            ),
        ],
        "resources": [
            {
                "title": "Veileder for saksbehandling",
                "publisher": "Helsedirektoratet",
                "url": _HDIR_SAKSBEHANDLING_URL,
            },
            {
                "title": "Lov om behandlingsmåten i forvaltningssaker (forvaltningsloven)",
                "publisher": "Lovdata",
                "url": "https://lovdata.no/dokument/NL/lov/1967-02-10",
            },
            {
                "title": "Lov om rett til innsyn i dokument i offentleg verksemd (offentleglova)",
                "publisher": "Lovdata",
                "url": "https://lovdata.no/dokument/NL/lov/2006-05-19-16",
            },
            {
                "title": "Velferdsteknologiens ABC: Emne B – Fra brukerbehov til ny løsning",
                "publisher": "KS",
                "url": _KS_ABC_URL,
            },
        ],
        "responsible": ["tildelingskontor-saksbehandler"],
        "involved": ["helsepersonell-i-tjenesten", "bruker-og-parorende", "tjenesteleder"],
        "tags": ["tildeling", "kartlegging"],
    },
    {
        "number": 2,
        "title": "Iverksette",
        "slug": "iverksette",
        "short_name": "Iverksette",
        "workshop_task": "Gjøre tilpasninger, gi opplæring og installere",
        "intro": (
            "Når vedtaket er fattet, skal løsningen tilpasses, installeres og tas i bruk. Fasen "
            "handler om at utstyret fungerer hjemme hos brukeren, at varsler går til riktig "
            "mottaker, og at bruker, pårørende og ansatte vet hvordan løsningen skal brukes."
        ),
        "goals": [
            "Løsningen er installert, testet og tilpasset brukerens behov, bolig og hverdag",
            (
                "Bruker, pårørende og ansatte vet hvordan løsningen virker og hva de skal gjøre "
                "ved varsler og feil"
            ),
            "Ansvaret for respons og oppfølging er avklart og dokumentert før tjenesten starter",
        ],
        "tasks": [
            (
                "Lag en plan for installasjonen som avklarer tidspunkt, ansvar og hvilke "
                "tilpasninger som trengs hos brukeren."
            ),
            (
                "Sørg for at utstyret er registrert, konfigurert og koblet til riktig "
                "responsmottak før det leveres ut."
            ),
            (
                "Installer og test løsningen sammen med brukeren, og kontroller at varslene kommer "
                "frem til responssenteret eller tjenesten."
            ),
            (
                "Gi bruker og pårørende tilpasset opplæring og skriftlig informasjon om hvordan "
                "løsningen brukes."
            ),
            (
                "Avklar og dokumenter hvem som skal motta og følge opp varsler, og hvordan nøkler "
                "eller digital lås skal håndteres."
            ),
            (
                "Dokumenter installasjon, innstillinger og eventuelt samtykke i journalen og i "
                "utstyrsoversikten."
            ),
            "Avtal tidspunkt for den første oppfølgingen kort tid etter oppstart.",
        ],
        "tips": [
            (
                "Bruk en sjekkliste ved installasjon, slik at ingenting blir glemt, særlig test av "
                "varsling og dekning i hele boligen."
            ),
            (
                "Legg installasjonen til et tidspunkt der pårørende eller en kjent ansatt kan være "
                "til stede, slik at brukeren føler seg trygg."
            ),
            (
                "Sjekk mobildekning, strøm og internett i boligen på forhånd, og planlegg "
                "alternative løsninger ved behov."
            ),
            (
                "Ta en telefon eller et besøk etter noen dager for å fange opp spørsmål og behov "
                "for justeringer tidlig."
            ),
        ],
        "resources": [
            {
                "title": "Velferdsteknologiens ABC – nasjonalt opplæringsmateriell",
                "publisher": "KS",
                "url": _KS_ABC_URL,
            },
            {
                "title": "Helhetlig tjenestemodell for velferdsteknologi",
                "publisher": "KS",
                "url": _KS_HTM_URL,
            },
        ],
        "responsible": ["helsepersonell-i-tjenesten"],
        "involved": ["ressursperson", "bruker-og-parorende", "responssenter", "leverandor"],
        "tags": ["installasjon", "opplæring", "oppstart"],
    },
    {
        "number": 3,
        "title": "Respons og oppfølging",
        "slug": "respons-og-oppfolging",
        "short_name": "Respons og oppfølging",
        "workshop_task": "Ivareta respons og utrykning",
        "intro": (
            "Når løsningen er i bruk, må varsler og alarmer håndteres raskt og riktig, og brukeren "
            "må følges opp over tid. Fasen omfatter arbeidet i responssenteret, utrykning og den "
            "løpende oppfølgingen i tjenesten."
        ),
        "goals": [
            "Alle varsler og alarmer blir mottatt, vurdert og fulgt opp innen avtalt tid",
            "Brukeren opplever trygghet, og tjenesten fanger opp endrede behov tidlig",
            "Tekniske feil og avvik blir oppdaget, meldt og rettet raskt",
        ],
        "tasks": [
            (
                "Lag tydelige rutiner for mottak, vurdering og håndtering av de ulike typene "
                "varsler og alarmer."
            ),
            "Avklar responstider og hvem som rykker ut, både på dagtid, kveld, natt og i helger.",
            (
                "Sørg for at responssenteret har oppdatert informasjon om brukeren, "
                "kontaktpersoner og nøkkelhåndtering."
            ),
            (
                "Følg med på tekniske varsler som lavt batteri, tapt forbindelse og manglende "
                "testsignal, og sørg for at de blir fulgt opp."
            ),
            "Dokumenter hendelser og tiltak i journalen, og meld avvik i kommunens avvikssystem.",
            "Meld fra til tildelingskontoret når brukerens behov endrer seg.",
        ],
        "tips": [
            (
                "Øv jevnlig på håndtering av alarmer og utrykning, også ved strømbrudd eller feil "
                "i nettverket."
            ),
            (
                "Bruk statistikk fra responssenteret til å se mønstre, for eksempel mange falske "
                "alarmer, og juster løsningen eller innstillingene."
            ),
            (
                "Involver pårørende og nærnettverk i oppfølgingen der det er ønsket og forsvarlig, "
                "for eksempel som første mottaker av enkelte varsler."
            ),
            (
                "Sørg for at ansatte vet hvor de skal henvende seg når teknologien ikke virker som "
                "den skal."
            ),
        ],
        "resources": [
            {
                "title": (
                    "Lov om kommunale helse- og omsorgstjenester m.m. (helse- og "
                    "omsorgstjenesteloven)"
                ),
                "publisher": "Lovdata",
                "url": "https://lovdata.no/dokument/NL/lov/2011-06-24-30",
            },
            {
                "title": "Helsetilsynet",
                "publisher": "Statens helsetilsyn",
                "url": "https://www.helsetilsynet.no/",
            },
            {
                "title": "Helhetlig tjenestemodell for velferdsteknologi",
                "publisher": "KS",
                "url": _KS_HTM_URL,
            },
        ],
        "responsible": ["responssenter"],
        "involved": ["helsepersonell-i-tjenesten", "bruker-og-parorende", "it-drift"],
        "tags": ["respons", "alarmer", "oppfølging"],
    },
    {
        "number": 4,
        "title": "Evaluering",
        "slug": "evaluering",
        "short_name": "Evaluering",
        "workshop_task": "Evaluere og videreføre, endre eller avslutte tjeneste",
        "intro": (
            "Tjenester støttet av teknologi skal evalueres jevnlig for å sikre at de fortsatt "
            "dekker brukerens behov. Evalueringen gir grunnlaget for å videreføre, endre eller "
            "avslutte tjenesten."
        ),
        "goals": [
            "Tjenesten blir evaluert til fastsatt tid og når brukerens behov endrer seg",
            (
                "Beslutningen om å videreføre, endre eller avslutte tjenesten bygger på brukerens "
                "erfaringer og styringsdata"
            ),
        ],
        "tasks": [
            (
                "Gjennomfør evaluering til fastsatt evalueringsdato sammen med bruker og eventuelt "
                "pårørende."
            ),
            (
                "Hent inn styringsdata, som antall varsler, responstid og bruksmønster, som "
                "grunnlag for evalueringen."
            ),
            "Innhent erfaringer fra ansatte og responssenteret som følger opp brukeren.",
            (
                "Fatt nytt vedtak ved endring eller avslutning av tjenesten, og følg "
                "saksbehandlingsreglene."
            ),
            (
                "Sørg for at utstyr som ikke lenger skal brukes, blir hentet, rengjort, "
                "tilbakestilt og registrert på lager."
            ),
            (
                "Avslutt tilganger og dataflyt, og slett personopplysninger som ikke lenger skal "
                "lagres."
            ),
            (
                "Del erfaringer fra evalueringene med dem som har ansvar for å videreutvikle "
                "tjenesten."
            ),
        ],
        "tips": [
            (
                "Bruk et fast evalueringsskjema, slik at evalueringene blir sammenlignbare og kan "
                "brukes i gevinstarbeidet."
            ),
            (
                "Spør brukeren om opplevd trygghet, mestring og livskvalitet, ikke bare om "
                "teknologien virker."
            ),
            "Sett evalueringsdato allerede når vedtaket fattes, og legg den inn i fagsystemet.",
            (
                "Se på evalueringene samlet med jevne mellomrom for å finne forbedringsområder i "
                "tjenesteforløpet."
            ),
        ],
        "resources": [
            {
                "title": "Veileder for saksbehandling",
                "publisher": "Helsedirektoratet",
                "url": _HDIR_SAKSBEHANDLING_URL,
            },
            {
                "title": "Lov om behandlingsmåten i forvaltningssaker (forvaltningsloven)",
                "publisher": "Lovdata",
                "url": "https://lovdata.no/dokument/NL/lov/1967-02-10",
            },
            {
                "title": (
                    "Lov om kommunale helse- og omsorgstjenester m.m. (helse- og "
                    "omsorgstjenesteloven)"
                ),
                "publisher": "Lovdata",
                "url": "https://lovdata.no/dokument/NL/lov/2011-06-24-30",
            },
        ],
        "responsible": ["tildelingskontor-saksbehandler"],
        "involved": ["helsepersonell-i-tjenesten", "bruker-og-parorende", "responssenter"],
        "tags": ["evaluering", "styringsdata"],
    },
]

# Ongoing municipal tasks, grouped; area numbers count from 1 within each group.
GROUPS: list[dict] = [
    {
        "number": 1,
        "title": "Vedlikehold og videreutvikling av tjenesten",
        "slug": "vedlikehold-og-videreutvikling-av-tjenesten",
        "intro": (
            "Oppgaver som sørger for at tjenester støttet av teknologi er godt forankret, trygge "
            "og i stadig utvikling. Her hører blant annet planlegging, samhandling, personvern, "
            "opplæring, økonomi og rutiner hjemme."
        ),
        "areas": [
            {
                "number": 1,
                "title": "Behov, implementere og skalere",
                "slug": "behov-implementere-og-skalere",
                "short_name": "Behov, implementere og skalere",
                "workshop_task": "Avklare tjenestens behov og implementere nye løsninger",
                "intro": (
                    "Kommunen må jevnlig vurdere hvilke behov tjenestene har, og hvordan nye "
                    "løsninger kan tas i bruk og skaleres. Området handler om å gå strukturert fra "
                    "behov til varig drift."
                ),
                "goals": [
                    (
                        "Kommunen har oversikt over tjenestenes behov og over hvilke "
                        "helseteknologiske løsninger som kan møte dem"
                    ),
                    "Nye løsninger blir implementert planmessig og skalert når de har vist nytte",
                ],
                "tasks": [
                    (
                        "Kartlegg behovene i tjenestene og i befolkningen, blant annet med "
                        "utgangspunkt i demografi og kommunens planer."
                    ),
                    "Forankre arbeidet med helseteknologi i ledelsen og i kommunens planverk.",
                    "Lag en plan for implementering med mål, milepæler, ansvar og ressurser.",
                    (
                        "Involver ansatte, brukere og pårørende tidlig når nye løsninger skal "
                        "vurderes."
                    ),
                    "Bruk erfaringene fra utprøving før løsningen innføres bredt.",
                    (
                        "Vurder om løsningen kan skaleres til flere brukere, enheter eller "
                        "kommuner, og planlegg overgangen fra prosjekt til drift."
                    ),
                ],
                "tips": [
                    (
                        "Start med en avgrenset brukergruppe, og ta lærdom av erfaringene før dere "
                        "skalerer."
                    ),
                    (
                        "Samarbeid med nabokommuner og regionale nettverk, som E-helse Nordland, "
                        "for å dele erfaringer og ressurser."
                    ),
                    (
                        "Bruk Helhetlig tjenestemodell som sjekkliste for å se at alle løpende "
                        "oppgaver er ivaretatt før en ny løsning settes i drift."
                    ),
                    (
                        "Sett av tid til endringsledelse. Ny teknologi krever ofte nye måter å "
                        "jobbe på."
                    ),
                ],
                "resources": [
                    {
                        "title": "Helhetlig tjenestemodell for velferdsteknologi",
                        "publisher": "KS",
                        "url": _KS_HTM_URL,
                    },
                    {
                        "title": "Velferdsteknologiens ABC – nasjonalt opplæringsmateriell",
                        "publisher": "KS",
                        "url": _KS_ABC_URL,
                    },
                ],
                "responsible": ["tjenesteleder"],
                "involved": [
                    "ressursperson",
                    "helsepersonell-i-tjenesten",
                    "it-drift",
                    "bruker-og-parorende",
                ],
                "tags": ["implementering", "skalering", "tjenesteutvikling"],
            },
            {
                "number": 2,
                "title": "Samhandling",
                "slug": "samhandling",
                "short_name": "Samhandling",
                "workshop_task": "",
                "intro": (
                    "Tjenester støttet av teknologi involverer mange aktører, både i og utenfor "
                    "kommunen. God samhandling sikrer at informasjon, ansvar og oppgaver henger "
                    "sammen gjennom hele tjenesteforløpet."
                ),
                "goals": [
                    "Aktørene rundt brukeren kjenner sine roller og har avklarte kontaktpunkter",
                    "Informasjon om brukeren og løsningen deles sikkert og til rett tid",
                ],
                "tasks": [
                    "Lag en oversikt over aktører, roller og ansvar for hver løsning.",
                    (
                        "Avklar ansvarsdeling og kontaktpunkter mellom tildelingskontor, "
                        "tjenesten, responssenter, IT-drift og leverandører."
                    ),
                    "Etabler faste møtepunkter mellom tjenesten, IT-drift og responssenteret.",
                    (
                        "Sørg for at samarbeidsavtaler med andre kommuner, interkommunale "
                        "responssentre og spesialisthelsetjenesten omtaler bruk av helseteknologi."
                    ),
                    (
                        "Bruk sikre kanaler, som helsenettet og elektroniske meldinger, når "
                        "helseopplysninger skal deles."
                    ),
                ],
                "tips": [
                    (
                        "Tegn opp tjenesteforløpet og marker hvor informasjon og ansvar går over "
                        "fra én aktør til en annen."
                    ),
                    "Gi hver løsning en fast kontaktperson både i tjenesten og i IT-drift.",
                    (
                        "Delta i regionale nettverk for å lære av hvordan andre kommuner "
                        "organiserer samhandlingen."
                    ),
                ],
                "resources": [
                    {
                        "title": "Norsk helsenett",
                        "publisher": "Norsk helsenett",
                        "url": "https://www.nhn.no/",
                    },
                    {
                        "title": "Helhetlig tjenestemodell for velferdsteknologi",
                        "publisher": "KS",
                        "url": _KS_HTM_URL,
                    },
                ],
                "responsible": ["tjenesteleder"],
                "involved": [
                    "tildelingskontor-saksbehandler",
                    "responssenter",
                    "it-drift",
                    "leverandor",
                ],
                "tags": ["samhandling", "roller"],
            },
            {
                "number": 3,
                "title": "Kommunikasjon og informasjon",
                "slug": "kommunikasjon-og-informasjon",
                "short_name": "Kommunikasjon og informasjon",
                "workshop_task": "Gjennomføre kommunikasjonstiltak",
                "intro": (
                    "Innbyggere, pårørende og ansatte trenger god og lett tilgjengelig informasjon "
                    "om hvilke løsninger kommunen tilbyr, og hvordan de brukes. Planlagt "
                    "kommunikasjon gir forståelse, trygghet og økt bruk."
                ),
                "goals": [
                    (
                        "Innbyggere og pårørende vet hvilke løsninger kommunen tilbyr, og hvordan "
                        "de kan søke"
                    ),
                    "Ansatte har oppdatert informasjon om løsninger, endringer og rutiner",
                ],
                "tasks": [
                    "Lag en kommunikasjonsplan med målgrupper, budskap, kanaler og ansvar.",
                    "Publiser oppdatert informasjon om helseteknologi på kommunens nettsider.",
                    (
                        "Lag informasjonsmateriell tilpasset brukere og pårørende, ved behov også "
                        "på andre språk og i lettlest form."
                    ),
                    "Informer ansatte i god tid før endringer, oppgraderinger og nye løsninger.",
                    (
                        "Følg opp spørsmål og tilbakemeldinger fra innbyggere og ansatte, og bruk "
                        "dem til å forbedre informasjonen."
                    ),
                ],
                "tips": [
                    (
                        "Bruk konkrete eksempler fra brukere for å vise hva teknologien kan bety i "
                        "hverdagen."
                    ),
                    (
                        "Samarbeid med kommunens kommunikasjonsrådgivere, eldrerådet og frivillige "
                        "organisasjoner."
                    ),
                    (
                        "Samle informasjonen på ett sted, slik at både innbyggere og ansatte vet "
                        "hvor de finner den."
                    ),
                    (
                        "Bruk arenaer der målgruppene allerede er, som seniorsentre, "
                        "pårørendeskoler og brukerorganisasjoner."
                    ),
                ],
                "resources": [
                    {
                        "title": "Helhetlig tjenestemodell for velferdsteknologi",
                        "publisher": "KS",
                        "url": _KS_HTM_URL,
                    },
                    {
                        "title": "Velferdsteknologiens ABC – nasjonalt opplæringsmateriell",
                        "publisher": "KS",
                        "url": _KS_ABC_URL,
                    },
                ],
                "responsible": ["tjenesteleder"],
                "involved": [
                    "ressursperson",
                    "tildelingskontor-saksbehandler",
                    "bruker-og-parorende",
                ],
                "tags": ["kommunikasjon", "informasjon"],
            },
            {
                "number": 4,
                "title": "Risiko og beredskap",
                "slug": "risiko-og-beredskap",
                "short_name": "Risiko og beredskap",
                "workshop_task": "Vurdere risiko og planlegge beredskap",
                "intro": (
                    "Når tjenester blir avhengige av teknologi, må kommunen vite hva som kan "
                    "svikte og hvordan det skal håndteres. Risikovurderinger og beredskapsplaner "
                    "bidrar til at brukerne er trygge, også når teknologien ikke virker."
                ),
                "goals": [
                    (
                        "Risiko knyttet til tjenester støttet av teknologi er kartlagt og blir "
                        "fulgt opp"
                    ),
                    (
                        "Kommunen har beredskapsplaner som sikrer forsvarlige tjenester hvis "
                        "teknologien faller ut"
                    ),
                ],
                "tasks": [
                    (
                        "Gjennomfør en risiko- og sårbarhetsanalyse (ROS-analyse) for hver løsning "
                        "og for tjenesteforløpet som helhet."
                    ),
                    (
                        "Lag beredskapsplaner for bortfall av strøm, mobilnett, internett og "
                        "fagsystemer."
                    ),
                    (
                        "Avklar hvordan brukere med kritiske løsninger, som trygghetsalarm og "
                        "digitalt tilsyn, skal følges opp ved driftsbrudd."
                    ),
                    (
                        "Sørg for at leverandørene varsler om feil og driftsbrudd, og at varslene "
                        "når riktig mottaker."
                    ),
                    "Øv på beredskapsplanene jevnlig, og oppdater dem etter øvelser og hendelser.",
                    "Følg opp avvik og uønskede hendelser, og bruk dem til læring og forbedring.",
                ],
                "tips": [
                    (
                        "Ta utgangspunkt i kommunens helhetlige ROS-analyse, slik at "
                        "helseteknologien blir en del av kommunens samlede beredskap."
                    ),
                    (
                        "Hold en oppdatert oversikt over brukere som er særlig avhengige av "
                        "teknologien, slik at de kan prioriteres raskt ved hendelser."
                    ),
                    (
                        "Lær av tilsynssaker der teknologi har sviktet, og vurder om noe "
                        "tilsvarende kan skje i egen kommune."
                    ),
                    "Involver IT-drift, responssenteret og leverandørene i risikovurderingene.",
                ],
                "resources": [
                    {
                        "title": "Direktoratet for samfunnssikkerhet og beredskap (DSB)",
                        "publisher": "DSB",
                        "url": "https://www.dsb.no/",
                    },
                    {
                        "title": "Helsetilsynet",
                        "publisher": "Statens helsetilsyn",
                        "url": "https://www.helsetilsynet.no/",
                    },
                    {
                        "title": (
                            "Normen (Norm for informasjonssikkerhet og personvern i helse- og "
                            "omsorgssektoren)"
                        ),
                        "publisher": "Helsedirektoratet",
                        "url": "https://www.ehelse.no/normen",
                    },
                ],
                "responsible": ["tjenesteleder"],
                "involved": ["it-drift", "responssenter", "leverandor"],
                "tags": ["risiko", "beredskap"],
            },
            {
                "number": 5,
                "title": "Personvern og informasjonssikkerhet",
                "slug": "personvern-og-informasjonssikkerhet",
                "short_name": "Personvern og informasjonssikkerhet",
                "workshop_task": "Forvalte rutiner for behandling av personopplysninger",
                "intro": (
                    "Helseteknologi behandler ofte helseopplysninger og andre sensitive "
                    "personopplysninger. Kommunen må sikre at behandlingen er lovlig, at "
                    "informasjonen er beskyttet, og at brukerens rettigheter blir ivaretatt."
                ),
                "goals": [
                    (
                        "Behandlingen av personopplysninger i hver løsning har et rettslig "
                        "grunnlag og er dokumentert"
                    ),
                    (
                        "Informasjonssikkerheten er ivaretatt i tråd med Normen og kommunens "
                        "internkontroll"
                    ),
                    "Brukerne får god informasjon om hvordan opplysningene deres behandles",
                ],
                "tasks": [
                    "Før en protokoll over behandlinger av personopplysninger for alle løsningene.",
                    (
                        "Vurder om det må gjøres en vurdering av personvernkonsekvenser (DPIA), og "
                        "gjennomfør den før løsningen tas i bruk."
                    ),
                    (
                        "Inngå databehandleravtaler med leverandører som behandler "
                        "personopplysninger på vegne av kommunen."
                    ),
                    (
                        "Lag rutiner for tilgangsstyring, logging, lagring og sletting av "
                        "opplysninger."
                    ),
                    (
                        "Sørg for at brukere og pårørende får informasjon om behandlingen, og at "
                        "samtykke blir innhentet og dokumentert der det kreves."
                    ),
                    (
                        "Håndter og meld brudd på personopplysningssikkerheten innen fristene i "
                        "regelverket."
                    ),
                ],
                "tips": [
                    (
                        "Involver personvernombudet tidlig, allerede når behovet for en ny løsning "
                        "vurderes."
                    ),
                    (
                        "Bruk maler og veiledere fra Normen og Datatilsynet for å spare tid og "
                        "sikre kvaliteten."
                    ),
                    (
                        "Vær særlig oppmerksom på løsninger med lokalisering (GPS), kamera eller "
                        "sensorer i hjemmet, fordi de kan oppleves som inngripende."
                    ),
                    (
                        "Gå gjennom rutinene jevnlig og etter oppgraderinger, nye integrasjoner "
                        "eller bytte av leverandør."
                    ),
                ],
                "resources": [
                    {
                        "title": (
                            "Normen (Norm for informasjonssikkerhet og personvern i helse- og "
                            "omsorgssektoren)"
                        ),
                        "publisher": "Helsedirektoratet",
                        "url": "https://www.ehelse.no/normen",
                    },
                    {
                        "title": "Datatilsynet",
                        "publisher": "Datatilsynet",
                        "url": "https://www.datatilsynet.no/",
                    },
                    {
                        "title": "Lov om behandling av personopplysninger (personopplysningsloven)",
                        "publisher": "Lovdata",
                        "url": "https://lovdata.no/dokument/NL/lov/2018-06-15-38",
                    },
                ],
                "responsible": ["tjenesteleder"],
                "involved": ["personvernombud", "it-drift", "leverandor"],
                "tags": ["personvern", "informasjonssikkerhet"],
            },
            {
                "number": 6,
                "title": "Opplæring",
                "slug": "opplaering",
                "short_name": "Opplæring",
                "workshop_task": "Lede og gjennomføre opplæring for ansatte",
                "intro": (
                    "Opplæring er en forutsetning for at helseteknologi blir brukt trygt og "
                    "riktig. Området omfatter opplæring av ansatte og oppdatert "
                    "opplæringsmateriell for helsepersonell, brukere og pårørende."
                ),
                "goals": [
                    "Felles forståelse for behov, mål og anvendelse av helseteknologi",
                    "Ansatte er trygge på bruk av helseteknologi og har fått relevant opplæring",
                ],
                "tasks": [
                    "Få oversikt over målgruppene og deres behov for opplæring.",
                    "Lag en plan for opplæring forankret på ledernivå.",
                    "Sikre at nyansatte og vikarer får opplæring.",
                    "Tilrettelegg for kompetanseheving på tvers av IT, teknisk og helse og omsorg.",
                    (
                        "Sørg for å holde opplæringsmateriell oppdatert på tvers av kanaler. Ved "
                        "oppgraderinger av utstyr og systemer, er det viktig å gjenspeile ny "
                        "funksjonalitet i opplæringsmateriellet, både for helsepersonell, brukere "
                        "og pårørende."
                    ),
                ],
                "tips": [
                    (
                        "Samarbeid om opplæring med andre (f.eks. USHT, andre kommuner, nettverk, "
                        "frivillighet og leverandører). Hvem kan bidra med hva og hva trenger "
                        "målgruppene i din kommune?"
                    ),
                    (
                        "Undersøk hva som finnes av opplæringsarenaer, åpne verktøy og ressurser "
                        "(nettsider, e-læring, velferdsteknologiens ABC, KS kunnskap, "
                        "kvikk-guider, etc.)."
                    ),
                    (
                        "Læring av ny praksis og kultur tar tid. Ha opplæringen om helseteknologi "
                        "inn i eksisterende rutiner for ansatte og nyansatte og i kommunens "
                        "kompetanseplan."
                    ),
                    (
                        "Bruk eksisterende møter og fora for enkel tilgjengelighet. Eksempel: "
                        "personalmøter, allmøter, ledermøter eller andre faste møter. Bruk av "
                        "digital opplæring kan også være nyttig og mer fleksibelt (e-læring, VR, "
                        "spill etc.)."
                    ),
                    (
                        "Dedikerte ressurspersoner på avdelingene/sonene i tjenesten kan tildeles "
                        "et ansvar for å gjennomføre opplæring og oppdatere rutiner og materiell. "
                        "Pass på at disse får avsatt tid og et tydelig mandat til å forvalte og "
                        "gjennomføre opplæringen."
                    ),
                    (
                        "Etabler møter for ressurspersonene for å sikre et nettverk for deling av "
                        "erfaringer og kompetanseheving. Reflektere over felles praksis er viktig."
                    ),
                ],
                "resources": [
                    {
                        "title": "Velferdsteknologiens ABC – nasjonalt opplæringsmateriell",
                        "publisher": "KS",
                        "url": _KS_ABC_URL,
                    },
                    {"title": "Kvikk-guider", "publisher": "KS", "url": _KS_HTM_URL},
                ],
                "responsible": ["tjenesteleder"],
                "involved": ["ressursperson", "helsepersonell-i-tjenesten", "leverandor"],
                "tags": ["opplæring", "kompetanse"],
            },
            {
                "number": 7,
                "title": "Budsjettering",
                "slug": "budsjettering",
                "short_name": "Budsjettering",
                "workshop_task": "Budsjettere",
                "intro": (
                    "Tjenester støttet av teknologi gir både investeringer og løpende kostnader. "
                    "God budsjettering gir forutsigbar drift og gjør det mulig å prioritere videre "
                    "satsing på helseteknologi."
                ),
                "goals": [
                    (
                        "Kommunen har oversikt over investeringer og løpende kostnader for "
                        "helseteknologi"
                    ),
                    (
                        "Drift, vedlikehold og videreutvikling av løsningene er sikret i budsjett "
                        "og økonomiplan"
                    ),
                ],
                "tasks": [
                    (
                        "Kartlegg alle kostnader, som utstyr, lisenser, kommunikasjon, drift, "
                        "support, opplæring og responssenter."
                    ),
                    (
                        "Innarbeid helseteknologi i budsjett og økonomiplan, og skill mellom "
                        "investering og drift."
                    ),
                    (
                        "Avklar hvordan kostnadene skal fordeles mellom enheter, tjenester og "
                        "eventuelle samarbeidskommuner."
                    ),
                    (
                        "Avklar om det skal kreves egenandel for enkelte løsninger, og at dette i "
                        "så fall er i tråd med regelverket."
                    ),
                    (
                        "Følg opp forbruket gjennom året, og juster ved endringer i antall brukere "
                        "eller i avtalene."
                    ),
                ],
                "tips": [
                    (
                        "Se budsjettet i sammenheng med gevinstarbeidet, slik at kostnader og "
                        "gevinster vurderes samlet."
                    ),
                    (
                        "Husk kostnader som er lette å glemme, som utskifting av utstyr, "
                        "batterier, oppgraderinger og tid til support."
                    ),
                    (
                        "Ta med tjenesteledere, IT-drift og innkjøp når budsjettet lages, slik at "
                        "det blir realistisk."
                    ),
                ],
                "resources": [
                    {
                        "title": "Helhetlig tjenestemodell for velferdsteknologi",
                        "publisher": "KS",
                        "url": _KS_HTM_URL,
                    },
                    {
                        "title": "Helsedirektoratet",
                        "publisher": "Helsedirektoratet",
                        "url": "https://www.helsedirektoratet.no/",
                    },
                ],
                "responsible": ["tjenesteleder"],
                "involved": ["innkjop", "it-drift"],
                "tags": ["budsjett", "økonomi"],
            },
            {
                "number": 8,
                "title": "Gevinstarbeid",
                "slug": "gevinstarbeid",
                "short_name": "Gevinstarbeid",
                "workshop_task": "Følge opp gevinster",
                "intro": (
                    "Gevinstarbeid handler om å planlegge, måle og ta ut effektene av "
                    "helseteknologi. Gevinstene kan være økt trygghet og mestring for brukeren, "
                    "bedre kvalitet og mer effektiv bruk av ressursene."
                ),
                "goals": [
                    "Forventede gevinster er beskrevet, målbare og forankret i ledelsen",
                    "Gevinstene blir målt, fulgt opp og realisert over tid",
                ],
                "tasks": [
                    (
                        "Lag en plan for gevinstrealisering med gevinster, indikatorer, ansvarlige "
                        "og tidspunkter for måling."
                    ),
                    "Gjennomfør en nullpunktsmåling før løsningen tas i bruk.",
                    (
                        "Mål gevinstene jevnlig, for eksempel færre unødvendige besøk, spart "
                        "kjøretid og opplevd trygghet hos brukerne."
                    ),
                    "Bestem hvordan frigjorte ressurser skal brukes, og dokumenter beslutningen.",
                    "Rapporter resultatene til ledelsen, og bruk dem i videre planlegging.",
                ],
                "tips": [
                    "Ta med både kvalitative og økonomiske gevinster, og skill tydelig mellom dem.",
                    "Bruk styringsdata fra fagsystemet og responssenteret til å følge utviklingen.",
                    (
                        "Gjør gevinstarbeidet til en fast del av lederoppfølgingen, ikke til et "
                        "eget prosjekt."
                    ),
                    "Vær åpen om gevinster som uteblir, og bruk det som grunnlag for forbedring.",
                ],
                "resources": [
                    {
                        "title": "Helhetlig tjenestemodell for velferdsteknologi",
                        "publisher": "KS",
                        "url": _KS_HTM_URL,
                    },
                    {
                        "title": "Velferdsteknologiens ABC – nasjonalt opplæringsmateriell",
                        "publisher": "KS",
                        "url": _KS_ABC_URL,
                    },
                ],
                "responsible": ["tjenesteleder"],
                "involved": ["helsepersonell-i-tjenesten", "ressursperson", "responssenter"],
                "tags": ["gevinstrealisering", "styringsdata"],
            },
            {
                "number": 9,
                "title": "Tildelingskriterier",
                "slug": "tildelingskriterier",
                "short_name": "Tildelingskriterier",
                "workshop_task": "Vedlikeholde tildelingskriterier",
                "intro": (
                    "Tildelingskriterier gir saksbehandlerne et felles grunnlag for å vurdere når "
                    "helseteknologi er et egnet tiltak. Kriteriene må holdes oppdatert i takt med "
                    "nye løsninger, erfaringer og endringer i regelverket."
                ),
                "goals": [
                    (
                        "Det finnes oppdaterte tildelingskriterier for alle helseteknologiske "
                        "løsninger kommunen tilbyr"
                    ),
                    "Tildelingen er likeverdig, forutsigbar og i tråd med regelverket",
                ],
                "tasks": [
                    (
                        "Gå gjennom tildelingskriteriene jevnlig og når nye løsninger tas i bruk "
                        "eller fases ut."
                    ),
                    (
                        "Beskriv målgruppe, formål, forutsetninger og eventuelle forhold som taler "
                        "mot bruk, for hver løsning."
                    ),
                    (
                        "Sørg for at kriteriene omtaler samtykke og hvordan samtykkekompetanse "
                        "skal vurderes."
                    ),
                    "Forankre endringer i kriteriene hos ledelsen og, ved behov, politisk.",
                    (
                        "Informer saksbehandlere og tjenesten om endringer, og oppdater rutiner og "
                        "nettsider."
                    ),
                ],
                "tips": [
                    "Bruk erfaringer fra evalueringer og avvik når kriteriene revideres.",
                    (
                        "Se kriteriene for helseteknologi i sammenheng med kriteriene for andre "
                        "tjenester, slik at teknologi vurderes på lik linje med dem."
                    ),
                    (
                        "Vær oppmerksom på at bruk av varslings- og lokaliseringsteknologi overfor "
                        "personer uten samtykkekompetanse har egne regler i pasient- og "
                        "brukerrettighetsloven."
                    ),
                    "Sammenlign gjerne med kriteriene i andre kommuner i regionen.",
                ],
                "resources": [
                    {
                        "title": (
                            "Lov om kommunale helse- og omsorgstjenester m.m. (helse- og "
                            "omsorgstjenesteloven)"
                        ),
                        "publisher": "Lovdata",
                        "url": "https://lovdata.no/dokument/NL/lov/2011-06-24-30",
                    },
                    {
                        "title": (
                            "Lov om pasient- og brukerrettigheter (pasient- og "
                            "brukerrettighetsloven)"
                        ),
                        "publisher": "Lovdata",
                        "url": "https://lovdata.no/dokument/NL/lov/1999-07-02-63",
                    },
                    {
                        "title": "Veileder for saksbehandling",
                        "publisher": "Helsedirektoratet",
                        "url": _HDIR_SAKSBEHANDLING_URL,
                    },
                ],
                "responsible": ["tildelingskontor-saksbehandler"],
                "involved": ["tjenesteleder", "helsepersonell-i-tjenesten"],
                "tags": ["tildeling", "saksbehandling"],
            },
            {
                "number": 10,
                "title": "Tjenesteforløp og rutiner",
                "slug": "tjenesteforlop-og-rutiner",
                "short_name": "Tjenesteforløp og rutiner",
                "workshop_task": "Endre på tjenesteforløp og rutiner",
                "intro": (
                    "Helseteknologi endrer arbeidsprosessene i tjenesten. Tjenesteforløp og "
                    "rutiner må beskrive hvordan teknologien brukes og hvem som gjør hva, fra "
                    "behovet oppstår til tjenesten avsluttes."
                ),
                "goals": [
                    (
                        "Tjenesteforløpene beskriver tydelig oppgaver, roller og ansvar i "
                        "tjenester støttet av teknologi"
                    ),
                    "Rutinene er kjent, tilgjengelige og i bruk blant de ansatte",
                ],
                "tasks": [
                    "Beskriv tjenesteforløpet for hver løsning, fra henvisning til avslutning.",
                    (
                        "Lag eller oppdater rutiner for installasjon, oppfølging, varsling, avvik "
                        "og avslutning."
                    ),
                    (
                        "Legg rutinene inn i kommunens kvalitetssystem, og sørg for at de er lett "
                        "tilgjengelige."
                    ),
                    (
                        "Gå gjennom rutinene jevnlig og etter avvik, oppgraderinger og "
                        "organisatoriske endringer."
                    ),
                    "Sørg for at endringer i rutinene blir kommunisert og fulgt opp med opplæring.",
                ],
                "tips": [
                    (
                        "Lag rutinene sammen med dem som skal bruke dem, og prøv dem ut i praksis "
                        "før de tas i bruk."
                    ),
                    "Hold rutinene korte og konkrete, gjerne med flytskjema og sjekklister.",
                    "Gi hver rutine en eier som har ansvar for at den holdes oppdatert.",
                ],
                "resources": [
                    {
                        "title": (
                            "Forskrift om ledelse og kvalitetsforbedring i helse- og "
                            "omsorgstjenesten"
                        ),
                        "publisher": "Lovdata",
                        "url": "https://lovdata.no/dokument/SF/forskrift/2016-10-28-1250",
                    },
                    {
                        "title": "Helhetlig tjenestemodell for velferdsteknologi",
                        "publisher": "KS",
                        "url": _KS_HTM_URL,
                    },
                ],
                "responsible": ["tjenesteleder"],
                "involved": ["ressursperson", "helsepersonell-i-tjenesten", "responssenter"],
                "tags": ["rutiner", "tjenesteforløp", "kvalitet"],
            },
            {
                "number": 11,
                "title": "System- og utstyrsportefølje",
                "slug": "system-og-utstyrsportefolje",
                "short_name": "System- og utstyrsportefølje",
                "workshop_task": "Administrere system- og utstyrsporteføljen",
                "intro": (
                    "Kommunen må ha oversikt over hvilke systemer og hvilket utstyr som er i bruk, "
                    "hvordan de henger sammen og hvor lenge de skal brukes. En godt forvaltet "
                    "portefølje gjør det lettere å prioritere, planlegge og unngå dobbeltløsninger."
                ),
                "goals": [
                    (
                        "Kommunen har en oppdatert oversikt over alle systemer og alt utstyr innen "
                        "helseteknologi"
                    ),
                    (
                        "Beslutninger om nye løsninger, utskifting og utfasing blir tatt samlet og "
                        "planmessig"
                    ),
                ],
                "tasks": [
                    (
                        "Lag og vedlikehold en oversikt over systemer, utstyrstyper, versjoner, "
                        "integrasjoner, avtaler og ansvarlige."
                    ),
                    (
                        "Vurder nye løsninger opp mot porteføljen dere allerede har, og unngå "
                        "overlappende løsninger."
                    ),
                    "Planlegg livsløp, utskifting og utfasing av systemer og utstyr.",
                    (
                        "Følg med på nasjonale føringer og felleskomponenter, for eksempel "
                        "velferdsteknologisk knutepunkt (VKP)."
                    ),
                    (
                        "Sørg for at porteføljen blir gjennomgått jevnlig i et fast forum med "
                        "tjenesten, IT-drift og innkjøp."
                    ),
                ],
                "tips": [
                    (
                        "Bruk porteføljeoversikten som grunnlag for budsjett, anskaffelser og "
                        "risikovurderinger."
                    ),
                    (
                        "Prioriter løsninger som kan integreres med fagsystemet, for eksempel via "
                        "velferdsteknologisk knutepunkt."
                    ),
                    (
                        "Samordne porteføljen med andre kommuner i regionen der det er mulig, slik "
                        "at dere kan dele kompetanse og avtaler."
                    ),
                ],
                "resources": [
                    {
                        "title": "Norsk helsenett",
                        "publisher": "Norsk helsenett",
                        "url": "https://www.nhn.no/",
                    },
                    {
                        "title": "Helhetlig tjenestemodell for velferdsteknologi",
                        "publisher": "KS",
                        "url": _KS_HTM_URL,
                    },
                ],
                "responsible": ["tjenesteleder"],
                "involved": ["it-drift", "innkjop", "ressursperson"],
                "tags": ["portefølje", "systemforvaltning"],
            },
        ],
    },
    {
        "number": 2,
        "title": "Support, lager og utstyr",
        "slug": "support-lager-og-utstyr",
        "intro": (
            "Oppgaver som sikrer at brukere og ansatte får hjelp når noe ikke virker, og at riktig "
            "utstyr er tilgjengelig, sporbart og klart til bruk."
        ),
        "areas": [
            {
                "number": 1,
                "title": "Support på systemer og utstyr",
                "slug": "support-pa-systemer-og-utstyr",
                "short_name": "Support på systemer og utstyr",
                "workshop_task": "Håndtere support på systemer og utstyr",
                "intro": (
                    "Når utstyr eller systemer svikter, må feilen oppdages, meldes og rettes "
                    "raskt. En tydelig supportmodell gjør at brukere, pårørende og ansatte vet "
                    "hvor de skal henvende seg."
                ),
                "goals": [
                    "Brukere, pårørende og ansatte vet hvor de skal melde feil og få hjelp",
                    "Feil blir håndtert innen avtalt tid, og kritiske løsninger blir prioritert",
                ],
                "tasks": [
                    (
                        "Lag en supportmodell som beskriver første-, andre- og tredjelinje og hvem "
                        "som har ansvaret på hvert nivå."
                    ),
                    (
                        "Avklar hva kommunen håndterer selv, og hva som skal meldes videre til "
                        "leverandøren."
                    ),
                    (
                        "Opprett en fast kanal for feilmeldinger, og sørg for at henvendelsene "
                        "blir registrert og fulgt opp."
                    ),
                    (
                        "Sørg for at support er tilgjengelig når løsningene er i bruk, også på "
                        "kveld, natt og helg for kritiske løsninger."
                    ),
                    (
                        "Analyser henvendelsene jevnlig for å finne feil som gjentar seg og behov "
                        "for opplæring."
                    ),
                ],
                "tips": [
                    (
                        "Lag enkle feilsøkingsguider for de vanligste problemene, tilpasset "
                        "ansatte og brukere."
                    ),
                    (
                        "La ressurspersonene i tjenesten være førstelinje for enkle spørsmål, slik "
                        "at hjelpen er nær brukerne."
                    ),
                    "Følg opp leverandørens responstider mot det som er avtalt.",
                    "Ha reserveutstyr tilgjengelig, slik at utstyr med feil kan byttes raskt.",
                ],
                "resources": [
                    {
                        "title": "Helhetlig tjenestemodell for velferdsteknologi",
                        "publisher": "KS",
                        "url": _KS_HTM_URL,
                    },
                ],
                "responsible": ["it-drift"],
                "involved": ["ressursperson", "leverandor", "helsepersonell-i-tjenesten"],
                "tags": ["support", "feilretting"],
            },
            {
                "number": 2,
                "title": "Utstyrslager og logistikk",
                "slug": "utstyrslager-og-logistikk",
                "short_name": "Utstyrslager og logistikk",
                "workshop_task": "Drifte utstyrslager og ivareta logistikk",
                "intro": (
                    "Utstyr må bestilles, lagres, klargjøres, leveres ut, hentes inn og rengjøres. "
                    "God logistikk sikrer at utstyret er tilgjengelig når behovet oppstår, og at "
                    "kommunen har kontroll på hvor det befinner seg."
                ),
                "goals": [
                    "Riktig utstyr er tilgjengelig og klart til bruk når et vedtak er fattet",
                    "Kommunen har til enhver tid oversikt over hvor utstyret befinner seg",
                ],
                "tasks": [
                    "Etabler et utstyrslager med tydelig ansvar, åpningstider og rutiner.",
                    "Registrer alt utstyr med serienummer, status og plassering i et lagersystem.",
                    (
                        "Lag rutiner for klargjøring, utlevering, innhenting, rengjøring og "
                        "tilbakestilling av utstyr."
                    ),
                    (
                        "Sørg for at personopplysninger blir slettet fra utstyret før det brukes "
                        "på nytt."
                    ),
                    "Følg med på lagerbeholdningen, og bestill nytt utstyr i god tid.",
                    (
                        "Sørg for forsvarlig kassering og gjenvinning av utstyr som ikke lenger "
                        "skal brukes."
                    ),
                ],
                "tips": [
                    (
                        "Vurder samarbeid med hjelpemiddelformidlingen eller andre kommuner om "
                        "felles lager og logistikk."
                    ),
                    (
                        "Bruk strekkode eller QR-kode for rask registrering ved utlevering og "
                        "innhenting."
                    ),
                    (
                        "Ha en minimumsbeholdning av de mest brukte løsningene, for eksempel "
                        "trygghetsalarmer."
                    ),
                ],
                "resources": [
                    {
                        "title": "Helhetlig tjenestemodell for velferdsteknologi",
                        "publisher": "KS",
                        "url": _KS_HTM_URL,
                    },
                    {
                        "title": "Datatilsynet",
                        "publisher": "Datatilsynet",
                        "url": "https://www.datatilsynet.no/",
                    },
                ],
                "responsible": ["ressursperson"],
                "involved": ["it-drift", "leverandor", "innkjop"],
                "tags": ["lager", "logistikk", "utstyr"],
            },
        ],
    },
    {
        "number": 3,
        "title": "IT-drift",
        "slug": "it-drift",
        "intro": (
            "Oppgaver som sørger for at de tekniske plattformene, nettverkene og tilgangene som "
            "helseteknologien er avhengig av, er stabile og sikre."
        ),
        "areas": [
            {
                "number": 1,
                "title": "Systemer, plattformer og infrastruktur",
                "slug": "systemer-plattformer-og-infrastruktur",
                "short_name": "Systemer, plattformer og infrastruktur",
                "workshop_task": "Drifte systemer, plattformer og infrastruktur",
                "intro": (
                    "Helseteknologi er avhengig av stabil drift av fagsystemer, responsløsninger, "
                    "nettverk og integrasjoner. IT-drift må sikre tilgjengelighet, sikkerhet og "
                    "overvåking av hele kjeden."
                ),
                "goals": [
                    (
                        "Systemer, plattformer og infrastruktur har stabil drift og avtalt "
                        "tilgjengelighet"
                    ),
                    (
                        "Feil og driftsavbrudd blir oppdaget og håndtert før de får konsekvenser "
                        "for brukerne"
                    ),
                ],
                "tasks": [
                    (
                        "Lag en oversikt over systemer, integrasjoner og avhengigheter i hele "
                        "kjeden fra utstyr til fagsystem."
                    ),
                    "Overvåk driften, og sett opp varsling ved feil og avbrudd.",
                    (
                        "Sørg for sikkerhetskopiering, sikkerhetsoppdateringer og andre nødvendige "
                        "sikringstiltak."
                    ),
                    (
                        "Avklar driftsansvaret mellom kommunen, eventuelle interkommunale "
                        "IKT-samarbeid og leverandørene."
                    ),
                    (
                        "Sørg for at integrasjoner, for eksempel mot fagsystemet og "
                        "velferdsteknologisk knutepunkt, blir fulgt opp og testet."
                    ),
                ],
                "tips": [
                    (
                        "Bruk NSMs grunnprinsipper for IKT-sikkerhet som utgangspunkt for "
                        "sikringstiltakene."
                    ),
                    (
                        "Sørg for at IT-drift vet hvilke løsninger som er kritiske for brukernes "
                        "sikkerhet, slik at de blir prioritert ved feil."
                    ),
                    "Ha faste driftsmøter med tjenesten og leverandørene.",
                ],
                "resources": [
                    {
                        "title": "Nasjonal sikkerhetsmyndighet (NSM)",
                        "publisher": "NSM",
                        "url": "https://nsm.no/",
                    },
                    {
                        "title": (
                            "Normen (Norm for informasjonssikkerhet og personvern i helse- og "
                            "omsorgssektoren)"
                        ),
                        "publisher": "Helsedirektoratet",
                        "url": "https://www.ehelse.no/normen",
                    },
                    {
                        "title": "Norsk helsenett",
                        "publisher": "Norsk helsenett",
                        "url": "https://www.nhn.no/",
                    },
                ],
                "responsible": ["it-drift"],
                "involved": ["leverandor", "responssenter"],
                "tags": ["drift", "infrastruktur", "integrasjon"],
            },
            {
                "number": 2,
                "title": "Rolle- og tilgangsstyring",
                "slug": "rolle-og-tilgangsstyring",
                "short_name": "Rolle- og tilgangsstyring",
                "workshop_task": "Drifte rolle- og tilgangsstyring",
                "intro": (
                    "Ansatte skal ha tilgang til de opplysningene og funksjonene de trenger i "
                    "arbeidet sitt, og ikke mer. God rolle- og tilgangsstyring beskytter brukernes "
                    "personopplysninger og gjør det enkelt å gi og fjerne tilganger."
                ),
                "goals": [
                    "Ansatte har tilganger som passer til rollen og det tjenstlige behovet deres",
                    "Tilganger blir gitt, endret og fjernet raskt og sporbart",
                ],
                "tasks": [
                    "Definer roller og tilgangsnivåer i hver løsning i samarbeid med tjenesten.",
                    (
                        "Lag rutiner for bestilling, endring og fjerning av tilganger, også for "
                        "vikarer og leverandører."
                    ),
                    "Sørg for sikker pålogging, for eksempel med tofaktorautentisering.",
                    "Kontroller logger, og gå gjennom tildelte tilganger jevnlig.",
                    "Fjern tilganger umiddelbart når ansatte slutter eller bytter stilling.",
                ],
                "tips": [
                    (
                        "Koble tilgangsstyringen til kommunens personalsystem der det er mulig, "
                        "slik at endringer skjer automatisk."
                    ),
                    "Bruk felles roller på tvers av løsningene for å gjøre forvaltningen enklere.",
                    (
                        "Husk at også responssenteret og leverandørene kan trenge tilganger, og at "
                        "disse må reguleres i avtale."
                    ),
                ],
                "resources": [
                    {
                        "title": (
                            "Normen (Norm for informasjonssikkerhet og personvern i helse- og "
                            "omsorgssektoren)"
                        ),
                        "publisher": "Helsedirektoratet",
                        "url": "https://www.ehelse.no/normen",
                    },
                    {
                        "title": "Datatilsynet",
                        "publisher": "Datatilsynet",
                        "url": "https://www.datatilsynet.no/",
                    },
                ],
                "responsible": ["it-drift"],
                "involved": ["tjenesteleder", "personvernombud"],
                "tags": ["tilgangsstyring", "informasjonssikkerhet"],
            },
        ],
    },
    {
        "number": 4,
        "title": "Oppgraderinger og vedlikehold på løsninger",
        "slug": "oppgraderinger-og-vedlikehold-pa-losninger",
        "intro": (
            "Oppgaver som holder løsningene oppdaterte, trygge og godt dokumenterte gjennom hele "
            "levetiden, og som sikrer at endringer skjer kontrollert."
        ),
        "areas": [
            {
                "number": 1,
                "title": "Tekniske endringer og vedlikehold",
                "slug": "tekniske-endringer-og-vedlikehold",
                "short_name": "Tekniske endringer og vedlikehold",
                "workshop_task": "Planlegge tekniske endringer og vedlikehold",
                "intro": (
                    "Løsningene må vedlikeholdes jevnlig, og tekniske endringer må planlegges slik "
                    "at tjenestene kan gå som normalt. God planlegging reduserer risikoen for "
                    "avbrudd og overraskelser for brukere og ansatte."
                ),
                "goals": [
                    "Tekniske endringer og vedlikehold er planlagt og varslet i god tid",
                    (
                        "Endringer blir gjennomført uten uforutsette konsekvenser for brukernes "
                        "sikkerhet"
                    ),
                ],
                "tasks": [
                    (
                        "Lag en plan for periodisk vedlikehold, som batteribytte, funksjonstester "
                        "og kontroll av utstyr hos brukerne."
                    ),
                    (
                        "Etabler en rutine for endringshåndtering der endringer blir vurdert, "
                        "godkjent og dokumentert."
                    ),
                    "Vurder konsekvensene for tjenesten og brukerne før endringer gjennomføres.",
                    "Varsle tjenesten, responssenteret og brukerne i god tid før planlagt nedetid.",
                    "Ha en plan for å rulle tilbake dersom en endring ikke virker som forventet.",
                ],
                "tips": [
                    (
                        "Legg planlagt vedlikehold til tidspunkter med lav aktivitet, og unngå "
                        "perioder med redusert bemanning."
                    ),
                    "Samle endringene i faste vedlikeholdsvinduer som er kjent for alle.",
                    (
                        "Bruk driftsstatistikk og supporthenvendelser til å planlegge forebyggende "
                        "vedlikehold."
                    ),
                ],
                "resources": [
                    {
                        "title": "Helhetlig tjenestemodell for velferdsteknologi",
                        "publisher": "KS",
                        "url": _KS_HTM_URL,
                    },
                ],
                "responsible": ["it-drift"],
                "involved": ["leverandor", "ressursperson", "responssenter"],
                "tags": ["vedlikehold", "endringshåndtering"],
            },
            {
                "number": 2,
                "title": "Oppgraderinger og konfigurasjoner",
                "slug": "oppgraderinger-og-konfigurasjoner",
                "short_name": "Oppgraderinger og konfigurasjoner",
                "workshop_task": "Styre oppgraderinger og konfigurasjoner",
                "intro": (
                    "Leverandørene gir jevnlig ut nye versjoner av programvare og fastvare. "
                    "Kommunen må styre når og hvordan oppgraderinger tas i bruk, og ha kontroll på "
                    "innstillingene i løsningene."
                ),
                "goals": [
                    "Løsningene kjører på versjoner som er sikre og støttet av leverandøren",
                    "Konfigurasjonene er dokumenterte og i tråd med tjenestens behov",
                ],
                "tasks": [
                    "Hold oversikt over versjoner og planlagte oppgraderinger fra leverandørene.",
                    (
                        "Vurder nye versjoner med tanke på ny funksjonalitet, endringer i "
                        "arbeidsflyten og sikkerhet."
                    ),
                    (
                        "Planlegg oppgraderinger i samarbeid med tjenesten, og sørg for opplæring "
                        "i ny funksjonalitet."
                    ),
                    "Dokumenter standardkonfigurasjoner og eventuelle avvik fra dem.",
                    "Kontroller at varsling og integrasjoner virker etter hver oppgradering.",
                ],
                "tips": [
                    (
                        "Ikke hopp over sikkerhetsoppdateringer. Utdaterte versjoner kan gi "
                        "sårbarheter."
                    ),
                    (
                        "Bruk ressurspersonene til å vurdere hvordan ny funksjonalitet påvirker "
                        "praksis."
                    ),
                    (
                        "Avklar i avtalen hvordan oppgraderinger skal varsles, og hvem som bærer "
                        "kostnaden."
                    ),
                    "Oppdater opplæringsmateriell og rutiner samtidig med oppgraderingen.",
                ],
                "resources": [
                    {
                        "title": "Helhetlig tjenestemodell for velferdsteknologi",
                        "publisher": "KS",
                        "url": _KS_HTM_URL,
                    },
                    {
                        "title": (
                            "Normen (Norm for informasjonssikkerhet og personvern i helse- og "
                            "omsorgssektoren)"
                        ),
                        "publisher": "Helsedirektoratet",
                        "url": "https://www.ehelse.no/normen",
                    },
                ],
                "responsible": ["it-drift"],
                "involved": ["leverandor", "ressursperson", "helsepersonell-i-tjenesten"],
                "tags": ["oppgradering", "konfigurasjon"],
            },
            {
                "number": 3,
                "title": "Teste nye løsninger",
                "slug": "teste-nye-losninger",
                "short_name": "Teste nye løsninger",
                "workshop_task": "Teste nye løsninger",
                "intro": (
                    "Nye løsninger, versjoner og integrasjoner må testes før de tas i bruk hos "
                    "brukerne. Systematisk testing avdekker feil tidlig og gir trygghet for at "
                    "løsningen virker i hele tjenesteforløpet."
                ),
                "goals": [
                    "Nye løsninger og endringer er testet før de settes i drift",
                    "Testene dekker både den tekniske funksjonen og bruken i praksis",
                ],
                "tasks": [
                    "Lag en testplan med testscenarioer, akseptansekriterier og ansvar.",
                    (
                        "Test hele kjeden, fra sensor eller alarm via responssenteret til "
                        "dokumentasjon i fagsystemet."
                    ),
                    "Involver helsepersonell og gjerne brukere når brukervennligheten skal testes.",
                    "Bruk testmiljø og testdata, ikke ekte personopplysninger, der det er mulig.",
                    (
                        "Dokumenter testresultater og avvik, og følg opp feil med leverandøren før "
                        "løsningen godkjennes."
                    ),
                ],
                "tips": [
                    (
                        "Test i realistiske omgivelser, for eksempel i en testleilighet eller et "
                        "visningsrom."
                    ),
                    "Lag testskript som kan brukes på nytt for løsninger som oppgraderes ofte.",
                    "Del testerfaringer med andre kommuner som bruker de samme løsningene.",
                ],
                "resources": [
                    {
                        "title": "Helhetlig tjenestemodell for velferdsteknologi",
                        "publisher": "KS",
                        "url": _KS_HTM_URL,
                    },
                    {
                        "title": (
                            "Normen (Norm for informasjonssikkerhet og personvern i helse- og "
                            "omsorgssektoren)"
                        ),
                        "publisher": "Helsedirektoratet",
                        "url": "https://www.ehelse.no/normen",
                    },
                ],
                "responsible": ["it-drift"],
                "involved": [
                    "ressursperson",
                    "helsepersonell-i-tjenesten",
                    "leverandor",
                    "bruker-og-parorende",
                ],
                "tags": ["testing", "kvalitet"],
            },
            {
                "number": 4,
                "title": "Teknisk dokumentasjon",
                "slug": "teknisk-dokumentasjon",
                "short_name": "Teknisk dokumentasjon",
                "workshop_task": "Oppdatere teknisk dokumentasjon",
                "intro": (
                    "Oppdatert teknisk dokumentasjon gjør det mulig å drifte, feilsøke og "
                    "videreutvikle løsningene, også når personer slutter eller leverandører "
                    "byttes. Dokumentasjonen er også viktig i arbeidet med informasjonssikkerhet."
                ),
                "goals": [
                    "Det finnes oppdatert teknisk dokumentasjon for alle løsninger i drift",
                    "Dokumentasjonen er lett tilgjengelig for dem som trenger den",
                ],
                "tasks": [
                    (
                        "Samle arkitekturskisser, integrasjonsbeskrivelser, konfigurasjoner og "
                        "driftsrutiner på ett sted."
                    ),
                    (
                        "Krev oppdatert dokumentasjon fra leverandøren ved leveranser og "
                        "oppgraderinger."
                    ),
                    (
                        "Oppdater dokumentasjonen etter hver vesentlige endring, oppgradering "
                        "eller feilretting."
                    ),
                    "Sett en fast eier og et fast intervall for gjennomgang av dokumentasjonen.",
                ],
                "tips": [
                    (
                        "Bruk maler, slik at dokumentasjonen for ulike løsninger blir lik og lett "
                        "å finne fram i."
                    ),
                    (
                        "Gjør oppdatering av dokumentasjonen til et fast punkt på sjekklisten ved "
                        "hver endring."
                    ),
                    (
                        "Begrens tilgangen til sensitiv dokumentasjon, for eksempel om "
                        "sikkerhetsoppsett."
                    ),
                ],
                "resources": [
                    {
                        "title": (
                            "Normen (Norm for informasjonssikkerhet og personvern i helse- og "
                            "omsorgssektoren)"
                        ),
                        "publisher": "Helsedirektoratet",
                        "url": "https://www.ehelse.no/normen",
                    },
                    {
                        "title": "Helhetlig tjenestemodell for velferdsteknologi",
                        "publisher": "KS",
                        "url": _KS_HTM_URL,
                    },
                ],
                "responsible": ["it-drift"],
                "involved": ["leverandor", "ressursperson"],
                "tags": ["dokumentasjon", "drift"],
            },
        ],
    },
    {
        "number": 5,
        "title": "Anskaffelser og avtaleforvaltning",
        "slug": "anskaffelser-og-avtaleforvaltning",
        "intro": (
            "Oppgaver som sikrer at kommunen kjøper riktige løsninger på riktig måte, og at "
            "avtalene med leverandørene blir fulgt opp gjennom hele avtaleperioden."
        ),
        "areas": [
            {
                "number": 1,
                "title": "Anskaffelser og avrop på avtaler",
                "slug": "anskaffelser-og-avrop-pa-avtaler",
                "short_name": "Anskaffelser og avrop på avtaler",
                "workshop_task": "Gjennomføre anskaffelser og avrop på avtaler",
                "intro": (
                    "Anskaffelser av helseteknologi skal ta utgangspunkt i tjenestens behov og "
                    "følge regelverket for offentlige anskaffelser. Ofte kan kommunen gjøre avrop "
                    "på eksisterende rammeavtaler, alene eller sammen med andre kommuner."
                ),
                "goals": [
                    "Anskaffelser og avrop bygger på dokumenterte behov og følger regelverket",
                    (
                        "Avtalene sikrer funksjonalitet, informasjonssikkerhet, support og "
                        "mulighet for integrasjon"
                    ),
                ],
                "tasks": [
                    (
                        "Beskriv behovet og målene med anskaffelsen sammen med tjenesten, IT-drift "
                        "og personvernombudet."
                    ),
                    (
                        "Undersøk om det finnes rammeavtaler eller samarbeid med andre kommuner "
                        "som kan brukes."
                    ),
                    (
                        "Still krav til personvern, informasjonssikkerhet, integrasjon, support og "
                        "opplæring."
                    ),
                    (
                        "Gjennomfør anskaffelsen eller avropet i tråd med anskaffelsesregelverket, "
                        "og dokumenter prosessen."
                    ),
                    (
                        "Inngå databehandleravtale og avklar ansvarsdelingen med leverandøren før "
                        "avtalen signeres."
                    ),
                    (
                        "Planlegg overgangen fra gammel til ny løsning i god tid før den "
                        "eksisterende avtalen utløper."
                    ),
                ],
                "tips": [
                    "Bruk maler og veiledning fra Anskaffelser.no.",
                    "Vurder markedsdialog for å få kunnskap om hva markedet kan levere.",
                    (
                        "Samarbeid med andre kommuner i regionen om felles anskaffelser for å "
                        "styrke kompetansen og forhandlingsposisjonen."
                    ),
                    (
                        "Legg vekt på kvalitet og totalkostnad over hele levetiden, ikke bare på "
                        "innkjøpsprisen."
                    ),
                ],
                "resources": [
                    {
                        "title": "Anskaffelser.no",
                        "publisher": "DFØ",
                        "url": "https://anskaffelser.no/",
                    },
                    {
                        "title": "Lov om offentlige anskaffelser (anskaffelsesloven)",
                        "publisher": "Lovdata",
                        "url": "https://lovdata.no/dokument/NL/lov/2016-06-17-73",
                    },
                ],
                "responsible": ["innkjop"],
                "involved": ["tjenesteleder", "it-drift", "personvernombud"],
                "tags": ["anskaffelse", "avtaler"],
            },
            {
                "number": 2,
                "title": "Forvalte og følge opp avtaler",
                "slug": "forvalte-og-folge-opp-avtaler",
                "short_name": "Forvalte og følge opp avtaler",
                "workshop_task": "Forvalte og følge opp avtaler",
                "intro": (
                    "Når avtalen er inngått, må den forvaltes aktivt gjennom hele avtaleperioden. "
                    "Oppfølging av leveranser, servicenivå og kostnader sikrer at kommunen får det "
                    "den har betalt for."
                ),
                "goals": [
                    "Kommunen har oversikt over alle avtaler knyttet til helseteknologi",
                    "Leverandørene leverer i tråd med avtalt kvalitet, servicenivå og pris",
                ],
                "tasks": [
                    (
                        "Registrer avtalene med avtaleeier, varighet, opsjoner og frister i "
                        "kommunens avtaleoversikt."
                    ),
                    (
                        "Hold faste oppfølgingsmøter med leverandørene om leveranser, avvik og "
                        "planlagte endringer."
                    ),
                    "Følg opp servicenivå, responstider og fakturering opp mot avtalen.",
                    (
                        "Følg opp databehandleravtalene, blant annet ved å gå gjennom "
                        "leverandørens sikkerhetstiltak."
                    ),
                    (
                        "Vurder i god tid før avtalen utløper om den skal forlenges, reforhandles "
                        "eller lyses ut på nytt."
                    ),
                ],
                "tips": [
                    (
                        "Utnevn en fast avtaleforvalter for hver avtale, med tydelig ansvar og "
                        "fullmakter."
                    ),
                    (
                        "Dokumenter avvik fortløpende. Det gir et godt grunnlag i dialogen med "
                        "leverandøren."
                    ),
                    "Ta med erfaringer fra tjenesten og supporten når avtalen evalueres.",
                ],
                "resources": [
                    {
                        "title": "Anskaffelser.no",
                        "publisher": "DFØ",
                        "url": "https://anskaffelser.no/",
                    },
                ],
                "responsible": ["innkjop"],
                "involved": ["tjenesteleder", "leverandor", "it-drift"],
                "tags": ["avtaleforvaltning", "leverandøroppfølging"],
            },
        ],
    },
]
