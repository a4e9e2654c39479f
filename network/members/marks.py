"""«Relevant for oss»: a municipality marks a page or a document as relevant, with tags and a
note. Marks belong to the municipality, so every member of it sees, edits and removes them.

Anyone sees how many municipalities marked an item; members see which. The panel on a page is
built by `mark_section()` (HTM pages get it through the `htm_item_page_sections` hook, the
network's pages through the `{% relevance_panel %}` tag); the form itself is a page of its own,
so everything works without JavaScript.
"""

from django.db import IntegrityError, transaction
from django.urls import reverse
from wagtail.models import Page

from network.meetings.materials import iter_material_values
from network.meetings.pages import MeetingPage
from network.organisation.access import (
    is_network_member,
    is_regional_editor,
    memberships,
    to_login,
)

from .models import MarkTag, RelevanceMark

TEMPLATES = "network/members/marks/"
# The page types a municipality may mark: HTM phases and areas, rollouts, meetings, projects.
MARKABLE_PAGE_TYPES = {
    ("htm", "phasepage"),
    ("htm", "taskareapage"),
    ("network", "rolloutpage"),
    ("network", "meetingpage"),
    ("network", "projectpage"),
}
MAX_TAGS = 20
MAX_TAG_LENGTH = 60


def is_markable_page(page) -> bool:
    content_type = page.cached_content_type
    return (content_type.app_label, content_type.model) in MARKABLE_PAGE_TYPES


def municipality_tags(municipality) -> list[MarkTag]:
    """The tags the municipality already uses, for suggestions (one query)."""
    return list(
        MarkTag.objects.filter(tagged_marks__content_object__municipality=municipality)
        .distinct()
        .order_by("name")
    )


def item_url(item, request=None) -> str:
    if isinstance(item, Page):
        return item.get_url(request) or ""
    return item.url


# The panel on a page -------------------------------------------------------------------


def mark_section(request, item, order: int = 50) -> dict | None:
    """What the «Relevant for oss» panel shows on a page or for a document.

    Three queries for anyone (count) and at most three more for a member.
    """
    if isinstance(item, Page) and not is_markable_page(item):
        return None
    user = request.user
    marks = RelevanceMark.objects.for_item(item)
    is_member = is_network_member(user)
    section = {
        "order": order,
        "template": TEMPLATES + "includes/panel.html",
        "item": item,
        "is_page": isinstance(item, Page),
        "is_member": is_member,
        "login_url": to_login(request)["Location"],
    }
    if not is_member:
        section["count"] = marks.count()
        return section
    all_marks = list(marks.select_related("municipality", "updated_by").prefetch_related("tags"))
    section["count"] = len(all_marks)
    section["marked_by"] = sorted((mark.municipality for mark in all_marks), key=lambda m: m.name)
    by_municipality = {mark.municipality_id: mark for mark in all_marks}
    own = []
    for membership in memberships(user):
        mark = by_municipality.get(membership.municipality_id)
        own.append({"municipality": membership.municipality, "mark": mark})
    section["own"] = own
    section["editor"] = is_regional_editor(user)
    section["documents"] = meeting_documents(item, [m.municipality_id for m in memberships(user)])
    kind = "page" if section["is_page"] else "document"
    section["form_url"] = reverse(f"marks_{kind}", args=[item.pk])
    section["next"] = request.get_full_path()
    return section


def meeting_documents(page, municipality_ids) -> list:
    """The documents among a meeting's materials, each with whether we marked it (one query)."""
    if not isinstance(page, MeetingPage):
        return []
    documents = {}
    for value in iter_material_values(page):
        document = value.get("document")
        if document is not None:
            documents.setdefault(document.pk, document)
    if not documents:
        return []
    ours = set(
        RelevanceMark.objects.filter(
            document_id__in=documents, municipality_id__in=municipality_ids
        ).values_list("document_id", flat=True)
    )
    for document in documents.values():
        document.marked_by_us = document.pk in ours
    return list(documents.values())


def save_mark(request, item, municipality, mark, form) -> RelevanceMark:
    with transaction.atomic():
        if mark is None:
            field = "page" if isinstance(item, Page) else "document"
            try:
                with transaction.atomic():
                    mark = RelevanceMark.objects.create(
                        municipality=municipality,
                        created_by=request.user,
                        updated_by=request.user,
                        note=form.cleaned_data["note"],
                        **{field: item},
                    )
            except IntegrityError:
                # A colleague marked it a moment ago: theirs is the mark, ours updates it.
                mark = RelevanceMark.objects.for_item(item).get(municipality=municipality)
        mark.note = form.cleaned_data["note"]
        mark.updated_by = request.user
        mark.save()
        mark.tags.set(form.tag_names())
    return mark


def marks_with_items(queryset):
    """Marks with their page or document and tags, in two queries. A mark shows its item's
    title, address and kind, which the page's base row and its content type tell: no page
    type's own row is read."""
    marks = list(queryset.select_related("page", "document", "updated_by").prefetch_related("tags"))
    for mark in marks:
        if mark.page_id:
            model = mark.page.specific_class or type(mark.page)
            mark.kind = str(model._meta.verbose_name)
        else:
            mark.kind = "dokument"
    return marks
