"""`manage.py send_follow_digest`: the weekly digest for those who chose it (follow room)."""

from django.core.management.base import BaseCommand

from network.follow.digest import send_digests


class Command(BaseCommand):
    help = (
        "Samler varslene til dem som har valgt ukentlig oppsummering, i én e-post per adresse, "
        "og legger dem i køen til oppgavekjøreren. Kjør én gang i uken, for eksempel mandag "
        "morgen fra cron. Kjøres den to ganger samme uke, sendes ingenting på nytt."
    )

    def handle(self, *args, **options):
        count = send_digests()
        self.stdout.write(self.style.SUCCESS(f"La {count} ukentlige oppsummeringer i køen."))
