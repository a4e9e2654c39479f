"""Two-factor authentication for everyone who can reach the admin.

An authenticator app (TOTP) with ten one-time recovery codes; required in production, optional
in development (TWO_FACTOR_REQUIRED). Members who cannot reach the admin are never asked."""

import io
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.urls import reverse
from django_otp import DEVICE_ID_SESSION_KEY, devices_for_user
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from network.organisation.access import EDITORS_GROUP
from portal.twofactor import devices
from tests.network.helpers import PASSWORD, make_member, make_user

BASE_DIR = Path(__file__).resolve().parents[2]
VERIFY = reverse("twofactor:verify")
SETUP = reverse("twofactor:setup")
ADMIN = reverse("wagtailadmin_home")
ADMIN_URLS = [
    ADMIN,
    "/admin/pages/",
    "/admin/documents/",
    "/admin/images/",
    "/admin/users/",
    "/admin/account/",
    "/admin/reports/site-history/",
    "/django-admin/",
]


def code_for(device) -> str:
    device.refresh_from_db()
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{totp.token():0{device.digits}d}"


def with_app(user) -> TOTPDevice:
    device = TOTPDevice.objects.create(user=user, name="Autentiseringsapp", confirmed=True)
    return device


def password_login(client, user, url="wagtailadmin_login"):
    response = client.post(reverse(url), {"username": user.username, "password": PASSWORD})
    assert response.status_code == 302, "the password is accepted"
    return response


def mark_verified(client, device) -> None:
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()


@pytest.fixture
def required(settings):
    settings.TWO_FACTOR_REQUIRED = True


@pytest.fixture
def editor(db):
    user = make_user("redaktor")
    user.groups.add(Group.objects.get(name=EDITORS_GROUP))
    return user


@pytest.fixture
def admin_user(db):
    user = make_user("administrator", is_superuser=True, is_staff=True)
    return user


def test_an_editor_with_an_app_reaches_no_admin_page_before_the_code(client, editor):
    """After the password, an editor with an app is sent to the code page from every admin URL."""
    device = with_app(editor)
    password_login(client, editor)
    for url in [*ADMIN_URLS, reverse("min_kommune")]:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response.url.startswith(VERIFY + "?next="), url
    assert client.get(VERIFY).status_code == 200
    response = client.post(VERIFY, {"code": code_for(device), "next": "/admin/pages/"})
    assert response.status_code == 302
    assert response.url == "/admin/pages/"
    assert client.get(ADMIN).status_code == 200


def test_a_wrong_code_is_refused(client, editor):
    """A wrong code leaves the admin closed and says so in Norwegian."""
    device = with_app(editor)
    password_login(client, editor)
    right = int(code_for(device))
    response = client.post(VERIFY, {"code": f"{(right + 1) % 1_000_000:06d}"})
    assert response.status_code == 200
    assert "Koden stemmer ikke" in response.content.decode()
    assert client.get(ADMIN).url.startswith(VERIFY)
    device.refresh_from_db()
    assert device.throttling_failure_count == 1


def test_repeated_wrong_codes_lock_out_even_the_right_code(client, editor):
    """After repeated wrong codes django-otp's throttling refuses every code for a while."""
    device = with_app(editor)
    for _ in range(6):
        device.throttle_increment()
    password_login(client, editor)
    response = client.post(VERIFY, {"code": code_for(device)})
    assert response.status_code == 200
    assert "For mange feil koder på rad" in response.content.decode()
    assert client.get(ADMIN).url.startswith(VERIFY)


def test_a_recovery_code_works_once(client, editor):
    """A recovery code opens the admin once; the same code is refused at the next login."""
    with_app(editor)
    codes = devices.new_recovery_codes(editor)
    assert len(codes) == 10
    assert len(set(codes)) == 10
    password_login(client, editor)
    response = client.post(VERIFY, {"code": codes[0].upper()})
    assert response.status_code == 302
    assert client.get(ADMIN).status_code == 200
    assert devices.remaining_recovery_codes(editor) == 9

    client.post(reverse("wagtailadmin_logout"))
    password_login(client, editor)
    response = client.post(VERIFY, {"code": codes[0]})
    assert response.status_code == 200
    assert "Koden stemmer ikke" in response.content.decode()
    assert client.get(ADMIN).url.startswith(VERIFY)


