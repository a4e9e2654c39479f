"""The weekly digest: the notices of weekly followers, gathered into one e-mail per
address (`manage.py send_follow_digest`, run once a week)."""

from collections import defaultdict

from django.db import transaction
from django.utils import timezone

from . import notify
from .models import Notice, NoticeStatus


def send_digests(now=None) -> int:
    """Queue one digest per address with waiting notices; returns how many. Running twice in
    the same week sends nothing more (the event is the address's ISO week)."""
    now = now or timezone.now()
    year, week, _ = timezone.localtime(now).isocalendar()
    waiting = defaultdict(list)
    for notice in (
        Notice.objects.filter(status=NoticeStatus.DIGEST)
        .select_related("subscription")
        .order_by("created_at", "pk")
    ):
        waiting[notice.email.lower()].append(notice)
    count = 0
    for notices in waiting.values():
        subscription = next((n.subscription for n in notices if n.subscription_id), None)
        with transaction.atomic():
            queued = notify.queue(
                event=f"digest:{year}-{week:02d}",
                kind="digest",
                email=notices[0].email,
                subject="Ukens nytt fra E-helse Nordland",
                template="network/follow/email/digest",
                context={"notices": notices},
                subscription=subscription,
                digest_itself=True,
            )
            Notice.objects.filter(pk__in=[n.pk for n in notices]).update(
                status=NoticeStatus.IN_DIGEST, sent_at=now, text="", html=""
            )
        count += queued is not None
    return count
