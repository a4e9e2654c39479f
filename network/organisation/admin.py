"""Municipalities, cohorts and contact persons in the Wagtail admin (grouped under
«Nettverket» by network/wagtail_hooks.py)."""

from wagtail.snippets.views.snippets import SnippetViewSet

from portal.export import SafeExportSnippetIndexView

from .models import Cohort, ContactPerson, Municipality


class MunicipalityViewSet(SnippetViewSet):
    model = Municipality
    icon = "home"
    menu_label = "Kommuner"
    index_view_class = SafeExportSnippetIndexView
    list_display = ["name", "number", "sami_name"]
    search_fields = ["name", "number"]
    list_export = ["name", "number", "sami_name", "website", "note"]
    ordering = ["name"]


class CohortViewSet(SnippetViewSet):
    model = Cohort
    icon = "group"
    menu_label = "Puljer"
    list_display = ["name", "year", "programme"]


class ContactPersonViewSet(SnippetViewSet):
    model = ContactPerson
    icon = "user"
    menu_label = "Kontaktpersoner"
    index_view_class = SafeExportSnippetIndexView
    list_display = ["name", "role", "organisation", "publish"]
    list_filter = ["role", "organisation_type", "publish", "regional_team"]
    list_export = ["name", "role", "organisation", "email", "phone", "publish"]
    search_fields = ["name", "title", "organisation_name"]
