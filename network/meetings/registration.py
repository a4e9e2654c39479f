"""Registration (påmelding) for a meeting: the form, capacity and waiting list, and the
confirmation e-mail.

The form posts to <meeting>/pamelding/; a valid registration redirects back to the meeting
with a message (post/redirect/get), an invalid one shows the meeting again with the errors
and what was typed. One registration per e-mail address and meeting (case-insensitive, a
database constraint): a second submission, a double click or a reload, creates nothing new.
"""

import logging

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.http import HttpResponseRedirect
from django.template.loader import render_to_string
from django.utils import timezone

from .models import MeetingPage, MeetingRegistration, Municipality
from .models.meetings import RegistrationStatus

logger = logging.getLogger(__name__)

# How long registrations are kept after a meeting: `manage.py delete_old_registrations`.
DEFAULT_RETENTION_DAYS = 30


def retention_days() -> int:
    return int(getattr(settings, "MEETING_REGISTRATION_RETENTION_DAYS", DEFAULT_RETENTION_DAYS))


class RegistrationForm(forms.ModelForm):
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
            "email": "Vi sender en bekreftelse hit.",
            "organisation": "Når du ikke kommer fra en kommune, for eksempel «KS» eller «USHT».",
            "comments": "For eksempel allergier eller behov for tilrettelegging.",
        }
        error_messages = {
            "name": {"required": "Skriv navnet ditt."},
            "email": {
                "required": "Skriv e-postadressen din.",
                "invalid": "Skriv en gyldig e-postadresse, for eksempel navn@kommune.no.",
            },
        }
        widgets = {
            "name": forms.TextInput(attrs={"autocomplete": "name"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "organisation": forms.TextInput(attrs={"autocomplete": "organization"}),
            "comments": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["municipality"].help_text = "Velg kommunen du arbeider i."
        for name, field in self.fields.items():
            css = "ds-select" if name == "municipality" else "ds-input"
            field.widget.attrs.setdefault("class", css)
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

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("municipality") and not cleaned.get("organisation", "").strip():
            self.add_error("municipality", "Velg kommune, eller skriv en annen arbeidsplass.")
        return cleaned

    def validate_unique(self):
        """Duplicates are not an error to show: register() treats them as done already."""


def register(page: MeetingPage, request):
    """Handle a POST of the registration form (a GET just goes back to the meeting)."""
    anchor = page.url + "#pamelding"
    if request.method != "POST":
        return HttpResponseRedirect(anchor)
    if not page.registration_is_open():
        messages.error(request, "Påmeldingen til dette møtet er stengt.")
        return HttpResponseRedirect(anchor)

    form = RegistrationForm(request.POST)
    if not form.is_valid():
        response = page.render(request, registration_form=form)
        response.status_code = 400
        return response

    email = form.cleaned_data["email"]
    if page.registrations.filter(email__iexact=email).exists():
        messages.info(
            request, f"{email} er allerede påmeldt dette møtet. Du trenger ikke melde deg på igjen."
        )
        return HttpResponseRedirect(anchor)

    try:
        registration = create_registration(page, form)
    except FullError:
        messages.error(request, "Møtet er fullt, og det er ingen venteliste.")
        return HttpResponseRedirect(anchor)
    except IntegrityError:
        # The same form sent twice at once: the database constraint kept one.
        messages.info(request, f"{email} er allerede påmeldt dette møtet.")
        return HttpResponseRedirect(anchor)

    position = registration.waiting_position()
    transaction.on_commit(lambda: send_confirmation(registration, request, position))
    if position is None:
        messages.success(
            request,
            f"Takk, {registration.name}! Du er påmeldt. Vi har sendt en bekreftelse til {email}.",
        )
    else:
        messages.warning(
            request,
            f"Møtet er fullt. Du står som nummer {position} på ventelisten, og vi gir beskjed "
            f"til {email} hvis det blir ledig plass.",
        )
    return HttpResponseRedirect(anchor)


class FullError(Exception):
    pass


def create_registration(page: MeetingPage, form) -> MeetingRegistration:
    """Save the registration as confirmed, or on the waiting list when the meeting is full.

    The meeting's row is locked while counting (on PostgreSQL), so two people cannot take
    the last seat at once; SQLite serialises writers anyway.
    """
    with transaction.atomic():
        MeetingPage.objects.select_for_update().filter(pk=page.pk).values_list("pk").first()
        status = RegistrationStatus.CONFIRMED
        if page.capacity is not None:
            taken = page.registrations.filter(status=RegistrationStatus.CONFIRMED).count()
            if taken >= page.capacity:
                if not page.waiting_list:
                    raise FullError
                status = RegistrationStatus.WAITING
        registration = form.save(commit=False)
        registration.meeting = page
        registration.status = status
        registration.created_at = timezone.now()
        with transaction.atomic():  # a savepoint, so a duplicate leaves the outer one usable
            registration.save()
    return registration


def send_confirmation(registration, request, position) -> None:
    page = registration.meeting
    context = {
        "registration": registration,
        "meeting": page,
        "position": position,
        "meeting_url": request.build_absolute_uri(page.get_url(request)),
        "calendar_url": request.build_absolute_uri(page.calendar_url()),
        "retention_days": retention_days(),
    }
    subject = (
        f"Venteliste: {page.title}" if position else f"Påmeldingen er registrert: {page.title}"
    )
    body = render_to_string("network/meetings/email/confirmation.txt", context)
    try:
        send_mail(subject, body, None, [registration.email])
    except Exception:
        # The registration is saved; a mail server that is down must not turn it into an error.
        logger.exception("Could not send the confirmation of registration %s", registration.pk)
