"""The synonyms in the admin: «Synonymer i søket» under Snutter (snippets)."""

from wagtail.snippets.views.snippets import SnippetViewSet

from .models import SearchSynonym


class SearchSynonymViewSet(SnippetViewSet):
    model = SearchSynonym
    icon = "search"
    menu_label = "Synonymer i søket"
    list_display = ["term", "alternatives"]
    ordering = ["term"]
