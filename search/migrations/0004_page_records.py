"""The search's page records (search.models.PageRecord): the table, a GIN index on the title
and body vectors matched together (as on the index entries, search 0003), and on PostgreSQL
the records of every page already in the index, so a search finds them without a rebuild.
"""

import django.contrib.postgres.search
import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

INDEX = "search_pagerecord_vector_gin"


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {INDEX} ON search_pagerecord "
        "USING gin (portal_search_vector(title_vector, body_vector))"
    )
    # The records of the pages already indexed, as the table is at this migration.
    schema_editor.execute(
        "INSERT INTO search_pagerecord (page_id, content_type_id, path, depth, url_path, "
        "locale_id, live, title, title_norm, title_vector, body_vector) "
        "SELECT page.id, entry.content_type_id, page.path, page.depth, page.url_path, "
        "page.locale_id, page.live, page.title, entry.title_norm, entry.title, entry.body "
        "FROM wagtailsearch_indexentry entry "
        "JOIN wagtailcore_page page ON entry.object_id = page.id::text "
        "AND entry.content_type_id = page.content_type_id"
    )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0003_search_vector_function"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [
        migrations.CreateModel(
            name="PageRecord",
            fields=[
                (
                    "page",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        primary_key=True,
                        related_name="+",
                        serialize=False,
                        to=settings.WAGTAIL_PAGE_MODEL,
                    ),
                ),
                ("content_type_id", models.IntegerField()),
                ("path", models.CharField(max_length=255)),
                ("depth", models.PositiveIntegerField()),
                ("url_path", models.TextField(blank=True)),
                ("locale_id", models.IntegerField()),
                ("live", models.BooleanField()),
                ("title", models.CharField(max_length=255)),
                ("title_norm", models.FloatField(default=1.0)),
                ("title_vector", django.contrib.postgres.search.SearchVectorField()),
                ("body_vector", django.contrib.postgres.search.SearchVectorField()),
            ],
            options={
                "verbose_name": "side i søket",
                "verbose_name_plural": "sider i søket",
            },
        ),
        migrations.RunPython(create, drop, elidable=False),
    ]
