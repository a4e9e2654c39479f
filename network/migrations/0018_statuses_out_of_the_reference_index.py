"""The statuses and their history leave Wagtail's reference index (they set
wagtail_reference_index_ignore): the rows already recorded for them go too, so no page or
level is shown as used by them."""

from django.db import migrations

STATUS_MODELS = ["rolloutstatus", "rolloutstatuschange", "taskstatus", "taskstatuschange"]


def forget_status_references(apps, schema_editor):
    content_type = apps.get_model("contenttypes", "ContentType")
    reference_index = apps.get_model("wagtailcore", "ReferenceIndex")
    ids = content_type.objects.filter(app_label="network", model__in=STATUS_MODELS).values("pk")
    reference_index.objects.filter(base_content_type__in=ids).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("network", "0017_news_newest_index"),
        ("wagtailcore", "0078_referenceindex"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.RunPython(forget_status_references, migrations.RunPython.noop, elidable=True)
    ]
