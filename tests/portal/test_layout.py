"""The page frame (main menu and footer) comes from the cache, and every change an editor
makes to what it shows is seen on the very next page view."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site

from portal.models import SiteSettings
from tests.factories import ContentPageFactory

pytestmark = pytest.mark.django_db


def menu_titles(client) -> str:
    """The main menu's text; empty when the menu has no pages (it is then left out)."""
    html = client.get("/").content.decode()
    header = html[: html.index("</header>")]
    return header.partition('aria-label="Hovedmeny"')[2]


def footer(client) -> str:
    html = client.get("/").content.decode()
    return html[html.index('<footer class="site-footer">') :]


def test_a_warm_page_view_reads_no_menu_or_settings(client, home_page):
    """Once cached, the frame costs no query: the second view runs at least two queries
    fewer (the menu and the settings), none of them on the site settings."""
    ContentPageFactory(parent=home_page, title="Om nettverket")
    with CaptureQueriesContext(connection) as cold:
        assert client.get("/").status_code == 200
    with CaptureQueriesContext(connection) as warm:
        assert client.get("/").status_code == 200
    assert len(warm.captured_queries) <= len(cold.captured_queries) - 2
    assert not any("portal_sitesettings" in query["sql"] for query in warm.captured_queries)
    assert "Om nettverket" in client.get("/").content.decode()


def test_publishing_unpublishing_moving_and_deleting_pages_show_at_once(client, home_page):
    """The menu follows publishing, unpublishing, moving and deleting without delay."""
    page = ContentPageFactory(parent=home_page, title="Fagdager i Nordland")
    assert "Fagdager i Nordland" in menu_titles(client)
    page.unpublish()
    assert "Fagdager i Nordland" not in menu_titles(client)
    page.title = "Fagdager 2027"
    page.save_revision().publish()
    assert "Fagdager 2027" in menu_titles(client)
    other = ContentPageFactory(parent=home_page, title="Nettverket")
    page.move(other, pos="last-child")
    assert "Fagdager 2027" not in menu_titles(client)
    assert "Nettverket" in menu_titles(client)
    other.delete()
    assert "Nettverket" not in menu_titles(client)


def test_site_settings_show_at_once(client, home_page):
    """A new contact and a new privacy page in the site settings are in the next footer."""
    privacy = ContentPageFactory(parent=home_page, title="Personvern", slug="personvern")
    assert "Kari Kontakt" not in footer(client)
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.contact_name = "Kari Kontakt"
    settings.privacy_page = privacy
    settings.save()
    html = footer(client)
    assert "Kari Kontakt" in html
    assert 'href="/personvern/"' in html


def test_a_worker_reads_the_frame_of_a_version_from_the_cache_once(client, home_page, monkeypatch):
    from portal import layout

    client.get("/")
    reads = []
    real_get = layout.cache.get
    monkeypatch.setattr(
        layout.cache, "get", lambda key, *a, **k: reads.append(key) or real_get(key, *a, **k)
    )
    client.get("/")
    frame_reads = [key for key in reads if key.startswith("portal:frame:")]
    assert frame_reads == [layout.VERSION_KEY]
    # A new version (a page published) is read from the cache again, and shows.
    ContentPageFactory(parent=home_page, title="Nytt i menyen").save_revision().publish()
    assert "Nytt i menyen" in menu_titles(client)
