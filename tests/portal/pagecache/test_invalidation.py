"""A visitor never sees stale content: each editor's or municipality's change is seen on the
very next view of every page that showed it, while the pages that did not show it stay in
the cache."""

import pytest
from django.core.files.base import ContentFile
from wagtail.models import Site

from network.models import RolloutStatus, RolloutStatusLevel
from portal.models import SiteSettings
from portal.pagecache import tags as pagetags
from tests.factories import ContentPageFactory
from tests.network.meetings.factories import MeetingPageFactory, oslo

from .conftest import cached, fresh, warm

pytestmark = pytest.mark.django_db


def publish(page, **changes):
    for name, value in changes.items():
        setattr(page, name, value)
    page.save_revision().publish()


def test_pages_are_served_from_the_cache_once_viewed(client, site):
    warm(client, site.home.url, site.about.url, site.group.url, site.kjernejournal.url)
    assert "Kari Kontaktsen" in cached(client, site.group.url).content.decode()


def test_publishing_shows_on_the_page_and_its_listing_only(client, site):
    warm(client, site.meeting.url, site.meetings.url, site.group.url, site.kjernejournal.url)
    publish(site.meeting.specific, title="Fagdag om samhandling")
    assert "Fagdag om samhandling" in fresh(client, site.meeting.url).content.decode()
    assert "Fagdag om samhandling" in fresh(client, site.meetings.url).content.decode()
    cached(client, site.group.url)
    cached(client, site.kjernejournal.url)


def test_a_new_child_shows_on_its_index_at_once(client, site):
    warm(client, site.meetings.url, site.group.url)
    MeetingPageFactory(parent=site.meetings, title="Nettverksmøte i Bodø", start=oslo(2025, 9, 1))
    assert "Nettverksmøte i Bodø" in fresh(client, site.meetings.url).content.decode()
    cached(client, site.group.url)


def test_unpublishing_removes_the_page_and_its_listing_entry(client, site):
    warm(client, site.meeting.url, site.meetings.url, site.about.url)
    site.meeting.unpublish()
    assert client.get(site.meeting.url).status_code == 404
    assert "Fagdag om velferdsteknologi" not in fresh(client, site.meetings.url).content.decode()
    cached(client, site.about.url)


def test_deleting_removes_the_page_and_its_listing_entry(client, site):
    warm(client, site.meeting.url, site.meetings.url, site.group.url)
    url = site.meeting.url
    site.meeting.delete()
    assert client.get(url).status_code == 404
    assert "Fagdag om velferdsteknologi" not in fresh(client, site.meetings.url).content.decode()
    cached(client, site.group.url)


def test_moving_a_page_moves_its_address_and_the_listings(client, site):
    old_url = site.old_page.url
    warm(client, old_url, site.home.url, site.group.url)
    site.old_page.move(site.home, pos="last-child")
    # Wagtail leaves a redirect at the old address; the cached copy is gone.
    assert fresh(client, old_url).status_code in (301, 404)
    assert client.get("/gammel/").status_code == 200
    # A child of the home page is in the main menu of every page.
    assert 'href="/gammel/"' in fresh(client, site.group.url).content.decode()


def test_editing_a_contact_person_clears_the_pages_that_show_people_only(client, site):
    warm(client, site.group.url, site.meetings.url, site.meeting.url)
    site.person.name = "Kari Nordmann"
    site.person.save()
    assert "Kari Nordmann" in fresh(client, site.group.url).content.decode()
    cached(client, site.meetings.url)
    cached(client, site.meeting.url)


def test_site_settings_show_in_every_footer_at_once(client, site):
    warm(client, site.meetings.url, site.group.url)
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.contact_name = "Regional Kontakt"
    settings.save()
    assert "Regional Kontakt" in fresh(client, site.meetings.url).content.decode()
    assert "Regional Kontakt" in fresh(client, site.group.url).content.decode()


def test_a_menu_title_shows_on_every_page_at_once(client, site):
    warm(client, site.meeting.url, site.kjernejournal.url)
    publish(site.about, title="Om oss")
    assert ">Om oss<" in fresh(client, site.meeting.url).content.decode()
    assert ">Om oss<" in fresh(client, site.kjernejournal.url).content.decode()


def test_a_page_out_of_the_menu_leaves_other_pages_cached(client, site):
    warm(client, site.old_page.url, site.meeting.url)
    publish(site.old_page, title="Ny tittel")
    assert "Ny tittel" in fresh(client, site.old_page.url).content.decode()
    cached(client, site.meeting.url)


def test_a_replaced_document_shows_on_the_pages_that_list_it(client, site):
    warm(client, site.about.url, site.meeting.url)
    before = client.get(site.about.url).content.decode()
    document = site.document
    document.file.save("handlingsplan-2027.docx", ContentFile(b"PK\x03\x04" + b"y" * 9000))
    document.title = "Handlingsplan 2027"
    document.save()
    after = fresh(client, site.about.url).content.decode()
    assert "Handlingsplan 2027" in after and after != before
    cached(client, site.meeting.url)


def test_a_saved_status_shows_on_its_rollout_only(client, site):
    warm(client, site.kjernejournal.url, site.digihelse.url, site.meetings.url)
    status = RolloutStatus.objects.get(rollout=site.kjernejournal, municipality=site.vega)
    level = RolloutStatusLevel.objects.order_by("-sort_order").first()
    status.level = level
    status.save()
    assert level.name in fresh(client, site.kjernejournal.url).content.decode()
    cached(client, site.digihelse.url)
    cached(client, site.meetings.url)


def test_a_page_created_live_in_code_shows_at_once(client, site):
    warm(client, site.about.url)
    ContentPageFactory(parent=site.about, title="Ny underside", slug="ny")
    assert client.get("/om/ny/").status_code == 200
    fresh(client, site.about.url)


def test_a_listing_checks_one_version_per_page_type_however_many_it_shows(
    client, site, monkeypatch
):
    stored = []
    real = pagetags.versions_for_store

    def record(tags):
        stored.append(set(tags))
        return real(tags)

    monkeypatch.setattr(pagetags, "versions_for_store", record)
    fresh(client, site.meetings.url)  # the frame and the reference data are read once
    MeetingPageFactory(parent=site.meetings, title="Møte 0", start=oslo(2025, 3, 31))
    fresh(client, site.meetings.url)
    for day in range(1, 6):
        MeetingPageFactory(parent=site.meetings, title=f"Møte {day}", start=oslo(2025, 4, day))
    fresh(client, site.meetings.url)
    first, second = stored[-2], stored[-1]
    assert len(second) == len(first)
    assert ("page", site.meeting.pk) not in second
    assert ("pagetype", "network.meetingpage") in second
