"""The site search's pages on SQLite, ranked as Wagtail's backend ranks them, in one pass.

Wagtail's SQLite backend finds the matching index entries in one query, but gives each page
its score through a subquery that runs the full-text match again for that page: with ten
thousand pages a common word took over a second. Here the same match and the same score
(the backend's own expressions) are read once, as a derived table, and joined to the pages
by id. Ordering (score, then the newest id) and the limit are the backend's.
"""

from django.db import connection
from django.db.models import F
from modelsearch.backends.database.sqlite.query import MatchExpression, normalize
from modelsearch.backends.database.sqlite.sqlite import SQLiteFTSIndexEntry
from modelsearch.utils import get_descendants_content_types_pks
from wagtail.models import Page

from .rows import PAGE_ROW_COLUMNS, PageRow
from .visibility import rules_sql


def _matches(backend, query) -> tuple[str, list]:
    """SQL of the index entries of pages that match, with their object id and score."""
    query = normalize(query)
    compiler = backend.query_compiler_class(Page.objects.all(), query)
    config = compiler.get_config(backend)
    match = MatchExpression(
        compiler.fields or compiler.FTS_TABLE_FIELDS,
        compiler.build_search_query(query, config=config),
    )
    score = compiler._build_rank_expression(compiler.get_search_vectors(), config)
    entries = (
        SQLiteFTSIndexEntry.objects.filter(match)
        .filter(index_entry__content_type__in=get_descendants_content_types_pks(Page))
        .annotate(found_id=F("index_entry__object_id"), score=score)
        .values("found_id", "score")
    )
    sql, params = entries.query.sql_with_params()
    return sql, list(params)


def ranked_pages(backend, query, request, root_path: str, limit: int) -> list[PageRow]:
    """The best `limit` pages this reader may open, each with its `_score` (lower is better,
    as SQLite's bm25 gives it)."""
    found_sql, found_params = _matches(backend, query)
    hidden_sql, hidden_params = rules_sql(request).hidden_pages
    columns = ", ".join(f"page.{column}" for column in PAGE_ROW_COLUMNS)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT {columns}, found.score FROM {Page._meta.db_table} page "  # noqa: S608
            f"JOIN ({found_sql}) found ON found.found_id = page.id "
            f"WHERE page.live = %s AND page.depth > 1 AND page.path LIKE %s "
            f"AND NOT page.id IN ({hidden_sql}) "
            "ORDER BY found.score ASC, page.id DESC LIMIT %s",
            # Tree paths are digits and capitals only: nothing in one is special to LIKE.
            [*found_params, True, root_path + "%", *hidden_params, limit],
        )
        return [PageRow(*values) for values in cursor.fetchall()]
