"""On PostgreSQL, search matches the title and body vectors through the costly-declared
function that the GIN indexes are built on (search 0003, 0005): on Wagtail's index entries,
and for the site search on its page records. Both rank as Wagtail does."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import ContentPageFactory

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="PostgreSQL's index; CI runs this there"
    ),
]


def test_the_vectors_are_matched_as_their_indexes_are_built(client, home_page):
    ContentPageFactory(parent=home_page, title="Velferdsteknologi i hjemmet", slug="vt")
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexname, indexdef FROM pg_indexes WHERE indexname IN "
            "('search_indexentry_vector_gin', 'search_pagerecord_vector_gin')"
        )
        definitions = dict(cursor.fetchall())
        cursor.execute(
            "SELECT provolatile, proisstrict, procost FROM pg_proc "
            "WHERE proname = 'portal_search_vector'"
        )
        volatility, strict, cost = cursor.fetchone()
    assert "gin (portal_search_vector(title, body))" in definitions["search_indexentry_vector_gin"]
    records = definitions["search_pagerecord_vector_gin"]
    # Without a pending list, a search never reads through rows waiting to be merged.
    assert "gin (portal_search_vector(title_vector, body_vector))" in records
    assert "fastupdate=off" in records
    assert (volatility, strict) == ("i", True) and cost >= 1000

    with CaptureQueriesContext(connection) as queries:
        response = client.get("/sok/", {"q": "velferdsteknologien"})
    matched = [q["sql"] for q in queries.captured_queries if "@@" in q["sql"]]
    assert len(matched) == 1
    assert "portal_search_vector(r.title_vector, r.body_vector) @@ " in matched[0]
    assert "ts_rank" in matched[0] and "r.title_norm" in matched[0]
    titles = [hit.obj.title for hit in response.context["results"]]
    assert titles[0] == "Velferdsteknologi i hjemmet"

    # Wagtail's own searches (the admin's) match the entries through the function.
    from wagtail.models import Page

    with CaptureQueriesContext(connection) as queries:
        assert list(Page.objects.live().search("velferdsteknologi"))
    matched = [q["sql"] for q in queries.captured_queries if "@@" in q["sql"]]
    assert matched and all("portal_search_vector(" in sql for sql in matched)


def test_the_joined_vectors_are_matched_but_not_sent_back(client, home_page):
    ContentPageFactory(parent=home_page, title="Velferdsteknologi i hjemmet", slug="vt")
    with CaptureQueriesContext(connection) as queries:
        client.get("/sok/", {"q": "velferdsteknologi"})
    matched = [q["sql"] for q in queries.captured_queries if "@@" in q["sql"]]
    assert matched
    for sql in matched:
        # Matched in WHERE only: no hit's whole vector is computed again and selected.
        selected = sql.split(" FROM ", 1)[0]
        assert "portal_search_vector(" not in selected and "_vector_" not in selected
