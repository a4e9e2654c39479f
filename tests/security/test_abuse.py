"""Abuse without a CAPTCHA: meeting registration, password reset and login are rate-limited
per client address and for everyone; a password spray locks the address; an anonymous
registration takes a seat only once its e-mail address is confirmed; the e-mails carry
nothing a visitor typed; free text fields have caps."""

import datetime
import io
import re
import types

import pytest
from axes.helpers import get_client_ip_address
from django.contrib.auth import get_user_model
from django.core import mail, signing
from django.core.management import call_command
from django.http import HttpRequest
from django.test import RequestFactory
from django.utils import timezone

from network.choices import RegistrationStatus
from network.meetings.registration import make_token
from network.models import MeetingRegistration, Municipality, RelevanceMark
from portal.ratelimits import DEFAULT_RATES, LIMITED_MESSAGE, client_ip
from tests.network.helpers import PASSWORD, make_member, make_user
from tests.network.meetings.factories import MeetingIndexPageFactory, MeetingPageFactory

pytestmark = pytest.mark.django_db

ATTACKER = "203.0.113.7"


@pytest.fixture(autouse=True)
def frozen_rate_windows(monkeypatch):
    """One rate window for the whole test, so a window that ends mid-test cannot reset a
    counter (the limiter reads time.time() in django_ratelimit.core)."""
    import django_ratelimit.core

    fixed = django_ratelimit.core.time.time()
    monkeypatch.setattr(django_ratelimit.core, "time", types.SimpleNamespace(time=lambda: fixed))


@pytest.fixture
def meeting(home_page):
    start = timezone.now() + datetime.timedelta(days=20)
    return MeetingPageFactory(
        parent=MeetingIndexPageFactory(parent=home_page),
        title="Fagdag om velferdsteknologi",
        start=start,
        end=start + datetime.timedelta(hours=6),
        registration_open=True,
        capacity=35,
    )


def form(n=0, **extra):
    municipality = Municipality.objects.get(name="Vefsn")
    return {
        "name": f"Person {n}",
        "email": f"p{n}@example.org",
        "municipality": municipality.pk,
        **extra,
    }


def register(client, meeting, data, address=ATTACKER, capture=None):
    if capture is None:
        return client.post(meeting.url + "pamelding/", data, REMOTE_ADDR=address)
    with capture(execute=True):
        return client.post(meeting.url + "pamelding/", data, REMOTE_ADDR=address)


def confirm_path(message) -> str:
    return re.search(r"http://testserver(\S+/pamelding/bekreft/\?kode=\S+)", message.body).group(1)


def statuses():
    return list(MeetingRegistration.objects.order_by("pk").values_list("status", flat=True))


def address_limit(scope) -> int:
    return int(DEFAULT_RATES[scope]["address"].split("/")[0])


class TestRegistrationLimits:
    def test_the_36th_registration_within_a_minute_from_one_address_gets_429(self, client, meeting):
        """35 registrations from one address in a minute are refused beyond the limit (429, in
        Norwegian, the form kept); none of them takes a seat."""
        codes = [register(client, meeting, form(n)).status_code for n in range(36)]
        allowed = address_limit("registration")
        assert allowed < 36
        assert codes == [302] * allowed + [429] * (36 - allowed)
        refused = register(client, meeting, form(36, comments="Glutenfri lunsj"))
        assert refused.status_code == 429
        html = refused.content.decode()
        assert LIMITED_MESSAGE in html
        assert 'value="Person 36"' in html and "Glutenfri lunsj" in html
        assert MeetingRegistration.objects.count() == allowed
        assert set(statuses()) == {RegistrationStatus.PENDING}
        # Another address is not refused for the first one's registrations.
        assert register(client, meeting, form(99), address="198.51.100.1").status_code == 302

    def test_all_addresses_together_are_limited(self, client, meeting, settings):
        """The shared budget refuses registrations from many addresses, one each (429)."""
        settings.RATELIMITS = {"registration": {"global": "5/m"}}
        codes = [
            register(client, meeting, form(n), address=f"198.51.100.{n}").status_code
            for n in range(1, 8)
        ]
        assert codes == [302] * 5 + [429] * 2

    def test_one_email_address_gets_few_confirmation_mails(
        self, client, meeting, django_capture_on_commit_callbacks
    ):
        """The same address typed again and again, from many client addresses, gets at most
        the per-address-of-e-mail limit of confirmation e-mails."""
        codes = [
            register(
                client,
                meeting,
                form(1),
                address=f"198.51.100.{n}",
                capture=django_capture_on_commit_callbacks,
            ).status_code
            for n in range(1, 7)
        ]
        allowed = int(DEFAULT_RATES["registration"]["email"].split("/")[0])
        assert codes == [302] * allowed + [429] * (6 - allowed)
        assert len(mail.outbox) == allowed

    def test_the_client_address_behind_a_proxy_is_read_once_for_axes_and_limits(self, settings):
        """Behind AXES_IPWARE_PROXY_COUNT proxies, the limiter and django-axes read the same
        client address from X-Forwarded-For, and a client cannot choose it."""
        settings.AXES_IPWARE_PROXY_COUNT = 1
        request = RequestFactory().post(
            "/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="1.2.3.4, 198.51.100.20"
        )
        assert client_ip(request) == "198.51.100.20"
        assert get_client_ip_address(request) == "198.51.100.20"
        settings.AXES_IPWARE_PROXY_COUNT = None
        assert client_ip(request) == get_client_ip_address(request) == "10.0.0.2"
        # A request without an address (a login made in code) has none, not a placeholder
        # that the address column of axes' log would refuse on PostgreSQL.
        assert client_ip(HttpRequest()) is None


