from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

DEMO_USERNAME = "admin"
DEMO_PASSWORD = "nordland-demo"  # noqa: S105 - printed on purpose, development only


class Command(BaseCommand):
    help = "Lager en demo-administrator når det ikke finnes noen (bare i utvikling)."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("Demo-administratoren lages bare når DEBUG er på (utvikling).")
        user_model = get_user_model()
        if user_model.objects.filter(is_superuser=True).exists():
            if user_model.objects.filter(username=DEMO_USERNAME, is_superuser=True).exists():
                self._print_login()
            else:
                self.stdout.write("Det finnes allerede en administrator; ingen demobruker laget.")
            return
        user_model.objects.create_superuser(
            username=DEMO_USERNAME,
            email="admin@example.org",
            password=DEMO_PASSWORD,
            first_name="Demo",
            last_name="Administrator",
        )
        self.stdout.write(self.style.SUCCESS("Demo-administrator laget."))
        self._print_login()

    def _print_login(self):
        self.stdout.write(
            f"Logg inn på http://127.0.0.1:8000/admin/ med brukernavn «{DEMO_USERNAME}» "
            f"og passord «{DEMO_PASSWORD}» (bare for utvikling)."
        )
