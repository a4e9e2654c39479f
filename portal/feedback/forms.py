"""The feedback form: the page, the answer and an optional comment, plus a honeypot field
that people never see and robots fill in."""

from django import forms

from .models import COMMENT_MAX_LENGTH

ANSWERS = [("ja", "Ja"), ("nei", "Nei")]
# The honeypot's name looks like a field worth filling to a robot.
HONEYPOT = "nettsted"


class FeedbackForm(forms.Form):
    page = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
    answer = forms.ChoiceField(
        label="Var denne siden nyttig?",
        choices=ANSWERS,
        widget=forms.RadioSelect,
        error_messages={"required": "Velg «Ja» eller «Nei»."},
    )
    comment = forms.CharField(
        # Not «Kommentar»: pages with a form of their own (a meeting's registration) have a
        # field by that name, and two fields with one label confuse screen reader users.
        label="Hva kan bli bedre på denne siden?",
        required=False,
        max_length=COMMENT_MAX_LENGTH,
        error_messages={
            "max_length": f"Kommentaren kan ha høyst {COMMENT_MAX_LENGTH} tegn.",
        },
    )
    nettsted = forms.CharField(required=False, max_length=200)

    def is_robot(self) -> bool:
        return bool(self.data.get(HONEYPOT, "").strip())

    @property
    def helpful(self) -> bool:
        return self.cleaned_data["answer"] == "ja"
