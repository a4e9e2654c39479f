"""The two statuses a municipality records, both built on statuses/base.py:

- `RolloutStatus`: where the municipality is in a national rollout (level, since, the step it
  is on, a note), on the scale of `RolloutStatusLevel`;
- `TaskStatus`: how it has organised each HTM task — the «Status på organisering av
  oppgavene» sheet of KS's workshop cards — on the scale of `TaskStatusLevel`.

A task is a PhasePage or TaskAreaPage with a workshop task (24 in the model; Samhandling has
none). TaskStatus has one foreign key to wagtailcore.Page, limited to those two types, rather
than two nullable keys: one column, one unique constraint (municipality, task), one key to
join on in the overview, and the pages come back specific from htm.structure anyway.
"""

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from wagtail.admin.panels import FieldPanel

from .base import StatusChange, StatusLevel, TrackedStatus

TASK_PAGE_MODELS = ("phasepage", "taskareapage")


def task_page_choices():
    return Q(content_type__app_label="htm", content_type__model__in=TASK_PAGE_MODELS)


def level_keys(level_model):
    """The old and new level of a change record, on the given scale."""
    return {
        f"{side}_level": models.ForeignKey(
            level_model,
            verbose_name=f"{'fra' if side == 'old' else 'til'} status",
            null=True,
            blank=True,
            on_delete=models.SET_NULL,
            related_name="+",
        )
        for side in ("old", "new")
    }


# Rollouts ----------------------------------------------------------------------------------


class RolloutStatusLevel(StatusLevel):
    """One step on the rollout scale (Ikke startet … I drift)."""

    counts_as_done = models.BooleanField(
        "regnes som ferdig", default=False, help_text="For eksempel «I drift»."
    )

    panels = [*StatusLevel.panels, FieldPanel("counts_as_done")]

    class Meta(StatusLevel.Meta):
        verbose_name = "statusnivå"
        verbose_name_plural = "statusnivåer"


class RolloutStatus(TrackedStatus):
    municipality = models.ForeignKey(
        "network.Municipality",
        verbose_name="kommune",
        on_delete=models.CASCADE,
        related_name="rollout_statuses",
    )
    rollout = models.ForeignKey(
        "network.RolloutPage",
        verbose_name="innføringsløp",
        on_delete=models.CASCADE,
        related_name="statuses",
    )
    level = models.ForeignKey(
        RolloutStatusLevel, verbose_name="status", on_delete=models.PROTECT, related_name="+"
    )
    since = models.DateField("siden", null=True, blank=True)
    current_step = models.ForeignKey(
        "network.RolloutStep",
        verbose_name="nåværende trinn",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Trinnet i innføringsløpet kommunen er på nå.",
    )
    note = models.TextField("merknad", blank=True)

    tracked_fields = ("level_id", "current_step_id", "since", "note")
    identity_fields = ("municipality_id", "rollout_id")
    # Step titles are copied, so the history still reads right after a step is renamed.
    copied_names = {"current_step_id": "title"}

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

    @classmethod
    def rollout_pages(cls):
        """The live, public rollouts a status may be recorded for."""
        return cls._meta.get_field("rollout").related_model.objects.live().public()

    def describe(self, values, related) -> dict:
        return {
            "level_id": values.get("level_id"),
            "step": self.copied_name(related, "current_step_id", values),
            "since": values.get("since"),
            "note": values.get("note") or "",
        }

    def clean(self):
        super().clean()
        wrong_rollout = self.current_step_id and self.current_step.rollout_id != self.rollout_id
        if self.rollout_id and wrong_rollout:
            raise ValidationError({"current_step": "Trinnet hører til et annet innføringsløp."})


class RolloutStatusChange(StatusChange):
    status = models.ForeignKey(
        RolloutStatus, verbose_name="status", on_delete=models.CASCADE, related_name="changes"
    )
    old_level, new_level = level_keys(RolloutStatusLevel).values()
    old_step = models.CharField("fra trinn", max_length=150, blank=True)
    new_step = models.CharField("til trinn", max_length=150, blank=True)
    old_since = models.DateField("fra dato", null=True, blank=True)
    new_since = models.DateField("til dato", null=True, blank=True)
    old_note = models.TextField("fra merknad", blank=True)
    new_note = models.TextField("til merknad", blank=True)

    class Meta(StatusChange.Meta):
        verbose_name = "statusendring"
        verbose_name_plural = "statusendringer"


