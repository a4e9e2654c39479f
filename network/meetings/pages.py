"""Meetings of the network and their materials: «Møter og fagdager» and each meeting, with
its programme, materials, calendar entries and registrations (påmelding).

Times are stored as aware datetimes and shown in Europe/Oslo. When a published meeting
changes time, place or status, `sequence` goes up (calendar clients then update the entry)
and a changed time keeps the previously published one in `previous_start`/`previous_end`,
so the pages can say «Endret tidspunkt».
"""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Case, F, IntegerField, Q, Value, When
from django.db.models.functions import Lower
from django.utils import timezone
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index
from wagtail.signals import page_published

from network.meeting_blocks import MaterialsBlock, ProgrammeBlock
from network.models.mixins import IntroMixin

RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"]
# The fields that, changed on a published meeting, make calendars update the entry.
CALENDAR_FIELDS = ("start", "end", "location", "digital_link", "cancelled")


class MeetingType(models.TextChoices):
    FAGDAG = "fagdag", "Fagdag"
    NATIONAL_THEME = "nasjonalt-temamote", "Nasjonalt temamøte"
    REGIONAL_WORK = "regionalt-arbeidsmote", "Regionalt arbeidsmøte"
    NETWORK = "nettverksmote", "Nettverksmøte"
    WORKSHOP = "workshop", "Workshop"


class RegistrationStatus(models.TextChoices):
    CONFIRMED = "pameldt", "Påmeldt"
    WAITING = "venteliste", "Venteliste"


