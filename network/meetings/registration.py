"""Registration (påmelding) for a meeting: capacity and the waiting list, confirmation of the
e-mail address, the messages the person sees, and the e-mails.

One registration per e-mail address and meeting (case-insensitive, a database constraint):
a second submission, a double click or a reload, creates nothing new.

An anonymous visitor's registration waits («venter på bekreftelse») and takes no seat until
the address is confirmed by the signed link sent there; only then is it given a seat or a
place on the waiting list, in the order of confirmation. A network member registers with the
account's address, which needs no confirmation, and counts at once. The e-mails never carry
anything a visitor typed except the recipient's own address: they go to an address nobody
has confirmed yet.

The e-mails are queued, not sent here: `mail_ready` hands each one to the follow room,
which sends it through the task worker (network/follow/). A confirmed registration's
e-mail carries a signed link where the person changes or cancels it; cancelling frees the
seat for the first on the waiting list, who is told.
"""

import datetime
import logging
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.core import signing
from django.db import IntegrityError, transaction
from django.dispatch import Signal
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone

from network.choices import RegistrationStatus
from portal import ratelimits

from . import calendar
from .forms import RegistrationForm, member_email, retention_days
from .models import MeetingRegistration

logger = logging.getLogger(__name__)

DEFAULT_CONFIRMATION_HOURS = 48
SIGNING_SALT = "network.meetings.registration-confirmation"
MANAGE_SALT = "network.meetings.registration-manage"
# Sent (after commit) with registration, kind, subject, text, event, calendar and
# calendar_method for every e-mail about a registration; the follow room queues it.
mail_ready = Signal()
# The fields a new submission for a registration still waiting for confirmation replaces.
EDITABLE_FIELDS = ("name", "municipality", "organisation", "comments")


class FullError(Exception):
    pass


def confirmation_hours() -> int:
    return int(
        getattr(settings, "MEETING_REGISTRATION_CONFIRMATION_HOURS", DEFAULT_CONFIRMATION_HOURS)
    )


def account_email(user) -> str:
    """The address a network member registers with; "" for everyone else."""
    return member_email(user)


# Registering ----------------------------------------------------------------------------------


def submit(page, request):
    """Handle a POST of the registration form: None when it is done (with a message for
    the person), or the form to show again (invalid, or refused by a rate limit)."""
    if not page.registration_is_open():
        messages.error(request, "Påmeldingen til dette møtet er stengt.")
        return None
    member_email = account_email(request.user)
    form = RegistrationForm(request.POST, user=request.user)
    if ratelimits.is_limited(request, "registration"):
        return _refused(form)
    if not form.is_valid():
        return form
    email = form.email
    # Counted only for a valid form, so typing mistakes do not use up the address's share.
    if ratelimits.email_is_limited(request, "registration", email):
        return _refused(form)
    existing = page.registrations.filter(email__iexact=email).first()
    if existing is not None and existing.status != RegistrationStatus.PENDING:
        messages.info(
            request, f"{email} er allerede påmeldt dette møtet. Du trenger ikke melde deg på igjen."
        )
        return None
    try:
        if member_email:
            _register_member(page, request, form, existing)
        else:
            _register_anonymous(page, request, form, existing)
    except FullError:
        messages.error(request, "Møtet er fullt, og det er ingen venteliste.")
    except IntegrityError:
        # The same form sent twice at once: the database constraint kept one.
        messages.info(request, f"{email} er allerede påmeldt dette møtet.")
    return None


def _refused(form):
    ratelimits.refuse_form(form)
    form.status_code = 429
    return form


def _register_member(page, request, form, existing) -> None:
    registration = _filled(page, form, existing)
    take_place(page, registration)
    _after_taking_place(request, registration)


