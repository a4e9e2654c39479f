"""Who may find what: collection privacy for documents, page privacy for pages.

A document is visible when no view restriction on its collection or the collection's
ancestors applies, or when the reader is a network member who passes every such
restriction. Pages work the same way with their page view restrictions.
"""

from django.db.models import Q
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction, Page, PageViewRestriction

from network.organisation.access import is_network_member


def _failed_paths(restrictions, path_of, request) -> list[str]:
    """The tree paths under which the reader fails a view restriction."""
    member = is_network_member(request.user)
    return [
        path_of(restriction)
        for restriction in restrictions
        if not (member and restriction.accept_request(request))
    ]


def _exclude_paths(paths: list[str], lookup: str) -> Q:
    condition = Q()
    for path in paths:
        condition |= Q(**{f"{lookup}__startswith": path})
    return condition


def visible_documents(request):
    """The documents this reader may find: a few queries for the restrictions, whatever the
    number of documents. (The search backend filters on the collection, an indexed
    FilterField, so the collections are resolved first.)"""
    restrictions = CollectionViewRestriction.objects.select_related("collection").prefetch_related(
        "groups"
    )
    failed = _failed_paths(restrictions, lambda restriction: restriction.collection.path, request)
    documents = get_document_model().objects.all()
    if failed:
        hidden = Collection.objects.filter(_exclude_paths(failed, "path")).values_list(
            "pk", flat=True
        )
        documents = documents.exclude(collection_id__in=list(hidden))
    return documents


def visible_pages(request):
    """The live pages this reader may find (private pages only for those who pass)."""
    restrictions = PageViewRestriction.objects.select_related("page").prefetch_related("groups")
    failed = _failed_paths(restrictions, lambda restriction: restriction.page.path, request)
    pages = Page.objects.live()
    if failed:
        pages = pages.exclude(_exclude_paths(failed, "path"))
    return pages


def document_is_visible(document, request) -> bool:
    return visible_documents(request).filter(pk=document.pk).exists()
