"""National rollouts, the steps a municipality goes through, and each municipality's status.

Every change of a RolloutStatus is kept as a RolloutStatusChange (who, when, old → new):
RolloutStatus.save() writes it, so the admin, the demo and any later front-end form all
record history the same way.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from network.blocks import ResourcesBlock, RolloutProcessBlock
from network.choices import RolloutOwner, StatusColour
from portal.blocks import BodyStreamBlock


class RolloutIndexPage(RoutablePageMixin, Page):
    """«Nasjonale innføringsløp»: the rollouts, and the regional overview at oversikt/."""

    intro = models.TextField("ingress", blank=True)
    body = StreamField(BodyStreamBlock(), verbose_name="innhold", blank=True)
    overview_intro = models.TextField(
        "ingress til regional oversikt",
        blank=True,
        help_text="Vises over tabellen med status for hver kommune.",
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("body"),
        FieldPanel("overview_intro"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["network.RolloutPage"]
    max_count = 1

    class Meta:
        verbose_name = "oversikt over innføringsløp"
        verbose_name_plural = "oversikter over innføringsløp"

    def rollouts(self):
        return RolloutPage.objects.child_of(self).live().public().order_by("path")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["rollouts"] = self.rollouts()
        context["overview_url"] = self.url + self.reverse_subpage("overview")
        return context

    @path("oversikt/", name="overview")
    def overview_view(self, request):
        from network.views import overview_context

        return self.render(
            request,
            template="network/rollout_overview.html",
            context_overrides=overview_context(self, request),
        )

    @path("oversikt/csv/", name="overview_csv")
    def overview_csv(self, request):
        from network.views import overview_csv

        return overview_csv(self, request)

    @path("oversikt/xlsx/", name="overview_xlsx")
    def overview_xlsx(self, request):
        from network.views import overview_xlsx

        return overview_xlsx(self, request)


class RolloutPage(Page):
    short_name = models.CharField(
        "kortnavn", max_length=40, blank=True, help_text="Brukes i tabeller, for eksempel «VKP»."
    )
    intro = models.TextField("hva det er", help_text="Et kort avsnitt om løsningen.")
    rollout_owner = models.CharField(
        "eier", max_length=30, choices=RolloutOwner.choices, default=RolloutOwner.NHN
    )
    benefits = RichTextField(
        "hva kommunen får", blank=True, features=["bold", "italic", "link", "ul"]
    )
    process = StreamField(
        RolloutProcessBlock(),
        verbose_name="slik foregår det felles innføringsløpet",
        blank=True,
        help_text="Nasjonale temamøter, regionale arbeidsmøter og lokalt arbeid.",
    )
    resources = StreamField(ResourcesBlock(), verbose_name="ressurser", blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("short_name"),
        FieldPanel("intro"),
        FieldPanel("rollout_owner"),
        FieldPanel("benefits"),
        InlinePanel(
            "steps",
            heading="Trinn kommunen går gjennom",
            label="Trinn",
            help_text="I rekkefølge. Kommunens status kan peke på trinnet den er på.",
        ),
        FieldPanel("process"),
        FieldPanel("resources"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("short_name"),
        index.SearchField("intro"),
        index.SearchField("benefits"),
        index.SearchField("process"),
    ]

    parent_page_types = ["network.RolloutIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "innføringsløp"
        verbose_name_plural = "innføringsløp"

    @property
    def label(self) -> str:
        return self.short_name or self.title

    def get_context(self, request, *args, **kwargs):
        from network.views import rollout_context

        context = super().get_context(request, *args, **kwargs)
        context.update(rollout_context(self, request))
        # The meetings of this rollout (issue #5, network/meeting_views.py).
        from network.meeting_views import related_meetings

        context["meetings_section"] = {
            "meetings": related_meetings(self.meetings.all()),
            "heading": "Møter i innføringsløpet",
        }
        return context


class RolloutStep(Orderable):
    rollout = ParentalKey(RolloutPage, on_delete=models.CASCADE, related_name="steps")
    title = models.CharField("trinn", max_length=150)
    description = models.TextField("beskrivelse", blank=True)

    panels = [FieldPanel("title"), FieldPanel("description")]

    class Meta(Orderable.Meta):
        verbose_name = "trinn"
        verbose_name_plural = "trinn"

    def __str__(self) -> str:
        return f"{self.sort_order + 1 if self.sort_order is not None else ''}. {self.title}"


class RolloutStatusLevel(models.Model):
    """One step on the status scale (Ikke startet … I drift), in the editors' order."""

    name = models.CharField("navn", max_length=60)
    slug = models.SlugField("adressenavn", max_length=60, unique=True)
    sort_order = models.PositiveSmallIntegerField(
        "rekkefølge", default=0, help_text="Lavest først. Styrer sortering og tellinger."
    )
    colour = models.CharField(
        "farge",
        max_length=20,
        choices=StatusColour.choices,
        default=StatusColour.NEUTRAL,
        help_text="Fargen vises alltid sammen med navnet, aldri alene.",
    )
    counts_as_done = models.BooleanField(
        "regnes som ferdig", default=False, help_text="For eksempel «I drift»."
    )
    description = models.CharField("forklaring", max_length=250, blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("sort_order"),
        FieldPanel("colour"),
        FieldPanel("counts_as_done"),
        FieldPanel("description"),
    ]

    class Meta:
        verbose_name = "statusnivå"
        verbose_name_plural = "statusnivåer"
        ordering = ["sort_order", "name"]

    def __str__(self) -> str:
        return self.name


