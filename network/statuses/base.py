"""The machinery every status of a municipality is built on, written once.

A status (a municipality's place in a rollout, or how it has organised an HTM task) has a
level on an editors' scale (`StatusLevel`), and every change of what it records is kept as a
change record (`StatusChange`: who, when, each value old → new) — nothing a municipality
records is ever lost.

`TrackedStatus.save()` writes the change record, and protects against lost updates with a
version number: a save states the version it started from (the one the person saw in their
form, or the one it was loaded with) and goes through only if the row still has it. The
check and the increment are one conditional UPDATE inside the save's transaction, so two
people saving at the same moment are serialised by the database (on PostgreSQL and SQLite
alike) and the second gets a `StatusConflict` with the row as it is now, instead of
silently overwriting the first.
"""

from django.conf import settings
from django.db import IntegrityError, models, transaction
from django.db.models import F
from django.utils import timezone
from wagtail.admin.panels import FieldPanel

from network.choices import StatusColour

CONFLICT_MESSAGE = (
    "Noen andre har endret statusen mens du redigerte. Ingenting er lagret. Se den nye "
    "verdien, og lagre på nytt om din skal gjelde."
)


class StatusConflict(Exception):
    """Someone else saved the status after this person opened it."""

    def __init__(self, current):
        super().__init__(CONFLICT_MESSAGE)
        self.current = current


class StatusLevel(models.Model):
    """One step on a status scale, in the editors' order."""

    name = models.CharField("navn", max_length=60)
    slug = models.SlugField("adressenavn", max_length=60, unique=True)
    sort_order = models.PositiveSmallIntegerField(
        "rekkefølge",
        default=0,
        help_text="Lavest først. Styrer rekkefølgen i skjema, tabeller og tellinger.",
    )
    colour = models.CharField(
        "farge",
        max_length=20,
        choices=StatusColour.choices,
        default=StatusColour.NEUTRAL,
        help_text="Fargen vises alltid sammen med navnet, aldri alene.",
    )
    is_default = models.BooleanField(
        "standard for nye rader",
        default=False,
        help_text="Nivået en kommune står på før den har registrert noe. Uten et valgt "
        "standardnivå gjelder det første nivået.",
    )
    description = models.CharField("forklaring", max_length=250, blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("sort_order"),
        FieldPanel("colour"),
        FieldPanel("is_default"),
        FieldPanel("description"),
    ]

    class Meta:
        abstract = True
        ordering = ["sort_order", "name"]

    def __str__(self) -> str:
        return self.name


def default_level(levels):
    """The level a status has before anything is recorded: the one marked as default, else
    the first on the scale (levels is a list in scale order)."""
    return next((level for level in levels if level.is_default), levels[0] if levels else None)


class StatusChange(models.Model):
    """One change of a status. Subclasses add the `status` key, `old_level`/`new_level`, and
    an old_/new_ pair for every value their status describes."""

    # A municipality's data, not content: nothing an editor needs listed as a «use» of a page
    # or a level (a level in use cannot be deleted anyway), and indexing every save would be
    # the most of what saving costs.
    wagtail_reference_index_ignore = True

    changed_at = models.DateTimeField("tidspunkt", default=timezone.now, db_index=True)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="endret av",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        abstract = True
        ordering = ["-changed_at", "-pk"]

    def __str__(self) -> str:
        old = self.old_level.name if self.old_level else "–"
        new = self.new_level.name if self.new_level else "–"
        return f"{self.status}: {old} → {new}"

    @property
    def level_changed(self) -> bool:
        return self.old_level_id != self.new_level_id


