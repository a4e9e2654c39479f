"""The pages on the way to a requested page are kept in the cache between views (the router's
one query is then not run at all), and every change that moves, renames, hides, restricts or
adds a page is routed right on the very next request."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from tests.conftest import commit_waiting
from tests.factories import ContentPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def tree(home_page):
    about = ContentPageFactory(parent=home_page, title="Om", slug="om")
    inner = ContentPageFactory(parent=about, title="Indre", slug="indre")
    deepest = ContentPageFactory(parent=inner, title="Dypest", slug="dypest")
    other = ContentPageFactory(parent=home_page, title="Annet", slug="annet")
    commit_waiting()
    return {"about": about, "inner": inner, "deepest": deepest, "other": other}


def routed(client, url) -> tuple[int, bool]:
    """(status, whether the router read the pages on the way from the database)."""
    with CaptureQueriesContext(connection) as queries:
        status = client.get(url).status_code
    return status, any('"url_path" IN' in q["sql"] for q in queries.captured_queries)


def moved_to(client, url) -> str:
    """Where the old address sends the visitor: Wagtail's redirect, made when a page's
    address changes (the router itself no longer finds a page there)."""
    response = client.get(url)
    assert response.status_code == 301
    return response["Location"]


def test_the_pages_on_the_way_are_read_once(client, tree):
    assert routed(client, "/om/indre/dypest/") == (200, True)
    assert routed(client, "/om/indre/dypest/") == (200, False)
    assert routed(client, "/annet/") == (200, True)
    # Another page's changes leave the kept route in place.
    tree["other"].title = "Annet igjen"
    tree["other"].save_revision().publish()
    commit_waiting()
    assert routed(client, "/om/indre/dypest/") == (200, False)


def test_a_renamed_ancestor_moves_the_address_at_once(client, tree):
    routed(client, "/om/indre/dypest/")
    tree["inner"].slug = "innerst"
    tree["inner"].save_revision().publish()
    commit_waiting()
    assert moved_to(client, "/om/indre/dypest/") == "/om/innerst/dypest/"
    assert routed(client, "/om/innerst/dypest/") == (200, True)


def test_a_moved_page_answers_at_its_new_address_only(client, tree):
    routed(client, "/om/indre/dypest/")
    tree["deepest"].move(tree["other"], pos="last-child")
    commit_waiting()
    assert moved_to(client, "/om/indre/dypest/") == "/annet/dypest/"
    assert routed(client, "/annet/dypest/")[0] == 200


def test_an_unpublished_page_is_gone_and_comes_back(client, tree):
    routed(client, "/om/indre/dypest/")
    tree["deepest"].unpublish()
    commit_waiting()
    assert routed(client, "/om/indre/dypest/")[0] == 404
    tree["deepest"].save_revision().publish()
    commit_waiting()
    assert routed(client, "/om/indre/dypest/")[0] == 200


def test_a_restriction_added_later_asks_for_a_login(client, tree):
    routed(client, "/om/indre/dypest/")
    PageViewRestriction.objects.create(page=tree["inner"], restriction_type="login")
    commit_waiting()
    assert routed(client, "/om/indre/dypest/")[0] == 302
    PageViewRestriction.objects.all().delete()
    commit_waiting()
    assert routed(client, "/om/indre/dypest/")[0] == 200


def test_a_page_created_where_a_path_found_nothing_is_served(client, tree):
    assert routed(client, "/om/ny/")[0] == 404
    assert routed(client, "/finnes-ikke/")[0] == 404
    ContentPageFactory(parent=tree["about"], title="Ny", slug="ny")
    ContentPageFactory(parent=tree["about"].get_parent(), title="Finnes", slug="finnes-ikke")
    commit_waiting()
    assert routed(client, "/om/ny/")[0] == 200
    assert routed(client, "/finnes-ikke/")[0] == 200