class TestConfirmation:
    def test_an_unconfirmed_registration_takes_no_seat(
        self, client, meeting, django_capture_on_commit_callbacks
    ):
        """Registrations waiting for confirmation leave the seats free: a member still gets
        the one seat."""
        meeting.capacity = 1
        meeting.save_revision().publish()
        for n in range(3):
            register(client, meeting, form(n), capture=django_capture_on_commit_callbacks)
        assert statuses() == [RegistrationStatus.PENDING] * 3
        assert "1 ledige plasser" in client.get(meeting.url).content.decode()
        client.force_login(make_member("medlem"))
        register(client, meeting, {"name": "Medlem", "organisation": "Vefsn"})
        assert statuses()[-1] == RegistrationStatus.CONFIRMED

    def test_the_link_makes_it_count(self, client, meeting, django_capture_on_commit_callbacks):
        """The signed link takes a seat only when posted (a GET shows the button); then the
        seat counts, and confirmation order decides the waiting list."""
        meeting.capacity = 1
        meeting.save_revision().publish()
        register(client, meeting, form(1), capture=django_capture_on_commit_callbacks)
        register(client, meeting, form(2), capture=django_capture_on_commit_callbacks)
        first, second = (confirm_path(message) for message in mail.outbox)
        assert client.get(second).status_code == 200
        assert statuses() == [RegistrationStatus.PENDING] * 2
        with django_capture_on_commit_callbacks(execute=True):
            client.post(second)
            client.post(first)
        assert statuses() == [RegistrationStatus.WAITING, RegistrationStatus.CONFIRMED]
        assert "Alle plassene er tatt" in client.get(meeting.url).content.decode()
        assert MeetingRegistration.objects.get(email="p1@example.org").waiting_position() == 1

    def test_only_a_valid_unexpired_link_confirms(
        self, client, meeting, monkeypatch, django_capture_on_commit_callbacks
    ):
        """An altered, replaced, expired or other meeting's link confirms nothing, and says
        so in Norwegian."""
        register(client, meeting, form(1), capture=django_capture_on_commit_callbacks)
        path = confirm_path(mail.outbox[0])
        token = path.split("kode=", 1)[1]
        base = meeting.url + "pamelding/bekreft/?kode="
        other = MeetingPageFactory(parent=meeting.get_parent(), registration_open=True)
        tries = [
            base + token[:-2] + "xx",
            base + "noe-tull",
            meeting.url + "pamelding/bekreft/",
            other.url + f"pamelding/bekreft/?kode={token}",
        ]
        for bad in tries:
            response = client.get(bad)
            assert response.status_code == 400
            assert "Lenken virker ikke" in response.content.decode()
            client.post(bad)
        assert statuses() == [RegistrationStatus.PENDING]
        # A new submission replaces the link: the first no longer works.
        register(client, meeting, form(1), capture=django_capture_on_commit_callbacks)
        registration = MeetingRegistration.objects.get()
        registration.created_at -= datetime.timedelta(seconds=5)
        registration.save()
        client.post(path)
        assert statuses() == [RegistrationStatus.PENDING]
        # The valid link, 49 hours later, is expired.
        fresh = base + make_token(registration)
        later = signing.time.time() + 49 * 3600
        monkeypatch.setattr(signing, "time", types.SimpleNamespace(time=lambda: later))
        response = client.get(fresh)
        assert response.status_code == 400
        assert "eldre enn 48 timer" in response.content.decode()
        client.post(fresh)
        assert statuses() == [RegistrationStatus.PENDING]
        monkeypatch.undo()
        client.post(fresh)
        assert statuses() == [RegistrationStatus.CONFIRMED]

    def test_unconfirmed_registrations_are_deleted_after_the_link_expires(self, meeting):
        """delete_old_registrations removes registrations left unconfirmed for 48 hours."""
        old = timezone.now() - datetime.timedelta(hours=49)
        MeetingRegistration.objects.create(
            meeting=meeting, name="A", email="a@example.org", status="venter-bekreftelse"
        )
        expired = MeetingRegistration.objects.create(
            meeting=meeting, name="B", email="b@example.org", status="venter-bekreftelse"
        )
        confirmed = MeetingRegistration.objects.create(
            meeting=meeting, name="C", email="c@example.org", created_at=old
        )
        MeetingRegistration.objects.filter(pk=expired.pk).update(created_at=old)
        out = io.StringIO()
        call_command("delete_old_registrations", stdout=out)
        assert "Slettet 1 påmeldinger som ikke ble bekreftet innen 48 timer" in out.getvalue()
        assert sorted(MeetingRegistration.objects.values_list("email", flat=True)) == [
            "a@example.org",
            confirmed.email,
        ]

    def test_a_members_registration_counts_at_once_with_the_accounts_address(
        self, client, meeting, django_capture_on_commit_callbacks
    ):
        """A network member's registration takes its seat at once, for the account's e-mail
        address, whatever address is posted."""
        client.force_login(make_member("medlem"))
        register(
            client,
            meeting,
            form(1, email="someone-else@example.org"),
            capture=django_capture_on_commit_callbacks,
        )
        registration = MeetingRegistration.objects.get()
        assert (registration.email, registration.status) == ("medlem@example.org", "pameldt")
        (message,) = mail.outbox
        assert message.to == ["medlem@example.org"]
        assert "Du er påmeldt" in message.body
        assert "Påmeldingen gjelder medlem@example.org" in client.get(meeting.url).content.decode()


