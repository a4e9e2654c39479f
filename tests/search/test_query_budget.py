"""The search's number of SQL queries on the demo site and on ten times its content.

A search runs its own queries (three searches, tags, where documents are used, the pages the
results need, snippets, and the log) plus the layout every page has (site, menu, settings,
footer). The layout is measured on the empty search page and subtracted, so this holds the
search to its own budget; the total is reported by the assertion messages.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.documents import get_document_model
from wagtail.models import Page

from tests.conftest import commit_waiting
from tests.factories import ContentPageFactory
from tests.network.factories import ContactPersonFactory

# Three searches, tags, document usage, pages, snippets, two log statements (one on
# PostgreSQL). Restrictions, synonyms and promotions cost none.
SEARCH_OWN_QUERIES = 9
# The whole search page, frame included (the frame and the site come from the cache).
PAGE_QUERIES = 10
QUERIES = ["kjernejournalen", "teknologi", "pll", "opplæring", "finnesikke"]


@pytest.fixture
def demo(demo_content, db):
    return None


def count(client, params) -> int:
    assert client.get("/sok/", params).status_code == 200  # warm the caches
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/sok/", params).status_code == 200
    return len(queries)


def budget(client) -> dict:
    layout = count(client, {})
    return {query: (count(client, {"q": query}) - layout, layout) for query in QUERIES}


def multiply_content(make_document, times: int = 9) -> None:
    """Nine more copies of the demo's pages, people and documents: ten times the content."""
    home = Page.objects.get(depth=2)
    parent = ContentPageFactory(parent=home, title="Arkiv", slug="arkiv", show_in_menus=False)
    pages = list(Page.objects.live().filter(depth__gt=2).values_list("title", flat=True))
    documents = [(d.title, d.extracted_text) for d in get_document_model().objects.all()]
    for copy in range(times):
        for number, title in enumerate(pages):
            ContentPageFactory(
                parent=parent, title=title, slug=f"kopi-{copy}-{number}", show_in_menus=False
            )
        for number, (title, text) in enumerate(documents):
            make_document(title, (text or title).encode(), f"kopi-{copy}-{number}.txt")
        ContactPersonFactory.create_batch(12, publish=True)


def test_search_keeps_its_query_budget_on_the_demo_and_on_ten_times_the_content(
    client, demo, make_document
):
    small = budget(client)
    for query, (own, layout) in small.items():
        assert own <= SEARCH_OWN_QUERIES, (query, own, layout)
        assert own + layout <= PAGE_QUERIES, (query, own, layout)
    multiply_content(make_document)
    commit_waiting()  # the content is there as if committed: the reference data is kept
    large = budget(client)
    assert large == small
