"""The forms that write a status: a row of the member's HTM sheet, the kommunekoordinator's
rollout status, and the admin's edit form. Each carries the version the person saw, so a
save over someone else's newer one is refused (statuses/base.py)."""

import hashlib

from django import forms
from django.utils import timezone
from wagtail.admin.forms import WagtailAdminModelForm

from .base import CONFLICT_MESSAGE
from .models import RolloutStatusLevel

DATE_INPUT_FORMATS = ["%d.%m.%Y", "%Y-%m-%d"]


def fingerprint(*values) -> str:
    """A short digest of the values a form showed, posted back with it: a row the person did
    not touch is never a conflict, even if someone else changed it meanwhile."""
    text = "\x1f".join(str(value or "").strip() for value in values)
    return hashlib.sha256(text.encode()).hexdigest()[:16]


class TaskStatusForm(forms.Form):
    """One task's row of the HTM sheet."""

    level = forms.TypedChoiceField(label="Status", coerce=int)
    responsible_unit = forms.CharField(
        label="Ansvarlig enhet eller person", max_length=200, required=False
    )
    responsible_role = forms.TypedChoiceField(
        label="Ansvarlig rolle", coerce=int, required=False, empty_value=None
    )
    comment = forms.CharField(
        label="Kommentar",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)
    shown = forms.CharField(widget=forms.HiddenInput, max_length=64, required=False)

    def __init__(self, *args, level_choices, role_choices, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["level"].choices = level_choices
        self.fields["responsible_role"].choices = [("", "Ingen rolle valgt"), *role_choices]

    @staticmethod
    def values_of(status, default_level) -> dict:
        """What the row shows for a saved status, or for a task without one."""
        if status is None:
            return {
                "level": default_level.pk if default_level else None,
                "responsible_unit": "",
                "responsible_role": None,
                "comment": "",
                "version": 0,
            }
        return {
            "level": status.level_id,
            "responsible_unit": status.responsible_unit,
            "responsible_role": status.responsible_role_id,
            "comment": status.comment,
            "version": status.version,
        }

    @classmethod
    def fingerprint_of(cls, values: dict) -> str:
        names = ("level", "responsible_unit", "responsible_role", "comment")
        return fingerprint(*(values[name] for name in names))

    def posted_fingerprint(self) -> str:
        return self.fingerprint_of(self.cleaned_data)


class NumberedStepField(forms.ModelChoiceField):
    """The rollout's steps numbered as the rollout page shows them: «1. Avklare tjenester»."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.numbers: dict[int, int] = {}

    def label_from_instance(self, obj) -> str:
        number = self.numbers.get(obj.pk)
        return f"{number}. {obj.title}" if number else obj.title


FUTURE_SINCE_MESSAGE = (
    "«Siden» kan ikke være fram i tid. Skriv datoen statusen gjaldt fra, i dag eller tidligere."
)


def fixed_choices(field: forms.ModelChoiceField, objects: list) -> None:
    """Give a model choice field the choices of objects already read: a ModelChoiceField
    otherwise queries its queryset again each time its widget is rendered. A posted value is
    still checked against the field's queryset."""
    iterator = field.iterator(field)
    empty = [("", field.empty_label)] if field.empty_label is not None else []
    field.choices = empty + [iterator.choice(obj) for obj in objects]


class RolloutStatusForm(forms.Form):
    level = forms.ModelChoiceField(
        label="Status", queryset=RolloutStatusLevel.objects.all(), empty_label=None
    )
    current_step = NumberedStepField(
        label="Nåværende trinn", queryset=None, required=False
    )  # the rollout's own steps, set by __init__
    since = forms.DateField(
        label="Siden",
        required=False,
        help_text="Dato, for eksempel 15.01.2026.",
        input_formats=DATE_INPUT_FORMATS,
        widget=forms.DateInput(format="%d.%m.%Y"),
    )
    note = forms.CharField(
        label="Merknad", required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=0)

    def __init__(self, *args, rollout, **kwargs):
        super().__init__(*args, **kwargs)
        steps = list(rollout.steps.all())
        field = self.fields["current_step"]
        field.queryset = rollout.steps.all()
        field.empty_label = "Ikke valgt"
        field.numbers = {step.pk: n for n, step in enumerate(steps, start=1)}
        fixed_choices(field, steps)
        fixed_choices(self.fields["level"], list(self.fields["level"].queryset))

    def clean_since(self):
        since = self.cleaned_data.get("since")
        if since and since > timezone.localdate():
            raise forms.ValidationError(FUTURE_SINCE_MESSAGE, code="future")
        return since

    def seen_version(self) -> int:
        return self.cleaned_data.get("version") or 0


class StatusAdminForm(WagtailAdminModelForm):
    """The admin's form for a status: it remembers the version it was opened at, and refuses
    to save over a newer one (the model checks again at the moment of saving)."""

    seen_version = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=0)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["seen_version"].initial = self.instance.version

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk:
            seen = cleaned.get("seen_version")
            current = type(self.instance).objects.filter(pk=self.instance.pk)
            current_version = current.values_list("version", flat=True).first()
            if seen is not None and current_version is not None and seen != current_version:
                raise forms.ValidationError(CONFLICT_MESSAGE)
            self.instance.expect_version(seen if seen is not None else self.instance.version)
        return cleaned