class TestNoVisitorTextInEmail:
    def test_the_emails_contain_nothing_the_visitor_typed(
        self, client, meeting, django_capture_on_commit_callbacks
    ):
        """Neither the e-mail asking for confirmation nor the one after it carries the typed
        name, workplace or comment: it says what the address was used for."""
        typed = {
            "name": "Gratulerer Vinnerpremie www.svindel.example",
            "organisation": "Kundeservice https://svindel.example/logg-inn",
            "comments": "Ring 82000000 straks",
        }
        data = {**form(1), **typed, "municipality": ""}
        register(client, meeting, data, capture=django_capture_on_commit_callbacks)
        (check,) = mail.outbox
        assert "p1@example.org" in check.body and "se bort fra denne e-posten" in check.body
        with django_capture_on_commit_callbacks(execute=True):
            client.post(confirm_path(check))
        assert len(mail.outbox) == 2
        words = {word for text in typed.values() for word in text.split()}
        for message in mail.outbox:
            text = message.subject + "\n" + message.body
            assert "Hei" not in text
            for word in words:
                assert word not in text, word


class TestPasswordReset:
    URL = "/konto/glemt-passord/"

    def test_reset_emails_are_limited_per_client_address(self, client):
        """One address gets the reset form back with 429 and a Norwegian message beyond its
        limit, however many accounts it asks for."""
        for n in range(8):
            make_user(f"bruker{n}")
        codes = [
            client.post(
                self.URL, {"email": f"bruker{n}@example.org"}, REMOTE_ADDR=ATTACKER
            ).status_code
            for n in range(8)
        ]
        allowed = address_limit("password_reset")
        assert codes == [302] * allowed + [429] * (8 - allowed)
        assert len(mail.outbox) == allowed
        refused = client.post(self.URL, {"email": "bruker7@example.org"}, REMOTE_ADDR=ATTACKER)
        html = refused.content.decode()
        assert LIMITED_MESSAGE in html and 'value="bruker7@example.org"' in html

    def test_reset_emails_are_limited_per_account_and_for_everyone(self, client, settings):
        """One account gets few reset e-mails from many addresses, and all addresses together
        have a shared limit."""
        make_user("kari")
        codes = [
            client.post(
                self.URL, {"email": "kari@example.org"}, REMOTE_ADDR=f"198.51.100.{n}"
            ).status_code
            for n in range(1, 6)
        ]
        per_email = int(DEFAULT_RATES["password_reset"]["email"].split("/")[0])
        assert codes == [302] * per_email + [429] * (5 - per_email)
        assert len(mail.outbox) == per_email
        settings.RATELIMITS = {"password_reset": {"global": "4/h", "email": "100/h"}}
        for n in range(8):
            make_user(f"bruker{n}")
        codes = [
            client.post(
                self.URL, {"email": f"bruker{n}@example.org"}, REMOTE_ADDR=f"192.0.2.{n}"
            ).status_code
            for n in range(6)
        ]
        assert codes == [302] * 4 + [429] * 2


