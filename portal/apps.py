from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = "Portal"

    def ready(self):
        from . import layout
        from .export import protect_admin_exports

        protect_admin_exports()
        layout.connect_signals()
