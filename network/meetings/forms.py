"""The forms of the meetings: registration (påmelding), and the filters of «Møter og
fagdager»."""

from urllib.parse import urlencode

from django import forms
from django.conf import settings
from django.utils.html import format_html, format_html_join

from network.choices import MeetingType
from network.organisation.access import is_network_member, memberships
from network.organisation.models import Municipality

from .models import MAX_COMMENTS_LENGTH, MeetingRegistration

# How long registrations are kept after a meeting: `manage.py delete_old_registrations`.
DEFAULT_RETENTION_DAYS = 30


def retention_days() -> int:
    return int(getattr(settings, "MEETING_REGISTRATION_RETENTION_DAYS", DEFAULT_RETENTION_DAYS))


class RegistrationForm(forms.ModelForm):
    """The registration form. A network member registers with the account's e-mail address
    (account_email): the field is left out, and the address needs no confirmation. Given the
    member (user), the form is filled in from the account: name, address and municipality
    need not be typed again."""

    # The status of the page that shows the form again: 429 when a rate limit refused it.
    status_code = 400

    municipality = forms.ModelChoiceField(
        label="Kommune",
        queryset=Municipality.objects.order_by("name"),
        required=False,
        empty_label="Velg kommune",
    )

    class Meta:
        model = MeetingRegistration
        fields = ["name", "email", "municipality", "organisation", "comments"]
        labels = {
            "name": "Navn",
            "email": "E-post",
            "organisation": "Eller annen arbeidsplass",
            "comments": "Kommentar (valgfritt)",
        }
        help_texts = {
            "email": "Vi sender en lenke hit, som du åpner for å bekrefte påmeldingen.",
            "organisation": "Når du ikke kommer fra en kommune, for eksempel «KS» eller «USHT».",
            "comments": "For eksempel allergier eller behov for tilrettelegging.",
        }
        error_messages = {
            "name": {
                "required": "Skriv navnet ditt.",
                "max_length": "Navnet kan ha høyst %(limit_value)d tegn.",
            },
            "email": {
                "required": "Skriv e-postadressen din.",
                "invalid": "Skriv en gyldig e-postadresse, for eksempel navn@kommune.no.",
                "max_length": "E-postadressen kan ha høyst %(limit_value)d tegn.",
            },
            "organisation": {
                "max_length": "Arbeidsplassen kan ha høyst %(limit_value)d tegn.",
            },
            "comments": {
                "max_length": f"Kommentaren kan ha høyst {MAX_COMMENTS_LENGTH} tegn "
                "(den har nå %(show_value)d).",
            },
        }
        widgets = {
            "name": forms.TextInput(attrs={"autocomplete": "name"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "organisation": forms.TextInput(attrs={"autocomplete": "organization"}),
            "comments": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, account_email: str = "", user=None, **kwargs):
        if user is not None and not account_email:
            account_email = member_email(user)
        if account_email and user is not None:
            kwargs["initial"] = {**account_initial(user), **kwargs.get("initial", {})}
        super().__init__(*args, **kwargs)
        self.account_email = account_email
        if account_email:
            del self.fields["email"]
            self.instance.email = account_email
        self.fields["municipality"].help_text = "Velg kommunen du arbeider i."
        for name, field in self.fields.items():
            # Designsystemet 1.22 styles a <select> with ds-input too: it has no ds-select.
            field.widget.attrs.setdefault("class", "ds-input")
            if field.help_text:
                field.widget.attrs["aria-describedby"] = f"id_{name}-help"

    def full_clean(self):
        super().full_clean()
        # Screen readers announce the error with the field it belongs to.
        for name in self.errors:
            if name in self.fields:
                attrs = self.fields[name].widget.attrs
                attrs["aria-invalid"] = "true"
                described = attrs.get("aria-describedby", "")
                attrs["aria-describedby"] = f"{described} id_{name}-error".strip()

    def clean_email(self):
        return self.cleaned_data["email"].strip()

    @property
    def email(self) -> str:
        """The address the registration is for: the account's, or the one typed."""
        return self.account_email or self.cleaned_data["email"]

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("municipality") and not cleaned.get("organisation", "").strip():
            self.add_error("municipality", "Velg kommune, eller skriv en annen arbeidsplass.")
        return cleaned

    def validate_unique(self):
        """Duplicates are not an error to show: register() treats them as done already."""


def member_email(user) -> str:
    """The address a network member registers with; "" for everyone else."""
    if user.is_authenticated and user.email and is_network_member(user):
        return user.email
    return ""


def account_initial(user) -> dict:
    initial = {"name": user.get_full_name()}
    own = memberships(user)
    if own:
        initial["municipality"] = own[0].municipality_id
    return initial


class RegistrationChangeForm(RegistrationForm):
    """What the person may change by the link in the confirmation: everything but the
    address (which the link belongs to)."""

    class Meta(RegistrationForm.Meta):
        fields = ["name", "municipality", "organisation", "comments"]


class FilterSelect(forms.Select):
    """A select of plain options (no groups, no attributes of their own), written out here:
    Django draws two templates per option, and the filters offer hundreds of options on a
    large site. The test compares the result with Django's own select."""

    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        options = format_html_join(
            "",
            '\n  <option value="{}"{}>{}</option>',
            (
                (str(option["value"]), " selected" if option["selected"] else "", option["label"])
                for _group, group_options, _index in widget["optgroups"]
                for option in group_options
            ),
        )
        # The attributes in their own order, as Django's attrs.html writes them.
        attributes = format_html_join(
            "",
            "{}",
            (
                (format_html(" {}", key) if value is True else format_html(' {}="{}"', key, value),)
                for key, value in widget["attrs"].items()
                if value is not False
            ),
        )
        return format_html('<select name="{}"{}>{}\n</select>', widget["name"], attributes, options)


class MeetingFilterForm(forms.Form):
    """The index's filters, as a plain GET form. Unknown values are dropped, not errors."""

    type = forms.ChoiceField(label="Type", required=False, widget=FilterSelect)
    ar = forms.TypedChoiceField(
        label="År", required=False, coerce=int, empty_value=None, widget=FilterSelect
    )
    innforingslop = forms.ChoiceField(label="Innføringsløp", required=False, widget=FilterSelect)
    omrade = forms.ChoiceField(
        label="Område i tjenestemodellen", required=False, widget=FilterSelect
    )
    emneord = forms.ChoiceField(label="Emneord", required=False, widget=FilterSelect)

    def __init__(self, data, *, years, rollouts, areas, tags):
        super().__init__(data)
        everything = [("", "Alle")]
        self.fields["type"].choices = everything + list(MeetingType.choices)
        self.fields["ar"].choices = everything + [(str(year), str(year)) for year in years]
        # rollouts, areas and tags as (slug, title) pairs.
        self.fields["innforingslop"].choices = everything + list(rollouts)
        self.fields["omrade"].choices = everything + list(areas)
        self.fields["emneord"].choices = everything + list(tags)
        for form_field in self.fields.values():
            form_field.widget.attrs["class"] = "ds-input"

    def filters(self) -> dict:
        """The valid filters only: a bad value in one field leaves the others working."""
        self.is_valid()
        cleaned = {name: self.cleaned_data.get(name) for name in self.fields}
        lookups = {
            "type": "meeting_type",
            "ar": "start__year",
            "innforingslop": "rollouts__slug",
            "omrade": "htm_areas__slug",
            "emneord": "tags__slug",
        }
        return {lookups[name]: value for name, value in cleaned.items() if value}

    def active(self) -> bool:
        return any(self.cleaned_data.get(name) for name in self.fields)

    def querystring(self) -> str:
        """The valid filters as a query string, to keep them across pages."""
        pairs = [(name, self.cleaned_data.get(name)) for name in self.fields]
        return urlencode([(name, value) for name, value in pairs if value])