class TestLogin:
    URL = "/konto/logg-inn/"

    def test_a_password_spray_over_20_usernames_locks_the_address(self, client, settings):
        """One password tried on 20 usernames from one address locks that address out (429),
        even for a right password; another address still logs in."""
        users = [make_user(f"ansatt{n}") for n in range(20)]
        real = make_user("kari")
        codes = [
            client.post(
                self.URL,
                {"username": user.username, "password": "Sommer2026!"},
                REMOTE_ADDR=ATTACKER,
            ).status_code
            for user in users
        ]
        tried = settings.AXES_FAILURE_LIMIT
        assert codes[: tried - 1] == [200] * (tried - 1)
        assert set(codes[tried - 1 :]) == {429}
        right = {"username": real.username, "password": PASSWORD}
        assert client.post(self.URL, right, REMOTE_ADDR=ATTACKER).status_code == 429
        assert "_auth_user_id" not in client.session
        assert client.post(self.URL, right, REMOTE_ADDR="198.51.100.5").status_code == 302

    def test_logins_are_rate_limited_per_address(self, client, settings):
        """Log-in attempts beyond the address's limit get the form back with 429 and a
        Norwegian message, before any password is checked."""
        settings.AXES_FAILURE_LIMIT = 1000  # the limiter alone, without axes' lockout
        get_user_model().objects.create_user("kari", "kari@example.org", PASSWORD)
        allowed = address_limit("login")
        for n in range(allowed):
            client.post(self.URL, {"username": f"x{n}", "password": "x"}, REMOTE_ADDR="192.0.2.50")
        refused = client.post(
            self.URL, {"username": "kari", "password": PASSWORD}, REMOTE_ADDR="192.0.2.50"
        )
        assert refused.status_code == 429
        assert LIMITED_MESSAGE in refused.content.decode()
        assert "_auth_user_id" not in client.session


class TestFreeTextCaps:
    def test_registration_fields_are_capped_with_norwegian_messages(self, client, meeting):
        """Overlong name, workplace and comment are refused in Norwegian, keeping the form."""
        data = form(1, name="N" * 151, organisation="O" * 151, comments="K" * 1001, municipality="")
        response = register(client, meeting, data)
        assert response.status_code == 400
        html = response.content.decode()
        assert "Navnet kan ha høyst 150 tegn." in html
        assert "Arbeidsplassen kan ha høyst 150 tegn." in html
        assert "Kommentaren kan ha høyst 1000 tegn (den har nå 1001)." in html
        assert MeetingRegistration.objects.count() == 0

    def test_stored_free_text_has_a_cap(self):
        """The models cap the free text a visitor or member writes (admin forms too)."""
        assert MeetingRegistration._meta.get_field("comments").max_length == 1000
        assert RelevanceMark._meta.get_field("note").max_length == 2000