def _register_anonymous(page, request, form, existing) -> None:
    if _full_without_waiting_list(page):
        raise FullError
    registration = _filled(page, form, existing)
    registration.status = RegistrationStatus.PENDING
    # A new link for each submission; an older link then no longer works (see make_token).
    registration.created_at = timezone.now()
    with transaction.atomic():
        registration.save()
    transaction.on_commit(lambda: send_address_check(registration, request))
    messages.info(
        request,
        f"Nesten ferdig: Vi har sendt en e-post til {registration.email}. Åpne lenken i den "
        f"innen {confirmation_hours()} timer for å bekrefte påmeldingen. Du får plass først "
        "når påmeldingen er bekreftet.",
    )


def _filled(page, form, existing) -> MeetingRegistration:
    """The registration the form describes: the one waiting for confirmation with the new
    answers, or a new one."""
    if existing is None:
        registration = form.save(commit=False)
        registration.meeting = page
        return registration
    for name in EDITABLE_FIELDS:
        setattr(existing, name, form.cleaned_data.get(name))
    return existing


def _full_without_waiting_list(page) -> bool:
    return (
        page.capacity is not None
        and not page.waiting_list
        and page.registrations.filter(status=RegistrationStatus.CONFIRMED).count() >= page.capacity
    )


def take_place(page, registration) -> MeetingRegistration:
    """Give the registration a seat, or a place on the waiting list when the meeting is full,
    and save it; FullError when it is full and has no waiting list.

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
        registration.meeting = page
        registration.status = status
        registration.confirmed_at = timezone.now()
        with transaction.atomic():  # a savepoint, so a duplicate leaves the outer one usable
            registration.save()
    return registration


def _after_taking_place(request, registration) -> None:
    position = registration.waiting_position()
    transaction.on_commit(lambda: send_confirmation(registration, request, position))
    email = registration.email
    if position is None:
        messages.success(request, f"Du er påmeldt. Vi har sendt en bekreftelse til {email}.")
    else:
        messages.warning(
            request,
            f"Møtet er fullt. Du står som nummer {position} på ventelisten, og vi gir beskjed "
            f"til {email} hvis det blir ledig plass.",
        )


# Confirming the address -----------------------------------------------------------------------


def _signer() -> signing.TimestampSigner:
    return signing.TimestampSigner(salt=SIGNING_SALT)


def make_token(registration) -> str:
    """A signed, expiring token for this registration as last submitted."""
    version = int(registration.created_at.timestamp())
    return _signer().sign_object({"id": registration.pk, "v": version})


def confirm_url(registration) -> str:
    page = registration.meeting
    query = urlencode({"kode": make_token(registration)})
    return f"{page.url}{page.reverse_subpage('confirm_registration')}?{query}"


BROKEN_LINK = "Lenken virker ikke. Sjekk at du har med hele lenken fra e-posten."


class LinkError(Exception):
    """A confirmation link that does not work, with the message to show."""


def registration_for_token(page, token: str) -> MeetingRegistration:
    """The registration the link confirms; LinkError when the link is expired, altered,
    replaced by a newer one, or its registration is gone."""
    max_age = datetime.timedelta(hours=confirmation_hours())
    try:
        data = _signer().unsign_object(token, max_age=max_age)
    except signing.SignatureExpired:
        raise LinkError(
            f"Lenken er eldre enn {confirmation_hours()} timer og virker ikke lenger. "
            "Meld deg på igjen, så får du en ny lenke."
        ) from None
    except (signing.BadSignature, ValueError):
        raise LinkError(BROKEN_LINK) from None
    registration = (
        page.registrations.filter(pk=data.get("id")).first() if isinstance(data, dict) else None
    )
    if registration is None or int(registration.created_at.timestamp()) != data.get("v"):
        raise LinkError(
            "Lenken virker ikke lenger. Har du meldt deg på flere ganger, gjelder lenken i den "
            "siste e-posten."
        )
    return registration


def confirm(page, request, token: str) -> None:
    """Confirm the address of the registration the link names: it takes a seat or a place
    on the waiting list. The outcome is a message for the person."""
    try:
        registration = registration_for_token(page, token)
    except LinkError as error:
        messages.error(request, str(error))
        return
    if registration.status != RegistrationStatus.PENDING:
        messages.info(request, "Påmeldingen er allerede bekreftet.")
        return
    if not page.registration_is_open():
        messages.error(request, "Påmeldingen til dette møtet er stengt.")
        return
    try:
        take_place(page, registration)
    except FullError:
        registration.delete()
        messages.error(
            request, "Møtet ble fullt før du bekreftet påmeldingen, og det er ingen venteliste."
        )
        return
    _after_taking_place(request, registration)


def confirmation_page(page, request, token: str) -> TemplateResponse:
    """The page the e-mail's link opens: a button that confirms, or why the link fails."""
    context = {"page": page, "self": page, "hours": confirmation_hours()}
    try:
        found = registration_for_token(page, token)
    except LinkError as error:
        context["error"] = str(error)
    else:
        context["email"] = found.email
        context["already"] = found.status != RegistrationStatus.PENDING
    status = 400 if "error" in context else 200
    return TemplateResponse(
        request, "network/meetings/confirm_registration.html", context, status=status
    )


