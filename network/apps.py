from django.apps import AppConfig


class NetworkConfig(AppConfig):
    name = "network"
    verbose_name = "Nettverket"

    def ready(self):
        # The follow room listens for publishing, registrations and status changes.
        from network.follow import events

        events.connect()
