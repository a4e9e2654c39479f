"""Once, for real: the task worker (django-tasks-db's `db_worker`) delivers a notice to an
SMTP server on loopback (aiosmtpd), with the unsubscribe headers and the calendar
invitation attached. Everything else uses Django's outbox."""

import datetime
import email
import email.policy
import io
import socket

import pytest
from aiosmtpd.controller import Controller
from django.core.management import call_command
from django_tasks_db.management.commands import db_worker
from django_tasks_db.models import DBTaskResult
from icalendar import Calendar

from network.follow.models import Notice, NoticeStatus
from network.meetings.calendar import meeting_uid
from tests.network.follow.conftest import follow, publish


class Inbox:
    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append((envelope.rcpt_tos, envelope.content))
        return "250 Mottatt"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def smtp_server(settings):
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", controller.port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    yield inbox
    controller.stop()


@pytest.fixture
def worker(monkeypatch):
    """`manage.py db_worker --batch`, run inside the test's transaction: it shares the test's
    database connection, which its check for stale connections must leave open."""
    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)

    def run():
        call_command("db_worker", batch=True, startup_delay=False, stdout=io.StringIO())

    return run


@pytest.mark.django_db
def test_the_worker_delivers_through_smtp_with_headers_and_invitation(
    smtp_server, worker, upcoming_meeting, member, django_capture_on_commit_callbacks
):
    meeting = publish(upcoming_meeting)
    follow(member.email, meeting, user=member)
    meeting.start += datetime.timedelta(hours=2)
    meeting.end += datetime.timedelta(hours=2)
    with django_capture_on_commit_callbacks(execute=True):
        publish(meeting)

    # Publishing queued the e-mail in the database; nothing was sent in the "request".
    notice = Notice.objects.get(kind="meeting-changed")
    assert notice.status == NoticeStatus.QUEUED and smtp_server.messages == []
    assert DBTaskResult.objects.filter(task_path__endswith="send_notice").count() == 1

    worker()

    ((recipients, raw),) = smtp_server.messages
    assert recipients == [member.email]
    message = email.message_from_bytes(raw, policy=email.policy.default)
    assert message["Subject"] == "Nytt tidspunkt: Fagdag om velferdsteknologi"
    assert message["List-Unsubscribe"].strip().startswith("<http://testserver/folg/avslutt/")
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    parts = {part.get_content_type(): part for part in message.walk()}
    assert {"text/plain", "text/html", "text/calendar"} <= set(parts)
    invitation = parts["text/calendar"]
    assert invitation.get_param("method") == "REQUEST"
    assert invitation.get_filename() == "invitasjon.ics"
    (event,) = Calendar.from_ical(invitation.get_payload(decode=True)).walk("VEVENT")
    assert str(event["UID"]) == meeting_uid(meeting) and int(event["SEQUENCE"]) == 1
    notice.refresh_from_db()
    assert notice.status == NoticeStatus.SENT and notice.text == ""
