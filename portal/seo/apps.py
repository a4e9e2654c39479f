from django.apps import AppConfig


class SeoConfig(AppConfig):
    name = "portal.seo"
    label = "seo"
    verbose_name = "Søk og deling"

    def ready(self):
        from . import models

        models.connect_signals()
