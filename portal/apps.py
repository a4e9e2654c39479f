from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = "Portal"

    def ready(self):
        from . import language, layout
        from .export import protect_admin_exports

        protect_admin_exports()
        layout.connect_signals()
        # An admin user's stored language never switches the admin out of bokmål.
        language.connect_signals()
