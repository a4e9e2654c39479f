"""The collections of meeting materials: «Møtemateriell» (open) and «Materiell for
nettverksmedlemmer», which only logged-in users may download (a LOGIN view restriction;
see network/materials.py for why LOGIN rather than a group)."""

from django.db import migrations

MEMBER_COLLECTION = "Materiell for nettverksmedlemmer"
PUBLIC_COLLECTION = "Møtemateriell"
STEPLEN = 4
ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def _step(number: int) -> str:
    digits = ""
    while number:
        number, remainder = divmod(number, len(ALPHABET))
        digits = ALPHABET[remainder] + digits
    return digits.rjust(STEPLEN, "0")


def _child_of_root(Collection, name):
    """Get or create a collection at depth 2 (treebeard's materialised path, by hand: the
    historical model has no tree methods)."""
    existing = Collection.objects.filter(depth=2, name=name).first()
    if existing is not None:
        return existing
    root = Collection.objects.filter(depth=1).first()
    if root is None:
        return None
    last = Collection.objects.filter(depth=2).order_by("-path").first()
    number = int(last.path[-STEPLEN:], len(ALPHABET)) + 1 if last else 1
    collection = Collection.objects.create(
        name=name, path=root.path + _step(number), depth=2, numchild=0
    )
    root.numchild += 1
    root.save(update_fields=["numchild"])
    return collection


def create_collections(apps, schema_editor):
    Collection = apps.get_model("wagtailcore", "Collection")
    CollectionViewRestriction = apps.get_model("wagtailcore", "CollectionViewRestriction")
    _child_of_root(Collection, PUBLIC_COLLECTION)
    members = _child_of_root(Collection, MEMBER_COLLECTION)
    if (
        members is not None
        and not CollectionViewRestriction.objects.filter(collection=members).exists()
    ):
        CollectionViewRestriction.objects.create(collection=members, restriction_type="login")


class Migration(migrations.Migration):
    dependencies = [
        ("network", "0006_add_meetings"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(create_collections, migrations.RunPython.noop)]