# HTM tasks ---------------------------------------------------------------------------------


class TaskStatusLevel(StatusLevel):
    """One step on the scale (Ikke vurdert … Organisert, Ikke aktuelt)."""

    counts_as_organised = models.BooleanField(
        "regnes som organisert", default=False, help_text="For eksempel «Organisert»."
    )
    needs_help = models.BooleanField(
        "regnes som ikke organisert",
        default=False,
        help_text="Tellingen «trenger hjelp» i den regionale oversikten, for eksempel "
        "«Ikke organisert» og «Delvis organisert».",
    )

    panels = [*StatusLevel.panels, FieldPanel("counts_as_organised"), FieldPanel("needs_help")]

    class Meta(StatusLevel.Meta):
        verbose_name = "nivå for organisering"
        verbose_name_plural = "nivåer for organisering"


class TaskStatus(TrackedStatus):
    municipality = models.ForeignKey(
        "network.Municipality",
        verbose_name="kommune",
        on_delete=models.CASCADE,
        related_name="task_statuses",
    )
    task = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name="oppgave i HTM",
        on_delete=models.CASCADE,
        related_name="+",
        limit_choices_to=task_page_choices,
        help_text="En fase eller et oppgaveområde i Helhetlig tjenestemodell.",
    )
    level = models.ForeignKey(
        TaskStatusLevel, verbose_name="status", on_delete=models.PROTECT, related_name="+"
    )
    responsible_unit = models.CharField(
        "ansvarlig enhet eller person",
        max_length=200,
        blank=True,
        help_text="Fritekst, for eksempel «Tildelingskontoret» eller «IKT Helgeland».",
    )
    responsible_role = models.ForeignKey(
        "htm.Role",
        verbose_name="ansvarlig rolle",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    comment = models.TextField("kommentar", blank=True)

    tracked_fields = ("level_id", "responsible_unit", "responsible_role_id", "comment")
    identity_fields = ("municipality_id", "task_id")
    # The role's name is copied, so the history reads right after a role is renamed.
    copied_names = {"responsible_role_id": "name"}

    panels = [
        FieldPanel("municipality"),
        FieldPanel("task"),
        FieldPanel("level"),
        FieldPanel("responsible_unit"),
        FieldPanel("responsible_role"),
        FieldPanel("comment"),
    ]

    class Meta:
        verbose_name = "status for oppgave i HTM"
        verbose_name_plural = "status for oppgaver i HTM"
        ordering = ["municipality__name", "task__path"]
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "task"],
                name="one_task_status_per_municipality",
                violation_error_message="Kommunen har allerede en status for denne oppgaven.",
            )
        ]

    def __str__(self) -> str:
        return f"{self.municipality} – {self.task}"

    def describe(self, values, related) -> dict:
        parts = [
            self.copied_name(related, "responsible_role_id", values),
            values.get("responsible_unit") or "",
        ]
        return {
            "level_id": values.get("level_id"),
            "responsible": " / ".join(part for part in parts if part),
            "comment": values.get("comment") or "",
        }

    def clean(self):
        super().clean()
        if self.task_id:
            types = ContentType.objects.filter(app_label="htm", model__in=TASK_PAGE_MODELS)
            task = self.task
            if task.content_type_id not in {t.pk for t in types}:
                raise ValidationError({"task": "Velg en fase eller et oppgaveområde i HTM."})
            if not getattr(task.specific, "workshop_task", ""):
                raise ValidationError({"task": "Siden har ingen oppgave i workshop."})


class TaskStatusChange(StatusChange):
    status = models.ForeignKey(
        TaskStatus, verbose_name="status", on_delete=models.CASCADE, related_name="changes"
    )
    old_level, new_level = level_keys(TaskStatusLevel).values()
    old_responsible = models.CharField("fra ansvarlig", max_length=300, blank=True)
    new_responsible = models.CharField("til ansvarlig", max_length=300, blank=True)
    old_comment = models.TextField("fra kommentar", blank=True)
    new_comment = models.TextField("til kommentar", blank=True)

    class Meta(StatusChange.Meta):
        verbose_name = "endring av status for oppgave"
        verbose_name_plural = "historikk for status i HTM"
