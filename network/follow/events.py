"""The events people are told about, connected when the app is ready (network/apps.py):

- a page is published with new or replaced materials (documents in its StreamFields): its
  followers, a meeting's also through its rollouts, HTM areas, tags and type; members-only
  files only to members. Saving a draft sends nothing.
- a published meeting is moved, changed or cancelled (its calendar SEQUENCE went up): the
  registered and the meeting's followers, with the invitation that updates their calendar;
- a registration's e-mails (meetings/registration.py `mail_ready`);
- a municipality's status changes: its coordinators and those who follow the municipality.
"""

import hashlib

from django.db.models.signals import post_save
from wagtail.documents.models import AbstractDocument
from wagtail.fields import StreamField
from wagtail.signals import page_published

from network.choices import MemberRole, RegistrationStatus
from network.meetings import calendar, registration
from network.meetings.materials import restricted_collection_ids
from network.meetings.models import MeetingRegistration
from network.meetings.pages import MeetingPage
from network.organisation.models import Membership
from network.statuses.models import RolloutStatusChange, TaskStatusChange

from . import notify
from .mail import absolute, page_link
from .models import AnnouncedMaterial

# Materials -------------------------------------------------------------------------------


def _walk(value, members_only: bool):
    if isinstance(value, AbstractDocument):
        yield value, members_only
    elif isinstance(value, dict):  # a StructValue
        members_only = members_only or bool(value.get("members_only"))
        for child in value.values():
            yield from _walk(child, members_only)
    elif hasattr(value, "raw_data") and hasattr(value, "__iter__"):  # a StreamValue
        for child in value:
            yield from _walk(child.value, members_only)
    elif isinstance(value, (list, tuple)) or type(value).__name__ == "ListValue":
        for child in value:
            yield from _walk(child, members_only)


def page_documents(page) -> dict:
    """Every document in the page's StreamFields: {document: members_only}."""
    restricted = None
    found = {}
    for field in page._meta.get_fields():
        if not isinstance(field, StreamField):
            continue
        for document, members_only in _walk(getattr(page, field.name), False):
            if restricted is None:
                restricted = restricted_collection_ids()
            members_only = members_only or document.collection_id in restricted
            found[document] = found.get(document, False) or members_only
    return found


def _related(page) -> tuple[list, list, str]:
    pages = [page]
    if isinstance(page, MeetingPage):
        pages += list(page.rollouts.all()) + list(page.htm_areas.all())
    tags = list(page.tags.all()) if hasattr(page, "tags") else []
    return pages, tags, getattr(page, "meeting_type", "")


def announce_materials(page) -> int:
    """Tell the followers about the documents this page was not yet announced with.
    Returns the number of notices queued."""
    documents = page_documents(page)
    announced = set(
        AnnouncedMaterial.objects.filter(page=page).values_list("document_id", "file_hash")
    )
    new = {
        document: members_only
        for document, members_only in documents.items()
        if (document.pk, document.file_hash or "") not in announced
    }
    if not new:
        return 0
    AnnouncedMaterial.objects.bulk_create(
        [AnnouncedMaterial(page=page, document_id=d.pk, file_hash=d.file_hash or "") for d in new],
        ignore_conflicts=True,
    )
    fingerprint = ",".join(sorted(f"{d.pk}:{d.file_hash}" for d in new))
    event = f"materials:{page.pk}:{hashlib.sha256(fingerprint.encode()).hexdigest()[:20]}"
    pages, tags, meeting_type = _related(page)
    materials = sorted(
        (
            {"title": d.title, "url": absolute(d.url), "members_only": members_only}
            for d, members_only in new.items()
        ),
        key=lambda item: item["title"],
    )
    count = 0
    for subscription in notify.followers(pages=pages, tags=tags, meeting_type=meeting_type):
        member = notify.may_see_members_only(subscription)
        visible = [item for item in materials if member or not item["members_only"]]
        if not visible:
            continue
        queued = notify.queue(
            event=event,
            kind="materials",
            email=subscription.email,
            subject=f"Nytt materiell: {page.title}",
            template="network/follow/email/materials",
            context={"page": page, "page_url": page_link(page), "materials": visible},
            subscription=subscription,
        )
        count += queued is not None
    return count


