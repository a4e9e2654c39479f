"""Security headers: Permissions-Policy on every response, the Wagtail admin's own
Content-Security-Policy, `Cache-Control: private` on everything a member is served, and
/.well-known/security.txt (RFC 9116)."""

from datetime import UTC, datetime, timedelta

import pytest
from django.test import Client
from django.utils import timezone

from tests.network.helpers import member, vega  # noqa: F401  (fixtures)

pytestmark = pytest.mark.django_db

DENIED_FEATURES = ["camera", "microphone", "geolocation", "payment", "usb", "browsing-topics"]


def directives(header: str) -> dict[str, list[str]]:
    parts = (part.strip().split() for part in header.split(";") if part.strip())
    return {name: values for name, *values in parts}


@pytest.mark.parametrize(
    "url",
    [
        "/",
        "/finnes-ikke/",
        "/konto/logg-inn/",
        "/admin/login/",
        "/.well-known/security.txt",
        "/sok/?q=a%00b",
    ],
)
def test_permissions_policy_on_every_response(client, home_page, url):
    """Every response (pages, 404, 400, the admin, security.txt) denies the browser features
    the portal never uses."""
    policy = client.get(url)["Permissions-Policy"]
    for feature in DENIED_FEATURES:
        assert f"{feature}=()" in policy


def test_admin_has_its_own_csp(client):
    """The Wagtail admin is served under a CSP of its own: scripts and styles only from the
    site or inline (Wagtail's widgets need that), no plugins, framed only by itself."""
    response = client.get("/admin/login/")
    policy = directives(response["Content-Security-Policy"])
    assert policy["script-src"] == ["'self'", "'unsafe-inline'"]
    assert policy["style-src"] == ["'self'", "'unsafe-inline'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'self'"]
    assert policy["form-action"] == ["'self'"]
    assert policy["default-src"] == ["'self'"]


def test_public_csp_has_no_inline_code(client, home_page):
    """The public site keeps its strict policy: no inline script or style, never framed."""
    policy = directives(client.get("/")["Content-Security-Policy"])
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'none'"]


@pytest.mark.parametrize("url", ["/konto/logg-inn/", "/min-kommune/", "/htm-status/"])
def test_members_urls_are_private_before_login(client, home_page, url):
    """The members' addresses are `Cache-Control: private` even for a visitor who is not
    logged in (the login form, the redirect to it)."""
    assert "private" in client.get(url)["Cache-Control"]


def test_public_page_is_not_private_for_a_visitor(client, home_page):
    """A visitor's public page is not marked private (a cache in front may keep it)."""
    assert "private" not in client.get("/").get("Cache-Control", "")


@pytest.mark.parametrize("url", ["/", "/min-kommune/", "/sok/?q=htm", "/finnes-ikke/"])
def test_every_page_served_to_a_member_is_private(client, home_page, member, url):  # noqa: F811
    """Everything served to a logged-in user, public pages and errors too, is
    `Cache-Control: private` and varies on the cookie."""
    client.force_login(member)
    response = client.get(url)
    assert "private" in response["Cache-Control"]
    assert "public" not in response["Cache-Control"]
    assert "cookie" in response["Vary"].lower()


def security_txt_fields(text: str) -> dict[str, list[str]]:
    fields: dict[str, list[str]] = {}
    for line in text.splitlines():
        name, _, value = line.partition(": ")
        fields.setdefault(name, []).append(value)
    return fields


def test_security_txt_follows_rfc_9116(client, settings):
    """/.well-known/security.txt gives the contact from SECURITY_TXT_CONTACT, an Expires less
    than a year ahead, Preferred-Languages no, en, and its https Canonical address."""
    settings.SECURITY_TXT_CONTACT = "mailto:sikkerhet@example.org, https://example.org/sikkerhet"
    response = Client().get("/.well-known/security.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    fields = security_txt_fields(response.content.decode())
    assert fields["Contact"] == ["mailto:sikkerhet@example.org", "https://example.org/sikkerhet"]
    expires = datetime.strptime(fields["Expires"][0], "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
    assert timezone.now() < expires < timezone.now() + timedelta(days=365)
    assert fields["Preferred-Languages"] == ["no, en"]
    assert fields["Canonical"] == ["https://testserver/.well-known/security.txt"]


def test_security_txt_contact_defaults_to_the_site_contact(client, home_page, settings):
    """Without SECURITY_TXT_CONTACT, the contact is the regional contact's e-mail from the
    site settings."""
    from wagtail.models import Site

    from portal.models import SiteSettings

    settings.SECURITY_TXT_CONTACT = ""
    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    site_settings.contact_email = "kontakt@example.org"
    site_settings.save()
    fields = security_txt_fields(client.get("/.well-known/security.txt").content.decode())
    assert fields["Contact"] == ["mailto:kontakt@example.org"]
