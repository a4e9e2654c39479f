"""The members' forms: logging in, inviting a member (in the admin), and marking an item as
relevant for the municipality."""

from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import AuthenticationForm

from network.choices import MemberRole
from network.organisation.models import Membership, Municipality

MAX_TAGS = 20
MAX_TAG_LENGTH = 60


class LoginForm(AuthenticationForm):
    username = forms.CharField(
        label="E-post eller brukernavn",
        max_length=254,
        widget=forms.TextInput(attrs={"autocomplete": "username", "autofocus": True}),
    )
    password = forms.CharField(
        label="Passord",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    error_messages = {
        "invalid_login": "Feil e-post, brukernavn eller passord. Begge feltene skiller mellom "
        "store og små bokstaver.",
        "inactive": "Kontoen er ikke aktiv.",
    }

    def clean_username(self):
        # Invited members have their e-mail address as username, in lower case.
        username = self.cleaned_data["username"].strip()
        user_model = get_user_model()
        if "@" in username and not user_model.objects.filter(username=username).exists():
            match = user_model.objects.filter(email__iexact=username).first()
            if match is not None:
                return match.get_username()
        return username


class InvitationForm(forms.Form):
    email = forms.EmailField(label="E-post")
    first_name = forms.CharField(label="Fornavn", max_length=150)
    last_name = forms.CharField(label="Etternavn", max_length=150)
    municipality = forms.ModelChoiceField(label="Kommune", queryset=Municipality.objects.all())
    role = forms.ChoiceField(label="Rolle", choices=MemberRole.choices, initial=MemberRole.MEMBER)

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()

    def clean(self):
        cleaned = super().clean()
        email, municipality = cleaned.get("email"), cleaned.get("municipality")
        if email and municipality:
            exists = Membership.objects.filter(
                user__email__iexact=email, municipality=municipality
            ).exists()
            if exists:
                raise forms.ValidationError(
                    "Personen er allerede medlem for %(kommune)s.",
                    params={"kommune": municipality},
                )
        return cleaned


class MarkForm(forms.Form):
    existing_tags = forms.MultipleChoiceField(
        label="Emneord kommunen bruker",
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    new_tags = forms.CharField(
        label="Nye emneord",
        required=False,
        max_length=500,
        help_text="Skill flere emneord med komma, for eksempel «opplæring, budsjett 2026».",
    )
    note = forms.CharField(
        label="Notat",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, suggestions=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["existing_tags"].choices = [(tag.name, tag.name) for tag in suggestions]
        if not suggestions:
            self.fields["existing_tags"].widget = forms.MultipleHiddenInput()

    def clean_new_tags(self):
        # Commas separate tags; a tag may have spaces («Budsjett 2026»). Taggit's own parser
        # would split a comma-less input on spaces instead.
        raw = self.cleaned_data.get("new_tags", "")
        tags = list(dict.fromkeys(" ".join(t.split()) for t in raw.split(",") if t.strip()))
        for tag in tags:
            if len(tag) > MAX_TAG_LENGTH:
                raise forms.ValidationError(
                    f"Et emneord kan ha høyst {MAX_TAG_LENGTH} tegn: «{tag[:20]}…»."
                )
        return tags

    def tag_names(self) -> list[str]:
        names = {name.strip() for name in self.cleaned_data.get("existing_tags", [])}
        names.update(self.cleaned_data.get("new_tags", []))
        return sorted(name for name in names if name)[:MAX_TAGS]


# Privacy: deleting one's own account, and an editor erasing a person -----------------


class DeleteAccountForm(forms.Form):
    """The member confirms with their password that the account is to be deleted."""

    password = forms.CharField(
        label="Passordet ditt",
        strip=False,
        max_length=4096,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        help_text="Skriv passordet for å bekrefte at du vil slette kontoen.",
    )

    def __init__(self, user, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError("Passordet er feil. Kontoen er ikke slettet.")
        return password


class ErasePersonForm(forms.Form):
    email = forms.EmailField(
        label="E-postadresse",
        max_length=254,
        help_text="Alt portalen har under denne adressen vises først; ingenting slettes før "
        "du bekrefter.",
    )
