"""Registration for meetings: capacity and waiting list, no duplicates, the confirmation,
the organiser's export, and the deletion of old registrations.

An anonymous registration counts once its address is confirmed by the link in the e-mail
(tests/security/test_abuse.py holds what that guarantees); `register_and_confirm` does both."""

import csv
import datetime
import io
import re

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import IntegrityError, transaction
from django.test import Client
from django.utils import timezone

from network.models import MeetingRegistration, Municipality
from tests.network.meetings.factories import (
    MeetingPageFactory,
    MeetingRegistrationFactory,
)


@pytest.fixture
def meeting(meeting_index):
    start = timezone.now() + datetime.timedelta(days=20)
    return MeetingPageFactory(
        parent=meeting_index,
        title="Fagdag om velferdsteknologi",
        start=start,
        end=start + datetime.timedelta(hours=6),
        registration_open=True,
        capacity=2,
    )


def form(name="Kari Testesen", email="kari@example.org", **extra):
    municipality = Municipality.objects.get(name="Vefsn")
    return {"name": name, "email": email, "municipality": municipality.pk, **extra}


def register(client, meeting, data):
    return client.post(meeting.url + "pamelding/", data)


def confirm_link(message) -> str:
    """The confirmation link in an e-mail, as a path."""
    return re.search(r"http://testserver(\S+/pamelding/bekreft/\?kode=\S+)", message.body).group(1)


def register_and_confirm(client, meeting, data, capture):
    """Register anonymously, then follow the link in the e-mail and confirm."""
    with capture(execute=True):
        response = register(client, meeting, data)
    assert response.status_code == 302
    with capture(execute=True):
        return client.post(confirm_link(mail.outbox[-1]))


