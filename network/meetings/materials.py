"""Meeting materials and who may download them.

Members-only files rely on Wagtail's own collection privacy: they live in the collection
«Materiell for nettverksmedlemmer», which has a view restriction of type LOGIN, and every
document is served through Django (WAGTAILDOCS_SERVE_METHOD = "serve_view"). Wagtail's
`before_serve_document` hook then sends an anonymous visitor to the login page
(WAGTAIL_FRONTEND_LOGIN_URL), and the meetings room's own hook (meetings/admin.py) refuses a
logged-in user who is not a network member.

Why LOGIN and not GROUPS: who is a member is decided by Membership (organisation/access.py),
not by a Django group, so a group restriction would refuse members whom the pages show the
links to; the LOGIN restriction sends visitors to the login page, and the hook does the rest.
"""

from django.db.models import Exists, F, OuterRef
from django.db.models.functions import Length, Substr
from wagtail.models import BaseViewRestriction, Collection, CollectionViewRestriction

from portal.pagecache import data

MEMBER_COLLECTION_NAME = "Materiell for nettverksmedlemmer"
PUBLIC_COLLECTION_NAME = "Møtemateriell"


def member_collection() -> Collection:
    """The members-only collection, created with its restriction when it is missing."""
    collection = Collection.objects.filter(name=MEMBER_COLLECTION_NAME, depth=2).first()
    if collection is None:
        collection = Collection.get_first_root_node().add_child(name=MEMBER_COLLECTION_NAME)
    if not CollectionViewRestriction.objects.filter(collection=collection).exists():
        CollectionViewRestriction.objects.create(
            collection=collection, restriction_type=BaseViewRestriction.LOGIN
        )
    return collection


def public_collection() -> Collection:
    collection = Collection.objects.filter(name=PUBLIC_COLLECTION_NAME, depth=2).first()
    if collection is None:
        collection = Collection.get_first_root_node().add_child(name=PUBLIC_COLLECTION_NAME)
    return collection


def restricted_collection_ids() -> set[int]:
    """Ids of every collection with a view restriction on it or on an ancestor (whose tree
    path is a prefix of the collection's). One query."""
    restrictions = CollectionViewRestriction.objects.annotate(
        prefix=Substr(OuterRef("path"), 1, Length("collection__path"))
    ).filter(prefix=F("collection__path"))
    return set(Collection.objects.filter(Exists(restrictions)).values_list("pk", flat=True))


def shown_restricted_collection_ids() -> set[int]:
    """The same ids kept in the cache until content changes (portal.pagecache.data), for
    what a page shows. Serving a document asks restricted_collection_ids() itself."""
    return data.remember("documents:restricted-collections", restricted_collection_ids)


def is_restricted_document(document) -> bool:
    return document.collection_id in restricted_collection_ids()


def iter_material_values(page):
    """Every material block value of a meeting page: the programme's, then the general ones."""
    for item in page.programme:
        yield from item.value["materials"]
    for block in page.materials:
        yield block.value


def move_members_only_materials(page) -> int:
    """Move the documents marked «Bare for nettverksmedlemmer» into the members' collection.

    Runs when a meeting is published. Nothing is ever moved out of a restricted collection
    here (MaterialBlock.clean refuses a public mark on such a document instead), so a
    members-only file never becomes public by accident. Returns the number moved.
    """
    documents = {
        value["document"].pk: value["document"]
        for value in iter_material_values(page)
        if value.get("members_only") and value.get("document") is not None
    }
    if not documents:
        return 0
    target = member_collection()
    restricted = restricted_collection_ids()
    moved = 0
    for document in documents.values():
        if document.collection_id not in restricted:
            document.collection = target
            document.save(update_fields=["collection"])
            moved += 1
    return moved
