"""The only way to a document's file: Wagtail's serve view, under /dokumenter/.

Documents live in a private storage (portal/storage.py), so this view is where collection
privacy (Wagtail's `before_serve_document` hooks: the login restriction, and the meetings
room's members-only check) is always applied. A members-only file, and every answer about
one (the redirect to the login page too), is marked `Cache-Control: private, no-store`, so no
proxy or CDN keeps a copy and the browser does not keep it on disk.
"""

from django.urls import path, re_path
from wagtail.documents import get_document_model
from wagtail.documents.views import serve as wagtail_serve
from wagtail.models import Collection, CollectionViewRestriction


def is_restricted(document_id) -> bool:
    """Whether the document's collection, or one above it, has a view restriction."""
    collection = (
        Collection.objects.filter(
            pk__in=get_document_model().objects.filter(pk=document_id).values("collection_id")
        )
        .only("path", "depth")
        .first()
    )
    if collection is None:
        return False
    return CollectionViewRestriction.objects.filter(
        collection__in=collection.get_ancestors(inclusive=True)
    ).exists()


def serve(request, document_id, document_filename):
    response = wagtail_serve.serve(request, document_id, document_filename)
    if is_restricted(document_id):
        response["Cache-Control"] = "private, no-store"
    return response


urlpatterns = [
    re_path(r"^(\d+)/(.*)$", serve, name="wagtaildocs_serve"),
    path(
        "authenticate_with_password/<int:restriction_id>/",
        wagtail_serve.authenticate_with_password,
        name="wagtaildocs_authenticate_with_password",
    ),
]
