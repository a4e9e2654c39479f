"""The router that finds a page in one query (portal/routing.py) serves what Wagtail's
level-by-level walk served: restrictions on the page or an ancestor still hold, a routable
page's own sub-paths still win over its children, drafts and unknown paths are 404, and
`.public()` leaves out the same pages."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from home.models import ContentPage
from tests.factories import ContentPageFactory
from tests.network.factories import NewsPageFactory, ProjectIndexPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def tree(home_page):
    about = ContentPageFactory(parent=home_page, title="Om", slug="om")
    inner = ContentPageFactory(parent=about, title="Indre", slug="indre")
    deepest = ContentPageFactory(parent=inner, title="Dypest", slug="dypest")
    return {"about": about, "inner": inner, "deepest": deepest}


def test_a_deep_page_is_found_and_shows_its_breadcrumb(client, tree):
    response = client.get("/om/indre/dypest/")
    assert response.status_code == 200
    assert response.context["page"].pk == tree["deepest"].pk
    assert isinstance(response.context["page"], ContentPage)
    html = response.content.decode()
    assert 'href="/om/"' in html and 'href="/om/indre/"' in html


def test_the_route_costs_the_same_at_every_depth(client, tree):
    def queries(url):
        client.get(url)
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    assert queries("/om/") == queries("/om/indre/") == queries("/om/indre/dypest/")


def test_a_restriction_on_an_ancestor_still_asks_for_a_login(client, tree):
    PageViewRestriction.objects.create(page=tree["inner"], restriction_type="login")
    response = client.get("/om/indre/dypest/")
    assert response.status_code == 302
    assert "/om/indre/dypest/" in response["Location"]
    assert client.get("/om/").status_code == 200


def test_a_restricted_page_is_left_out_of_public_listings(tree):
    PageViewRestriction.objects.create(page=tree["inner"], restriction_type="login")
    public = set(ContentPage.objects.live().public().values_list("slug", flat=True))
    assert public == {"om"}
    private = set(ContentPage.objects.not_public().values_list("slug", flat=True))
    assert private == {"indre", "dypest"}


def test_drafts_and_unknown_paths_are_not_found(client, tree):
    tree["deepest"].unpublish()
    assert client.get("/om/indre/dypest/").status_code == 404
    assert client.get("/om/finnes-ikke/").status_code == 404
    assert client.get("/finnes-ikke/indre/").status_code == 404
    # A draft in the middle still leads to its live child, as Wagtail's walk did.
    tree["about"].unpublish()
    assert client.get("/om/indre/").status_code == 200


def test_a_routable_page_answers_its_own_sub_paths_before_a_child(client, home_page):
    index = ProjectIndexPageFactory(parent=home_page, slug="aktiviteter")
    NewsPageFactory(parent=index, title="Nyhet", slug="nyhet")
    NewsPageFactory(parent=index, title="Nyhet med samme adresse som feeden", slug="feed")
    response = client.get("/aktiviteter/feed/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    assert client.get("/aktiviteter/nyhet/").status_code == 200
    assert client.get("/aktiviteter/nyhet/finnes-ikke/").status_code == 404


def test_pages_are_found_by_url_path_through_an_index():
    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, "wagtailcore_page")
    index = constraints.get("portal_page_url_path_idx")
    assert index and index["index"] and index["columns"] == ["url_path"]
