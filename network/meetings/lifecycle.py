"""After a registration is confirmed: the person's signed link to change or cancel it,
cancelling (which frees the seat for the first on the waiting list, who is told), and the
reminder the day before. The e-mails go out as registration.py's do, through the follow room.
"""

import datetime

from django.core import signing
from django.db import transaction
from django.utils import timezone

from network.choices import RegistrationStatus

from .models import MeetingRegistration
from .registration import (
    BROKEN_LINK,
    MANAGE_SALT,
    LinkError,
    _meeting_context,
    _send,
    manage_url,
)


def registration_for_manage_token(token: str) -> MeetingRegistration:
    try:
        data = signing.Signer(salt=MANAGE_SALT).unsign_object(token)
    except signing.BadSignature:
        raise LinkError(BROKEN_LINK) from None
    registration = (
        MeetingRegistration.objects.select_related("meeting", "municipality")
        .filter(pk=data.get("id"))
        .first()
        if isinstance(data, dict)
        else None
    )
    if registration is None or registration.email.lower() != data.get("e"):
        raise LinkError(
            "Påmeldingen finnes ikke lenger. Kanskje er den allerede avmeldt, eller møtet er "
            "over og påmeldingene slettet."
        )
    return registration


def cancel(registration) -> MeetingRegistration | None:
    """Cancel a registration: a confirmed one frees its seat for the first on the waiting
    list, who moves up and is told. Returns the one promoted, if any."""
    page = registration.meeting
    with transaction.atomic():
        type(page).objects.select_for_update().filter(pk=page.pk).values_list("pk").first()
        freed = registration.status == RegistrationStatus.CONFIRMED
        registration.delete()
        promoted = promote_waiting(page) if freed else None
    return promoted


def promote_waiting(page) -> MeetingRegistration | None:
    """Give a free seat to the first on the waiting list (in the order of confirmation)."""
    if page.capacity is not None:
        taken = page.registrations.filter(status=RegistrationStatus.CONFIRMED).count()
        if taken >= page.capacity:
            return None
    first = (
        page.registrations.filter(status=RegistrationStatus.WAITING)
        .order_by("confirmed_at", "pk")
        .first()
    )
    if first is None:
        return None
    first.status = RegistrationStatus.CONFIRMED
    first.save(update_fields=["status"])
    transaction.on_commit(lambda: send_promoted(first))
    return first


def send_promoted(registration) -> None:
    page = registration.meeting
    context = {
        **_meeting_context(page),
        "registration": registration,
        "manage_url": manage_url(registration),
    }
    _send(
        registration,
        "promoted",
        f"Du har fått plass: {page.title}",
        "network/follow/email/registration_promoted.txt",
        context,
        invitation="REQUEST",
    )


def send_cancelled(registration) -> None:
    """The receipt for a cancellation (the row is already gone: its values are used)."""
    page = registration.meeting
    _send(
        registration,
        "cancelled",
        f"Du er avmeldt: {page.title}",
        "network/follow/email/registration_cancelled.txt",
        {**_meeting_context(page), "registration": registration},
        invitation="CANCEL",
        event=f"registration:{page.pk}:{registration.email.lower()}:cancelled:"
        f"{int(timezone.now().timestamp())}",
    )


def send_reminders(now=None) -> int:
    """Remind everyone with a seat of a meeting that starts tomorrow (Norwegian time).
    Idempotent: run it as often as you like, each person gets one reminder a meeting."""
    today = timezone.localdate(now or timezone.now())
    tomorrow = today + datetime.timedelta(days=1)
    registrations = MeetingRegistration.objects.filter(
        status=RegistrationStatus.CONFIRMED,
        meeting__live=True,
        meeting__cancelled=False,
        meeting__start__date=tomorrow,
    ).select_related("meeting", "municipality")
    count = 0
    for registration in registrations:
        page = registration.meeting
        context = {
            **_meeting_context(page),
            "registration": registration,
            "manage_url": manage_url(registration),
        }
        _send(
            registration,
            "reminder",
            f"Påminnelse: {page.title} i morgen",
            "network/follow/email/registration_reminder.txt",
            context,
            event=f"reminder:{registration.pk}:{page.start.date().isoformat()}",
        )
        count += 1
    return count
