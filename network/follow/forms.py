"""The follow forms: a visitor's address (and how often), a member's choice of how often."""

from django import forms

from .models import Frequency


class FrequencyForm(forms.Form):
    frequency = forms.ChoiceField(
        label="Hvor ofte vil du ha e-post?",
        choices=Frequency.choices,
        initial=Frequency.IMMEDIATE,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Velg hvor ofte du vil ha e-post.",
            "invalid_choice": "Velg «Straks» eller «Ukentlig oppsummering».",
        },
    )


class VisitorFollowForm(FrequencyForm):
    email = forms.EmailField(
        label="E-post",
        max_length=254,
        help_text="Vi sender en lenke hit, som du åpner for å bekrefte. Først da får du e-post.",
        error_messages={
            "required": "Skriv e-postadressen din.",
            "invalid": "Skriv en gyldig e-postadresse, for eksempel navn@kommune.no.",
            "max_length": "E-postadressen kan ha høyst %(limit_value)d tegn.",
        },
        widget=forms.EmailInput(
            attrs={
                "autocomplete": "email",
                "class": "ds-input",
                "aria-describedby": "id_email-help",
            }
        ),
    )
    field_order = ["email", "frequency"]

    def clean_email(self):
        return self.cleaned_data["email"].strip()