@pytest.mark.django_db
class TestRegistering:
    def test_registration_redirects_with_a_message_and_sends_a_confirmation(
        self, client, meeting, django_capture_on_commit_callbacks
    ):
        with django_capture_on_commit_callbacks(execute=True):
            response = register(client, meeting, form())
        assert response.status_code == 302
        assert response["Location"] == meeting.url + "#pamelding"
        registration = MeetingRegistration.objects.get()
        assert (registration.name, registration.status) == ("Kari Testesen", "venter-bekreftelse")
        assert registration.municipality.name == "Vefsn"
        page = client.get(response["Location"]).content.decode()
        assert "Vi har sendt en e-post til kari@example.org" in page
        (check,) = mail.outbox
        assert check.to == ["kari@example.org"]
        assert check.subject == "Bekreft påmeldingen: Fagdag om velferdsteknologi"
        link = confirm_link(check)
        assert "Bekreft påmeldingen" in client.get(link).content.decode()
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(link)
        assert response["Location"] == meeting.url + "#pamelding"
        registration.refresh_from_db()
        assert registration.status == "pameldt"
        assert "Du er påmeldt" in client.get(response["Location"]).content.decode()
        message = mail.outbox[-1]
        assert message.to == ["kari@example.org"]
        assert message.subject == "Påmeldingen er registrert: Fagdag om velferdsteknologi"
        assert "Du er påmeldt" in message.body
        assert f"http://testserver{meeting.url}kalender/" in message.body
        assert "Vefsn kommune" in message.body

    def test_capacity_then_waiting_list_with_position(
        self, client, meeting, django_capture_on_commit_callbacks
    ):
        for n in range(4):
            response = register_and_confirm(
                client,
                meeting,
                form(name=f"Person {n}", email=f"p{n}@example.org"),
                django_capture_on_commit_callbacks,
            )
            assert response.status_code == 302
        statuses = list(MeetingRegistration.objects.order_by("pk").values_list("status", flat=True))
        assert statuses == ["pameldt", "pameldt", "venteliste", "venteliste"]
        positions = [r.waiting_position() for r in MeetingRegistration.objects.order_by("pk")]
        assert positions == [None, None, 1, 2]
        last_page = client.get(meeting.url).content.decode()
        assert "nummer 2 på ventelisten" in last_page
        assert mail.outbox[-1].subject == "Venteliste: Fagdag om velferdsteknologi"
        assert "nummer 2 på ventelisten" in mail.outbox[-1].body
        assert "Alle plassene er tatt" in last_page

    def test_without_waiting_list_a_full_meeting_refuses(
        self, client, meeting, django_capture_on_commit_callbacks
    ):
        meeting.waiting_list = False
        meeting.capacity = 1
        meeting.save_revision().publish()
        register_and_confirm(
            client, meeting, form(email="a@example.org"), django_capture_on_commit_callbacks
        )
        response = register(client, meeting, form(email="b@example.org"))
        assert response.status_code == 302
        assert MeetingRegistration.objects.count() == 1
        assert "Møtet er fullt" in client.get(meeting.url).content.decode()

    def test_double_submission_creates_one_registration(
        self, client, meeting, django_capture_on_commit_callbacks
    ):
        register(client, meeting, form(email="kari@example.org"))
        response = register(client, meeting, form(email="  KARI@Example.org "))
        assert response.status_code == 302
        assert MeetingRegistration.objects.count() == 1
        register_and_confirm(
            client, meeting, form(email="ola@example.org"), django_capture_on_commit_callbacks
        )
        response = register(client, meeting, form(email="  OLA@Example.org "))
        assert response.status_code == 302
        assert MeetingRegistration.objects.count() == 2
        assert "allerede påmeldt" in client.get(meeting.url).content.decode()

    def test_the_database_refuses_a_duplicate_in_any_case(self, meeting):
        MeetingRegistrationFactory(meeting=meeting, email="kari@example.org")
        with pytest.raises(IntegrityError), transaction.atomic():
            MeetingRegistrationFactory(meeting=meeting, email="Kari@Example.org")
        # The same person may register for another meeting.
        other = MeetingPageFactory(parent=meeting.get_parent(), registration_open=True)
        MeetingRegistrationFactory(meeting=other, email="kari@example.org")

    def test_bad_input_gives_norwegian_errors_and_keeps_what_was_typed(self, client, meeting):
        response = register(
            client,
            meeting,
            {"name": "", "email": "ikke-en-adresse", "comments": "Glutenfri lunsj, takk"},
        )
        assert response.status_code == 400
        html = response.content.decode()
        assert "Påmeldingen ble ikke sendt" in html
        assert "Skriv navnet ditt." in html
        assert "Skriv en gyldig e-postadresse" in html
        assert "Velg kommune, eller skriv en annen arbeidsplass." in html
        assert 'value="ikke-en-adresse"' in html
        assert "Glutenfri lunsj, takk" in html
        assert 'aria-invalid="true"' in html
        assert MeetingRegistration.objects.count() == 0

    def test_another_workplace_instead_of_a_municipality(self, client, meeting):
        data = {"name": "Ola", "email": "ola@example.org", "organisation": "KS"}
        assert register(client, meeting, data).status_code == 302
        assert MeetingRegistration.objects.get().workplace == "KS"

    def test_csrf_is_required(self, meeting):
        strict = Client(enforce_csrf_checks=True)
        assert register(strict, meeting, form()).status_code == 403
        assert MeetingRegistration.objects.count() == 0

    def test_form_only_where_the_meeting_asks_for_it(self, client, meeting_index):
        page = MeetingPageFactory(parent=meeting_index, registration_open=False)
        assert 'id="pamelding"' not in client.get(page.url).content.decode()
        response = register(client, page, form())
        assert response.status_code == 302
        assert MeetingRegistration.objects.count() == 0

    def test_closed_after_the_deadline_and_for_cancelled_meetings(self, client, meeting):
        meeting.registration_deadline = timezone.now() - datetime.timedelta(hours=1)
        meeting.save_revision().publish()
        html = client.get(meeting.url).content.decode()
        assert "Påmeldingen er stengt" in html and "Meld meg på" not in html
        register(client, meeting, form())
        assert MeetingRegistration.objects.count() == 0
        meeting.registration_deadline = None
        meeting.cancelled = True
        meeting.save_revision().publish()
        register(client, meeting, form())
        assert MeetingRegistration.objects.count() == 0

    def test_get_goes_back_to_the_meeting(self, client, meeting):
        response = client.get(meeting.url + "pamelding/")
        assert response.status_code == 302 and response["Location"].endswith("#pamelding")


