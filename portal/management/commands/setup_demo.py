from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Migrerer databasen, laster demoinnholdet og lager en demo-administrator om det "
        "ikke finnes noen. Én prosess i stedet for tre, så `make run` starter raskt."
    )

    def handle(self, *args, **options):
        call_command("migrate", interactive=False, verbosity=0)
        # Files an older install kept in public media (the migration moves them once).
        call_command("move_documents_to_private_storage", stdout=self.stdout)
        call_command("load_demo_content", stdout=self.stdout)
        call_command("create_demo_admin", stdout=self.stdout)
