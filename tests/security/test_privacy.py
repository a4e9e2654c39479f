"""Privacy: the Personvern page names every cookie the site sets; a member downloads what the
portal holds about them and deletes their own account; an editor (admin) or an operator
(command) erases a person, and what the person recorded stays with the municipality without
their name; contact persons' consent changes are kept as revisions."""

# ruff: noqa: F811  (pytest fixtures imported from the helpers are parameters here)

import datetime
import io
import json

import pytest
from axes.models import AccessLog
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry, Page, Revision

from home.models import ContentPage
from network.choices import MemberRole, RegistrationStatus
from network.models import (
    ContactPerson,
    MeetingPage,
    MeetingRegistration,
    Membership,
    RelevanceMark,
    RolloutStatus,
    RolloutStatusChange,
    RolloutStatusLevel,
)
from tests.network.factories import (
    ContactPersonFactory,
    RolloutIndexPageFactory,
    RolloutPageFactory,
)
from tests.network.helpers import (  # noqa: F401
    PASSWORD,
    editor,
    make_member,
    make_user,
    vega,
)
from tests.network.meetings.factories import (
    MeetingIndexPageFactory,
    MeetingPageFactory,
    MeetingRegistrationFactory,
)

pytestmark = pytest.mark.django_db

# Cookies --------------------------------------------------------------------------------------


@pytest.fixture
def demo(demo_content, db):
    return None


def open_meeting():
    for meeting in MeetingPage.objects.live().public().order_by("start"):
        if meeting.registration_is_open():
            return meeting
    raise AssertionError("The demo has no meeting open for registration")


def visit_as_member(client):
    """A member's round: log in with the form, read, register, mark, read their data, log out."""
    user = get_user_model().objects.get(username="per.dahl@example.org")
    user.set_password(PASSWORD)
    user.save()
    client.get("/")
    client.get(reverse("accounts_login"))
    response = client.post(
        reverse("accounts_login"), {"username": user.username, "password": PASSWORD}
    )
    assert response.status_code == 302, "the member could not log in"
    client.get(reverse("min_kommune"), follow=True)
    meeting = open_meeting()
    client.get(meeting.url)
    client.post(meeting.url + "pamelding/", {"name": "Per Dahl", "email": user.email})
    page = Page.objects.live().get(slug="kjernejournal")
    client.post(reverse("marks_page", args=[page.pk]), {"tags": "Personvern", "note": ""})
    client.get(reverse("privacy_my_data"))
    client.get(reverse("privacy_my_data_download"))
    client.post(reverse("accounts_logout"))


def visit_as_editor(client):
    make_user("personvern-redaktor", is_superuser=True, is_staff=True)
    client.get("/admin/login/")
    client.post("/admin/login/", {"username": "personvern-redaktor", "password": PASSWORD})
    client.get("/admin/")
    client.get(reverse("wagtailsnippets_network_contactperson:list"))


def test_personvern_page_names_every_cookie_the_site_sets(demo):
    """Every cookie a member's or an editor's round sets is named on the Personvern page."""
    member, editor_client, anonymous = Client(), Client(), Client()
    visit_as_member(member)
    visit_as_editor(editor_client)
    anonymous.get("/")
    # The test client keeps every cookie any response set (deleted ones too).
    names = {*member.cookies.keys(), *editor_client.cookies.keys(), *anonymous.cookies.keys()}
    assert {"sessionid", "csrftoken", "messages"} <= names, names

    page = ContentPage.objects.get(slug="personvern")
    text = Client().get(page.url).content.decode()
    missing = sorted(name for name in names if name not in text)
    assert not missing, f"Cookies the Personvern page does not describe: {missing}"
    assert "Ingen av dem sporer deg" in text
    assert "analyseverktøy" in text


# A member's own data -----------------------------------------------------------------------


@pytest.fixture
def meeting_index(home_page):
    return MeetingIndexPageFactory(parent=home_page)


