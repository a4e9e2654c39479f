"""Headers for a CDN in front, compression as the client asks (with the BREACH rule), and the
CDN purged on the same events as the page cache."""

import gzip

import brotli
import pytest
from django.test import override_settings

from tests.network.helpers import make_user

from .conftest import cached, fresh, warm

pytestmark = pytest.mark.django_db


def test_a_cacheable_page_is_public_for_a_short_while(client, site):
    for response in (fresh(client, site.group.url), cached(client, site.group.url)):
        control = {part.strip() for part in response["Cache-Control"].split(",")}
        assert {"public", "max-age=60", "s-maxage=300"} <= control
        assert response["Vary"] == "Cookie, Accept-Encoding"
        assert "Set-Cookie" not in response


def test_a_page_is_compressed_as_the_client_asks_and_cached_per_encoding(client, site):
    plain = fresh(client, site.group.url).content
    for accept, encoding, decompress in (
        ("br", "br", brotli.decompress),
        ("gzip", "gzip", gzip.decompress),
        ("gzip, deflate, br", "br", brotli.decompress),
    ):
        first = client.get(site.group.url, headers={"accept-encoding": accept})
        again = cached(client, site.group.url, headers={"accept-encoding": accept})
        for response in (first, again):
            assert response["Content-Encoding"] == encoding
            assert decompress(response.content) == plain
            assert len(response.content) < len(plain) / 3
    identity = cached(client, site.group.url)
    assert "Content-Encoding" not in identity and identity.content == plain


def test_a_logged_in_page_is_never_compressed_with_brotli(client, site):
    """Private pages hold a CSRF token: gzip only, with Django's random padding."""
    client.force_login(make_user("medlem"))
    only_br = client.get(site.group.url, headers={"accept-encoding": "br"})
    assert "Content-Encoding" not in only_br
    both = client.get(site.group.url, headers={"accept-encoding": "gzip, br"})
    assert both["Content-Encoding"] == "gzip"
    assert "Logg ut" in gzip.decompress(both.content).decode()


def test_the_cdn_is_purged_of_the_pages_that_showed_a_change(
    client, site, monkeypatch, django_capture_on_commit_callbacks
):
    from wagtail.contrib.frontend_cache import utils

    purged = []
    monkeypatch.setattr(utils, "purge_urls_from_cache", lambda urls: purged.extend(urls))
    backend = {"BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend"}
    with override_settings(WAGTAILFRONTENDCACHE={"http": {**backend, "LOCATION": "http://cdn"}}):
        warm(client, site.group.url, site.meetings.url)
        with django_capture_on_commit_callbacks(execute=True):
            site.person.name = "Kari Nordmann"
            site.person.save()
    assert "http://testserver/nettverket/koord/" in purged
    assert not any("moter-og-fagdager" in url for url in purged)
