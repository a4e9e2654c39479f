"""Who may find what: collection privacy for documents, page privacy for pages.

A document is visible when no view restriction on its collection or the collection's
ancestors applies, or when the reader is a network member who passes every such
restriction. Pages work the same way with their page view restrictions.

The rules are subqueries inside the search's own query (a page is hidden when a restriction
the reader fails sits on the page or an ancestor, found by path prefix), so checking them
costs no query of its own, whatever the number of pages, documents or restrictions.
"""

import functools
from types import SimpleNamespace
from typing import NamedTuple

from django.contrib.auth.models import AnonymousUser
from django.db.models import Exists, OuterRef, Q
from django.db.models.functions import Length, Substr
from wagtail.documents import get_document_model
from wagtail.models import (
    BaseViewRestriction,
    Collection,
    CollectionViewRestriction,
    Page,
    PageViewRestriction,
)

from network.models import ContactPerson
from network.organisation.access import is_network_member


def _failed(restrictions, request):
    """The restrictions this reader does not pass (as a queryset)."""
    user = request.user
    if not (user.is_authenticated and is_network_member(user)):
        return restrictions
    passed = Q(restriction_type=BaseViewRestriction.LOGIN) | Q(
        restriction_type=BaseViewRestriction.GROUPS, groups__in=user.groups.all()
    )
    if user.is_superuser:
        passed |= Q(restriction_type=BaseViewRestriction.GROUPS)
    key = restrictions.model.passed_view_restrictions_session_key
    passed_ids = (
        [pk for pk in request.session.get(key, []) if isinstance(pk, int)]
        if hasattr(request, "session")
        else []
    )
    if passed_ids:
        passed |= Q(restriction_type=BaseViewRestriction.PASSWORD, pk__in=passed_ids)
    return restrictions.exclude(passed)


def _under(failed, relation: str):
    """A condition on a tree node (page or collection): a failed restriction sits on it or on
    one of its ancestors."""
    path = f"{relation}__path"
    return Exists(failed.filter(**{path: Substr(OuterRef("path"), 1, Length(path))}))


def hidden_collections(request):
    """The ids of the collections behind a restriction this reader fails (as a subquery)."""
    failed = _failed(CollectionViewRestriction.objects.all(), request)
    return Collection.objects.filter(_under(failed, "collection")).values("pk")


def visible_documents(request):
    """The documents this reader may find."""
    return get_document_model().objects.exclude(collection_id__in=hidden_collections(request))


def hidden_pages(request):
    """The ids of the pages behind a restriction this reader fails (as a subquery)."""
    failed = _failed(PageViewRestriction.objects.all(), request)
    # The first condition does not depend on the page: the database answers it once, and
    # skips looking through the pages at all while no restriction applies to this reader.
    return Page.objects.filter(Exists(failed), _under(failed, "page")).values("pk")


def visible_pages(request):
    """The live pages this reader may find (private pages only for those who pass)."""
    return Page.objects.live().exclude(pk__in=hidden_pages(request))


def document_is_visible(document, request) -> bool:
    return visible_documents(request).filter(pk=document.pk).exists()


# The rules as SQL, for the statements the search writes itself ------------------------------


class RulesSQL(NamedTuple):
    """Each rule as a subquery (SQL and parameters) of ids."""

    hidden_pages: tuple
    hidden_collections: tuple
    published_people: tuple


def _sql(queryset) -> tuple:
    return queryset.order_by().query.sql_with_params()


def _rules_sql(request) -> RulesSQL:
    return RulesSQL(
        _sql(hidden_pages(request)),
        _sql(hidden_collections(request)),
        _sql(ContactPerson.objects.published().values("pk")),
    )


@functools.cache
def _public_rules_sql() -> RulesSQL:
    """For readers who are not logged in the SQL is always the same: written once."""
    return _rules_sql(SimpleNamespace(user=AnonymousUser()))


def rules_sql(request) -> RulesSQL:
    """The rules for this reader, as subqueries."""
    if not request.user.is_authenticated:
        return _public_rules_sql()
    return _rules_sql(request)
