"""«Relevant for oss»: the form that marks a page or a document for a municipality (a page of
its own, so it works without JavaScript), removing a mark, and a municipality's tag pages."""

from urllib.parse import urlsplit

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.models import Page

from network.organisation.access import (
    can_view_municipality,
    municipalities_of,
    municipality_view,
    network_member_required,
)
from network.organisation.models import Municipality

from ..forms import MarkForm
from ..marks import (
    TEMPLATES,
    is_markable_page,
    item_url,
    marks_with_items,
    municipality_tags,
    save_mark,
)
from ..models import MarkTag, RelevanceMark
from .accounts import safe_next


def back_address(request, fallback: str) -> str:
    """Where to go after the form: ?next= when it is an address on this site, else the
    fallback. Worked out before anything is written, and never a view name for reverse():
    `next=tilbake` is a relative word, not an address, and must not fail after a save."""
    target = safe_next(request, fallback or "/")
    if target.startswith("/") or urlsplit(target).scheme in ("http", "https"):
        return target
    return fallback or "/"


def municipality_from_request(request, allowed) -> Municipality | None:
    """The municipality named by the posted or requested id, if the user may mark for it.

    A crafted id of another municipality is refused with 403, not quietly ignored.
    """
    raw = request.POST.get("municipality") or request.GET.get("kommune") or ""
    if not raw:
        return allowed[0] if len(allowed) == 1 else None
    if not raw.isdigit():
        raise PermissionDenied("Ukjent kommune.")
    municipality = next((m for m in allowed if m.pk == int(raw)), None)
    # Marks belong to the municipality: every member of it may add, edit and remove them.
    if municipality is None or not can_view_municipality(request.user, municipality):
        raise PermissionDenied("Du kan bare markere for din egen kommune.")
    return municipality


@network_member_required
def mark_page_view(request, page_id):
    page = get_object_or_404(Page.objects.live().public(), pk=page_id).specific
    if not is_markable_page(page):
        raise Http404("Denne siden kan ikke markeres.")
    return mark_item(request, page)


@network_member_required
def mark_document_view(request, document_id):
    document = get_object_or_404(get_document_model(), pk=document_id)
    return mark_item(request, document)


def mark_item(request, item):
    allowed = municipalities_of(request.user)
    municipality = municipality_from_request(request, allowed)
    back = back_address(request, item_url(item, request))
    mark = None
    if municipality is not None:
        mark = RelevanceMark.objects.for_item(item).filter(municipality=municipality).first()
    suggestions = municipality_tags(municipality) if municipality else []

    if request.method == "POST" and municipality is not None:
        form = MarkForm(request.POST, suggestions=suggestions)
        if form.is_valid():
            mark = save_mark(request, item, municipality, mark, form)
            messages.success(
                request, f"«{item.title}» er markert som relevant for {municipality.name}."
            )
            return HttpResponseRedirect(back)
    else:
        initial = {}
        if mark is not None:
            initial = {"existing_tags": [t.name for t in mark.tags.all()], "note": mark.note}
        form = MarkForm(initial=initial, suggestions=suggestions)
    return TemplateResponse(
        request,
        TEMPLATES + "mark_form.html",
        {
            "item": item,
            "item_url": item_url(item, request),
            "municipality": municipality,
            "municipalities": allowed,
            "mark": mark,
            "form": form,
            "next": back,
        },
    )


@network_member_required
def remove_mark_view(request, mark_id):
    if request.method != "POST":
        raise PermissionDenied("Fjern med skjemaet.")

    mark = get_object_or_404(
        RelevanceMark.objects.select_related("municipality", "page", "document"), pk=mark_id
    )
    if not can_view_municipality(request.user, mark.municipality):
        raise PermissionDenied("Du kan bare fjerne markeringer for din egen kommune.")
    title, municipality = mark.item_title, mark.municipality
    back = back_address(request, item_url(mark.item, request) if mark.item else "/")
    mark.delete()
    messages.success(request, f"«{title}» er ikke lenger markert som relevant for {municipality}.")
    return HttpResponseRedirect(back)


# Tag pages -------------------------------------------------------------------------------


@municipality_view()
def tag_view(request, municipality, tag):
    tag_object = (
        MarkTag.objects.filter(slug=tag).first() or MarkTag.objects.filter(name=tag).first()
    )
    if tag_object is None:
        raise Http404("Ukjent emneord.")
    marks = marks_with_items(
        RelevanceMark.objects.filter(municipality=municipality, tags__in=[tag_object])
    )
    for mark in marks:
        mark.url = item_url(mark.item, request) if mark.item else ""
    return TemplateResponse(
        request,
        TEMPLATES + "tag.html",
        {
            "municipality": municipality,
            "tag": tag_object,
            "marks": marks,
            "dashboard_url": reverse("min_kommune_dashboard", args=[municipality.slug]),
        },
    )