def test_without_an_app_every_admin_url_goes_to_setup_when_required(client, editor, required):
    """With two-factor required, an editor without an app is sent to set one up from every
    admin URL, and from the members' pages."""
    client.force_login(editor)
    for url in [*ADMIN_URLS, reverse("min_kommune")]:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response.url.startswith(SETUP + "?next="), url


def test_setting_up_an_app_shows_a_qr_code_then_ten_recovery_codes_once(client, editor, required):
    """Setup shows the QR code as inline SVG and the secret as text, is confirmed with a code,
    then shows ten recovery codes; the admin then opens."""
    client.force_login(editor)
    response = client.get(SETUP)
    html = response.content.decode()
    assert response.status_code == 200
    assert "<svg " in html
    assert "no-store" in response["Cache-Control"]
    pending = TOTPDevice.objects.get(user=editor, confirmed=False)
    assert devices.secret_text(pending) in html
    # The admin's CSP can stay strict: no inline script or style of ours on the page.
    assert not re.search(r"<style|\sstyle=", html)

    response = client.post(SETUP, {"code": code_for(pending), "next": ADMIN})
    html = response.content.decode()
    assert response.status_code == 200
    codes = list(StaticToken.objects.filter(device__user=editor).values_list("token", flat=True))
    assert len(codes) == 10
    assert all(code in html for code in codes)
    assert TOTPDevice.objects.get(user=editor).confirmed
    assert client.get(ADMIN).status_code == 200
    assert client.get(reverse("twofactor:devices")).status_code == 200


def test_a_wrong_code_does_not_confirm_a_new_app(client, editor, required):
    """The app is only switched on by a right code from it."""
    client.force_login(editor)
    client.get(SETUP)
    pending = TOTPDevice.objects.get(user=editor, confirmed=False)
    wrong = f"{(int(code_for(pending)) + 1) % 1_000_000:06d}"
    response = client.post(SETUP, {"code": wrong})
    assert "Koden stemmer ikke" in response.content.decode()
    assert not TOTPDevice.objects.filter(user=editor, confirmed=True).exists()
    assert client.get(ADMIN).url.startswith(SETUP)


def test_the_password_alone_cannot_replace_an_app(client, editor):
    """Someone with only the password cannot set up a new app on an account that has one."""
    with_app(editor)
    password_login(client, editor)
    response = client.get(SETUP)
    assert response.url.startswith(VERIFY)
    assert TOTPDevice.objects.filter(user=editor).count() == 1


def test_when_not_required_the_admin_works_without_an_app(client, editor, settings):
    """In development (not required) an editor without an app uses the admin directly."""
    settings.TWO_FACTOR_REQUIRED = False
    password_login(client, editor)
    assert client.get(ADMIN).status_code == 200
    assert client.get("/admin/pages/").status_code == 200


def test_a_member_without_admin_access_is_never_asked(client, db, required):
    """A member who cannot reach the admin logs in with the password only, even when required."""
    member = make_member("medlem")
    response = password_login(client, member, url="accounts_login")
    assert "2fa" not in response.url
    response = client.get(reverse("min_kommune"), follow=True)
    assert response.status_code == 200
    assert all("2fa" not in url for url, _status in response.redirect_chain)
    assert client.get(SETUP).status_code == 403


def test_an_editor_logging_in_on_the_members_page_is_asked_for_the_code(client, editor):
    """The members' login page leads an editor with an app to the code before any page."""
    device = with_app(editor)
    response = password_login(client, editor, url="accounts_login")
    response = client.get(response.url)
    assert response.url.startswith(VERIFY + "?next=")
    response = client.post(VERIFY, {"code": code_for(device), "next": reverse("min_kommune")})
    assert response.url == reverse("min_kommune")
    response = client.get(reverse("min_kommune"))
    assert not getattr(response, "url", "").startswith("/admin/2fa/")


