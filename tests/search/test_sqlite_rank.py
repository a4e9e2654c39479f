"""On SQLite the site search reads its pages' scores in one pass (search/sqlite_search.py)
instead of Wagtail's subquery per page; the pages, scores and order must stay Wagtail's."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page
from wagtail.search.backends import get_search_backend
from wagtail.search.query import And, Or, PlainText

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's search"),
]


def anonymous():
    request = RequestFactory().get("/sok/")
    request.user = AnonymousUser()
    return request


@pytest.mark.parametrize(
    "query",
    [
        PlainText("kjernejournalen"),
        Or([PlainText("kj"), PlainText("kjernejournal")]),
        And([Or([PlainText("kj"), PlainText("kjernejournal")]), PlainText("kommunene")]),
        Or([PlainText("helseteknologi"), PlainText("legemiddelliste")]),
    ],
)
def test_the_pages_scores_and_order_are_wagtails(ranked_pages_content, query):
    # Imported here: the module reads SQLite's full-text model, which PostgreSQL has not.
    from search.sqlite_search import ranked_pages

    backend = get_search_backend()
    root = ranked_pages_content.get_site().root_page
    theirs = (
        Page.objects.live()
        .filter(depth__gt=1, path__startswith=root.path)
        .search(query)
        .annotate_score("_score")[:100]
    )
    expected = [(page.pk, page._score) for page in theirs]
    with CaptureQueriesContext(connection) as queries:
        ours = ranked_pages(backend, query, anonymous(), root.path, 100)
    assert len(queries) == 1
    assert expected, "the query finds pages"
    assert [row.pk for row in ours] == [pk for pk, _score in expected]
    for row, (_pk, score) in zip(ours, expected, strict=True):
        assert row._score == pytest.approx(score)
    assert "Utkast" not in {row.title for row in ours}
