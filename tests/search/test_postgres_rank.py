"""On PostgreSQL the site search ranks with Wagtail's own rank expression, except that a
choice between single words is ranked once (ts_rank of the words joined by «|») instead of
once per word: PostgreSQL gives exactly the mean Wagtail takes, so the order is the same."""

import pytest
from django.db import connection
from django.db.models import F
from wagtail.models import Page
from wagtail.search.backends import get_search_backend
from wagtail.search.query import And, Or, PlainText

from search.models import PageRecord
from search.postgres_search import RankedSearch, one_rank_per_choice

from .conftest import RANKED_TEXTS

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="PostgreSQL's ranking; CI runs this there"
    ),
]


def wagtail_scores(query) -> dict:
    backend = get_search_backend()
    compiler = backend.query_compiler_class(Page.objects.none(), query)
    config = backend.config
    score = compiler.build_tsrank(F("title_vector"), query, config=config) * F("title_norm")
    score += compiler.build_tsrank(F("body_vector"), query, config=config)
    return dict(PageRecord.objects.annotate(score=score).values_list("title", "score"))


def our_scores(query) -> tuple[dict, str]:
    search = RankedSearch(get_search_backend(), query)
    sql, params = search.rank("title_vector", "body_vector", "title_norm")
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT title, {sql} FROM search_pagerecord", params)  # noqa: S608
        return dict(cursor.fetchall()), sql


@pytest.mark.parametrize(
    "query",
    [
        Or([PlainText("kj"), PlainText("kjernejournal")]),
        And([Or([PlainText("kj"), PlainText("kjernejournal")]), PlainText("kommunene")]),
        Or([PlainText("kj"), PlainText("pasientens legemiddelliste", operator="and")]),
        Or([Or([PlainText("kj"), PlainText("kjernejournal")]), PlainText("helseteknologi")]),
    ],
)
def test_the_scores_are_wagtails(ranked_pages_content, query):
    theirs = wagtail_scores(query)
    ours, _sql = our_scores(query)
    assert set(ours) >= set(RANKED_TEXTS) - {"Utkast"}
    assert any(score > 0 for score in ours.values())
    for title, score in theirs.items():
        assert ours[title] == pytest.approx(score, rel=1e-6, abs=1e-9), title


def test_a_choice_of_single_words_is_ranked_once_per_vector(ranked_pages_content):
    query = Or([PlainText("kj"), PlainText("kjernejournal")])
    assert one_rank_per_choice(query).operator == "or"
    _scores, sql = our_scores(query)
    assert sql.count("ts_rank(") == 2  # Wagtail's expression has four
    # A choice with an expression of several words keeps one rank per alternative.
    mixed = Or([PlainText("kj"), PlainText("pasientens legemiddelliste", operator="and")])
    assert isinstance(one_rank_per_choice(mixed), Or)
