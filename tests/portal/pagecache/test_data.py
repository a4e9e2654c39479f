"""Reference data kept in the cache (portal/pagecache/data.py): read once, never stale, and a
cached page that showed it is cleared when it changes."""

import pytest
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, Site

from network.models import Municipality
from network.organisation import directory
from portal.pagecache import data
from portal.routing import choose_site
from tests.conftest import commit_waiting
from tests.factories import HomePageFactory
from tests.network.factories import NetworkPageFactory
from tests.network.helpers import make_member

from .conftest import CACHE_ON, cached, fresh

pytestmark = pytest.mark.django_db


def rename(municipality, name: str) -> None:
    municipality.name = name
    municipality.save()


def test_reference_data_costs_no_query_once_read(django_assert_num_queries):
    with django_assert_num_queries(2):  # the municipalities and their cohorts
        first = directory.municipalities()
    with django_assert_num_queries(0):
        again = directory.municipalities()
    assert [m.name for m in again] == [m.name for m in first]
    assert len(first) == Municipality.objects.count()


def test_a_change_is_read_at_once_in_its_transaction_and_after_its_commit():
    directory.municipalities()
    vega = Municipality.objects.get(slug="vega")
    rename(vega, "Vega kommune")
    assert "Vega kommune" in [m.name for m in directory.municipalities()]
    commit_waiting()
    names = [m.name for m in directory.municipalities()]
    assert "Vega kommune" in names and "Vega" not in names


def test_nothing_read_in_a_transaction_with_changes_waiting_is_kept(
    django_assert_num_queries,
):
    rename(Municipality.objects.get(slug="vega"), "Vega kommune")
    directory.municipalities()
    # It may be rolled back: the next reader reads the database again.
    with django_assert_num_queries(2):
        directory.municipalities()
    commit_waiting()
    directory.municipalities()
    with django_assert_num_queries(0):
        directory.municipalities()


def test_each_reader_gets_a_copy_of_its_own():
    first = directory.municipalities()
    first[0].name = "Endret i minnet"
    first.pop()
    again = directory.municipalities()
    assert again[0].name != "Endret i minnet"
    assert len(again) == len(first) + 1


def test_a_value_is_built_once_while_nothing_changes():
    built = []

    def build():
        built.append(1)
        return [m.pk for m in Municipality.objects.all()]

    assert data.remember("test:ids", build) == data.remember("test:ids", build)
    assert built == [1]


# A cached page that showed reference data ---------------------------------------------------


@pytest.fixture
def network_site():
    home = HomePageFactory(parent=Page.get_first_root_node())
    site = Site.objects.get(is_default_site=True)
    site.root_page = home
    site.save()
    network = NetworkPageFactory(parent=home)
    commit_waiting()
    return network


def test_a_cached_page_that_listed_cached_municipalities_is_cleared_when_one_changes(
    client, network_site
):
    url = network_site.url + "kommuner/"
    assert "Vega" in client.get(url).content.decode()  # fills the reference data cache
    with override_settings(**CACHE_ON):
        # Rendered from the reference data cache: the copy must still know what it showed.
        assert "Vega" in fresh(client, url).content.decode()
        cached(client, url)
        rename(Municipality.objects.get(slug="vega"), "Vega kommune")
        commit_waiting()
        assert "Vega kommune" in fresh(client, url).content.decode()


def test_a_page_view_reads_neither_the_site_nor_its_root_page(client, network_site):
    client.get(network_site.url)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(network_site.url).status_code == 200
    assert not [q for q in queries.captured_queries if "wagtailcore_site" in q["sql"]]
    assert not [q for q in queries.captured_queries if '"home_homepage"' in q["sql"]]


def test_a_new_root_page_is_routed_at_once(client, network_site):
    assert client.get(network_site.url).status_code == 200
    other = HomePageFactory(parent=Page.get_first_root_node(), title="Ny forside", slug="ny")
    site = Site.objects.get(is_default_site=True)
    site.root_page = other
    site.save()
    commit_waiting()
    assert client.get(network_site.url).status_code == 404
    assert "Ny forside" in client.get("/").content.decode()