@pytest.fixture
def meetings(meeting_index):
    now = timezone.now()
    future = MeetingPageFactory(
        parent=meeting_index,
        title="Fagdag om personvern",
        start=now + datetime.timedelta(days=10),
        end=now + datetime.timedelta(days=10, hours=3),
        registration_open=True,
        capacity=1,
    )
    past = MeetingPageFactory(
        parent=meeting_index,
        title="Arbeidsmøte i fjor",
        start=now - datetime.timedelta(days=5),
        end=now - datetime.timedelta(days=5) + datetime.timedelta(hours=3),
    )
    return future, past


@pytest.fixture
def rollout(home_page):
    index = RolloutIndexPageFactory(parent=home_page)
    return RolloutPageFactory(parent=index, title="Kjernejournal", slug="kjernejournal")


@pytest.fixture
def kari(vega, meetings, rollout):
    """A coordinator in Vega with something of everything the portal holds about a person."""
    user = make_member("kari", vega, MemberRole.COORDINATOR)
    user.last_name = "Nordmann"
    user.save()
    future, past = meetings
    MeetingRegistrationFactory(meeting=future, name="Kari Nordmann", email="KARI@example.org")
    MeetingRegistrationFactory(meeting=past, name="Kari Nordmann", email="kari@example.org")
    RelevanceMark.objects.create(
        municipality=vega, page=rollout, note="Vi starter i vår.", created_by=user, updated_by=user
    )
    level = RolloutStatusLevel.objects.order_by("sort_order").first()
    status = RolloutStatus(municipality=vega, rollout=rollout, level=level, note="Bestilt")
    status.save(changed_by=user)
    ContactPersonFactory(name="Kari Nordmann", email="kari@example.org", publish=True)
    AccessLog.objects.create(
        username=user.username, ip_address="192.0.2.7", user_agent="Testleser", path_info="/"
    )
    log(user, "wagtail.edit", user=None)
    return user


def test_member_downloads_everything_the_portal_holds_about_them(client, kari, meetings):
    """«Mine data» (linked from Min kommune) shows and downloads the member's data, privately."""
    client.force_login(kari)
    dashboard = client.get(reverse("min_kommune"), follow=True)
    assert reverse("privacy_my_data").encode() in dashboard.content

    page = client.get(reverse("privacy_my_data"))
    assert page.status_code == 200
    assert "Fagdag om personvern" in page.content.decode()
    assert "private" in page["Cache-Control"] and "no-store" in page["Cache-Control"]

    response = client.get(reverse("privacy_my_data_download"))
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    assert "no-store" in response["Cache-Control"]
    data = json.loads(response.content)
    assert data["konto"]["e_post"] == "kari@example.org"
    assert [m["kommune"] for m in data["medlemskap"]] == ["Vega"]
    assert data["markeringer"][0]["notat"] == "Vi starter i vår."
    assert data["statusendringer"][0]["merknad"] == "Bestilt"
    assert {r["mote"] for r in data["pameldinger"]} == {m.title for m in meetings}
    assert data["kontaktperson"][0]["samtykker_til_publisering"] is True
    assert "192.0.2.7" in {record["ip_adresse"] for record in data["innlogginger"]}


def test_mine_data_needs_login(client, db):
    """Nobody reads or deletes an account's data without logging in."""
    for name in ("privacy_my_data", "privacy_my_data_download", "privacy_delete_account"):
        response = client.get(reverse(name))
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("accounts_login"))


