"""The 41 municipalities of Nordland, from network/data/nordland_municipalities.csv.

Created only when missing (keyed by kommunenummer), so editors' changes are kept.
"""

import csv
from pathlib import Path

from django.db import migrations
from django.utils.text import slugify

DATA_FILE = Path(__file__).resolve().parent.parent / "data" / "nordland_municipalities.csv"

# Official Sami parallel names (Kartverket). Editors can add more in the admin.
SAMI_NAMES = {
    "1826": "Aarborte",
    "1841": "Fuossko",
    "1870": "Suortá",
    "1875": "Hábmer",
}
NOTES = {
    "1818": "Heter «Herøy (Nordland)» i nasjonale lister, der det også finnes en Herøy i Møre og Romsdal."
}


def norwegian_slug(text):
    # A copy of portal.demo_tools.norwegian_slug, as migrations must not change with the code.
    table = str.maketrans({"æ": "ae", "ø": "o", "å": "a", "Æ": "ae", "Ø": "o", "Å": "a"})
    return slugify(text.translate(table))


def load(apps, schema_editor):
    Municipality = apps.get_model("network", "Municipality")
    with DATA_FILE.open(encoding="utf-8") as data:
        for row in csv.DictReader(data):
            number, name = row["kommunenummer"].strip(), row["navn"].strip()
            Municipality.objects.get_or_create(
                number=number,
                defaults={
                    "name": name,
                    "slug": norwegian_slug(name),
                    "sami_name": SAMI_NAMES.get(number, ""),
                    "note": NOTES.get(number, ""),
                },
            )


class Migration(migrations.Migration):
    dependencies = [("network", "0001_add_network_rollouts_and_news")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
