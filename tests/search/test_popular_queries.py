"""«Andre har søkt etter» shows only searches editors approved, and the search log keeps
no personal data."""

import pytest
from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from tests.factories import ContentPageFactory
from tests.network.factories import ContactPersonFactory

from .conftest import make_network_member

SPAM = "kjøp billige klokker"


@pytest.fixture(autouse=True)
def fresh_cache():
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def site(home_page):
    return ContentPageFactory(parent=home_page, title="Tildeling", intro="Om tildeling.")


def no_result_page(client) -> str:
    response = client.get("/sok/", {"q": "finnesikke"})
    assert response.status_code == 200
    return response.content.decode()


def test_three_anonymous_spam_searches_do_not_show_to_anyone(client, site):
    for _ in range(3):
        client.get("/sok/", {"q": SPAM})
    assert Query.objects.filter(query_string=SPAM).exists()  # editors can see it was typed
    assert SPAM not in no_result_page(client)


def test_searches_editors_approved_show_most_searched_first(client, site):
    for query in ("tildeling", "tildeling", "opplæring"):
        client.get("/sok/", {"q": query})
    for query in ("tildeling", "opplæring"):
        SearchPromotion.objects.create(query=Query.get(query), page=site, sort_order=0)
    html = no_result_page(client)
    assert "Andre har søkt etter" in html
    assert html.index("?q=tildeling") < html.index("?q=oppl%C3%A6ring")


def test_members_searches_are_neither_logged_nor_shown(client, site, django_user_model):
    client.force_login(make_network_member(django_user_model))
    client.get("/sok/", {"q": "internt prosjekt"})
    assert not Query.objects.filter(query_string="internt prosjekt").exists()


@pytest.mark.parametrize(
    "query", ["ola.nordmann@example.no", "01017012345", "tlf 75 55 12 34", "Kari Nordmann"]
)
def test_searches_that_look_personal_are_not_logged(client, site, query):
    ContactPersonFactory(name="Kari Nordmann", publish=True)
    client.get("/sok/", {"q": query})
    assert not Query.objects.exists()


def test_the_log_keeps_the_normalised_words_and_a_count_per_day(client, site):
    client.get("/sok/", {"q": "  Tildeling "})
    client.get("/sok/", {"q": "tildeling"})
    query = Query.objects.get()
    assert query.query_string == "tildeling"
    assert query.hits == 2
    assert {field.name for field in Query._meta.get_fields()} <= {
        "id",
        "query_string",
        "daily_hits",
        "editors_picks",
    }