def test_staff_and_superusers_are_asked_too(client, db, required):
    """Superusers and Django-admin staff without Wagtail access also set up an app."""
    staff = make_user("stab", is_staff=True)
    superuser = make_user("super", is_superuser=True)
    for user in (staff, superuser):
        client.force_login(user)
        assert client.get("/django-admin/").url.startswith(SETUP), user
    permission = Permission.objects.get(codename="access_admin")
    plain = make_user("med-tilgang")
    plain.user_permissions.add(permission)
    client.force_login(plain)
    assert client.get(ADMIN).url.startswith(SETUP)


def test_new_recovery_codes_replace_the_old_ones(client, editor):
    """A verified user gets ten new codes; the old ones stop working."""
    device = with_app(editor)
    old = devices.new_recovery_codes(editor)
    client.force_login(editor)
    mark_verified(client, device)
    response = client.post(reverse("twofactor:recovery_codes"))
    assert response.status_code == 200
    new = list(StaticToken.objects.filter(device__user=editor).values_list("token", flat=True))
    assert len(new) == 10
    assert not set(old) & set(new)
    assert all(code in response.content.decode() for code in new)


def test_an_administrator_resets_a_users_two_factor(client, editor, admin_user, required):
    """An administrator removes a user's app and codes; the user must set up a new one."""
    with_app(editor)
    devices.new_recovery_codes(editor)
    client.force_login(admin_user)
    mark_verified(client, with_app(admin_user))
    url = reverse("twofactor:reset_user", args=[editor.pk])
    assert url in client.get("/admin/users/").content.decode()
    assert client.get(url).status_code == 200
    response = client.post(url)
    assert response.status_code == 302
    assert not list(devices_for_user(editor, confirmed=None))

    client.force_login(editor)
    assert client.get(ADMIN).url.startswith(SETUP)


def test_an_editor_cannot_reset_someone_elses_two_factor(client, editor, admin_user):
    """Resetting is for those who may change users; an editor gets the 403 page."""
    device = with_app(admin_user)
    client.force_login(editor)
    response = client.post(reverse("twofactor:reset_user", args=[admin_user.pk]))
    assert response.status_code == 403
    assert TOTPDevice.objects.filter(pk=device.pk).exists()


def test_the_reset_command_removes_every_device(editor):
    """manage.py reset_two_factor removes a user's app and recovery codes."""
    with_app(editor)
    devices.new_recovery_codes(editor)
    out = io.StringIO()
    call_command("reset_two_factor", editor.email, stdout=out)
    assert "tilbakestilt" in out.getvalue()
    assert not list(devices_for_user(editor, confirmed=None))


def setting_in(module: str, **environment) -> str:
    """TWO_FACTOR_REQUIRED as a fresh process with these variables reads it."""
    env = {k: v for k, v in os.environ.items() if k not in {"TWO_FACTOR_REQUIRED", "SECRET_KEY"}}
    env.update(environment, DJANGO_SETTINGS_MODULE=f"portal.settings.{module}")
    code = "from django.conf import settings; print(settings.TWO_FACTOR_REQUIRED)"
    result = subprocess.run(  # noqa: S603 - fixed arguments
        [sys.executable, "-c", code],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return result.stdout.strip()


def test_production_requires_two_factor_and_development_does_not():
    """Production always requires two-factor, even with TWO_FACTOR_REQUIRED=false; development
    does not unless asked."""
    secret = "x" * 50
    assert setting_in("production", SECRET_KEY=secret, TWO_FACTOR_REQUIRED="false") == "True"
    assert setting_in("dev") == "False"
    assert setting_in("dev", TWO_FACTOR_REQUIRED="true") == "True"


def test_the_django_admin_shows_no_authenticator_secret(client, admin_user):
    """The Django admin's device pages never show an app's secret or its QR code."""
    device = with_app(make_user("med-app"))
    client.force_login(admin_user)
    mark_verified(client, with_app(admin_user))
    url = reverse("admin:otp_totp_totpdevice_change", args=[device.pk])
    html = client.get(url).content.decode()
    assert device.key not in html
    qr_code = reverse("admin:otp_totp_totpdevice_qrcode", args=[device.pk])
    assert client.get(qr_code).status_code == 403