class MeetingIndexPage(RoutablePageMixin, IntroMixin, Page):
    """«Møter og fagdager»: upcoming meetings first, then the past ones by year, with filters,
    and a calendar feed at kalender/ (optionally ?type=fagdag)."""

    body = RichTextField("innhold", blank=True, features=RICH_TEXT_FEATURES)

    content_panels = [*Page.content_panels, *IntroMixin.panels, FieldPanel("body")]
    search_fields = [*Page.search_fields, *IntroMixin.search_fields, index.SearchField("body")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["network.MeetingPage"]
    max_count = 1
    template = "network/meetings/meeting_index_page.html"

    class Meta:
        verbose_name = "møteoversikt"
        verbose_name_plural = "møteoversikter"

    @path("")
    def index_view(self, request):
        from network.meeting_views import meeting_index_context

        return self.render(request, context_overrides=meeting_index_context(self, request))

    @path("kalender/", name="calendar")
    def calendar_view(self, request):
        from network.calendar import feed_response

        return feed_response(self, request)

    def calendar_url(self) -> str:
        return self.url + self.reverse_subpage("calendar")


class MeetingPageTag(TaggedItemBase):
    content_object = ParentalKey(
        "network.MeetingPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class MeetingQuerySet(PageQuerySet):
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


MeetingManager = PageManager.from_queryset(MeetingQuerySet)


class MeetingPage(RoutablePageMixin, IntroMixin, Page):
    meeting_type = models.CharField("type møte", max_length=30, choices=MeetingType.choices)
    start = models.DateTimeField("starter", help_text="Norsk tid.")
    end = models.DateTimeField("slutter", help_text="Norsk tid.")
    cancelled = models.BooleanField(
        "avlyst",
        default=False,
        help_text="Et avlyst møte blir stående, merket «Avlyst», og kalenderne til de som "
        "abonnerer får beskjed.",
    )
    cancellation_note = models.CharField(
        "om avlysningen", max_length=250, blank=True, help_text="For eksempel nytt tidspunkt."
    )
    location = models.CharField(
        "sted", max_length=250, blank=True, help_text="Sted og adresse. Tomt for bare digitalt."
    )
    digital_link = models.URLField("lenke til digitalt møte", blank=True)
    digital_link_members_only = models.BooleanField(
        "lenken bare for nettverksmedlemmer",
        default=False,
        help_text="Lenken vises da bare for innloggede medlemmer av nettverket.",
    )
    organiser = models.CharField(
        "arrangør", max_length=200, blank=True, help_text="For eksempel «E-helse Nordland og USHT»."
    )
    audience = models.CharField(
        "målgruppe",
        max_length=250,
        blank=True,
        help_text="For eksempel «Kontaktpersoner e-helse og de lokale arbeidsgruppene».",
    )
    description = RichTextField("om møtet", blank=True, features=RICH_TEXT_FEATURES)
    programme = StreamField(ProgrammeBlock(), verbose_name="program", blank=True)
    materials = StreamField(
        MaterialsBlock(),
        verbose_name="annet materiell",
        blank=True,
        help_text="Materiell som ikke hører til et bestemt programpunkt.",
    )
    summary = RichTextField(
        "oppsummering eller referat",
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text="Fylles ut etter møtet.",
    )
    rollouts = ParentalManyToManyField(
        "network.RolloutPage",
        verbose_name="innføringsløp",
        blank=True,
        related_name="meetings",
        help_text="Møtet vises på sidene til innføringsløpene.",
    )
    htm_areas = ParentalManyToManyField(
        "htm.TaskAreaPage",
        verbose_name="områder i tjenestemodellen",
        blank=True,
        related_name="meetings",
        help_text="Møtet vises på sidene til oppgaveområdene.",
    )
    tags = ClusterTaggableManager("emneord", through=MeetingPageTag, blank=True)

    registration_open = models.BooleanField(
        "ta imot påmelding",
        default=False,
        help_text="Viser et påmeldingsskjema på siden fram til fristen.",
    )
    registration_deadline = models.DateTimeField(
        "påmeldingsfrist", null=True, blank=True, help_text="Tom frist: fram til møtet starter."
    )
    capacity = models.PositiveIntegerField(
        "antall plasser", null=True, blank=True, help_text="Tomt: ingen grense."
    )
    waiting_list = models.BooleanField(
        "venteliste når det er fullt",
        default=True,
        help_text="Uten venteliste stenger påmeldingen når plassene er fylt.",
    )

    # Kept by save(), never edited by hand.
    sequence = models.PositiveIntegerField("versjon i kalenderen", default=0, editable=False)
    previous_start = models.DateTimeField("tidligere start", null=True, editable=False)
    previous_end = models.DateTimeField("tidligere slutt", null=True, editable=False)
    time_changed_at = models.DateTimeField("tidspunkt endret", null=True, editable=False)

    objects = MeetingManager()

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("meeting_type"),
                FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
                FieldPanel("location"),
                FieldRowPanel(
                    [FieldPanel("digital_link"), FieldPanel("digital_link_members_only")]
                ),
                FieldRowPanel([FieldPanel("cancelled"), FieldPanel("cancellation_note")]),
            ],
            heading="Når og hvor",
        ),
        *IntroMixin.panels,
        FieldRowPanel([FieldPanel("organiser"), FieldPanel("audience")]),
        FieldPanel("description"),
        FieldPanel("programme"),
        FieldPanel("materials"),
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldPanel("rollouts", widget=forms.CheckboxSelectMultiple),
                FieldPanel("htm_areas"),
                FieldPanel("tags"),
            ],
            heading="Hører til",
        ),
        MultiFieldPanel(
            [
                FieldPanel("registration_open"),
                FieldRowPanel([FieldPanel("registration_deadline"), FieldPanel("capacity")]),
                FieldPanel("waiting_list"),
            ],
            heading="Påmelding",
        ),
    ]
    search_fields = [
        *Page.search_fields,
        *IntroMixin.search_fields,
        index.SearchField("description"),
        index.SearchField("programme"),
        index.SearchField("summary"),
        index.SearchField("location"),
        index.FilterField("meeting_type"),
        index.FilterField("start"),
    ]

    parent_page_types = ["network.MeetingIndexPage"]
    subpage_types = []
    template = "network/meetings/meeting_page.html"
    exclude_fields_in_copy = ["sequence", "previous_start", "previous_end", "time_changed_at"]

    class Meta:
        verbose_name = "møte"
        verbose_name_plural = "møter"

    def clean(self):
        super().clean()
        if self.start and self.end and self.end <= self.start:
            raise ValidationError({"end": "Møtet må slutte etter at det starter."})
        if self.registration_deadline and self.start and self.registration_deadline > self.start:
            raise ValidationError(
                {"registration_deadline": "Påmeldingsfristen må være før møtet starter."}
            )

    def save(self, *args, **kwargs):
        update_fields = kwargs.get("update_fields")
        if self.pk and (update_fields is None or set(CALENDAR_FIELDS) & set(update_fields)):
            self._track_calendar_changes()
        return super().save(*args, **kwargs)

    def _track_calendar_changes(self):
        """Compare with the stored (published) row: bump the sequence when time, place or
        status changed on a live meeting, and keep the previously published time.

        The stored counters win over the ones in a revision being published, which may be
        older than the last publish.
        """
        stored = (
            MeetingPage.objects.filter(pk=self.pk)
            .values(
                "live",
                "sequence",
                "previous_start",
                "previous_end",
                "time_changed_at",
                *CALENDAR_FIELDS,
            )
            .first()
        )
        if stored is None:
            return
        self.sequence = stored["sequence"]
        self.previous_start = stored["previous_start"]
        self.previous_end = stored["previous_end"]
        self.time_changed_at = stored["time_changed_at"]
        if not (stored["live"] and self.live):
            return  # not published before (or not now): nobody has the old version
        if any(stored[name] != getattr(self, name) for name in CALENDAR_FIELDS):
            self.sequence += 1
        if stored["start"] != self.start or stored["end"] != self.end:
            self.previous_start, self.previous_end = stored["start"], stored["end"]
            self.time_changed_at = timezone.now()

    # Derived values used by the templates: no queries.

    @property
    def time_changed(self) -> bool:
        return self.previous_start is not None and (
            self.previous_start != self.start or self.previous_end != self.end
        )

    def is_past(self, now=None) -> bool:
        return self.end < (now or timezone.now())

    @property
    def past(self) -> bool:
        return self.is_past()

    @property
    def is_digital(self) -> bool:
        return bool(self.digital_link)

    @property
    def single_day(self) -> bool:
        return timezone.localtime(self.start).date() == timezone.localtime(self.end).date()

    @property
    def registration_closes(self):
        return self.registration_deadline or self.start

    def registration_is_open(self, now=None) -> bool:
        now = now or timezone.now()
        return self.registration_open and not self.cancelled and now < self.registration_closes

    def calendar_url(self) -> str:
        return self.url + self.reverse_subpage("calendar")

    # Views

    def get_context(self, request, *args, **kwargs):
        from network.meeting_views import meeting_context

        context = super().get_context(request, *args, **kwargs)
        context.update(meeting_context(self, request, form=kwargs.get("registration_form")))
        return context

    @path("")
    def meeting_view(self, request):
        return self.render(request)

    @path("kalender/", name="calendar")
    def calendar_view(self, request):
        from network.calendar import meeting_response

        return meeting_response(self, request)

    @path("pamelding/", name="register")
    def register_view(self, request):
        from network.registration import register

        return register(self, request)


