"""The vocabulary compounds are split against: parts that readers search for on their own.

Base forms, lower case, at least four letters. Leave out short words that start many
unrelated compounds (such as «lege», which would make «legemiddel» a doctor); add a part
when readers should find the compounds made with it. Changing the list takes effect for
each object when it is indexed again (`manage.py update_index`).
"""

_WORDS = """
    alarm analyse ansatt anskaffelse arbeid arkiv avrop avtale beboer beredskap bolig bruker
    budsjett data dialog digital dispenser dokument dokumentasjon drift e-læring ehelse
    elektronisk erfaring evaluering fagdag fagsystem felles forløp forvaltning gevinst helse
    helsenett helsestasjon helsetjeneste hjelpemiddel hjemme hjemmetjeneste implementering
    informasjon infrastruktur innbygger innføring journal kartlegging kjernejournal knutepunkt
    kommune kommunikasjon kompetanse konfigurasjon kontakt koordinator koordinering kriterier
    kvalitet lager legemiddel leverandør liste logistikk løsning medisin medisinering melding
    modell måling nettverk omsorg omsorgstjeneste oppfølging oppgave oppgradering opplæring
    pasient personvern plan plattform pleie portal portefølje prioritering prosess prosjekt
    pårørende region respons risiko rolle rutine samarbeid samhandling senter sensor sikkerhet
    sjukehus skalering spesialisthelsetjeneste stasjon strategi styring sykehjem sykehus
    sykepleie system teknologi tilgang tildeling tilsyn tjeneste tjenestemodell trygghet
    utprøving utstyr utvalg utvikling varsling vedlikehold velferd
"""

PARTS = frozenset(_WORDS.split())
