"""A visitor's double opt-in, the one-click unsubscribe, the coordinator's notice of a
status change, and privacy: the data download, erasure and retention cover subscriptions
and notices."""

import datetime
import io
import re

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from network.follow.models import Notice, NoticeStatus, Subscription, TargetKind
from network.members.privacy import erase_user, find_person, personal_data
from network.models import RolloutStatus, RolloutStatusLevel
from tests.network.follow.conftest import by_kind, follow, publish, resources
from tests.network.helpers import make_member
from tests.network.meetings.factories import make_document

pytestmark = pytest.mark.django_db


def link(message, pattern) -> str:
    return re.search(rf"http://testserver({pattern})", message.body).group(1)


def test_a_visitor_follows_after_confirming_the_address(
    client, rollout, django_capture_on_commit_callbacks
):
    page = client.get(rollout.url).text
    assert f'href="/folg/?side={rollout.pk}"' in page
    assert "csrfmiddlewaretoken" not in page  # the cached public page carries no token
    form = client.get(f"/folg/?side={rollout.pk}")
    assert form.status_code == 200 and 'name="email"' in form.text
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/folg/", {"side": rollout.pk, "email": "ny@example.org", "frequency": "straks"}
        )
    assert "Sjekk e-posten din" in response.text
    subscription = Subscription.objects.get(email="ny@example.org")
    assert not subscription.is_confirmed
    (opt_in,) = by_kind("opt-in")
    assert opt_in.subject == "Bekreft at du vil følge Kjernejournal"

    rollout.resources = resources(make_document("Før bekreftelsen"))
    with django_capture_on_commit_callbacks(execute=True):
        publish(rollout)
    assert by_kind("materials") == []  # nothing before the address is confirmed

    confirm = link(opt_in, r"/folg/bekreft/\S+/")
    assert "Bekreft" in client.get(confirm).text
    subscription.refresh_from_db()
    assert not subscription.is_confirmed  # a GET (a mail scanner) confirms nothing
    client.post(confirm)
    subscription.refresh_from_db()
    assert subscription.is_confirmed

    rollout.resources = resources(make_document("Etter bekreftelsen"))
    with django_capture_on_commit_callbacks(execute=True):
        publish(rollout)
    (materials,) = by_kind("materials")
    assert "Etter bekreftelsen" in materials.body


def test_a_bad_address_gets_a_norwegian_message(client, rollout):
    response = client.post("/folg/", {"side": rollout.pk, "email": "ikke-en-adresse"})
    assert response.status_code == 400
    assert "Skriv en gyldig e-postadresse" in response.text
    assert not Subscription.objects.exists()
    assert client.get("/folg/?side=999999").status_code == 404


def test_one_click_unsubscribe_without_a_csrf_token(
    rollout, member, django_capture_on_commit_callbacks
):
    follow(member.email, rollout, user=member)
    rollout.resources = resources(make_document("Veileder"))
    with django_capture_on_commit_callbacks(execute=True):
        publish(rollout)
    (message,) = mail.outbox
    url = message.extra_headers["List-Unsubscribe"].strip("<>").removeprefix("http://testserver")
    client = Client(enforce_csrf_checks=True)
    assert "Slutt å følge" in client.get(url).text
    assert Subscription.objects.exists()  # a GET removes nothing
    response = client.post(url, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200 and "Du følger ikke lenger Kjernejournal" in response.text
    assert not Subscription.objects.exists()
    assert client.post(url).status_code == 200  # again: already done, no error
    assert client.post(url[:-4] + "abc/").status_code == 400


def test_the_coordinator_is_told_when_someone_changes_a_status(
    rollout, django_capture_on_commit_callbacks
):
    coordinator = make_member("koord", role="kommunekoordinator")
    colleague = make_member("kollega")
    status = RolloutStatus(
        municipality=coordinator.memberships.get().municipality,
        rollout=rollout,
        level=RolloutStatusLevel.objects.order_by("pk").first(),
        since=datetime.date(2026, 1, 5),
    )
    with django_capture_on_commit_callbacks(execute=True):
        status.save(changed_by=colleague)
    (notice,) = by_kind("status")
    assert notice.to == [coordinator.email]
    assert notice.subject == "Ny status for Vefsn: Kjernejournal"
    assert "Kollega" in notice.body


def test_the_data_download_erasure_and_retention_cover_following(
    rollout, member, django_capture_on_commit_callbacks
):
    follow(member.email, rollout, user=member)
    follow(member.email, kind=TargetKind.MEETING_TYPE, meeting_type="fagdag", user=member)
    rollout.resources = resources(make_document("Veileder"))
    with django_capture_on_commit_callbacks(execute=True):
        publish(rollout)
    data = personal_data(member)
    assert {row["folger"] for row in data["folger"]} == {"Kjernejournal", "fagdager"}
    assert [row["emne"] for row in data["e_poster_sendt"]] == ["Nytt materiell: Kjernejournal"]
    records = find_person(member.email)
    assert (records.subscriptions, records.notices) == (2, 1)
    assert "Abonnementer (det personen følger): 2" in records.summary()

    erase_user(member)
    assert not Subscription.objects.exists() and not Notice.objects.exists()

    old = timezone.now() - datetime.timedelta(days=100)
    Subscription.objects.create(
        email="glemt@example.org",
        kind=TargetKind.PAGE,
        page=rollout,
        created_at=timezone.now() - datetime.timedelta(hours=49),
    )
    kept = Subscription.objects.create(email="ny@example.org", kind=TargetKind.PAGE, page=rollout)
    Notice.objects.create(
        event="gammel",
        kind="test",
        email="a@example.org",
        subject="x",
        status=NoticeStatus.SENT,
        created_at=old,
        sent_at=old,
    )
    fresh = Notice.objects.create(event="ny", kind="test", email="a@example.org", subject="y")
    call_command("delete_old_registrations", stdout=io.StringIO())
    assert list(Subscription.objects.all()) == [kept]
    assert list(Notice.objects.all()) == [fresh]
