"""New or replaced materials reach the followers when the page is published: once, with a
one-click unsubscribe, members-only files only to members, weekly followers in a digest."""

import io

import pytest
from django.core import mail
from django.core.management import call_command

from network.follow.models import Frequency, Notice, NoticeStatus, Subscription
from tests.network.follow.conftest import by_kind, follow, publish, resources
from tests.network.meetings.factories import make_document

pytestmark = pytest.mark.django_db


def test_member_follows_a_rollout_with_the_button_and_gets_its_new_material(
    client, rollout, member, document, django_capture_on_commit_callbacks
):
    client.force_login(member)
    page = client.get(rollout.url)
    assert 'name="side"' in page.text and "Følg Kjernejournal" in page.text
    data = {"side": rollout.pk, "frequency": "straks", "next": rollout.url}
    response = client.post("/folg/", data)
    assert response.status_code == 302 and response["Location"] == rollout.url
    subscription = Subscription.objects.get(user=member)
    assert subscription.is_confirmed and subscription.page_id == rollout.pk
    assert "Slutt å følge" in client.get(rollout.url).text

    rollout.resources = resources(document)
    with django_capture_on_commit_callbacks(execute=True):
        publish(rollout)
    (message,) = mail.outbox
    assert message.to == [member.email]
    assert message.subject == "Nytt materiell: Kjernejournal"
    assert "Veileder for kjernejournal" in message.body
    assert "http://testserver/dokumenter/" in message.body
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html" and '<html lang="nb">' in html
    assert "Slutt å følge Kjernejournal" in html
    unsubscribe = message.extra_headers["List-Unsubscribe"]
    assert unsubscribe.startswith("<http://testserver/folg/avslutt/")
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert unsubscribe.strip("<>") in message.body


def test_publishing_twice_sends_once_and_a_draft_sends_nothing(
    rollout, member, document, django_capture_on_commit_callbacks
):
    follow(member.email, rollout, user=member)
    rollout.resources = resources(document)
    with django_capture_on_commit_callbacks(execute=True):
        publish(rollout)
        publish(rollout)
    assert len(mail.outbox) == 1

    second = make_document("Sjekkliste")
    rollout.resources = resources(document, second)
    with django_capture_on_commit_callbacks(execute=True):
        rollout.save_revision()  # a draft: nothing yet
    assert len(mail.outbox) == 1
    with django_capture_on_commit_callbacks(execute=True):
        publish(rollout)
    assert len(mail.outbox) == 2
    assert "Sjekkliste" in mail.outbox[1].body
    assert "Veileder for kjernejournal" not in mail.outbox[1].body
    assert Notice.objects.filter(email=member.email).count() == 2


def test_a_replaced_file_is_announced_again(
    rollout, member, document, django_capture_on_commit_callbacks
):
    follow(member.email, rollout, user=member)
    rollout.resources = resources(document)
    with django_capture_on_commit_callbacks(execute=True):
        publish(rollout)
    document.file.save("ny-versjon.pdf", io.BytesIO(b"%PDF-1.7 ny"))
    document.file_hash = ""
    document.save()
    document._set_file_hash()
    document.save()
    with django_capture_on_commit_callbacks(execute=True):
        publish(rollout)
    assert len(mail.outbox) == 2


def test_members_only_material_goes_to_members_only(
    upcoming_meeting, member, django_capture_on_commit_callbacks
):
    follow(member.email, upcoming_meeting, user=member)
    follow("besokende@example.org", upcoming_meeting)
    public = make_document("Program")
    secret = make_document("Intern evaluering")
    upcoming_meeting.materials = [
        ("material", {"document": public, "title": "", "presenter": None, "members_only": False}),
        ("material", {"document": secret, "title": "", "presenter": None, "members_only": True}),
    ]
    with django_capture_on_commit_callbacks(execute=True):
        publish(upcoming_meeting)
    messages = {m.to[0]: m.body for m in mail.outbox}
    assert "Intern evaluering" in messages[member.email]
    assert "bare for nettverksmedlemmer" in messages[member.email]
    assert "Program" in messages["besokende@example.org"]
    assert "Intern evaluering" not in messages["besokende@example.org"]


def test_a_meeting_reaches_the_followers_of_its_rollout_once_per_person(
    rollout, upcoming_meeting, member, document, django_capture_on_commit_callbacks
):
    follow(member.email, rollout, user=member)
    follow(member.email, upcoming_meeting, user=member)
    upcoming_meeting.rollouts.add(rollout)
    upcoming_meeting.materials = [
        ("material", {"document": document, "title": "", "presenter": None, "members_only": False})
    ]
    with django_capture_on_commit_callbacks(execute=True):
        publish(upcoming_meeting)
    assert [m.to for m in mail.outbox] == [[member.email]]


def test_weekly_followers_get_one_digest(
    rollout, member, document, django_capture_on_commit_callbacks
):
    follow(member.email, rollout, user=member, frequency=Frequency.WEEKLY)
    rollout.resources = resources(document)
    with django_capture_on_commit_callbacks(execute=True):
        publish(rollout)
    assert mail.outbox == []
    assert Notice.objects.get().status == NoticeStatus.DIGEST
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_follow_digest", stdout=io.StringIO())
        call_command("send_follow_digest", stdout=io.StringIO())
    (digest,) = by_kind("digest")
    assert digest.subject == "Ukens nytt fra E-helse Nordland"
    assert "Nytt materiell: Kjernejournal" in digest.body
    assert "List-Unsubscribe" in digest.extra_headers
    assert Notice.objects.filter(status=NoticeStatus.IN_DIGEST).count() == 1
