"""The one field every two-factor page asks for: a code."""

from django import forms


class CodeForm(forms.Form):
    code = forms.CharField(
        label="Kode",
        max_length=32,
        strip=True,
        widget=forms.TextInput(
            attrs={
                "autocomplete": "one-time-code",
                "autofocus": True,
                "autocapitalize": "none",
                "spellcheck": "false",
            }
        ),
    )

    def __init__(self, *args, help_text="", **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["code"].help_text = help_text
        self.fields["code"].error_messages["required"] = "Skriv inn koden."