def expired_unconfirmed(now=None):
    """Registrations whose confirmation link no longer works: deleted by
    `manage.py delete_old_registrations`."""
    cutoff = (now or timezone.now()) - datetime.timedelta(hours=confirmation_hours())
    return MeetingRegistration.objects.filter(
        status=RegistrationStatus.PENDING, created_at__lt=cutoff
    )


# E-mails ----------------------------------------------------------------------------------


def _meeting_context(page, request=None) -> dict:
    if request is None:
        base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
        meeting_url, calendar_url = base + page.url, base + page.calendar_url()
    else:
        meeting_url = request.build_absolute_uri(page.get_url(request))
        calendar_url = request.build_absolute_uri(page.calendar_url())
    return {
        "meeting": page,
        "meeting_url": meeting_url,
        "calendar_url": calendar_url,
        "retention_days": retention_days(),
    }


def _send(registration, kind, subject, template, context, *, event="", invitation="") -> None:
    """Queue the e-mail (the follow room sends it through the task worker). A seat comes
    with the meeting as a calendar invitation (REQUEST); a cancellation removes it (CANCEL)."""
    text = render_to_string(template, context)
    ics = calendar.invitation(registration.meeting, invitation) if invitation else ""
    # To the microsecond: every new submission of a pending registration is a new event.
    stamp = (registration.confirmed_at or registration.created_at).timestamp()
    mail_ready.send(
        sender=MeetingRegistration,
        registration=registration,
        kind=kind,
        subject=subject,
        text=text,
        event=event or f"registration:{registration.pk}:{kind}:{stamp:.6f}",
        calendar=ics,
        calendar_method=invitation if ics else "",
    )


def send_address_check(registration, request) -> None:
    """Ask the address's owner to confirm. Only the meeting (editors' text), the address
    itself and the link: nothing else the visitor typed."""
    page = registration.meeting
    context = {
        **_meeting_context(page, request),
        "email": registration.email,
        "confirm_url": request.build_absolute_uri(confirm_url(registration)),
        "hours": confirmation_hours(),
    }
    _send(
        registration,
        "address-check",
        f"Bekreft påmeldingen: {page.title}",
        "network/meetings/email/confirm_address.txt",
        context,
    )


def send_confirmation(registration, request, position) -> None:
    page = registration.meeting
    context = {
        **_meeting_context(page, request),
        "registration": registration,
        "position": position,
        "manage_url": manage_url(registration),
    }
    subject = (
        f"Venteliste: {page.title}" if position else f"Påmeldingen er registrert: {page.title}"
    )
    kind = "waiting" if position else "confirmed"
    template = "network/meetings/email/confirmation.txt"
    _send(registration, kind, subject, template, context, invitation="" if position else "REQUEST")


# Changing and cancelling by the signed link ------------------------------------------------


def manage_token(registration) -> str:
    """A signed link for the person to change or cancel the registration; it works until
    the registration is gone."""
    data = {"id": registration.pk, "e": registration.email.lower()}
    return signing.Signer(salt=MANAGE_SALT).sign_object(data)


def manage_url(registration) -> str:
    # By name, so the meetings room does not import the follow room that serves it.
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    return base + reverse("registration_manage", args=[manage_token(registration)])
