"""How each municipality has organised each HTM task: the «Status på organisering av
oppgavene» sheet of KS's workshop cards, one row per municipality and task.

It lives in the network app, not in htm as DESIGN.md's table says, because it points at
Municipality and htm never imports network.

A task is a PhasePage or TaskAreaPage with a workshop task (24 in the model; Samhandling has
none). TaskStatus has one foreign key to wagtailcore.Page, limited to those two types, rather
than two nullable keys: one column, one unique constraint (municipality, task), one key to
join on in the overview, and the pages come back specific from htm.structure anyway.

Every change is kept as a TaskStatusChange (who, when, old → new), written by
TaskStatus.save(), as RolloutStatus does. `version` goes up with every saved change; the
member's sheet posts the version it showed, so two people editing at once never overwrite
each other silently.
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Q
from django.utils import timezone
from wagtail.admin.panels import FieldPanel

from network.choices import StatusColour

TASK_PAGE_MODELS = ("phasepage", "taskareapage")


def task_page_choices():
    return Q(content_type__app_label="htm", content_type__model__in=TASK_PAGE_MODELS)


class TaskStatusLevel(models.Model):
    """One step on the scale (Ikke vurdert … Organisert, Ikke aktuelt), in the editors' order."""

    name = models.CharField("navn", max_length=60)
    slug = models.SlugField("adressenavn", max_length=60, unique=True)
    sort_order = models.PositiveSmallIntegerField(
        "rekkefølge", default=0, help_text="Lavest først. Styrer rekkefølgen i skjema og tabeller."
    )
    colour = models.CharField(
        "farge",
        max_length=20,
        choices=StatusColour.choices,
        default=StatusColour.NEUTRAL,
        help_text="Fargen vises alltid sammen med navnet, aldri alene.",
    )
    counts_as_organised = models.BooleanField(
        "regnes som organisert", default=False, help_text="For eksempel «Organisert»."
    )
    needs_help = models.BooleanField(
        "regnes som ikke organisert",
        default=False,
        help_text="Tellingen «trenger hjelp» i den regionale oversikten, for eksempel "
        "«Ikke organisert» og «Delvis organisert».",
    )
    is_default = models.BooleanField(
        "standard for nye rader",
        default=False,
        help_text="Nivået en oppgave har før kommunen har vurdert den («Ikke vurdert»).",
    )
    description = models.CharField("forklaring", max_length=250, blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("sort_order"),
        FieldPanel("colour"),
        FieldPanel("counts_as_organised"),
        FieldPanel("needs_help"),
        FieldPanel("is_default"),
        FieldPanel("description"),
    ]

    class Meta:
        verbose_name = "nivå for organisering"
        verbose_name_plural = "nivåer for organisering"
        ordering = ["sort_order", "name"]

    def __str__(self) -> str:
        return self.name

    @classmethod
    def default(cls):
        return cls.objects.filter(is_default=True).first() or cls.objects.first()


TRACKED_FIELDS = ("level_id", "responsible_unit", "responsible_role_id", "comment")


class TaskStatus(models.Model):
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
    version = models.PositiveIntegerField("versjon", default=1, editable=False)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="sist endret av",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    updated_at = models.DateTimeField("sist endret", auto_now=True)

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

    def save(self, *args, changed_by=None, **kwargs):
        """Save, and record the change in the history when a tracked field changed.

        `changed_by` (or `_changed_by`, set by the admin views) is the user to record.
        """
        user = changed_by or getattr(self, "_changed_by", None)
        if user is not None and user.is_authenticated:
            self.updated_by = user
        before = getattr(self, "_saved_values", None) if self.pk else None
        after = self._tracked_values()
        changed = before != after
        if changed and self.pk:
            self.version += 1
        with transaction.atomic():
            super().save(*args, **kwargs)
            if changed:
                TaskStatusChange.record(self, before or {}, after, user)
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
        if self.task_id:
            types = ContentType.objects.filter(app_label="htm", model__in=TASK_PAGE_MODELS)
            task = self.task
            if task.content_type_id not in {t.pk for t in types}:
                raise ValidationError({"task": "Velg en fase eller et oppgaveområde i HTM."})
            if not getattr(task.specific, "workshop_task", ""):
                raise ValidationError({"task": "Siden har ingen oppgave i workshop."})


class TaskStatusChange(models.Model):
    """One change of a TaskStatus: who, when, and each tracked value old → new."""

    status = models.ForeignKey(
        TaskStatus, verbose_name="status", on_delete=models.CASCADE, related_name="changes"
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
        TaskStatusLevel,
        verbose_name="fra status",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    new_level = models.ForeignKey(
        TaskStatusLevel,
        verbose_name="til status",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    old_responsible = models.CharField("fra ansvarlig", max_length=300, blank=True)
    new_responsible = models.CharField("til ansvarlig", max_length=300, blank=True)
    old_comment = models.TextField("fra kommentar", blank=True)
    new_comment = models.TextField("til kommentar", blank=True)

    class Meta:
        verbose_name = "endring av status for oppgave"
        verbose_name_plural = "historikk for status i HTM"
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
        from htm.models import Role

        role_ids = [
            i for i in (before.get("responsible_role_id"), after["responsible_role_id"]) if i
        ]
        roles = Role.objects.in_bulk(role_ids) if role_ids else {}

        def responsible(values) -> str:
            # The role's name is copied, so the history reads right after a role is renamed.
            role = roles.get(values.get("responsible_role_id"))
            parts = [role.name if role else "", values.get("responsible_unit") or ""]
            return " / ".join(part for part in parts if part)

        return cls.objects.create(
            status=status,
            changed_by=user if user is not None and user.is_authenticated else None,
            old_level_id=before.get("level_id"),
            new_level_id=after["level_id"],
            old_responsible=responsible(before),
            new_responsible=responsible(after),
            old_comment=before.get("comment") or "",
            new_comment=after["comment"] or "",
        )
