"""What the meetings room keeps besides its pages: the registrations (påmeldinger) for a
meeting, the meetings' topic tags, and the queries that list meetings."""

from functools import reduce
from operator import or_

from django.db import models
from django.db.models import Case, Count, F, IntegerField, Q, Value, When
from django.db.models.functions import Lower
from django.utils import timezone
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel

from network.choices import RegistrationStatus
from portal.routing import PortalPageQuerySet

RELATED_MEETINGS = 8
# What a visitor may type into the registration form's free text.
MAX_COMMENTS_LENGTH = 1000


class MeetingPageTag(TaggedItemBase):
    content_object = ParentalKey(
        "network.MeetingPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class MeetingQuerySet(PortalPageQuerySet):
    def upcoming(self, now=None):
        """Meetings that have not ended yet, soonest first."""
        return self.filter(end__gte=now or timezone.now()).order_by("start", "pk")

    def past(self, now=None):
        return self.filter(end__lt=now or timezone.now()).order_by("-start", "-pk")

    def upcoming_then_past(self, now=None):
        """Upcoming meetings soonest first, then past meetings newest first, in one query."""
        now = now or timezone.now()
        return self.annotate(
            past_rank=Case(
                When(end__lt=now, then=Value(1)), default=Value(0), output_field=IntegerField()
            ),
            upcoming_start=Case(When(end__gte=now, then=F("start"))),
            past_start=Case(When(end__lt=now, then=F("start"))),
        ).order_by(
            "past_rank",
            F("upcoming_start").asc(nulls_last=True),
            F("past_start").desc(nulls_last=True),
            "pk",
        )

    def upcoming_then_past_pages(self, now=None) -> "UpcomingThenPast":
        """upcoming_then_past() for a paginator, without sorting every meeting there is."""
        return UpcomingThenPast(self, now or timezone.now())

    def related_listing(self, now=None) -> list:
        """For a rollout or an HTM area: upcoming meetings soonest first, then the latest
        past ones. One query (two with the privacy check): the few candidates of each part
        come from its own index, and only they are sorted."""
        now = now or timezone.now()
        meetings = self.live().public()
        candidates = Q(pk__in=meetings.upcoming(now)[:RELATED_MEETINGS].values("pk")) | Q(
            pk__in=meetings.past(now)[:RELATED_MEETINGS].values("pk")
        )
        return list(meetings.filter(candidates).upcoming_then_past(now)[:RELATED_MEETINGS])


class UpcomingThenPast:
    """The meetings in upcoming_then_past() order as a sequence a paginator slices: one
    query counts both parts, and one reads a page, finding its upcoming meetings soonest
    first and its past ones newest first each from its own index (network 0019), so no
    query sorts every meeting of the archive by a computed key."""

    def __init__(self, meetings, now):
        self.upcoming = meetings.upcoming(now)
        self.past = meetings.past(now)
        self.meetings = meetings
        self.now = now
        self._counts = None

    def counts(self) -> tuple[int, int]:
        """(all, upcoming)."""
        if self._counts is None:
            found = self.meetings.order_by().aggregate(
                total=Count("pk"), upcoming=Count("pk", filter=Q(end__gte=self.now))
            )
            self._counts = (found["total"], found["upcoming"])
        return self._counts

    def count(self) -> int:
        return self.counts()[0]

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, index):
        if not isinstance(index, slice):
            return self[index : index + 1][0]
        total, upcoming = self.counts()
        start, stop = index.start or 0, total if index.stop is None else index.stop
        # Which meetings are on this page: each part's slice read from its own index, as a
        # subquery; only those few rows are then sorted (one query, however large the archive).
        parts = []
        if start < upcoming:
            parts.append(Q(pk__in=self.upcoming[start : min(stop, upcoming)].values("pk")))
        if stop > upcoming:
            past = self.past[max(start - upcoming, 0) : stop - upcoming]
            parts.append(Q(pk__in=past.values("pk")))
        if not parts or start >= stop:
            return []
        return list(self.meetings.filter(reduce(or_, parts)).upcoming_then_past(self.now))


class MeetingRegistration(models.Model):
    """One person's registration for a meeting. Personal data: deleted some days after the
    meeting by `manage.py delete_old_registrations`.

    An anonymous registration waits for its e-mail address to be confirmed (PENDING) and
    takes no seat until then; on confirmation it becomes CONFIRMED or WAITING.
    """

    meeting = models.ForeignKey(
        "network.MeetingPage",
        verbose_name="møte",
        on_delete=models.CASCADE,
        related_name="registrations",
    )
    name = models.CharField("navn", max_length=150)
    email = models.EmailField("e-post")
    municipality = models.ForeignKey(
        "network.Municipality",
        verbose_name="kommune",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    organisation = models.CharField(
        "annen arbeidsplass",
        max_length=150,
        blank=True,
        help_text="Når du ikke kommer fra en kommune, for eksempel «KS» eller «USHT».",
    )
    comments = models.TextField(
        "kommentar",
        blank=True,
        max_length=MAX_COMMENTS_LENGTH,
        help_text="For eksempel allergier eller behov for tilrettelegging.",
    )
    status = models.CharField(
        "status",
        max_length=20,
        choices=RegistrationStatus.choices,
        default=RegistrationStatus.CONFIRMED,
    )
    created_at = models.DateTimeField("påmeldt", default=timezone.now, db_index=True)
    confirmed_at = models.DateTimeField(
        "bekreftet",
        null=True,
        blank=True,
        editable=False,
        help_text="Når påmeldingen fikk plass eller venteliste; den rekkefølgen gjelder.",
    )

    panels = [
        FieldPanel("meeting"),
        FieldPanel("name"),
        FieldPanel("email"),
        FieldPanel("municipality"),
        FieldPanel("organisation"),
        FieldPanel("comments"),
        FieldPanel("status"),
    ]

    class Meta:
        verbose_name = "påmelding"
        verbose_name_plural = "påmeldinger"
        ordering = ["meeting", "created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                Lower("email"),
                "meeting",
                name="one_registration_per_email_and_meeting",
                violation_error_message="Denne e-postadressen er allerede påmeldt møtet.",
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} – {self.meeting}"

    def save(self, *args, **kwargs):
        # Confirmed or waiting from now on (also when an organiser sets it in the admin).
        if self.status != RegistrationStatus.PENDING and self.confirmed_at is None:
            self.confirmed_at = timezone.now()
            if kwargs.get("update_fields") is not None:
                kwargs["update_fields"] = {*kwargs["update_fields"], "confirmed_at"}
        super().save(*args, **kwargs)

    @property
    def workplace(self) -> str:
        if self.municipality_id:
            return f"{self.municipality.name} kommune"
        return self.organisation

    def waiting_position(self) -> int | None:
        """The place on the waiting list, 1 first, in the order the registrations were
        confirmed; None when not waiting. One query."""
        if self.status != RegistrationStatus.WAITING:
            return None
        earlier = Q(confirmed_at__lt=self.confirmed_at) | Q(
            confirmed_at=self.confirmed_at, pk__lt=self.pk
        )
        return (
            MeetingRegistration.objects.filter(
                meeting_id=self.meeting_id, status=RegistrationStatus.WAITING
            )
            .filter(earlier)
            .count()
            + 1
        )
