"""A person's rights over what the portal holds about them: the download of their own data,
and erasure (by the member themselves, by an editor in the admin, or by an operator with
`manage.py erase_person`).

The rule of erasure: the person's own data goes (account, memberships, contact person entry
with its revisions, meeting registrations, login records); what they recorded for their
municipality stays with the municipality. Marks, statuses and status history keep their
rows, with `changed_by`/`updated_by` emptied by the foreign keys' SET_NULL, and the admin's
history keeps its entries with the name replaced by «Slettet bruker» (organisation/models.py).
Registrations for meetings still to come are cancelled, which frees the seat for the first on
the waiting list; those for past meetings are deleted. What the person follows and the
e-mails sent to them (the follow room) go too.

This module sits on top of the rooms it reads (organisation, statuses, meetings), which is
why it lives in the members room.
"""

from dataclasses import dataclass, field

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from network.follow.models import Notice, Subscription
from network.meetings import lifecycle
from network.meetings.models import MeetingRegistration
from network.organisation.access import EDITORS_GROUP
from network.organisation.models import ContactPerson, Membership
from network.statuses.models import RolloutStatusChange, TaskStatusChange

from .models import RelevanceMark

LOGIN_RECORDS = (AccessLog, AccessAttempt, AccessFailureLog)


def _time(value):
    return timezone.localtime(value).isoformat() if value else None


def _name(user) -> str:
    if user is None:
        return ""
    return user.get_full_name() or user.get_username()


# What the portal holds about a member ------------------------------------------------------


def personal_data(user) -> dict:
    """Everything the portal holds about this user, as plain values (the JSON download and
    the «Mine data» page show the same)."""
    return {
        "konto": {
            "brukernavn": user.get_username(),
            "fornavn": user.first_name,
            "etternavn": user.last_name,
            "e_post": user.email,
            "opprettet": _time(user.date_joined),
            "sist_innlogget": _time(user.last_login),
            "grupper": sorted(user.groups.values_list("name", flat=True)),
        },
        "medlemskap": [
            {
                "kommune": membership.municipality.name,
                "rolle": membership.get_role_display(),
                "opprettet": _time(membership.created_at),
                "invitert_av": _name(membership.invited_by),
            }
            for membership in Membership.objects.filter(user=user).select_related(
                "municipality", "invited_by"
            )
        ],
        "invitasjoner_sendt": [
            {
                "kommune": membership.municipality.name,
                "rolle": membership.get_role_display(),
                "tidspunkt": _time(membership.created_at),
            }
            for membership in Membership.objects.filter(invited_by=user).select_related(
                "municipality"
            )
        ],
        "markeringer": _marks(user),
        "statusendringer": _status_changes(user),
        "pameldinger": _registrations(user.email),
        "folger": _subscriptions(user),
        "e_poster_sendt": _notices(user.email),
        "kontaktperson": _contact_persons(user.email),
        "innlogginger": _login_records(user),
    }


def _marks(user) -> list[dict]:
    marks = (
        RelevanceMark.objects.filter(Q(created_by=user) | Q(updated_by=user))
        .select_related("municipality", "page", "document")
        .prefetch_related("tags")
    )
    return [
        {
            "kommune": mark.municipality.name,
            "side_eller_dokument": mark.item_title,
            "notat": mark.note,
            "emneord": sorted(tag.name for tag in mark.tags.all()),
            "markert_av_deg": mark.created_by_id == user.pk,
            "sist_endret_av_deg": mark.updated_by_id == user.pk,
            "markert": _time(mark.created_at),
            "sist_endret": _time(mark.updated_at),
        }
        for mark in marks
    ]


