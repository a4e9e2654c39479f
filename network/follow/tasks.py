"""Sending notices in the task worker (`manage.py db_worker`), never in a request.

- One task per notice; the notice's unique (event, recipient) row makes a repeated event or
  a repeated task harmless: only a queued notice is sent.
- A temporary failure (the server hung up, could not be reached, or answered 4xx) is tried
  again later with a growing pause, up to MAX_ATTEMPTS; a permanent one (5xx) is marked
  failed at once.
- At most FOLLOW_EMAILS_PER_MINUTE are sent a minute; the rest wait for the next minute.
- Every send is logged with the notice's id, kind and event: never the body or the address.
"""

import datetime
import logging
import smtplib

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django_tasks import task

from .mail import build_message
from .models import Notice, NoticeStatus

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 5
DEFAULT_EMAILS_PER_MINUTE = 60


def emails_per_minute() -> int:
    return int(getattr(settings, "FOLLOW_EMAILS_PER_MINUTE", DEFAULT_EMAILS_PER_MINUTE))


def is_temporary(error: Exception) -> bool:
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        codes = [code for code, _message in error.recipients.values()]
        return bool(codes) and all(400 <= code < 500 for code in codes)
    if isinstance(error, smtplib.SMTPResponseException):
        return 400 <= error.smtp_code < 500
    # SMTPServerDisconnected, refused or timed-out connections.
    return isinstance(error, (smtplib.SMTPServerDisconnected, OSError))


def _error_label(error: Exception) -> str:
    code = getattr(error, "smtp_code", None)
    return f"{type(error).__name__} {code}" if code else type(error).__name__


def rate_limited(now=None) -> bool:
    since = (now or timezone.now()) - datetime.timedelta(minutes=1)
    return Notice.objects.filter(sent_at__gte=since).count() >= emails_per_minute()


def requeue(notice_id: int, delay: datetime.timedelta) -> None:
    if send_notice.get_backend().supports_defer:
        send_notice.using(run_after=timezone.now() + delay).enqueue(notice_id)
    else:
        # The immediate backend (development, tests) cannot wait: try again at once.
        send_notice.enqueue(notice_id)


def enqueue(notice_id: int) -> None:
    """Queue sending once the transaction that created the notice has committed."""
    transaction.on_commit(lambda: send_notice.enqueue(notice_id))


@task()
def send_notice(notice_id: int) -> str:
    return deliver(notice_id)


def deliver(notice_id: int) -> str:
    notice = Notice.objects.select_related("subscription").filter(pk=notice_id).first()
    if notice is None or notice.status != NoticeStatus.QUEUED:
        return "already-handled"
    if send_notice.get_backend().supports_defer and rate_limited():
        logger.info("E-mail deferred by the rate limit", extra={"notice": notice.pk})
        requeue(notice.pk, datetime.timedelta(minutes=1))
        return "deferred"
    notice.attempts += 1
    try:
        build_message(notice).send()
    except Exception as error:
        notice.last_error = _error_label(error)[:250]
        log = {"notice": notice.pk, "kind": notice.kind, "attempt": notice.attempts}
        if is_temporary(error) and notice.attempts < MAX_ATTEMPTS:
            notice.save(update_fields=["attempts", "last_error"])
            logger.warning("E-mail failed for now (%s), trying again", notice.last_error, extra=log)
            requeue(notice.pk, datetime.timedelta(minutes=2**notice.attempts))
            return "retry"
        notice.status = NoticeStatus.FAILED
        notice.save(update_fields=["attempts", "last_error", "status"])
        logger.error("E-mail failed (%s)", notice.last_error, extra=log)
        return "failed"
    notice.status = NoticeStatus.SENT
    notice.sent_at = timezone.now()
    # Sent: the body is no longer needed, and personal data is kept no longer than needed.
    notice.text = notice.html = notice.calendar = ""
    notice.save(
        update_fields=["attempts", "status", "sent_at", "text", "html", "calendar", "last_error"]
    )
    logger.info(
        "E-mail sent",
        extra={"notice": notice.pk, "kind": notice.kind, "event": notice.event},
    )
    return "sent"
