"""Who is told what: the followers of an item, and one queued notice per event and person.

A person who follows the same thing in several ways (a rollout and one of its tags) gets
one e-mail; a weekly follower's notices wait for the digest instead of being sent.
"""

from django.db import IntegrityError, transaction
from django.db.models import Q

from network.organisation.access import is_network_member

from . import tasks
from .mail import render, unsubscribe_url
from .models import Frequency, Notice, NoticeStatus, Subscription, TargetKind


def followers(*, pages=(), tags=(), meeting_type="", municipalities=()) -> list[Subscription]:
    """The confirmed subscriptions to any of these, one per address (an immediate one wins
    over a weekly one)."""
    query = Q()
    if pages:
        query |= Q(kind=TargetKind.PAGE, page_id__in=[page.pk for page in pages])
    if tags:
        query |= Q(kind=TargetKind.TAG, tag_id__in=[tag.pk for tag in tags])
    if meeting_type:
        query |= Q(kind=TargetKind.MEETING_TYPE, meeting_type=meeting_type)
    if municipalities:
        query |= Q(kind=TargetKind.MUNICIPALITY, municipality_id__in=[m.pk for m in municipalities])
    if not query:
        return []
    found: dict[str, Subscription] = {}
    subscriptions = Subscription.objects.confirmed().filter(query).select_related("user")
    for subscription in subscriptions.order_by("created_at", "pk"):
        key = subscription.email.lower()
        current = found.get(key)
        if current is None or (
            current.frequency == Frequency.WEEKLY and subscription.frequency == Frequency.IMMEDIATE
        ):
            found[key] = subscription
    return list(found.values())


def may_see_members_only(subscription) -> bool:
    return subscription.user is not None and is_network_member(subscription.user)


def queue(
    *,
    event: str,
    kind: str,
    email: str,
    subject: str,
    template: str = "",
    context: dict | None = None,
    text: str = "",
    html: str = "",
    subscription=None,
    calendar: str = "",
    calendar_method: str = "",
    digest_itself: bool = False,
) -> Notice | None:
    """Queue one e-mail, unless this person already has one for this event (None then).
    Rendered now, sent by the worker after the transaction commits."""
    if Notice.objects.filter(event=event, email__iexact=email).exists():
        return None
    if template:
        context = {**(context or {}), "subscription": subscription}
        if subscription is not None:
            context["unsubscribe_url"] = unsubscribe_url(subscription)
        text, html = render(template, context)
    elif not html:
        text_html = render("network/follow/email/plain", {"text": text, "subject": subject})
        html = text_html[1]
    weekly = (
        subscription is not None
        and subscription.frequency == Frequency.WEEKLY
        and not digest_itself
    )
    try:
        with transaction.atomic():
            notice = Notice.objects.create(
                event=event[:200],
                kind=kind,
                email=email,
                subscription=subscription,
                subject=subject[:250],
                text=text,
                html=html,
                calendar=calendar,
                calendar_method=calendar_method,
                status=NoticeStatus.DIGEST if weekly and not calendar else NoticeStatus.QUEUED,
            )
    except IntegrityError:
        return None  # the same event for the same person at the same moment: one is enough
    if notice.status == NoticeStatus.QUEUED:
        tasks.enqueue(notice.pk)
    return notice