@pytest.mark.django_db
class TestAdmin:
    @pytest.fixture
    def editor(self, client, django_user_model):
        user = django_user_model.objects.create_superuser("redaktor", "r@example.org", "x" * 12)
        client.force_login(user)
        return user

    def test_organiser_sees_registrations_filtered_by_meeting(self, client, editor, meeting):
        other = MeetingPageFactory(parent=meeting.get_parent(), title="Et annet møte")
        MeetingRegistrationFactory(meeting=meeting, name="Deltaker Her")
        MeetingRegistrationFactory(meeting=other, name="Deltaker Der")
        url = "/admin/snippets/network/meetingregistration/"
        html = client.get(f"{url}?meeting={meeting.pk}").content.decode()
        assert "Deltaker Her" in html and "Deltaker Der" not in html

    def test_export_csv_and_excel(self, client, editor, meeting):
        from openpyxl import load_workbook

        MeetingRegistrationFactory(
            meeting=meeting,
            name="Åse Ærlig",
            email="ase@example.org",
            organisation="",
            municipality=Municipality.objects.get(name="Bø"),
            comments="Vegetar",
        )
        url = "/admin/snippets/network/meetingregistration/"
        response = client.get(f"{url}?meeting={meeting.pk}&export=csv")
        assert response.status_code == 200
        content = b"".join(response.streaming_content).decode("utf-8-sig")
        rows = list(csv.reader(io.StringIO(content)))
        assert rows[0][:4] == ["Møte", "Navn", "E-post", "Arbeidssted"]
        assert rows[1][1:5] == ["Åse Ærlig", "ase@example.org", "Bø kommune", "Vegetar"]
        response = client.get(f"{url}?meeting={meeting.pk}&export=xlsx")
        assert response.status_code == 200
        data = response.content if hasattr(response, "content") else b"".join(response)
        sheet = load_workbook(io.BytesIO(data)).active
        values = [cell.value for cell in sheet[2]]
        assert "Åse Ærlig" in values and "Bø kommune" in values

    def test_registrations_are_not_for_anonymous_visitors(self, client, meeting):
        response = client.get("/admin/snippets/network/meetingregistration/")
        assert response.status_code == 302 and "login" in response["Location"]

    def test_the_meeting_header_links_to_its_registrations(self, client, editor, meeting):
        html = client.get(f"/admin/pages/{meeting.pk}/edit/").content.decode()
        assert f"/admin/snippets/network/meetingregistration/?meeting={meeting.pk}" in html


@pytest.mark.django_db
class TestDeletion:
    def make(self, meeting_index, ended_days_ago, count):
        end = timezone.now() - datetime.timedelta(days=ended_days_ago)
        page = MeetingPageFactory(
            parent=meeting_index, start=end - datetime.timedelta(hours=2), end=end
        )
        for _ in range(count):
            MeetingRegistrationFactory(meeting=page)
        return page

    def test_deletes_registrations_of_meetings_older_than_the_setting(
        self, meeting_index, settings
    ):
        settings.MEETING_REGISTRATION_RETENTION_DAYS = 30
        old = self.make(meeting_index, 31, 3)
        recent = self.make(meeting_index, 29, 2)
        coming = self.make(meeting_index, -10, 1)
        out = io.StringIO()
        call_command("delete_old_registrations", stdout=out)
        assert "Slettet 3 påmeldinger til 1 møter" in out.getvalue()
        assert not MeetingRegistration.objects.filter(meeting=old).exists()
        assert MeetingRegistration.objects.filter(meeting=recent).count() == 2
        assert MeetingRegistration.objects.filter(meeting=coming).count() == 1
        # The meeting page itself stays.
        old.refresh_from_db()

    def test_dry_run_deletes_nothing(self, meeting_index):
        self.make(meeting_index, 60, 2)
        out = io.StringIO()
        call_command("delete_old_registrations", "--dry-run", stdout=out)
        assert "Ville slettet 2 påmeldinger" in out.getvalue()
        assert MeetingRegistration.objects.count() == 2

    def test_the_setting_decides(self, meeting_index, settings):
        settings.MEETING_REGISTRATION_RETENTION_DAYS = 7
        self.make(meeting_index, 8, 1)
        call_command("delete_old_registrations", stdout=io.StringIO())
        assert MeetingRegistration.objects.count() == 0
