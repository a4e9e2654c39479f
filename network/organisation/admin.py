"""Municipalities, cohorts and contact persons in the Wagtail admin (grouped under
«Nettverket» by network/wagtail_hooks.py)."""

from wagtail.snippets.views.snippets import DeleteView, SnippetViewSet

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


class ContactPersonDeleteView(DeleteView):
    """Deleting a contact person erases them: the row, every revision, and their name in the
    history (organisation/models.py does it on every delete); the editor is told so."""

    @property
    def confirmation_message(self):
        return (
            "Personen slettes helt: kontaktopplysningene, alle tidligere versjoner og navnet i "
            "historikken. Arbeidsgruppene mister personen. Dette kan ikke angres."
        )


class ContactPersonViewSet(SnippetViewSet):
    """Every save is kept as a revision (who, when, and the consent field), shown under
    «Historikk»; deleting erases the person."""

    model = ContactPerson
    icon = "user"
    menu_label = "Kontaktpersoner"
    delete_view_class = ContactPersonDeleteView
    index_view_class = SafeExportSnippetIndexView
    list_display = ["name", "role", "organisation", "publish"]
    list_filter = ["role", "organisation_type", "publish", "regional_team"]
    list_export = ["name", "role", "organisation", "email", "phone", "publish"]
    search_fields = ["name", "title", "organisation_name"]