# Meetings --------------------------------------------------------------------------------


def announce_meeting_change(page) -> int:
    """A published meeting whose calendar entry changed: everyone registered and the
    meeting's followers get the update (never in a digest: calendars must follow)."""
    if page.sequence == 0:
        return 0
    method = "CANCEL" if page.cancelled else "REQUEST"
    ics = calendar.invitation(page, method)
    event = f"meeting:{page.pk}:{page.sequence}"
    if page.cancelled:
        subject = f"Avlyst: {page.title}"
    elif page.time_changed:
        subject = f"Nytt tidspunkt: {page.title}"
    else:
        subject = f"Endret: {page.title}"
    context = {"meeting": page, "page_url": page_link(page)}
    recipients = [
        (email, None)
        for email in page.registrations.filter(
            status__in=[RegistrationStatus.CONFIRMED, RegistrationStatus.WAITING]
        ).values_list("email", flat=True)
    ]
    recipients += [
        (subscription.email, subscription)
        for subscription in notify.followers(pages=[page], meeting_type=page.meeting_type)
    ]
    count = 0
    for email, subscription in recipients:
        queued = notify.queue(
            event=event,
            kind="meeting-cancelled" if page.cancelled else "meeting-changed",
            email=email,
            subject=subject,
            template="network/follow/email/meeting_changed",
            context={**context, "registered": subscription is None},
            subscription=subscription,
            calendar=ics,
            calendar_method=method,
        )
        count += queued is not None
    return count


def on_page_published(sender, instance, **kwargs):
    page = instance.specific
    announce_materials(page)
    if isinstance(page, MeetingPage):
        announce_meeting_change(page)


def on_registration_mail(sender, registration, kind, subject, text, event, **kwargs):
    notify.queue(
        event=event,
        kind=f"registration-{kind}",
        email=registration.email,
        subject=subject,
        text=text,
        calendar=kwargs.get("calendar", ""),
        calendar_method=kwargs.get("calendar_method", ""),
    )


# Statuses --------------------------------------------------------------------------------


def on_status_change(sender, instance, created, raw=False, **kwargs):
    if not created or raw:
        return
    status = instance.status
    municipality = status.municipality
    item = getattr(status, "rollout", None) or getattr(status, "task", None)
    event = f"status:{sender._meta.model_name}:{instance.pk}"
    by = instance.changed_by
    context = {
        "municipality": municipality,
        "item_title": getattr(item, "title", ""),
        "old_level": str(instance.old_level or "ikke satt"),
        "new_level": str(instance.new_level or "ikke satt"),
        "changed_by": (by.get_full_name() or by.get_username()) if by else "",
        "changed_at": instance.changed_at,
    }
    subject = f"Ny status for {municipality.name}: {context['item_title']}"
    coordinators = Membership.objects.filter(
        municipality=municipality, role=MemberRole.COORDINATOR
    ).select_related("user")
    recipients = [
        (membership.user.email, None)
        for membership in coordinators
        if membership.user.email and membership.user_id != instance.changed_by_id
    ]
    recipients += [
        (subscription.email, subscription)
        for subscription in notify.followers(municipalities=[municipality])
        if subscription.user_id is None or subscription.user_id != instance.changed_by_id
    ]
    for email, subscription in recipients:
        notify.queue(
            event=event,
            kind="status",
            email=email,
            subject=subject,
            template="network/follow/email/status_changed",
            context=context,
            subscription=subscription,
        )


def connect() -> None:
    page_published.connect(on_page_published, dispatch_uid="follow-page-published")
    registration.mail_ready.connect(
        on_registration_mail, sender=MeetingRegistration, dispatch_uid="follow-registration"
    )
    for model in (RolloutStatusChange, TaskStatusChange):
        post_save.connect(on_status_change, sender=model, dispatch_uid=f"follow-{model.__name__}")