def assert_erased(user_pk, vega, meetings, seats_taken_by_others=0):
    """The person is gone; what they recorded stays with Vega, attributed to no one."""
    future, past = meetings
    assert not get_user_model().objects.filter(pk=user_pk).exists()
    assert not Membership.objects.filter(user_id=user_pk).exists()
    assert not AccessLog.objects.filter(username="kari").exists()
    mark = RelevanceMark.objects.get(municipality=vega)
    assert (mark.created_by, mark.updated_by, mark.note) == (None, None, "Vi starter i vår.")
    change = RolloutStatusChange.objects.get(status__municipality=vega)
    assert change.changed_by is None and change.new_note == "Bestilt"
    status = RolloutStatus.objects.get(municipality=vega)
    assert status.updated_by is None and status.version == 1
    # The future registration is cancelled, so its seat is free; the past one is deleted.
    assert not MeetingRegistration.objects.filter(email__iexact="kari@example.org").exists()
    seats_taken = future.registrations.filter(status=RegistrationStatus.CONFIRMED).count()
    assert seats_taken == seats_taken_by_others
    labels = ModelLogEntry.objects.filter(object_id=str(user_pk)).values_list("label", flat=True)
    assert set(labels) == {"Slettet bruker"}
    assert not ModelLogEntry.objects.filter(label__icontains="Nordmann").exists()


def test_member_deletes_their_account_after_confirming_the_password(client, kari, vega, meetings):
    """A wrong password deletes nothing; the right one erases the member and logs them out."""
    other = MeetingRegistrationFactory(
        meeting=meetings[0], email="ola@example.org", status=RegistrationStatus.WAITING
    )
    client.force_login(kari)
    wrong = client.post(reverse("privacy_delete_account"), {"password": "feil-passord"})
    assert wrong.status_code == 200
    assert "Passordet er feil" in wrong.content.decode()
    assert get_user_model().objects.filter(pk=kari.pk).exists()

    response = client.post(reverse("privacy_delete_account"), {"password": PASSWORD})
    assert response["Location"] == reverse("privacy_account_deleted")
    assert "_auth_user_id" not in client.session
    # Kari's seat went to the first on the waiting list.
    assert_erased(kari.pk, vega, meetings, seats_taken_by_others=1)
    other.refresh_from_db()
    assert other.status == RegistrationStatus.CONFIRMED
    # The contact person entry is the editors' to erase (the admin or the command).
    assert ContactPerson.objects.filter(email="kari@example.org").exists()


def test_accounts_with_admin_access_are_not_deleted_from_the_public_site(client, editor):
    """An editor's account is closed by an administrator, never by the public form."""
    client.force_login(editor)
    response = client.post(reverse("privacy_delete_account"), {"password": PASSWORD})
    assert response.status_code == 403
    assert get_user_model().objects.filter(pk=editor.pk).exists()


# Editors and operators ----------------------------------------------------------------------


def test_editor_erases_a_person_by_email_in_the_admin(client, editor, kari, vega, meetings):
    """The admin shows what is held first, erases only on POST, and never an admin account."""
    other_editor = get_user_model().objects.create_user(
        "kollega", "KARI@example.org", PASSWORD, is_staff=True
    )
    person = ContactPerson.objects.get(email="kari@example.org")
    person.save_revision()
    client.force_login(editor)
    url = reverse("network_erase_person")

    preview = client.get(url, {"email": "kari@example.org"})
    assert preview.status_code == 200
    text = preview.content.decode()
    assert "Kontaktperson: Kari Nordmann" in text and "administrasjonen" in text
    assert get_user_model().objects.filter(pk=kari.pk).exists()

    response = client.post(url, {"email": "kari@example.org"}, follow=True)
    assert response.redirect_chain == [(url, 302)]
    text = response.content.decode()
    assert "Personopplysningene er slettet: 1 brukerkontoer" in text
    assert "Nordmann" not in text
    assert_erased(kari.pk, vega, meetings)
    assert not ContactPerson.objects.filter(email="kari@example.org").exists()
    assert not Revision.objects.filter(object_str__icontains="Nordmann").exists()
    assert get_user_model().objects.filter(pk=other_editor.pk).exists()


