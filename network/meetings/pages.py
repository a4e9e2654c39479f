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
from django.http import HttpResponseRedirect
from django.utils import timezone
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, PageManager
from wagtail.search import index
from wagtail.signals import page_published

from network.choices import MeetingType
from portal.mixins import IntroMixin
from portal.routing import PortalPageMixin

from . import calendar, contexts, registration
from .blocks import MaterialsBlock, ProgrammeBlock
from .materials import move_members_only_materials
from .models import MeetingPageTag, MeetingQuerySet

TEMPLATES = "network/meetings/"

RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"]
# The fields that, changed on a published meeting, make calendars update the entry.
CALENDAR_FIELDS = ("start", "end", "location", "digital_link", "cancelled")


class MeetingIndexPage(PortalPageMixin, RoutablePageMixin, IntroMixin, Page):
    """«Møter og fagdager»: upcoming meetings first, then the past ones by year, with filters,
    and a calendar feed at kalender/ (optionally ?type=fagdag)."""

    body = RichTextField("innhold", blank=True, features=RICH_TEXT_FEATURES)

    content_panels = [*Page.content_panels, *IntroMixin.panels, FieldPanel("body")]
    search_fields = [*Page.search_fields, *IntroMixin.search_fields, index.SearchField("body")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["network.MeetingPage"]
    max_count = 1
    template = TEMPLATES + "meeting_index_page.html"

    class Meta:
        verbose_name = "møteoversikt"
        verbose_name_plural = "møteoversikter"

    def meetings(self):
        return MeetingPage.objects.child_of(self).live().public()

    @path("")
    def index_view(self, request):
        return self.render(request, context_overrides=contexts.meeting_index_context(self, request))

    @path("kalender/", name="calendar")
    def calendar_view(self, request):
        return calendar.feed_response(self, request)

    def calendar_url(self) -> str:
        return self.url + self.reverse_subpage("calendar")


MeetingManager = PageManager.from_queryset(MeetingQuerySet)


class MeetingPage(PortalPageMixin, RoutablePageMixin, IntroMixin, Page):
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
    minutes = RichTextField(
        "referat",
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text="Referatet fra møtet. Skriv det etter møtet og publiser siden: da vises det "
        "under «Referat» for alle. Skriv ikke personopplysninger i referatet.",
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
        FieldPanel("minutes"),
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
        index.SearchField("programme_text"),
        index.SearchField("summary"),
        index.SearchField("minutes"),
        index.SearchField("location"),
        index.FilterField("meeting_type"),
        index.FilterField("start"),
    ]

    parent_page_types = ["network.MeetingIndexPage"]
    subpage_types = []
    template = TEMPLATES + "meeting_page.html"
    exclude_fields_in_copy = ["sequence", "previous_start", "previous_end", "time_changed_at"]

    class Meta:
        verbose_name = "møte"
        verbose_name_plural = "møter"
        # The index lists upcoming meetings by their end and past ones by their start.
        indexes = [
            models.Index(fields=["start"], name="meetingpage_start_idx"),
            models.Index(fields=["end"], name="meetingpage_end_idx"),
        ]

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

    def programme_text(self) -> str:
        """The programme for the search index, as sentences: each item's title and
        description and the titles given to its materials, with no empty pieces."""
        sentences = []
        for block in self.programme:
            item = block.value
            pieces = [item.get("title"), item.get("description")]
            pieces += [material.get("title") for material in item.get("materials") or []]
            for piece in pieces:
                text = " ".join(str(piece or "").split()).rstrip(".")
                if text:
                    sentences.append(text)
        return ". ".join(sentences)

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
        context = super().get_context(request, *args, **kwargs)
        form = kwargs.get("registration_form")
        context.update(contexts.meeting_context(self, request, form=form))
        return context

    @path("")
    def meeting_view(self, request):
        return self.render(request)

    @path("kalender/", name="calendar")
    def calendar_view(self, request):
        return calendar.meeting_response(self, request)

    @path("pamelding/", name="register")
    def register_view(self, request):
        """The registration form posts here; a valid registration goes back to the meeting
        with a message (post/redirect/get), an invalid one shows the meeting again with the
        errors and what was typed. A GET just goes back to the meeting."""
        if request.method == "POST":
            invalid_form = registration.submit(self, request)
            if invalid_form is not None:
                response = self.render(request, registration_form=invalid_form)
                response.status_code = invalid_form.status_code
                return response
        return HttpResponseRedirect(self.url + "#pamelding")

    @path("pamelding/bekreft/", name="confirm_registration")
    def confirm_registration_view(self, request):
        """The link in the e-mail to an anonymous registration (the signed token in ?kode=,
        as Wagtail's page URLs allow no colon): a GET shows a button (mail scanners follow
        links, and must not confirm), its POST confirms and goes back to the meeting."""
        token = str(request.GET.get("kode", ""))
        if request.method == "POST":
            registration.confirm(self, request, token)
            return HttpResponseRedirect(self.url + "#pamelding")
        return registration.confirmation_page(self, request, token)


def move_materials_on_publish(sender, instance, **kwargs):
    """Members-only materials go into the members' collection when the meeting is published."""
    move_members_only_materials(instance)


page_published.connect(move_materials_on_publish, sender=MeetingPage)
