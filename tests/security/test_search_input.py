"""The search page answers odd input with a normal page: never a 500, never the raw input.

The view holds on its own (called directly, as if no middleware filtered the address), and
through the whole stack an address with control characters gives 200 or 400, never 500.
"""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.contrib.sessions.backends.db import SessionStore
from django.test import RequestFactory

from search.views import search
from tests.factories import ContentPageFactory

ODD_QUERIES = ["a\x00b", "\x00", "tilde\x00ling", "tildeling\x07\x1b[31m", "til\u200bdeling"]


@pytest.fixture
def site(home_page):
    return ContentPageFactory(parent=home_page, title="Tildeling", intro="Om tildeling.")


def view(url: str):
    """The search view's own answer to a raw address, rendered."""
    request = RequestFactory().get(url)
    request.user = AnonymousUser()
    request.session = SessionStore()
    response = search(request)
    if hasattr(response, "render"):
        response.render()
    return response


@pytest.mark.parametrize("query", ODD_QUERIES)
def test_control_characters_in_the_query_give_a_normal_page(site, query):
    """The view answers a NUL byte or other control character in q with 200, not echoing it."""
    for suffix in ("", "&format=forslag"):
        response = view(f"/sok/?q={query}{suffix}")
        assert response.status_code == 200
        assert "\x00" not in response.content.decode()


def test_a_nul_byte_in_the_address_gives_a_normal_page(client, site):
    """/sok/?q=a%00b (and NUL in filters and page) gives 200 from the view, never 500."""
    for url in ("/sok/?q=a%00b", "/sok/?q=tildeling&type=%00&tag=%00&htm=%00&page=%00"):
        assert view(url).status_code == 200
        assert client.get(url).status_code in (200, 400)


def test_an_overlong_query_is_cut_to_200_characters(client, site):
    """A query of 100,000 characters is answered, with at most 200 of them kept."""
    response = client.get("/sok/", {"q": "tildeling " * 10_000})
    assert response.status_code == 200
    assert len(response.context["outcome"].query) <= 200


def test_repeated_parameters_use_the_first_value(site):
    """?q=…&q=… and repeated filters give a normal page built from the first value of each."""
    response = view("/sok/?q=tildeling&q=%00&page=1&page=abc&type=x&type=htm")
    assert response.status_code == 200
    assert response.context_data["outcome"].query == "tildeling"
    assert [hit.title for hit in response.context_data["results"]] == ["Tildeling"]
