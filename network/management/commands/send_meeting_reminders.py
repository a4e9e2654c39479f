"""`manage.py send_meeting_reminders`: a reminder the day before a meeting."""

from django.core.management.base import BaseCommand

from network.meetings.lifecycle import send_reminders


class Command(BaseCommand):
    help = (
        "Sender en påminnelse til alle som har plass på et møte som starter i morgen (norsk "
        "tid). Kjør daglig, for eksempel kl. 08 fra cron. Hver påmeldt får én påminnelse per "
        "møte, uansett hvor mange ganger kommandoen kjøres."
    )

    def handle(self, *args, **options):
        count = send_reminders()
        self.stdout.write(self.style.SUCCESS(f"La {count} påminnelser i køen."))