def _status_changes(user) -> list[dict]:
    rollout_changes = RolloutStatusChange.objects.filter(changed_by=user).select_related(
        "status__municipality", "status__rollout", "old_level", "new_level"
    )
    task_changes = TaskStatusChange.objects.filter(changed_by=user).select_related(
        "status__municipality", "status__task", "old_level", "new_level"
    )
    rows = [
        {
            "kommune": change.status.municipality.name,
            "gjelder": change.status.rollout.title,
            "tidspunkt": _time(change.changed_at),
            "fra_status": str(change.old_level or ""),
            "til_status": str(change.new_level or ""),
            "merknad": change.new_note,
        }
        for change in rollout_changes
    ]
    rows += [
        {
            "kommune": change.status.municipality.name,
            "gjelder": change.status.task.title,
            "tidspunkt": _time(change.changed_at),
            "fra_status": str(change.old_level or ""),
            "til_status": str(change.new_level or ""),
            "merknad": change.new_comment,
        }
        for change in task_changes
    ]
    return sorted(rows, key=lambda row: row["tidspunkt"], reverse=True)


def registrations_of(email: str):
    if not email:
        return MeetingRegistration.objects.none()
    return MeetingRegistration.objects.filter(email__iexact=email)


def _registrations(email: str) -> list[dict]:
    registrations = registrations_of(email).select_related("meeting", "municipality")
    return [
        {
            "mote": registration.meeting.title,
            "tidspunkt_for_motet": _time(registration.meeting.start),
            "navn": registration.name,
            "e_post": registration.email,
            "arbeidssted": registration.workplace,
            "kommentar": registration.comments,
            "status": registration.get_status_display(),
            "pameldt": _time(registration.created_at),
        }
        for registration in registrations
    ]


def subscriptions_of(user=None, email: str = ""):
    query = Q(pk__in=[])
    if user is not None:
        query |= Q(user=user)
    if email:
        query |= Q(email__iexact=email)
    return Subscription.objects.filter(query)


def _subscriptions(user) -> list[dict]:
    subscriptions = subscriptions_of(user, user.email).select_related("page", "tag", "municipality")
    return [
        {
            "folger": subscription.target_label,
            "e_post": subscription.email,
            "hvor_ofte": subscription.get_frequency_display(),
            "opprettet": _time(subscription.created_at),
            "bekreftet": _time(subscription.confirmed_at),
        }
        for subscription in subscriptions
    ]


def notices_of(email: str):
    if not email:
        return Notice.objects.none()
    return Notice.objects.filter(email__iexact=email)


def _notices(email: str) -> list[dict]:
    return [
        {
            "emne": notice.subject,
            "status": notice.get_status_display(),
            "opprettet": _time(notice.created_at),
            "sendt": _time(notice.sent_at),
        }
        for notice in notices_of(email)
    ]


def contact_persons_of(email: str):
    if not email:
        return ContactPerson.objects.none()
    return ContactPerson.objects.filter(email__iexact=email)


def _contact_persons(email: str) -> list[dict]:
    return [
        {
            "navn": person.name,
            "rolle": person.get_role_display(),
            "stillingstittel": person.title,
            "arbeidssted": person.organisation,
            "e_post": person.email,
            "telefon": person.phone,
            "samtykker_til_publisering": person.publish,
        }
        for person in contact_persons_of(email).select_related("municipality")
    ]


def _login_filter(user) -> Q:
    names = {name for name in (user.get_username(), user.email) if name}
    query = Q(pk__in=[])
    for name in names:
        query |= Q(username__iexact=name)
    return query


def _login_records(user) -> list[dict]:
    return [
        {
            "tidspunkt": _time(record.attempt_time),
            "ip_adresse": record.ip_address,
            "nettleser": record.user_agent,
            "utlogget": _time(record.logout_time),
        }
        for record in AccessLog.objects.filter(_login_filter(user)).order_by("-attempt_time")
    ]


# Erasure ---------------------------------------------------------------------------------


