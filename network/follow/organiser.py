"""The organiser's e-mail to everyone with a seat or on the waiting list of a meeting."""

import hashlib

from django import forms

from network.choices import RegistrationStatus
from network.meetings.registration import manage_url

from . import notify
from .mail import page_link


class OrganiserEmailForm(forms.Form):
    subject = forms.CharField(
        label="Emne",
        max_length=200,
        error_messages={"required": "Skriv et emne.", "max_length": "Emnet kan ha høyst 200 tegn."},
    )
    message = forms.CharField(
        label="Melding",
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text="Sendes som ren tekst til alle påmeldte og alle på ventelisten, med lenke til "
        "møtet og til å endre eller melde seg av.",
        error_messages={
            "required": "Skriv meldingen.",
            "max_length": "Meldingen kan ha høyst 5000 tegn.",
        },
    )


def participants(page):
    return page.registrations.filter(
        status__in=[RegistrationStatus.CONFIRMED, RegistrationStatus.WAITING]
    ).order_by("confirmed_at", "pk")


def send_to_participants(page, subject: str, message: str) -> int:
    """Queue the message to every participant; the same message sent twice (a double click)
    is queued once. Returns the number queued."""
    digest = hashlib.sha256(f"{subject}\n{message}".encode()).hexdigest()[:20]
    count = 0
    for registration in participants(page):
        queued = notify.queue(
            event=f"organiser:{page.pk}:{digest}",
            kind="organiser",
            email=registration.email,
            subject=subject,
            template="network/follow/email/organiser",
            context={
                "subject": subject,
                "message": message,
                "meeting": page,
                "page_url": page_link(page),
                "manage_url": manage_url(registration),
            },
        )
        count += queued is not None
    return count
