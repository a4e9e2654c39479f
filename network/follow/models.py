"""What the follow room keeps: who follows what (Subscription), each e-mail to send or sent
(Notice, one per event and recipient), and which materials a page has already been
announced with (AnnouncedMaterial).

All three hold personal data (addresses): they appear in the member's data download, go
with the account (members/privacy.py), and `manage.py delete_old_registrations` deletes
unconfirmed subscriptions and old notices.
"""

import datetime

from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone

from network.choices import MeetingType

# How long a visitor's confirmation link works, and how long sent notices are kept.
DEFAULT_OPT_IN_HOURS = 48
DEFAULT_NOTICE_RETENTION_DAYS = 90


def opt_in_hours() -> int:
    return int(getattr(settings, "FOLLOW_OPT_IN_HOURS", DEFAULT_OPT_IN_HOURS))


def notice_retention_days() -> int:
    return int(getattr(settings, "FOLLOW_NOTICE_RETENTION_DAYS", DEFAULT_NOTICE_RETENTION_DAYS))


class TargetKind(models.TextChoices):
    PAGE = "side", "Side"
    TAG = "emneord", "Emneord"
    MEETING_TYPE = "motetype", "Type møte"
    MUNICIPALITY = "kommune", "Min kommune"


class Frequency(models.TextChoices):
    IMMEDIATE = "straks", "Straks"
    WEEKLY = "ukentlig", "Ukentlig oppsummering"


class NoticeStatus(models.TextChoices):
    QUEUED = "i-ko", "I kø"
    DIGEST = "til-oppsummering", "Venter på ukentlig oppsummering"
    SENT = "sendt", "Sendt"
    IN_DIGEST = "sendt-i-oppsummering", "Sendt i oppsummering"
    FAILED = "feilet", "Feilet"


class SubscriptionQuerySet(models.QuerySet):
    def confirmed(self):
        return self.filter(confirmed_at__isnull=False)

    def of_email(self, email: str):
        if not email:
            return self.none()
        return self.filter(email__iexact=email)


class Subscription(models.Model):
    """One person following one thing: a page (a national rollout, an HTM phase or task
    area, a meeting), a tag, a meeting type, or everything new for a municipality.

    A member's subscription is confirmed at once; a visitor's waits for the signed link
    sent to the address (double opt-in) and sends nothing until then.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="bruker",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="subscriptions",
    )
    email = models.EmailField("e-post")
    kind = models.CharField("følger", max_length=20, choices=TargetKind.choices)
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name="side",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    tag = models.ForeignKey(
        "taggit.Tag",
        verbose_name="emneord",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    meeting_type = models.CharField(
        "type møte", max_length=30, blank=True, choices=MeetingType.choices
    )
    municipality = models.ForeignKey(
        "network.Municipality",
        verbose_name="kommune",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    frequency = models.CharField(
        "hvor ofte", max_length=20, choices=Frequency.choices, default=Frequency.IMMEDIATE
    )
    # «side:12», «emneord:5», «motetype:fagdag», «kommune:3»: one column to be unique on.
    target_key = models.CharField(max_length=60, editable=False)
    created_at = models.DateTimeField("opprettet", default=timezone.now)
    confirmed_at = models.DateTimeField("bekreftet", null=True, blank=True)

    objects = SubscriptionQuerySet.as_manager()

    class Meta:
        verbose_name = "abonnement"
        verbose_name_plural = "abonnementer"
        ordering = ["email", "created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                Lower("email"), "target_key", name="one_subscription_per_email_and_target"
            )
        ]

    def __str__(self) -> str:
        return f"{self.email} følger {self.target_label}"

    def save(self, *args, **kwargs):
        self.target_key = self.make_target_key()
        super().save(*args, **kwargs)

    def make_target_key(self) -> str:
        value = {
            TargetKind.PAGE: self.page_id,
            TargetKind.TAG: self.tag_id,
            TargetKind.MEETING_TYPE: self.meeting_type,
            TargetKind.MUNICIPALITY: self.municipality_id,
        }[self.kind]
        return f"{self.kind}:{value}"

    @property
    def target_label(self) -> str:
        if self.kind == TargetKind.PAGE and self.page_id:
            return self.page.title
        if self.kind == TargetKind.TAG and self.tag_id:
            return f"emneordet «{self.tag.name}»"
        if self.kind == TargetKind.MEETING_TYPE:
            return f"{MeetingType(self.meeting_type).label.lower()}er"
        if self.kind == TargetKind.MUNICIPALITY and self.municipality_id:
            return f"alt nytt for {self.municipality.name}"
        return "slettet innhold"

    @property
    def is_confirmed(self) -> bool:
        return self.confirmed_at is not None


class Notice(models.Model):
    """One e-mail for one event to one recipient. The unique constraint makes every event
    idempotent: publishing twice, a retried task or two workers never send it twice.

    The body is kept only until the e-mail is sent (the worker renders nothing itself, so a
    retry sends exactly what was queued); after that only the facts remain.
    """

    event = models.CharField("hendelse", max_length=200)
    kind = models.CharField("type", max_length=40)
    email = models.EmailField("mottaker")
    subscription = models.ForeignKey(
        Subscription,
        verbose_name="abonnement",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="notices",
    )
    subject = models.CharField("emne", max_length=250)
    text = models.TextField("tekst", blank=True)
    html = models.TextField("HTML", blank=True)
    calendar = models.TextField("kalenderinvitasjon", blank=True)
    calendar_method = models.CharField(max_length=10, blank=True)
    status = models.CharField(
        "status", max_length=30, choices=NoticeStatus.choices, default=NoticeStatus.QUEUED
    )
    attempts = models.PositiveSmallIntegerField("forsøk", default=0)
    last_error = models.CharField("siste feil", max_length=250, blank=True)
    created_at = models.DateTimeField("opprettet", default=timezone.now, db_index=True)
    sent_at = models.DateTimeField("sendt", null=True, blank=True, db_index=True)

    class Meta:
        verbose_name = "varsel"
        verbose_name_plural = "varsler"
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                Lower("email"), "event", name="one_notice_per_event_and_recipient"
            )
        ]

    def __str__(self) -> str:
        return f"{self.subject} → {self.email}"

    @classmethod
    def expired(cls, now=None):
        cutoff = (now or timezone.now()) - datetime.timedelta(days=notice_retention_days())
        return cls.objects.filter(created_at__lt=cutoff).exclude(
            status__in=[NoticeStatus.QUEUED, NoticeStatus.DIGEST]
        )


class AnnouncedMaterial(models.Model):
    """A document (in its current file) a page has already been announced with, so a later
    publish announces only what is new or replaced."""

    page = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="+", verbose_name="side"
    )
    document_id = models.PositiveIntegerField("dokument")
    file_hash = models.CharField("filens sjekksum", max_length=40, blank=True)
    announced_at = models.DateTimeField("varslet", default=timezone.now)

    class Meta:
        verbose_name = "varslet materiell"
        verbose_name_plural = "varslet materiell"
        constraints = [
            models.UniqueConstraint(
                fields=["page", "document_id", "file_hash"], name="one_announcement_per_file"
            )
        ]

    def __str__(self) -> str:
        return f"Dokument {self.document_id} på side {self.page_id}"