# Choosing the site -------------------------------------------------------------------------


def site(hostname: str, port: int = 80, default: bool = False) -> Site:
    return Site(hostname=hostname, port=port, is_default_site=default)


def test_the_site_with_hostname_and_port_wins():
    default, eighty, other_port = (
        site("localhost", default=True),
        site("portal.example.org"),
        site("portal.example.org", 8080),
    )
    sites = [default, eighty, other_port]
    assert choose_site(sites, "portal.example.org", 8080) is other_port
    assert choose_site(sites, "portal.example.org", 80) is eighty


def test_the_only_site_with_the_hostname_serves_any_port():
    default, named = site("localhost", default=True), site("portal.example.org")
    assert choose_site([default, named], "portal.example.org", 8443) is named


def test_an_unknown_hostname_gets_the_default_site_or_none():
    default, named = site("localhost", default=True), site("portal.example.org")
    assert choose_site([default, named], "annen.example.org", 80) is default
    assert choose_site([named], "annen.example.org", 80) is None


def test_among_several_sites_with_the_hostname_and_no_port_match_the_default_wins():
    default = site("portal.example.org", 8000, default=True)
    sites = [default, site("portal.example.org", 8080)]
    assert choose_site(sites, "portal.example.org", 9000) is default
    assert (
        choose_site([site("a.example.org", 1), site("a.example.org", 2)], "a.example.org", 3)
        is None
    )


def test_a_change_to_what_an_entry_did_not_read_leaves_it_in_place(
    django_assert_num_queries,
):
    directory.municipalities()
    make_member("ny-kollega", Municipality.objects.get(slug="vega"))
    commit_waiting()
    with django_assert_num_queries(0):
        directory.municipalities()


def test_a_value_read_while_something_changed_is_not_kept(monkeypatch):
    real_build = data._build

    def build_while_a_colleague_saves(build):
        result = real_build(build)
        rename(Municipality.objects.get(slug="rana"), "Rana kommune")
        commit_waiting()
        return result

    monkeypatch.setattr(data, "_build", build_while_a_colleague_saves)
    directory.municipalities()
    monkeypatch.setattr(data, "_build", real_build)
    assert "Rana kommune" in [m.name for m in directory.municipalities()]


def test_a_cache_that_does_not_answer_costs_queries_not_the_answer(django_assert_num_queries):
    broken = {"BACKEND": "django_redis.cache.RedisCache", "LOCATION": "redis://127.0.0.1:1/0"}
    with override_settings(CACHES={"default": broken}), django_assert_num_queries(2):
        names = [m.name for m in directory.municipalities()]
    assert "Vega" in names


def test_a_worker_reads_its_own_copy_after_checking_the_versions_only(monkeypatch):
    data.forget_local()
    directory.municipalities()
    reads = []
    real_get = data.cache.get
    monkeypatch.setattr(
        data.cache, "get", lambda key, *a, **k: reads.append(key) or real_get(key, *a, **k)
    )
    again = directory.municipalities()
    # No entry read from the shared cache: only the versions of its tags.
    assert [key for key in reads if key.startswith(data.KEY_PREFIX)] == []
    assert reads
    assert len(again) == Municipality.objects.count()
    # Another worker's change bumps a version: this worker's copy is no longer used.
    rename(Municipality.objects.get(slug="vega"), "Vega kommune")
    commit_waiting()
    assert "Vega kommune" in [m.name for m in directory.municipalities()]


def test_a_worker_keeps_no_more_than_its_share_of_memory(monkeypatch):
    monkeypatch.setattr(data._local, "limit", 64 * 1024)
    data.forget_local()
    for n in range(40):
        data.remember(f"test:big:{n}", lambda: "x" * 6000 + str(Municipality.objects.count()))
    assert 0 < data._local.total <= 64 * 1024
    assert len(data._local) < 40
