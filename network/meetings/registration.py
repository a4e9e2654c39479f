"""Registration (påmelding) for a meeting: capacity and the waiting list, the messages the
person sees, and the confirmation e-mail.

One registration per e-mail address and meeting (case-insensitive, a database constraint):
a second submission, a double click or a reload, creates nothing new.
"""

import logging

from django.contrib import messages
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone

from network.choices import RegistrationStatus

from .forms import RegistrationForm, retention_days
from .models import MeetingRegistration

logger = logging.getLogger(__name__)


def submit(page, request):
    """Handle a POST of the registration form: None when it is done (with a message for
    the person), or the invalid form to show again."""
    if not page.registration_is_open():
        messages.error(request, "Påmeldingen til dette møtet er stengt.")
        return None
    form = RegistrationForm(request.POST)
    if not form.is_valid():
        return form
    email = form.cleaned_data["email"]
    if page.registrations.filter(email__iexact=email).exists():
        messages.info(
            request, f"{email} er allerede påmeldt dette møtet. Du trenger ikke melde deg på igjen."
        )
        return None
    try:
        registration = create_registration(page, form)
    except FullError:
        messages.error(request, "Møtet er fullt, og det er ingen venteliste.")
        return None
    except IntegrityError:
        # The same form sent twice at once: the database constraint kept one.
        messages.info(request, f"{email} er allerede påmeldt dette møtet.")
        return None
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
    return None


class FullError(Exception):
    pass


def create_registration(page, form) -> MeetingRegistration:
    """Save the registration as confirmed, or on the waiting list when the meeting is full.

    The meeting's row is locked while counting (on PostgreSQL), so two people cannot take
    the last seat at once; SQLite serialises writers anyway.
    """
    with transaction.atomic():
        type(page).objects.select_for_update().filter(pk=page.pk).values_list("pk").first()
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
