"""Accounts: passwords of at least 12 characters with Norwegian messages on every form that
sets one, sessions that end after an idle time, and the admin's password again after a day."""

import re
import time

import pytest
from django.contrib.auth.models import Group
from django.contrib.auth.password_validation import validate_password
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from network.organisation.access import EDITORS_GROUP
from portal.sessions import LAST_SEEN_KEY, LOGIN_TIME_KEY
from tests.network.helpers import PASSWORD, make_member, make_user

SHORT = "kort-passord"[:11]  # 11 characters, otherwise a fine password
TOO_SHORT = "Passordet er for kort. Det må bestå av minst 12 tegn."
ENGLISH = re.compile(r"password|characters|too (short|common|similar)|numeric", re.IGNORECASE)


@pytest.fixture
def member(db):
    return make_member("medlem")


@pytest.fixture
def editor(db):
    user = make_user("redaktor")
    user.groups.add(Group.objects.get(name=EDITORS_GROUP))
    return user


def error_texts(form) -> list[str]:
    return [str(message) for messages in form.errors.values() for message in messages]


def test_a_password_needs_twelve_characters(db):
    """Eleven characters are refused with a Norwegian message; twelve are enough."""
    with pytest.raises(ValidationError) as refused:
        validate_password(SHORT)
    assert refused.value.messages == [TOO_SHORT]
    validate_password("kort-passord")


@pytest.mark.parametrize(
    ("password", "expected"),
    [
        (SHORT, TOO_SHORT),
        ("password1234", "Dette passordet er for vanlig."),
        ("918273645091827", "Dette passordet inneholder bare tall."),
        ("medlem@example.org", "Passordet er for likt"),
    ],
)
def test_the_invitation_form_refuses_weak_passwords_in_norwegian(
    client, member, password, expected
):
    """The invitation's «choose a password» page words every password rule in Norwegian."""
    uid = urlsafe_base64_encode(force_bytes(member.pk))
    token = default_token_generator.make_token(member)
    form_url = client.get(reverse("accounts_invitation", args=[uid, token]))["Location"]
    help_page = client.get(form_url).content.decode()
    assert "minst 12 tegn" in help_page
    response = client.post(form_url, {"new_password1": password, "new_password2": password})
    assert response.status_code == 200
    errors = error_texts(response.context["form"])
    assert any(expected in error for error in errors), errors
    assert not any(ENGLISH.search(error) for error in errors), errors
    member.refresh_from_db()
    assert member.check_password(PASSWORD)


def test_the_reset_and_change_forms_refuse_a_short_password_in_norwegian(client, member):
    """The forgotten-password and change-password pages refuse 11 characters in Norwegian."""
    uid = urlsafe_base64_encode(force_bytes(member.pk))
    token = default_token_generator.make_token(member)
    form_url = client.get(reverse("accounts_password_reset_confirm", args=[uid, token]))["Location"]
    response = client.post(form_url, {"new_password1": SHORT, "new_password2": SHORT})
    assert TOO_SHORT in response.content.decode()

    client.force_login(member)
    response = client.post(
        reverse("accounts_password_change"),
        {"old_password": PASSWORD, "new_password1": SHORT, "new_password2": SHORT},
    )
    assert error_texts(response.context["form"]) == [TOO_SHORT]


def test_the_admin_refuses_a_short_password_in_norwegian(client, editor):
    """The Wagtail admin's change-password panel gives the same Norwegian message."""
    client.force_login(editor)
    response = client.post(
        reverse("wagtailadmin_account"),
        {
            "password-old_password": PASSWORD,
            "password-new_password1": SHORT,
            "password-new_password2": SHORT,
        },
    )
    html = response.content.decode()
    assert TOO_SHORT in html
    assert "This password" not in html
    editor.refresh_from_db()
    assert editor.check_password(PASSWORD)


def set_session(client, **values) -> None:
    session = client.session
    session.update(values)
    session.save()


def test_an_idle_members_session_ends(client, member, settings):
    """A member with no request for longer than SESSION_IDLE_TIMEOUT is logged out."""
    assert settings.SESSION_IDLE_TIMEOUT == 2 * 60 * 60
    assert settings.SESSION_COOKIE_AGE == settings.SESSION_IDLE_TIMEOUT
    client.force_login(member)
    set_session(client, **{LAST_SEEN_KEY: int(time.time()) - settings.SESSION_IDLE_TIMEOUT - 5})
    response = client.get(reverse("min_kommune"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts_login"))
    assert "_auth_user_id" not in client.session


def test_activity_keeps_a_session_alive(client, member, settings):
    """Each request moves the end of the session forward (the idle time slides)."""
    client.force_login(member)
    almost = int(time.time()) - settings.SESSION_IDLE_TIMEOUT + 120
    set_session(client, **{LAST_SEEN_KEY: almost})
    assert client.get(reverse("min_kommune")).status_code == 302  # to the member's municipality
    assert "_auth_user_id" in client.session
    assert client.session[LAST_SEEN_KEY] >= int(time.time()) - 5
    assert client.session.get_expiry_age() == settings.SESSION_IDLE_TIMEOUT


def test_an_idle_editors_admin_session_ends(client, editor, settings):
    """An editor idle for longer than SESSION_IDLE_TIMEOUT meets the admin's login page."""
    client.force_login(editor)
    assert client.get(reverse("wagtailadmin_home")).status_code == 200
    set_session(client, **{LAST_SEEN_KEY: int(time.time()) - settings.SESSION_IDLE_TIMEOUT - 5})
    response = client.get(reverse("wagtailadmin_home"))
    assert response["Location"].startswith(reverse("wagtailadmin_login"))


def test_the_admin_asks_for_the_password_a_day_after_the_login(client, editor, settings):
    """A login older than ADMIN_REAUTHENTICATE_AFTER is sent to the admin's login page, even
    when the session has been active; the members' pages do not ask."""
    assert settings.ADMIN_REAUTHENTICATE_AFTER == 24 * 60 * 60
    client.force_login(editor)
    now = int(time.time())
    set_session(client, **{LOGIN_TIME_KEY: now - 23 * 60 * 60, LAST_SEEN_KEY: now})
    assert client.get(reverse("wagtailadmin_home")).status_code == 200

    set_session(client, **{LOGIN_TIME_KEY: now - 25 * 60 * 60, LAST_SEEN_KEY: now})
    assert "_auth_user_id" in client.session
    assert client.get(reverse("min_kommune")).status_code in {200, 302}
    assert "_auth_user_id" in client.session
    response = client.get("/admin/pages/")
    assert response["Location"].startswith(reverse("wagtailadmin_login"))
    assert "_auth_user_id" not in client.session
    login_page = client.get(response["Location"]).content.decode()
    assert "mer enn et døgn siden du logget inn" in login_page
