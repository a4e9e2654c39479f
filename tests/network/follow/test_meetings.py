"""Meetings that keep people informed: a moved or cancelled meeting updates the calendar
entry of everyone registered and following (parsed with icalendar), a cancellation moves
the waiting list, the signed link changes or cancels, a member's form is filled in, the
reminder and the organiser's e-mail go once."""

import datetime
import io
import re

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from icalendar import Calendar

from network.choices import RegistrationStatus
from network.meetings.calendar import meeting_uid
from network.meetings.registration import manage_url
from network.models import MeetingRegistration, Municipality
from tests.network.follow.conftest import by_kind, follow, publish
from tests.network.helpers import make_member
from tests.network.meetings.factories import MeetingPageFactory, MeetingRegistrationFactory

pytestmark = pytest.mark.django_db


def invitation(message) -> Calendar:
    (part,) = [
        part for part in message.message().walk() if part.get_content_type() == "text/calendar"
    ]
    assert part.get_param("method") in ("REQUEST", "CANCEL")
    return Calendar.from_ical(part.get_payload(decode=True))


def manage_path(message) -> str:
    return re.search(r"http://testserver(/pamelding/\S+/)", message.body).group(1)


@pytest.fixture
def published_meeting(upcoming_meeting):
    return publish(upcoming_meeting)


def test_a_moved_then_cancelled_meeting_updates_the_same_calendar_entry(
    published_meeting, member, django_capture_on_commit_callbacks
):
    meeting = published_meeting
    MeetingRegistrationFactory(meeting=meeting, email="pameldt@example.org")
    follow(member.email, meeting, user=member)
    meeting.start += datetime.timedelta(days=1)
    meeting.end += datetime.timedelta(days=1)
    with django_capture_on_commit_callbacks(execute=True):
        publish(meeting)
        publish(meeting)  # the same version again: nothing more
    moved = by_kind("meeting-changed")
    assert sorted(m.to[0] for m in moved) == sorted(["pameldt@example.org", member.email])
    message = next(m for m in moved if m.to == ["pameldt@example.org"])
    assert message.subject == "Nytt tidspunkt: Fagdag om velferdsteknologi"
    assert "List-Unsubscribe" not in message.extra_headers  # registered, not a follower
    calendar = invitation(message)
    assert str(calendar["METHOD"]) == "REQUEST"
    (event,) = calendar.walk("VEVENT")
    assert str(event["UID"]) == meeting_uid(meeting)
    assert int(event["SEQUENCE"]) == 1
    assert event.decoded("DTSTART") == meeting.start

    meeting.cancelled = True
    meeting.cancellation_note = "Flyttes til våren."
    with django_capture_on_commit_callbacks(execute=True):
        publish(meeting)
    cancelled = by_kind("meeting-cancelled")
    assert len(cancelled) == 2
    calendar = invitation(cancelled[0])
    assert str(calendar["METHOD"]) == "CANCEL"
    (event,) = calendar.walk("VEVENT")
    assert str(event["UID"]) == meeting_uid(meeting)
    assert int(event["SEQUENCE"]) == 2
    assert str(event["STATUS"]) == "CANCELLED"
    assert "Flyttes til våren." in cancelled[0].body


def test_cancelling_by_the_link_moves_the_waiting_list_up(
    client, published_meeting, django_capture_on_commit_callbacks
):
    meeting = published_meeting
    data = {"name": "Kari", "municipality": Municipality.objects.get(slug="vefsn").pk}
    first, second = make_member("forste"), make_member("andre")
    for user in (first, second):
        client.force_login(user)
        with django_capture_on_commit_callbacks(execute=True):
            client.post(meeting.url + "pamelding/", data)
    seat = MeetingRegistration.objects.get(email=first.email)
    waiting = MeetingRegistration.objects.get(email=second.email)
    assert (seat.status, waiting.status) == (RegistrationStatus.CONFIRMED, "venteliste")
    (confirmation,) = by_kind("registration-confirmed")
    assert str(invitation(confirmation)["METHOD"]) == "REQUEST"
    link = manage_path(confirmation)

    client.logout()
    page = client.get(link)
    assert page.status_code == 200 and "Meld meg av" in page.text
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(link, {"action": "avmeld"})
    assert response.status_code == 302
    assert not MeetingRegistration.objects.filter(email=first.email).exists()
    waiting.refresh_from_db()
    assert waiting.status == RegistrationStatus.CONFIRMED
    (promoted,) = by_kind("registration-promoted")
    assert promoted.to == [second.email]
    assert promoted.subject == "Du har fått plass: Fagdag om velferdsteknologi"
    assert str(invitation(promoted)["METHOD"]) == "REQUEST"
    (receipt,) = by_kind("registration-cancelled")
    assert receipt.to == [first.email]
    assert str(invitation(receipt)["METHOD"]) == "CANCEL"
    assert client.get(link).status_code == 400  # gone: the link says so