class MeetingRegistration(models.Model):
    """One person's registration for a meeting. Personal data: deleted some days after the
    meeting by `manage.py delete_old_registrations`."""

    meeting = models.ForeignKey(
        MeetingPage, verbose_name="møte", on_delete=models.CASCADE, related_name="registrations"
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
        "kommentar", blank=True, help_text="For eksempel allergier eller behov for tilrettelegging."
    )
    status = models.CharField(
        "status",
        max_length=20,
        choices=RegistrationStatus.choices,
        default=RegistrationStatus.CONFIRMED,
    )
    created_at = models.DateTimeField("påmeldt", default=timezone.now, db_index=True)

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

    @property
    def workplace(self) -> str:
        if self.municipality_id:
            return f"{self.municipality.name} kommune"
        return self.organisation

    def waiting_position(self) -> int | None:
        """The place on the waiting list, 1 first; None when not waiting. One query."""
        if self.status != RegistrationStatus.WAITING:
            return None
        earlier = Q(created_at__lt=self.created_at) | Q(created_at=self.created_at, pk__lt=self.pk)
        return (
            MeetingRegistration.objects.filter(
                meeting_id=self.meeting_id, status=RegistrationStatus.WAITING
            )
            .filter(earlier)
            .count()
            + 1
        )


def move_materials_on_publish(sender, instance, **kwargs):
    """Members-only materials go into the members' collection when the meeting is published."""
    from network.materials import move_members_only_materials

    move_members_only_materials(instance)


page_published.connect(move_materials_on_publish, sender=MeetingPage)
