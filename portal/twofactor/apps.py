from django.apps import AppConfig


class TwoFactorConfig(AppConfig):
    name = "portal.twofactor"
    label = "twofactor"
    verbose_name = "Totrinnsbekreftelse"

    def ready(self):
        # The login timestamps the session middleware reads are written by a signal receiver;
        # it must be connected before the first login, not when the middleware is loaded.
        from portal import sessions

        sessions.connect_signals()