@dataclass
class PersonRecords:
    """What the portal holds under one e-mail address: found, counted, then erased."""

    email: str
    users: list = field(default_factory=list)
    contact_persons: list = field(default_factory=list)
    upcoming_registrations: int = 0
    past_registrations: int = 0
    subscriptions: int = 0
    notices: int = 0
    protected_users: list = field(default_factory=list)

    @property
    def erasable(self) -> bool:
        registrations = self.upcoming_registrations + self.past_registrations
        following = self.subscriptions + self.notices
        return bool(self.users or self.contact_persons or registrations or following)

    @property
    def is_empty(self) -> bool:
        return not (self.erasable or self.protected_users)

    def summary(self) -> list[str]:
        """What is (or would be) erased, one Norwegian line each."""
        lines = [f"Brukerkonto: {_name(user)} ({user.email})" for user in self.users]
        lines += [f"Kontaktperson: {person.name}" for person in self.contact_persons]
        lines.append(f"Påmeldinger til kommende møter som avmeldes: {self.upcoming_registrations}")
        lines.append(f"Påmeldinger til tidligere møter som slettes: {self.past_registrations}")
        lines.append(f"Abonnementer (det personen følger): {self.subscriptions}")
        lines.append(f"Varsler sendt på e-post: {self.notices}")
        return lines


def has_admin_access(user) -> bool:
    """Accounts that reach the Wagtail admin are closed by an administrator, not here."""
    return (
        user.is_superuser
        or user.is_staff
        or user.groups.filter(name=EDITORS_GROUP).exists()
        or user.has_perm("wagtailadmin.access_admin")
    )


def find_person(email: str, *, may_erase_admins: bool = False) -> PersonRecords:
    """Everything held under this e-mail address. Accounts with admin access are listed
    apart (protected) unless the one erasing may erase them."""
    email = (email or "").strip()
    records = PersonRecords(email=email)
    if not email:
        return records
    for user in get_user_model().objects.filter(Q(email__iexact=email) | Q(username__iexact=email)):
        if has_admin_access(user) and not may_erase_admins:
            records.protected_users.append(user)
        else:
            records.users.append(user)
    records.contact_persons = list(contact_persons_of(email))
    upcoming, past = _split_registrations(email)
    records.upcoming_registrations = upcoming.count()
    records.past_registrations = past.count()
    records.subscriptions = subscriptions_of(None, email).count()
    records.notices = notices_of(email).count()
    return records


def _split_registrations(email: str):
    registrations = registrations_of(email)
    now = timezone.now()
    return registrations.filter(meeting__end__gte=now), registrations.filter(meeting__end__lt=now)


def erase_registrations(email: str) -> tuple[int, int]:
    """Cancel the registrations for meetings still to come (the seat goes to the first on
    the waiting list, who is told) and delete those for past meetings.
    Returns (cancelled, deleted)."""
    upcoming, past = _split_registrations(email)
    cancelled = 0
    for registration in upcoming.select_related("meeting"):
        lifecycle.cancel(registration)
        cancelled += 1
    deleted = past.delete()[1].get(MeetingRegistration._meta.label, 0)
    return cancelled, deleted


@transaction.atomic
def erase_user(user) -> None:
    """Delete a user account and what is only theirs; what they recorded for their
    municipality stays, no longer attributed to them (see the module's docstring)."""
    for model in LOGIN_RECORDS:
        model.objects.filter(_login_filter(user)).delete()
    if user.email:
        erase_registrations(user.email)
        erase_following(user.email)
    subscriptions_of(user).delete()
    # Memberships go with the user (CASCADE); marks, statuses and history keep their rows
    # with the person emptied (SET_NULL); the admin's history loses the name (post_delete).
    user.delete()


@transaction.atomic
def erase_person(records: PersonRecords) -> PersonRecords:
    """Erase what `find_person` found (never the protected accounts)."""
    for user in records.users:
        erase_user(user)
    for person in records.contact_persons:
        person.delete()
    erase_registrations(records.email)
    erase_following(records.email)
    return records


def erase_following(email: str) -> None:
    """What the address follows, and the e-mails sent to it."""
    subscriptions_of(None, email).delete()
    notices_of(email).delete()
