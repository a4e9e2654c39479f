"""A small site with one page of each kind the events touch, built once for this folder, and the
page cache switched on (test settings keep it off)."""

import datetime
from types import SimpleNamespace

import pytest
from django.core.files.base import ContentFile
from django.db import transaction
from django.test import override_settings
from wagtail.documents import get_document_model
from wagtail.models import Page, Site

from network.models import Municipality, RolloutStatus, RolloutStatusLevel
from portal.pagecache.middleware import HIT_HEADER
from tests.factories import ContentPageFactory, HomePageFactory
from tests.network.factories import (
    ContactPersonFactory,
    NetworkPageFactory,
    RolloutIndexPageFactory,
    RolloutPageFactory,
    WorkingGroupMemberFactory,
    WorkingGroupPageFactory,
)
from tests.network.meetings.factories import (
    MeetingIndexPageFactory,
    MeetingPageFactory,
    oslo,
)

CACHE_ON = {
    "PAGE_CACHE_SECONDS": 600,
    "PAGE_CACHE_BROWSER_SECONDS": 60,
    "PAGE_CACHE_CDN_SECONDS": 300,
}


@pytest.fixture
def page_cache():
    with override_settings(**CACHE_ON):
        yield


def make_document(title: str, content: bytes):
    document = get_document_model()(title=title)
    document.file.save(f"{title.lower()}.pdf", ContentFile(content))
    return document


def build_site() -> SimpleNamespace:
    root = Page.get_first_root_node()
    home = HomePageFactory(parent=root)
    site = Site.objects.get(is_default_site=True)
    old_root = site.root_page
    site.root_page = home
    site.save()
    if old_root.pk != home.pk and old_root.specific_class is Page:
        old_root.delete()
    document = make_document("Handlingsplan", b"%PDF-1.4\n" + b"x" * 2000)
    about = ContentPageFactory(
        parent=home,
        title="Om nettverket",
        slug="om",
        show_in_menus=True,
        body=[("documents", {"heading": "Planer", "documents": [document]})],
    )
    old_page = ContentPageFactory(parent=about, title="Gammel side", slug="gammel")
    network = NetworkPageFactory(parent=home)
    group = WorkingGroupPageFactory(parent=network, title="Koordineringsgruppe", slug="koord")
    person = ContactPersonFactory(name="Kari Kontaktsen")
    WorkingGroupMemberFactory(page=group, contact_person=person)
    rollouts = RolloutIndexPageFactory(parent=home)
    kjernejournal = RolloutPageFactory(parent=rollouts, title="Kjernejournal", slug="kj")
    digihelse = RolloutPageFactory(parent=rollouts, title="DigiHelse", slug="dh")
    vega = Municipality.objects.get(slug="vega")
    first = RolloutStatusLevel.objects.order_by("sort_order").first()
    for rollout in (kjernejournal, digihelse):
        RolloutStatus.objects.create(
            municipality=vega, rollout=rollout, level=first, since=datetime.date(2025, 5, 1)
        )
    meetings = MeetingIndexPageFactory(parent=home)
    past = MeetingPageFactory(
        parent=meetings, title="Fagdag om velferdsteknologi", start=oslo(2025, 3, 4)
    )
    return SimpleNamespace(
        home=home,
        about=about,
        old_page=old_page,
        network=network,
        group=group,
        person=person,
        document=document,
        kjernejournal=kjernejournal,
        digihelse=digihelse,
        vega=vega,
        meetings=meetings,
        meeting=past,
    )


@pytest.fixture(scope="package")
def small_site(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        built = build_site()
        yield built
        transaction.set_rollback(True)


@pytest.fixture
def site(small_site, db, page_cache):
    """The small site, each object read again: a test's changes are rolled back after it."""
    fresh_objects = {}
    for name, value in vars(small_site).items():
        if isinstance(value, Page):
            fresh_objects[name] = Page.objects.get(pk=value.pk).specific
        else:
            fresh_objects[name] = type(value).objects.get(pk=value.pk)
    return SimpleNamespace(**fresh_objects)


def from_cache(response) -> bool:
    return response.get(HIT_HEADER) == "treff"


def warm(client, *urls) -> None:
    """Views each page twice; the second view must come from the cache."""
    for url in urls:
        assert client.get(url).status_code == 200
        assert from_cache(client.get(url)), f"{url} was not cached"


def fresh(client, url, **extra):
    """A visitor's view that must be rendered anew (not from the cache)."""
    response = client.get(url, **extra)
    assert not from_cache(response), f"{url} came from the cache"
    return response


def cached(client, url, **extra):
    """A visitor's view that must come from the cache."""
    response = client.get(url, **extra)
    assert from_cache(response), f"{url} was rendered again"
    return response
