"""The admin's view of document text for search: a dashboard panel listing the documents whose
text could not be read or has waited too long, and a button that reads them again."""

from django.contrib import messages
from django.http import HttpResponseNotAllowed
from django.middleware.csrf import get_token
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from laces.components import Component
from wagtail import hooks
from wagtail.documents import get_document_model
from wagtail.permissions import policy_registry

from portal.choices import TextExtraction

from .tasks import request_extraction, stuck_documents


def permission_policy():
    return policy_registry.get_by_type(get_document_model())


# No more than this many documents are listed on the dashboard or read again in one go.
PANEL_LIMIT = 50


def documents_needing_extraction(user) -> list:
    """The failed and stuck documents the user may change, stuck ones first."""
    allowed = permission_policy().instances_user_has_permission_for(user, "change")
    stuck = [document for document in stuck_documents() if allowed.filter(pk=document.pk).exists()]
    failed = allowed.filter(extraction_status=TextExtraction.FAILED).order_by("-created_at")
    return (stuck + list(failed[:PANEL_LIMIT]))[:PANEL_LIMIT]


class DocumentTextPanel(Component):
    order = 140

    def __init__(self, request, documents):
        self.request = request
        self.documents = documents

    def render_html(self, parent_context=None):
        rows = format_html_join(
            "",
            '<li><a href="{}">{}</a> – {}</li>',
            (
                (
                    reverse("wagtaildocs:edit", args=[document.pk]),
                    document.title,
                    "feilet"
                    if document.extraction_status == TextExtraction.FAILED
                    else "venter for lenge",
                )
                for document in self.documents
            ),
        )
        return format_html(
            '<section class="w-panel w-panel--dashboard" id="dokumenttekst" '
            'aria-labelledby="dokumenttekst-tittel">'
            '<h2 id="dokumenttekst-tittel" class="w-panel__heading">'
            "Dokumenter der teksten ikke er søkbar</h2>"
            "<p>Teksten i disse filene kunne ikke leses, eller den har ventet for lenge på å bli "
            "hentet ut. Dokumentene finnes i søket på tittelen.</p>"
            "<ul>{}</ul>"
            '<form method="post" action="{}">'
            '<input type="hidden" name="csrfmiddlewaretoken" value="{}">'
            '<button type="submit" class="button">Les teksten på nytt</button>'
            "</form></section>",
            rows,
            reverse("search_extract_again"),
            get_token(self.request),
        )


@hooks.register("construct_homepage_panels")
def add_document_text_panel(request, panels):
    if not permission_policy().user_has_permission(request.user, "change"):
        return
    documents = documents_needing_extraction(request.user)
    if documents:
        panels.append(DocumentTextPanel(request, documents))


def extract_again(request):
    """Queue the failed and stuck documents the editor may change to be read again."""
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    if not permission_policy().user_has_permission(request.user, "change"):
        messages.error(request, "Du har ikke tilgang til å endre dokumenter.")
        return redirect("wagtailadmin_home")
    documents = documents_needing_extraction(request.user)
    count = request_extraction(document.pk for document in documents)
    if count:
        messages.success(
            request,
            f"Teksten i {count} {'dokument' if count == 1 else 'dokumenter'} hentes ut på nytt.",
        )
    else:
        messages.info(request, "Ingen dokumenter venter på å få teksten lest på nytt.")
    return redirect("wagtailadmin_home")


@hooks.register("register_admin_urls")
def register_extract_again_url():
    return [path("sok/les-tekst-pa-nytt/", extract_again, name="search_extract_again")]
