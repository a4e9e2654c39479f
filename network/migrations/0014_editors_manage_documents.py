"""Regional editors may add, change, choose and delete documents in every collection.

Wagtail checks document permissions against its own `wagtaildocs.Document` model even when
the portal uses its own document model, so the `portal.*_portaldocument` permissions the
editors got earlier did not let them upload.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITORS = "Regionale redaktører"
ACTIONS = ("add", "change", "choose", "delete")


def give_document_permissions(apps, schema_editor):
    # Permissions are normally created after all migrations; make Wagtail's document ones now,
    # so a fresh database gets them too.
    app_config = apps.get_app_config("wagtaildocs")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    editors = Group.objects.filter(name=EDITORS).first()
    root_collection = Collection.objects.filter(depth=1).first()
    if editors is None or root_collection is None:
        return
    for action in ACTIONS:
        permission = Permission.objects.filter(
            content_type__app_label="wagtaildocs", codename=f"{action}_document"
        ).first()
        if permission is not None:
            GroupCollectionPermission.objects.get_or_create(
                group=editors, collection=root_collection, permission=permission
            )


class Migration(migrations.Migration):
    dependencies = [
        ("network", "0013_registration_confirmation"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]

    operations = [
        migrations.RunPython(give_document_permissions, migrations.RunPython.noop),
    ]
