"""The shared list of inflected queries (tests/search/queries.py) finds its page in the top
five on the demo site, on whichever database the suite runs (SQLite and PostgreSQL in CI)."""

import pytest

from .queries import INFLECTED_QUERIES

TOP = 5


def test_the_list_is_long_enough_and_inflected():
    assert len(INFLECTED_QUERIES) >= 40
    endings = ("en", "et", "a", "er", "ene", "s")
    assert all(query.endswith(endings) for query, _title in INFLECTED_QUERIES)


@pytest.mark.usefixtures("demo_content")
class TestOnTheDemo:
    """In a class, so that the demo site is loaded once for the whole list."""

    @pytest.mark.parametrize(
        ("query", "title"), INFLECTED_QUERIES, ids=[q for q, _ in INFLECTED_QUERIES]
    )
    def test_an_inflected_query_finds_its_page_in_the_top_five(self, client, db, query, title):
        response = client.get("/sok/", {"q": query})
        assert response.status_code == 200
        results = response.context["results"]
        top = [hit.title for hit in results][:TOP] if results else []
        assert title in top, (query, top)
