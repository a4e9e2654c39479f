import datetime

from django.core.management.base import BaseCommand
from django.utils import timezone

from network.meetings.forms import retention_days
from network.meetings.models import MeetingRegistration


class Command(BaseCommand):
    help = (
        "Sletter påmeldinger til møter som sluttet for mer enn "
        "MEETING_REGISTRATION_RETENTION_DAYS dager siden (30 om ikke annet er satt). "
        "Personopplysninger skal ikke lagres lenger enn nødvendig. Kjør daglig, for eksempel "
        "fra cron."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Vis hvor mange påmeldinger som ville blitt slettet, uten å slette dem.",
        )
        parser.add_argument(
            "--days",
            type=int,
            default=None,
            help="Antall dager etter møtet (overstyrer innstillingen).",
        )

    def handle(self, *args, dry_run=False, days=None, **options):
        days = retention_days() if days is None else days
        cutoff = timezone.now() - datetime.timedelta(days=days)
        old = MeetingRegistration.objects.filter(meeting__end__lt=cutoff)
        count = old.count()
        meetings = old.values("meeting").distinct().count()
        if dry_run:
            self.stdout.write(
                f"Ville slettet {count} påmeldinger til {meetings} møter som sluttet før "
                f"{timezone.localtime(cutoff):%d.%m.%Y %H.%M} ({days} dager siden). "
                "Ingenting er slettet."
            )
            return
        old.delete()
        self.stdout.write(
            self.style.SUCCESS(
                f"Slettet {count} påmeldinger til {meetings} møter som sluttet for mer enn "
                f"{days} dager siden."
            )
        )