class TrackedStatus(models.Model):
    """A status whose every change is kept, saved only over the version its editor saw.

    Subclasses name `tracked_fields` (attribute names whose change is history),
    `identity_fields` (what makes the row unique, for instance municipality and rollout),
    `copied_names` (relations whose name is copied into the history, so it still reads
    right after a rename) and implement `describe()`; their change model points at them
    with related_name="changes".
    """

    tracked_fields: tuple[str, ...] = ()
    identity_fields: tuple[str, ...] = ()
    # As for the changes (StatusChange): data, not content.
    wagtail_reference_index_ignore = True
    copied_names: dict[str, str] = {}

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

    class Meta:
        abstract = True

    def save(self, *args, changed_by=None, **kwargs):
        """Save, and record the change when a tracked field changed.

        `changed_by` (or `_changed_by`, set by the admin views) is the user to record.
        Raises StatusConflict when someone else saved first.
        """
        user = changed_by or getattr(self, "_changed_by", None)
        if user is not None and user.is_authenticated:
            self.updated_by = user
        before = getattr(self, "_saved_values", None) if self.pk else None
        after = self.tracked_values()
        changed = before != after
        with transaction.atomic():
            if self._state.adding:
                self._insert(*args, **kwargs)
            elif changed:
                self._claim_next_version()
                super().save(*args, **kwargs)
            else:
                # Nothing tracked changed: write the other fields only, so a stale copy
                # never puts back values someone else has saved since.
                kwargs.setdefault("update_fields", self._untracked_fields())
                super().save(*args, **kwargs)
            if changed:
                self._record_change(before or {}, after, user)
        self._saved_values = after
        self._loaded_version = self.version
        self.__dict__.pop("_expected_version", None)

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        instance._saved_values = instance.tracked_values()
        # Read without touching deferred fields: a listing loaded with .only() must not
        # run a query per row.
        instance._loaded_version = instance.__dict__.get("version")
        return instance

    def tracked_values(self) -> dict:
        return {name: self.__dict__.get(name) for name in self.tracked_fields}

    def expect_version(self, version: int) -> None:
        """Save only if the row still has this version (the one the editor's form showed)."""
        self._expected_version = version

    def describe(self, values: dict, related: dict) -> dict:
        """The change record's values for one side (old or new): {name: value}, written to
        old_<name> and new_<name>. `related` holds the copied relations' objects by id."""
        raise NotImplementedError

    def _untracked_fields(self) -> list[str]:
        tracked = {*self.tracked_fields, "version"}
        return [
            field.name
            for field in self._meta.concrete_fields
            if not field.primary_key and field.attname not in tracked and field.name not in tracked
        ]

    def _insert(self, *args, **kwargs):
        try:
            with transaction.atomic():
                super().save(*args, **kwargs)
        except IntegrityError:
            identity = {name: getattr(self, name) for name in self.identity_fields}
            current = type(self)._default_manager.filter(**identity).first()
            if current is None:
                raise
            raise StatusConflict(current) from None

    def _claim_next_version(self):
        expected = getattr(self, "_expected_version", None)
        if expected is None:
            expected = getattr(self, "_loaded_version", None)
        if expected is None:
            expected = self.version
        rows = type(self)._default_manager.filter(pk=self.pk, version=expected)
        if not rows.update(version=F("version") + 1):
            raise StatusConflict(type(self)._default_manager.filter(pk=self.pk).first())
        self.version = expected + 1

    def _record_change(self, before: dict, after: dict, user):
        related = {}
        for attname, _name in self.copied_names.items():
            ids = {values.get(attname) for values in (before, after)} - {None}
            model = self._meta.get_field(attname.removesuffix("_id")).related_model
            related[attname] = model._base_manager.in_bulk(ids) if ids else {}
        values = {}
        for side, side_values in (("old", before), ("new", after)):
            for name, value in self.describe(side_values, related).items():
                values[f"{side}_{name}"] = value
        return self.changes.model.objects.create(
            status=self,
            changed_by=user if user is not None and user.is_authenticated else None,
            **values,
        )

    def copied_name(self, related: dict, attname: str, values: dict) -> str:
        """The copied name of a relation in the tracked values, or ""."""
        item = related.get(attname, {}).get(values.get(attname))
        return getattr(item, self.copied_names[attname]) if item is not None else ""
