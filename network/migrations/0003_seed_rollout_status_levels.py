"""The status scale for the national rollouts. Editors may rename, reorder and add to it."""

from django.db import migrations

LEVELS = [
    ("ikke-startet", "Ikke startet", "neutral", False, "Kommunen har ikke begynt."),
    ("forberedelse", "Forberedelse", "info", False, "Avtaler, tilganger og planlegging."),
    ("innforing", "Innføring", "warning", False, "Løsningen tas i bruk i tjenestene."),
    ("i-drift", "I drift", "success", True, "Løsningen brukes i den daglige driften."),
    ("ikke-aktuelt", "Ikke aktuelt", "accent", False, "Løsningen er ikke aktuell for kommunen nå."),
]


def seed(apps, schema_editor):
    Level = apps.get_model("network", "RolloutStatusLevel")
    for order, (slug, name, colour, done, description) in enumerate(LEVELS, start=1):
        Level.objects.get_or_create(
            slug=slug,
            defaults={
                "name": name,
                "sort_order": order * 10,
                "colour": colour,
                "counts_as_done": done,
                "description": description,
            },
        )


class Migration(migrations.Migration):
    dependencies = [("network", "0002_load_nordland_municipalities")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
