import datetime

from django.core.management.base import BaseCommand
from django.utils import timezone

from network.follow.models import Notice, Subscription, notice_retention_days, opt_in_hours
from network.meetings.forms import retention_days
from network.meetings.models import MeetingRegistration
from network.meetings.registration import confirmation_hours, expired_unconfirmed


class Command(BaseCommand):
    help = (
        "Sletter påmeldinger til møter som sluttet for mer enn "
        "MEETING_REGISTRATION_RETENTION_DAYS dager siden (30 om ikke annet er satt), og "
        "påmeldinger som ikke ble bekreftet innen MEETING_REGISTRATION_CONFIRMATION_HOURS "
        "timer (48). Sletter også abonnementer som ikke ble bekreftet innen FOLLOW_OPT_IN_HOURS "
        "timer (48), og sendte varsler eldre enn FOLLOW_NOTICE_RETENTION_DAYS dager (90). "
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
        unconfirmed = expired_unconfirmed().exclude(pk__in=old.values("pk"))
        unconfirmed_count = unconfirmed.count()
        hours = confirmation_hours()
        opt_in_cutoff = timezone.now() - datetime.timedelta(hours=opt_in_hours())
        unconfirmed_subscriptions = Subscription.objects.filter(
            confirmed_at__isnull=True, created_at__lt=opt_in_cutoff
        )
        old_notices = Notice.expired()
        following = (
            f"{unconfirmed_subscriptions.count()} abonnementer som ikke ble bekreftet innen "
            f"{opt_in_hours()} timer og {old_notices.count()} varsler eldre enn "
            f"{notice_retention_days()} dager"
        )
        if dry_run:
            self.stdout.write(
                f"Ville slettet {count} påmeldinger til {meetings} møter som sluttet før "
                f"{timezone.localtime(cutoff):%d.%m.%Y %H.%M} ({days} dager siden), og "
                f"{unconfirmed_count} som ikke ble bekreftet innen {hours} timer. "
                "Ingenting er slettet."
            )
            self.stdout.write(f"Ville slettet {following}.")
            return
        self.stdout.write(self.style.SUCCESS(f"Slettet {following}."))
        unconfirmed_subscriptions.delete()
        old_notices.delete()
        unconfirmed.delete()
        old.delete()
        self.stdout.write(
            self.style.SUCCESS(
                f"Slettet {unconfirmed_count} påmeldinger som ikke ble bekreftet innen "
                f"{hours} timer."
            )
        )
        self.stdout.write(
            self.style.SUCCESS(
                f"Slettet {count} påmeldinger til {meetings} møter som sluttet for mer enn "
                f"{days} dager siden."
            )
        )
