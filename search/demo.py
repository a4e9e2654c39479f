"""Demo synonyms: the abbreviations the demo content uses, each with its long form."""

from .models import SearchSynonym

DEMO_SYNONYMS = {
    "PLL": "Pasientens legemiddelliste",
    "VKP": "Velferdsteknologisk knutepunkt",
    "HTM": "Helhetlig tjenestemodell",
    "KJ": "Kjernejournal",
    "USHT": "Utviklingssenter for sykehjem og hjemmetjenester",
    "FPU": "Fag- og prioriteringsutvalg",
}


def load(context):
    for term, alternative in DEMO_SYNONYMS.items():
        _synonym, created = SearchSynonym.objects.get_or_create(
            term=term, defaults={"alternatives": alternative}
        )
        context.count("synonymer i søket", created)
