"""The error pages (400, 403, CSRF failure, 404 and 500) are in Norwegian, in the site's
frame, and never fail themselves."""

import pytest
from django.test import Client, override_settings
from django.urls import path

from portal import urls as portal_urls
from tests.network.helpers import plain_user  # noqa: F401  (fixture)

pytestmark = pytest.mark.django_db


def boom(request):
    raise RuntimeError("a bug")


# A URLconf with a view that fails, and the portal's own error handlers.
urlpatterns = [path("feil/", boom), *portal_urls.urlpatterns]
handler400 = portal_urls.handler400
handler403 = portal_urls.handler403
handler500 = portal_urls.handler500


def in_site_frame(html: str) -> bool:
    """The full frame: skip link, header navigation and the footer."""
    return "Hopp til hovedinnholdet" in html and 'class="site-footer"' in html


def test_400_page_is_norwegian_in_the_site_frame(client, home_page):
    """A request the portal cannot read (a NUL in the query) gets the Norwegian 400 page."""
    response = client.get("/sok/?q=a%00b")
    html = response.content.decode()
    assert response.status_code == 400
    assert '<html lang="nb"' in html
    assert "Vi kunne ikke lese forespørselen" in html
    assert in_site_frame(html)


def test_400_for_an_unknown_host_is_norwegian(home_page):
    """A request for a host the portal does not serve gets the Norwegian 400 page (drawn
    without the site frame, which would need that host), not a 500."""
    response = Client(raise_request_exception=False).get("/", HTTP_HOST="evil.example")
    html = response.content.decode()
    assert response.status_code == 400
    assert '<html lang="nb"' in html
    assert "Vi kunne ikke lese forespørselen" in html


def test_403_page_is_norwegian_in_the_site_frame(client, home_page, plain_user):  # noqa: F811
    """A logged-in user who is no network member gets the Norwegian 403 page with the
    reason, in the site frame."""
    client.force_login(plain_user)
    response = client.get("/htm-status/")
    html = response.content.decode()
    assert response.status_code == 403
    assert "Du har ikke tilgang til denne siden" in html
    assert "Denne siden er for medlemmer av nettverket." in html
    assert in_site_frame(html)


def test_csrf_failure_page_is_norwegian_in_the_site_frame(home_page):
    """A form that fails the CSRF check gets a Norwegian page that says how to send it
    again, in the site frame, with status 403."""
    client = Client(enforce_csrf_checks=True)
    response = client.post("/konto/logg-inn/", {"username": "a", "password": "b"})
    html = response.content.decode()
    assert response.status_code == 403
    assert "Skjemaet ble ikke sendt" in html
    assert "last siden inn på nytt og send det igjen" in html
    assert in_site_frame(html)


def test_404_page_is_norwegian_in_the_site_frame(client, home_page):
    """An address that does not exist gets the Norwegian 404 page in the site frame."""
    response = client.get("/finnes-ikke/")
    html = response.content.decode()
    assert response.status_code == 404
    assert "Vi fant ikke siden" in html
    assert in_site_frame(html)


@override_settings(ROOT_URLCONF=__name__)
def test_500_page_is_norwegian(home_page):
    """A bug gets the Norwegian 500 page, drawn without the database (the header and a way
    back to the front page), never Django's English one."""
    response = Client(raise_request_exception=False).get("/feil/")
    html = response.content.decode()
    assert response.status_code == 500
    assert '<html lang="nb"' in html
    assert "Noe gikk galt hos oss" in html
    assert 'class="site-header"' in html
