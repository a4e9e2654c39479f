"""On PostgreSQL, pages are searched in the search's own page records: one row per page with
its vectors and what a result shows. The rows must follow the page tree at once: a page
unpublished, moved, renamed higher up or deleted is found (or not) where it now is."""

from unittest import mock

import pytest
from django.core.management import call_command
from django.db import connection
from wagtail.models import PageViewRestriction

from search.models import PageRecord
from tests.factories import ContentPageFactory

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="the page records are PostgreSQL's; CI runs this"
    ),
]


@pytest.fixture(autouse=True)
def fresh_cache():
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


def found(client, query) -> dict[str, str]:
    """Title → address of each result."""
    response = client.get("/sok/", {"q": query})
    assert response.status_code == 200
    results = response.context["results"]
    return {hit.title: hit.url for hit in results} if results else {}


@pytest.fixture
def tree(home_page):
    first = ContentPageFactory(parent=home_page, title="Første avdeling", slug="forste")
    second = ContentPageFactory(parent=home_page, title="Andre avdeling", slug="andre")
    page = ContentPageFactory(parent=first, title="Kvalitetsarbeid i omsorgen", slug="kvalitet")
    child = ContentPageFactory(parent=page, title="Kvalitetsmåling i hjemmet", slug="maling")
    return first, second, page, child


def test_a_page_is_found_through_a_record_that_matches_the_page(client, tree):
    _first, _second, page, _child = tree
    record = PageRecord.objects.get(page=page)
    assert (record.title, record.path, record.url_path, record.live) == (
        page.title,
        page.path,
        page.url_path,
        True,
    )
    assert found(client, "kvalitetsarbeidet") == {"Kvalitetsarbeid i omsorgen": "/forste/kvalitet/"}


def test_an_unpublished_page_leaves_the_results_before_the_index_is_written(client, tree):
    _first, _second, page, _child = tree
    assert "Kvalitetsarbeid i omsorgen" in found(client, "kvalitetsarbeid")
    # The index entry is written by the task worker, which has not run yet.
    with mock.patch("modelsearch.signal_handlers.insert_or_update_object_task"):
        page.unpublish()
    assert "Kvalitetsarbeid i omsorgen" not in found(client, "kvalitetsarbeid")
    assert PageRecord.objects.get(page=page).live is False


def test_a_moved_page_and_its_descendants_are_found_at_their_new_address(client, tree):
    _first, second, page, _child = tree
    with mock.patch("modelsearch.signal_handlers.insert_or_update_object_task"):
        page.move(second, pos="last-child")
    assert found(client, "kvalitetsmåling") == {
        "Kvalitetsmåling i hjemmet": "/andre/kvalitet/maling/"
    }
    moved = PageRecord.objects.get(page=page)
    page.refresh_from_db()
    assert (moved.path, moved.depth) == (page.path, page.depth)


def test_moving_a_page_among_its_siblings_renumbers_their_records(tree):
    first, second, _page, _child = tree
    second.move(first, pos="left")
    for page in (first, second):
        page.refresh_from_db()
        assert PageRecord.objects.get(page=page).path == page.path


def test_a_new_slug_higher_up_gives_the_descendants_new_addresses(
    client, tree, django_capture_on_commit_callbacks
):
    first, _second, _page, _child = tree
    first.slug = "omdoept"
    with (
        mock.patch("modelsearch.signal_handlers.insert_or_update_object_task"),
        django_capture_on_commit_callbacks(execute=True),
    ):
        first.save_revision().publish()
    assert found(client, "kvalitetsmåling") == {
        "Kvalitetsmåling i hjemmet": "/omdoept/kvalitet/maling/"
    }


def test_a_deleted_page_takes_its_own_and_its_descendants_records(tree):
    _first, _second, page, child = tree
    page.delete()
    assert not PageRecord.objects.filter(page_id__in=[page.pk, child.pk]).exists()


def test_a_private_page_stays_hidden_for_the_public(client, tree):
    first, _second, _page, _child = tree
    PageViewRestriction.objects.create(page=first, restriction_type=PageViewRestriction.LOGIN)
    assert found(client, "kvalitetsmåling") == {}


def test_rebuilding_the_index_writes_every_record_with_the_entries_title_norm(tree):
    PageRecord.objects.all().delete()
    call_command("update_index", verbosity=0)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*), count(*) FILTER (WHERE record.title_norm = entry.title_norm) "
            "FROM search_pagerecord record JOIN wagtailsearch_indexentry entry "
            "ON entry.object_id = record.page_id::text "
            "AND entry.content_type_id = record.content_type_id"
        )
        joined, same_norm = cursor.fetchone()
        cursor.execute(
            "SELECT count(*) FROM wagtailsearch_indexentry entry "
            "JOIN wagtailcore_page page ON entry.object_id = page.id::text "
            "AND entry.content_type_id = page.content_type_id"
        )
        (page_entries,) = cursor.fetchone()
    assert joined == page_entries == PageRecord.objects.count() > 4
    assert same_norm == joined
