"""The two groups of people (DESIGN.md §4: permissions come from a migration, never by hand)
and the demo scale for how an HTM task is organised, which editors may rename and extend.

- «Regionale redaktører»: the Wagtail admin, every page, document and image, and all the
  content models of our apps (including members, marks and statuses). Not users and groups:
  that stays with the administrators.
- «Nettverksmedlemmer»: no admin access and no model permissions; what a member may do on the
  site is decided by their Membership (network/organisation/access.py). The group marks them as
  members in the admin's user list.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITORS = "Regionale redaktører"
MEMBERS = "Nettverksmedlemmer"
EDITOR_APPS = [
    "network",
    "htm",
    "home",
    "portal",
    "wagtailimages",
    "wagtailredirects",
    "wagtailsearchpromotions",
    "wagtailforms",
]
PAGE_PERMISSIONS = [
    "add_page",
    "change_page",
    "publish_page",
    "bulk_delete_page",
    "lock_page",
    "unlock_page",
]
COLLECTION_PERMISSIONS = [
    ("portal", "add_portaldocument"),
    ("portal", "change_portaldocument"),
    ("portal", "choose_portaldocument"),
    ("portal", "delete_portaldocument"),
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "choose_image"),
    ("wagtailimages", "delete_image"),
]

LEVELS = [
    # slug, name, colour, organised, needs help, default, description
    ("ikke-vurdert", "Ikke vurdert", "neutral", False, False, True, "Kommunen har ikke vurdert oppgaven ennå."),
    ("ikke-organisert", "Ikke organisert", "danger", False, True, False, "Ingen har ansvaret for oppgaven."),
    ("delvis-organisert", "Delvis organisert", "warning", False, True, False, "Noe er på plass, men ikke alt."),
    ("organisert", "Organisert", "success", True, False, False, "Oppgaven har en ansvarlig og rutiner."),
    ("ikke-aktuelt", "Ikke aktuelt", "accent", False, False, False, "Oppgaven er ikke aktuell for kommunen nå."),
]  # fmt: skip


def ensure_all_permissions(apps):
    """Permissions are normally created after all migrations (post_migrate); create them now,
    so the groups can be given permissions on a fresh database."""
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None


def create_groups(apps, schema_editor):
    ensure_all_permissions(apps)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")

    editors, _ = Group.objects.get_or_create(name=EDITORS)
    Group.objects.get_or_create(name=MEMBERS)

    permissions = list(Permission.objects.filter(content_type__app_label__in=EDITOR_APPS))
    permissions += list(
        Permission.objects.filter(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    editors.permissions.add(*permissions)

    root_page = Page.objects.filter(depth=1).first()
    if root_page is not None:
        for codename in PAGE_PERMISSIONS:
            permission = Permission.objects.filter(
                content_type__app_label="wagtailcore", codename=codename
            ).first()
            if permission is not None:
                GroupPagePermission.objects.get_or_create(
                    group=editors, page=root_page, permission=permission
                )
    root_collection = Collection.objects.filter(depth=1).first()
    if root_collection is not None:
        for app_label, codename in COLLECTION_PERMISSIONS:
            permission = Permission.objects.filter(
                content_type__app_label=app_label, codename=codename
            ).first()
            if permission is not None:
                GroupCollectionPermission.objects.get_or_create(
                    group=editors, collection=root_collection, permission=permission
                )


def create_levels(apps, schema_editor):
    Level = apps.get_model("network", "TaskStatusLevel")
    for order, (slug, name, colour, organised, needs_help, default, description) in enumerate(
        LEVELS, start=1
    ):
        Level.objects.get_or_create(
            slug=slug,
            defaults={
                "name": name,
                "sort_order": order * 10,
                "colour": colour,
                "counts_as_organised": organised,
                "needs_help": needs_help,
                "is_default": default,
                "description": description,
            },
        )


class Migration(migrations.Migration):
    dependencies = [
        ("network", "0008_add_members_and_task_status"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("home", "0001_initial"),
        ("htm", "0001_initial"),
        ("portal", "0002_add_portal_document"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0027_image_description"),
        ("wagtailredirects", "0008_add_verbose_name_plural"),
        ("wagtailsearchpromotions", "0008_query_verbose_name"),
        ("wagtailforms", "0005_alter_formsubmission_form_data"),
    ]

    operations = [
        migrations.RunPython(create_groups, migrations.RunPython.noop),
        migrations.RunPython(create_levels, migrations.RunPython.noop),
    ]
