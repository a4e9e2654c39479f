from django.apps import AppConfig


class PageCacheConfig(AppConfig):
    name = "portal.pagecache"
    label = "pagecache"
    verbose_name = "Sidebuffer"

    def ready(self):
        from . import signal_handlers

        signal_handlers.connect()
