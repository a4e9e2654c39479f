"""The files at the site's root for search engines and browsers: /sitemap.xml, /robots.txt,
/favicon.ico and the web manifest, and the head's links to the icons."""

import json

import pytest
from defusedxml import ElementTree as ET
from django.contrib.staticfiles import finders
from django.utils import timezone
from wagtail.models import PageViewRestriction

from tests.factories import ContentPageFactory

SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def sitemap_entries(client) -> dict[str, str]:
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    root = ET.fromstring(response.content)
    return {
        url.findtext("s:loc", namespaces=SITEMAP_NS): url.findtext(
            "s:lastmod", namespaces=SITEMAP_NS
        )
        for url in root.findall("s:url", SITEMAP_NS)
    }


@pytest.mark.django_db
def test_sitemap_lists_live_public_pages_with_last_modified(client, home_page):
    public = ContentPageFactory(parent=home_page, slug="om-nettverket")
    ContentPageFactory(parent=home_page, slug="utkast", live=False)
    members_only = ContentPageFactory(parent=home_page, slug="bare-for-medlemmer")
    PageViewRestriction.objects.create(page=members_only, restriction_type="login")
    child_of_members_only = ContentPageFactory(parent=members_only, slug="under")
    public.save_revision().publish()
    public.refresh_from_db()

    entries = sitemap_entries(client)

    assert set(entries) == {"http://localhost/", "http://localhost/om-nettverket/"}
    # The date as in Norway: near midnight it is not the UTC date.
    published = timezone.localdate(public.last_published_at)
    assert entries["http://localhost/om-nettverket/"] == published.isoformat()
    assert child_of_members_only.url not in str(entries)


@pytest.mark.django_db
def test_robots_txt_names_the_sitemap_and_keeps_private_pages_out(client, home_page):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert lines[0] == "User-agent: *"
    disallowed = {line.removeprefix("Disallow: ") for line in lines if line.startswith("Disallow")}
    assert {
        "/admin/",
        "/django-admin/",
        "/konto/",
        "/min-kommune/",
        "/relevant/",
        "/htm-status/",
        "/sok/",
    } <= disallowed
    assert "/" not in disallowed
    assert "Sitemap: http://localhost/sitemap.xml" in lines


@pytest.mark.django_db
def test_favicon_ico_is_served_from_the_root(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/vnd.microsoft.icon"
    assert response.content[:4] == b"\x00\x00\x01\x00"  # the ICO header
    assert "max-age=86400" in response["Cache-Control"]


@pytest.mark.django_db
def test_web_manifest_names_the_portal_and_icons_that_exist(client):
    response = client.get("/manifest.webmanifest")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/manifest+json")
    manifest = json.loads(response.content)
    assert manifest["name"] == "E-helse Nordland"
    assert manifest["lang"] == "nb"
    assert manifest["theme_color"] == "#1e2b3c"
    sizes = {icon["sizes"] for icon in manifest["icons"]}
    assert {"192x192", "512x512", "any"} <= sizes
    for icon in manifest["icons"]:
        assert finders.find(icon["src"].removeprefix("/static/")), icon["src"]


@pytest.mark.django_db
def test_every_page_links_the_icons_manifest_and_theme_colour(client, home_page):
    html = client.get("/").content.decode()
    assert '<link rel="icon" href="/favicon.ico" sizes="32x32">' in html
    assert '<link rel="icon" href="/static/seo/favicon.svg" type="image/svg+xml">' in html
    assert '<link rel="apple-touch-icon" href="/static/seo/apple-touch-icon.png">' in html
    assert '<link rel="manifest" href="/manifest.webmanifest">' in html
    assert '<meta name="theme-color" content="#1e2b3c">' in html
    for name in ("favicon.svg", "apple-touch-icon.png", "share.png", "icon-192.png"):
        assert finders.find(f"seo/{name}"), name