def test_the_link_changes_the_registration_and_refuses_an_altered_token(
    client, published_meeting, django_capture_on_commit_callbacks
):
    registration = MeetingRegistrationFactory(meeting=published_meeting, name="Ola")
    path = manage_url(registration).removeprefix("http://testserver")
    response = client.post(
        path, {"action": "endre", "name": "Ola Nordmann", "organisation": "KS", "comments": ""}
    )
    assert response.status_code == 302
    registration.refresh_from_db()
    assert registration.name == "Ola Nordmann"
    altered = client.get(path[:-3] + "xx/")
    assert altered.status_code == 400 and "Lenken virker ikke" in altered.text


def test_a_members_registration_form_is_filled_in_from_the_account(client, published_meeting):
    user = make_member("ingrid")
    user.first_name, user.last_name = "Ingrid", "Hansen"
    user.save()
    client.force_login(user)
    html = client.get(published_meeting.url).text
    assert 'value="Ingrid Hansen"' in html
    vefsn = Municipality.objects.get(slug="vefsn")
    assert re.search(rf'<option value="{vefsn.pk}"[^>]*selected', html)
    assert 'name="email"' not in html


def test_the_reminder_goes_the_day_before_and_once(
    meeting_index, django_capture_on_commit_callbacks
):
    tomorrow = timezone.localtime() + datetime.timedelta(days=1)
    start = tomorrow.replace(hour=9, minute=0, second=0, microsecond=0)
    meeting = MeetingPageFactory(
        parent=meeting_index,
        title="Nettverksmøte",
        start=start,
        end=start + datetime.timedelta(hours=2),
    )
    MeetingRegistrationFactory(meeting=meeting, email="kommer@example.org")
    MeetingRegistrationFactory(meeting=meeting, email="venter@example.org", status="venteliste")
    later = MeetingPageFactory(parent=meeting_index, start=start + datetime.timedelta(days=3))
    MeetingRegistrationFactory(meeting=later, email="senere@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_meeting_reminders", stdout=io.StringIO())
        call_command("send_meeting_reminders", stdout=io.StringIO())
    (reminder,) = by_kind("registration-reminder")
    assert reminder.to == ["kommer@example.org"]
    assert reminder.subject == "Påminnelse: Nettverksmøte i morgen"
    assert "http://testserver/pamelding/" in reminder.body


def test_the_organiser_emails_every_participant_once(
    client, published_meeting, editor, django_capture_on_commit_callbacks
):
    MeetingRegistrationFactory(meeting=published_meeting, email="en@example.org")
    MeetingRegistrationFactory(
        meeting=published_meeting, email="to@example.org", status="venteliste"
    )
    client.force_login(editor)
    url = f"/admin/mote/{published_meeting.pk}/e-post/"
    assert "E-post til deltakerne" in client.get(url).text
    data = {"subject": "Praktisk informasjon", "message": "Ta med PC.\n\nVelkommen!"}
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url, data).status_code == 302
        client.post(url, data)  # a double click
    sent = by_kind("organiser")
    assert sorted(m.to[0] for m in sent) == ["en@example.org", "to@example.org"]
    assert "Ta med PC." in sent[0].body and "http://testserver/pamelding/" in sent[0].body


def test_a_member_cannot_use_the_organiser_form(client, published_meeting, member):
    client.force_login(member)
    response = client.get(f"/admin/mote/{published_meeting.pk}/e-post/")
    assert response.status_code in (302, 403)
    assert mail.outbox == []


def test_a_visitor_registers_and_follows_from_the_meeting_page(
    client, published_meeting, django_capture_on_commit_callbacks
):
    html = client.get(published_meeting.url).text
    assert f'href="/folg/?side={published_meeting.pk}"' in html
    data = {"name": "Per", "email": "per@example.org", "organisation": "KS"}
    with django_capture_on_commit_callbacks(execute=True):
        client.post(published_meeting.url + "pamelding/", data)
    (check,) = by_kind("registration-address-check")
    assert check.to == ["per@example.org"]
    assert '<html lang="nb">' in check.alternatives[0][0]
