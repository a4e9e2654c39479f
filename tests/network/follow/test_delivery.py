"""Delivery that can be trusted: a temporary SMTP failure is tried again, a permanent one
is marked failed, sending is rate-limited, and the log never holds the body."""

import datetime
import logging
import smtplib

import pytest
from django.core.mail import EmailMultiAlternatives
from django.utils import timezone

from network.follow import notify, tasks
from network.follow.models import Notice, NoticeStatus

pytestmark = pytest.mark.django_db

SECRET_BODY = "Innholdet som aldri skal i loggen"


def queue_one(django_capture_on_commit_callbacks, event="test:1"):
    with django_capture_on_commit_callbacks(execute=True):
        return notify.queue(
            event=event,
            kind="test",
            email="mottaker@example.org",
            subject="Et varsel",
            text=SECRET_BODY,
        )


@pytest.fixture
def failing_send(monkeypatch):
    """EmailMultiAlternatives.send raising the given errors in turn, then sending."""
    errors = []
    original = EmailMultiAlternatives.send

    def send(self, *args, **kwargs):
        if errors:
            raise errors.pop(0)
        return original(self, *args, **kwargs)

    monkeypatch.setattr(EmailMultiAlternatives, "send", send)
    return errors


def test_a_temporary_failure_is_tried_again(
    failing_send, mailoutbox, caplog, django_capture_on_commit_callbacks
):
    failing_send += [
        smtplib.SMTPServerDisconnected("borte"),
        smtplib.SMTPResponseException(451, b"Try again later"),
    ]
    with caplog.at_level(logging.INFO, logger="network.follow.tasks"):
        notice = queue_one(django_capture_on_commit_callbacks)
    notice.refresh_from_db()
    assert notice.status == NoticeStatus.SENT and notice.attempts == 3
    assert len(mailoutbox) == 1
    assert notice.text == "" and notice.html == ""  # the body goes once sent
    assert "SMTPServerDisconnected" in caplog.text and "E-mail sent" in caplog.text
    assert SECRET_BODY not in caplog.text and "mottaker@example.org" not in caplog.text


def test_a_permanent_failure_is_not_tried_again(
    failing_send, mailoutbox, django_capture_on_commit_callbacks
):
    failing_send += [smtplib.SMTPResponseException(550, b"No such user")]
    notice = queue_one(django_capture_on_commit_callbacks)
    notice.refresh_from_db()
    assert notice.status == NoticeStatus.FAILED and notice.attempts == 1
    assert notice.last_error == "SMTPResponseException 550"
    assert mailoutbox == []


def test_the_same_event_for_the_same_person_is_queued_once(
    mailoutbox, django_capture_on_commit_callbacks
):
    assert queue_one(django_capture_on_commit_callbacks) is not None
    assert queue_one(django_capture_on_commit_callbacks) is None
    assert len(mailoutbox) == 1 and Notice.objects.count() == 1
    # A task run again for a sent notice sends nothing.
    assert tasks.deliver(Notice.objects.get().pk) == "already-handled"
    assert len(mailoutbox) == 1


def test_sending_is_rate_limited_per_minute(settings, monkeypatch, mailoutbox):
    settings.FOLLOW_EMAILS_PER_MINUTE = 2
    now = timezone.now()
    for n in range(2):
        Notice.objects.create(
            event=f"tidligere:{n}",
            kind="test",
            email=f"a{n}@example.org",
            subject="x",
            status=NoticeStatus.SENT,
            sent_at=now - datetime.timedelta(seconds=20),
        )
    assert tasks.rate_limited()
    deferred = []
    backend = tasks.send_notice.get_backend()
    monkeypatch.setattr(type(backend), "supports_defer", True)
    monkeypatch.setattr(tasks, "requeue", lambda pk, delay: deferred.append((pk, delay)))
    notice = Notice.objects.create(event="ny", kind="test", email="b@example.org", subject="y")
    assert tasks.deliver(notice.pk) == "deferred"
    assert deferred == [(notice.pk, datetime.timedelta(minutes=1))]
    assert mailoutbox == []
    Notice.objects.filter(event__startswith="tidligere").update(
        sent_at=now - datetime.timedelta(minutes=2)
    )
    assert not tasks.rate_limited()
