from importlib import import_module
from importlib.util import find_spec

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction

from portal.demo_tools import DemoContext


class Command(BaseCommand):
    help = "Bygger demonettstedet. Kan kjøres flere ganger: det som finnes, blir stående."

    def handle(self, *args, **options):
        context = DemoContext(stdout=self.stdout)
        loaders = [
            import_module(f"{app_config.name}.demo")
            for app_config in apps.get_app_configs()
            if find_spec(f"{app_config.name}.demo") is not None
        ]
        with transaction.atomic():
            for loader in loaders:
                loader.load(context)
            for loader in loaders:
                if hasattr(loader, "finish"):
                    loader.finish(context)
        if context.created:
            summary = ", ".join(f"{count} {label}" for label, count in context.created.items())
            self.stdout.write(self.style.SUCCESS(f"Demoinnhold lagt inn: {summary}."))
        else:
            self.stdout.write("Demoinnholdet var allerede på plass; ingenting endret.")