def test_members_cannot_erase_people(client, kari):
    """Only editors with delete rights reach «Slett person»."""
    member = make_member("vanlig-medlem")
    client.force_login(member)
    response = client.post(reverse("network_erase_person"), {"email": "kari@example.org"})
    assert response.status_code in (302, 403)
    assert get_user_model().objects.filter(pk=kari.pk).exists()


def test_erase_person_command_has_a_dry_run(kari, vega, meetings):
    """`erase_person --dry-run` only tells; without it the person is erased."""
    out = io.StringIO()
    call_command("erase_person", email="kari@example.org", dry_run=True, stdout=out)
    assert "ingenting er slettet" in out.getvalue()
    assert get_user_model().objects.filter(pk=kari.pk).exists()
    assert MeetingRegistration.objects.filter(email__iexact="kari@example.org").count() == 2

    call_command("erase_person", email="kari@example.org", stdout=io.StringIO())
    assert_erased(kari.pk, vega, meetings)
    assert not ContactPerson.objects.filter(email="kari@example.org").exists()


# Contact persons' consent ----------------------------------------------------------------------


def contact_form(person, **changes):
    data = {
        "name": person.name,
        "role": person.role,
        "title": person.title,
        "organisation_type": person.organisation_type,
        "municipality": person.municipality_id or "",
        "organisation_name": person.organisation_name,
        "email": person.email,
        "phone": person.phone,
        "htm_areas": [],
        "regional_team": "",
        "publish": "on" if person.publish else "",
    }
    data.update(changes)
    return data


def test_consent_changes_are_kept_as_revisions_with_who_and_when(client, editor):
    """Withdrawing consent in the admin is a revision by the editor, and hides the person."""
    person = ContactPersonFactory(name="Siri Samtykke", publish=True)
    client.force_login(editor)
    edit_url = reverse("wagtailsnippets_network_contactperson:edit", args=[person.pk])
    response = client.post(edit_url, contact_form(person, publish=""))
    assert response.status_code == 302, response.content.decode()[:2000]

    person.refresh_from_db()
    assert person.publish is False
    assert not ContactPerson.objects.published().filter(pk=person.pk).exists()
    revision = person.latest_revision
    assert revision.user == editor and revision.content["publish"] is False
    client.post(edit_url, contact_form(person, publish="on"))
    assert [r.content["publish"] for r in person.revisions.order_by("created_at", "pk")] == [
        False,
        True,
    ]
    history = client.get(reverse("wagtailsnippets_network_contactperson:history", args=[person.pk]))
    assert history.status_code == 200


def test_deleting_a_contact_person_removes_revisions_and_name_from_history(client, editor):
    """A deleted contact person leaves no revision and no name in the admin's history."""
    person = ContactPersonFactory(name="Gunnar Glemt")
    client.force_login(editor)
    edit_url = reverse("wagtailsnippets_network_contactperson:edit", args=[person.pk])
    client.post(edit_url, contact_form(person, phone="+47 99 99 99 99"))
    assert person.revisions.count() == 1
    delete_url = reverse("wagtailsnippets_network_contactperson:delete", args=[person.pk])
    assert client.post(delete_url).status_code == 302

    assert not ContactPerson.objects.filter(pk=person.pk).exists()
    assert not Revision.objects.filter(object_id=str(person.pk), object_str__contains="Glemt")
    entries = ModelLogEntry.objects.filter(object_id=str(person.pk))
    assert entries.exists()
    assert set(entries.values_list("label", flat=True)) == {"Slettet kontaktperson"}


def test_editors_may_lock_a_contact_person_while_they_edit(client, editor):
    """Regional editors get Wagtail's lock and unlock on contact persons from the migration."""
    person = ContactPersonFactory(name="Lise Låst")
    client.force_login(editor)
    url = reverse("wagtailsnippets_network_contactperson:lock", args=[person.pk])
    assert client.post(url).status_code == 302
    person.refresh_from_db()
    assert person.locked and person.locked_by == editor
