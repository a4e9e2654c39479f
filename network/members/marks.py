"""«Relevant for oss»: a municipality marks a page or a document as relevant, with tags and a
note. Marks belong to the municipality, so every member of it sees, edits and removes them.

Anyone sees how many municipalities marked an item; members see which. The panel on a page is
built by `mark_section()` (HTM pages get it through the `htm_item_page_sections` hook, the
network's pages through the `{% relevance_panel %}` tag); the form itself is a page of its own,
so everything works without JavaScript.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.models import Page

from .models import MarkTag, Municipality, RelevanceMark
from .permissions import (
    can_mark_for,
    is_network_member,
    is_regional_editor,
    markable_municipalities,
    memberships,
)

TEMPLATES = "network/marks/"
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
        "login_url": f"{reverse('accounts_login')}?next={request.get_full_path()}",
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
    from .models import MeetingPage

    if not isinstance(page, MeetingPage):
        return []
    from .materials import iter_material_values

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


# The form --------------------------------------------------------------------------------


class MarkForm(forms.Form):
    existing_tags = forms.MultipleChoiceField(
        label="Emneord kommunen bruker",
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    new_tags = forms.CharField(
        label="Nye emneord",
        required=False,
        max_length=500,
        help_text="Skill flere emneord med komma, for eksempel «opplæring, budsjett 2026».",
    )
    note = forms.CharField(
        label="Notat (valgfritt)",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, suggestions=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["existing_tags"].choices = [(tag.name, tag.name) for tag in suggestions]
        if not suggestions:
            self.fields["existing_tags"].widget = forms.MultipleHiddenInput()

    def clean_new_tags(self):
        # Commas separate tags; a tag may have spaces («Budsjett 2026»). Taggit's own parser
        # would split a comma-less input on spaces instead.
        raw = self.cleaned_data.get("new_tags", "")
        tags = list(dict.fromkeys(" ".join(t.split()) for t in raw.split(",") if t.strip()))
        for tag in tags:
            if len(tag) > MAX_TAG_LENGTH:
                raise forms.ValidationError(
                    f"Et emneord kan ha høyst {MAX_TAG_LENGTH} tegn: «{tag[:20]}…»."
                )
        return tags

    def tag_names(self) -> list[str]:
        names = {name.strip() for name in self.cleaned_data.get("existing_tags", [])}
        names.update(self.cleaned_data.get("new_tags", []))
        return sorted(name for name in names if name)[:MAX_TAGS]


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
    if municipality is None or not can_mark_for(request.user, municipality):
        raise PermissionDenied("Du kan bare markere for din egen kommune.")
    return municipality


def require_member(request):
    if not request.user.is_authenticated:
        return redirect(f"{reverse('accounts_login')}?next={request.get_full_path()}")
    if not is_network_member(request.user):
        raise PermissionDenied("Bare medlemmer av nettverket kan markere.")
    return None


def mark_page_view(request, page_id):
    page = get_object_or_404(Page.objects.live().public(), pk=page_id).specific
    if not is_markable_page(page):
        raise Http404("Denne siden kan ikke markeres.")
    return mark_item(request, page)


def mark_document_view(request, document_id):
    document = get_object_or_404(get_document_model(), pk=document_id)
    return mark_item(request, document)


def mark_item(request, item):
    refusal = require_member(request)
    if refusal is not None:
        return refusal
    from .accounts import safe_next

    allowed = markable_municipalities(request.user)
    municipality = municipality_from_request(request, allowed)
    back = safe_next(request, item_url(item, request))
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
            return redirect(back)
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


def remove_mark_view(request, mark_id):
    refusal = require_member(request)
    if refusal is not None:
        return refusal
    if request.method != "POST":
        raise PermissionDenied("Fjern med skjemaet.")
    from .accounts import safe_next

    mark = get_object_or_404(
        RelevanceMark.objects.select_related("municipality", "page", "document"), pk=mark_id
    )
    if not can_mark_for(request.user, mark.municipality):
        raise PermissionDenied("Du kan bare fjerne markeringer for din egen kommune.")
    title, municipality = mark.item_title, mark.municipality
    back = safe_next(request, item_url(mark.item, request) if mark.item else "/")
    mark.delete()
    messages.success(request, f"«{title}» er ikke lenger markert som relevant for {municipality}.")
    return redirect(back)


# Tag pages -------------------------------------------------------------------------------


def marks_with_items(queryset):
    """Marks with their page or document and tags, in a fixed number of queries."""
    marks = list(queryset.select_related("page", "document", "updated_by").prefetch_related("tags"))
    specific = {
        page.pk: page
        for page in Page.objects.filter(pk__in=[m.page_id for m in marks if m.page_id]).specific()
    }
    for mark in marks:
        if mark.page_id:
            mark.page = specific.get(mark.page_id, mark.page)
            model = mark.page.specific_class or type(mark.page)
            mark.kind = str(model._meta.verbose_name)
        else:
            mark.kind = "dokument"
    return marks


def tag_view(request, slug, tag):
    from .min_kommune import municipality_for_view

    municipality = municipality_for_view(request, slug)
    if not isinstance(municipality, Municipality):
        return municipality  # a redirect to the login page
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