TRACKED_FIELDS = ("level_id", "current_step_id", "since", "note")


class RolloutStatus(models.Model):
    municipality = models.ForeignKey(
        "network.Municipality",
        verbose_name="kommune",
        on_delete=models.CASCADE,
        related_name="rollout_statuses",
    )
    rollout = models.ForeignKey(
        RolloutPage,
        verbose_name="innføringsløp",
        on_delete=models.CASCADE,
        related_name="statuses",
    )
    level = models.ForeignKey(
        RolloutStatusLevel, verbose_name="status", on_delete=models.PROTECT, related_name="+"
    )
    since = models.DateField("siden", null=True, blank=True)
    current_step = models.ForeignKey(
        RolloutStep,
        verbose_name="nåværende trinn",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Trinnet i innføringsløpet kommunen er på nå.",
    )
    note = models.TextField("merknad", blank=True)
    updated_at = models.DateTimeField("sist endret", auto_now=True)

    panels = [
        FieldPanel("municipality"),
        FieldPanel("rollout"),
        FieldPanel("level"),
        FieldPanel("since"),
        FieldPanel("current_step"),
        FieldPanel("note"),
    ]

    class Meta:
        verbose_name = "status i innføringsløp"
        verbose_name_plural = "status i innføringsløp"
        ordering = ["municipality__name", "rollout__path"]
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "rollout"],
                name="one_rollout_status_per_municipality",
                violation_error_message="Kommunen har allerede en status i dette innføringsløpet.",
            )
        ]

    def __str__(self) -> str:
        return f"{self.municipality} – {self.rollout}"

    def save(self, *args, changed_by=None, **kwargs):
        """Save, and record the change in the history when a tracked field changed.

        `changed_by` (or `_changed_by`, set by the admin views) is the user to record.
        """
        user = changed_by or getattr(self, "_changed_by", None)
        before = getattr(self, "_saved_values", None) if self.pk else None
        after = self._tracked_values()
        with transaction.atomic():
            super().save(*args, **kwargs)
            if before != after:
                RolloutStatusChange.record(self, before or {}, after, user)
        self._saved_values = after

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        instance._saved_values = instance._tracked_values()
        return instance

    def _tracked_values(self) -> dict:
        return {name: self.__dict__.get(name) for name in TRACKED_FIELDS}

    def clean(self):
        super().clean()
        wrong_rollout = self.current_step_id and self.current_step.rollout_id != self.rollout_id
        if self.rollout_id and wrong_rollout:
            raise ValidationError({"current_step": "Trinnet hører til et annet innføringsløp."})


class RolloutStatusChange(models.Model):
    """One change of a RolloutStatus: who, when, and each tracked value old → new."""

    status = models.ForeignKey(
        RolloutStatus, verbose_name="status", on_delete=models.CASCADE, related_name="changes"
    )
    changed_at = models.DateTimeField("tidspunkt", default=timezone.now, db_index=True)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="endret av",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    old_level = models.ForeignKey(
        RolloutStatusLevel,
        verbose_name="fra status",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    new_level = models.ForeignKey(
        RolloutStatusLevel,
        verbose_name="til status",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # Step titles are copied, so the history still reads right after a step is renamed.
    old_step = models.CharField("fra trinn", max_length=150, blank=True)
    new_step = models.CharField("til trinn", max_length=150, blank=True)
    old_since = models.DateField("fra dato", null=True, blank=True)
    new_since = models.DateField("til dato", null=True, blank=True)
    old_note = models.TextField("fra merknad", blank=True)
    new_note = models.TextField("til merknad", blank=True)

    class Meta:
        verbose_name = "statusendring"
        verbose_name_plural = "statusendringer"
        ordering = ["-changed_at", "-pk"]

    def __str__(self) -> str:
        old = self.old_level.name if self.old_level else "–"
        new = self.new_level.name if self.new_level else "–"
        return f"{self.status}: {old} → {new}"

    @property
    def level_changed(self) -> bool:
        return self.old_level_id != self.new_level_id

    @classmethod
    def record(cls, status, before: dict, after: dict, user=None):
        step_ids = [i for i in (before.get("current_step_id"), after["current_step_id"]) if i]
        steps = RolloutStep.objects.in_bulk(step_ids) if step_ids else {}

        def step_title(step_id):
            return steps[step_id].title if step_id in steps else ""

        return cls.objects.create(
            status=status,
            changed_by=user if user is not None and user.is_authenticated else None,
            old_level_id=before.get("level_id"),
            new_level_id=after["level_id"],
            old_step=step_title(before.get("current_step_id")),
            new_step=step_title(after["current_step_id"]),
            old_since=before.get("since"),
            new_since=after["since"],
            old_note=before.get("note") or "",
            new_note=after["note"] or "",
        )
