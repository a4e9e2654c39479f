from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = "Søk"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from wagtail.snippets.models import register_snippet

        from . import popular, signals, synonyms
        from .synonym_admin import SearchSynonymViewSet

        signals.connect()
        synonyms.connect()
        popular.connect()
        # Registered here rather than in wagtail_hooks.py, which holds the documents' panels.
        register_snippet(SearchSynonymViewSet)
