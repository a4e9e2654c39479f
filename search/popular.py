"""Editors' promoted results, the «Andre har søkt etter» list, and the search log.

Promotions (Wagtail's search promotions) are read once and kept in the cache; saving or
deleting one clears it, so a search costs no query for them.

«Andre har søkt etter» shows only searches editors approved by giving them a promotion,
ordered by how often they were searched: what visitors type never reaches another visitor's
page on its own.

The log keeps no personal data: only searches by visitors who are not logged in, no user,
no address, only the normalised words and a count per day, and not searches that look like
an e-mail address or a long number (phone, national identity number) or that found a person.
"""

import re
from datetime import timedelta

from django.core.cache import cache
from django.db import connection, transaction
from django.db.models.signals import post_delete, post_save
from django.utils import timezone
from wagtail.contrib.search_promotions.models import Query, QueryDailyHits, SearchPromotion
from wagtail.search.utils import MAX_QUERY_STRING_LENGTH, normalise_query_string

PROMOTIONS_KEY = "search:promotions:v1"
PROMOTIONS_TIMEOUT = 300
POPULAR_DAYS = 30
POPULAR_COUNT = 6
MAX_LOGGED_LENGTH = 100
PERSONAL = re.compile(r"@|\d[\d .-]{4,}\d")


def promotions_for(query: str) -> list[dict]:
    """The promotions for this query, in the editors' order (from the cache)."""
    table = cache.get(PROMOTIONS_KEY)
    if table is None:
        table = {}
        for promotion in SearchPromotion.objects.select_related("query").order_by("sort_order"):
            table.setdefault(promotion.query.query_string, []).append(
                {
                    "page_id": promotion.page_id,
                    "external_link_url": promotion.external_link_url,
                    "external_link_text": promotion.external_link_text,
                    "description": promotion.description,
                }
            )
        cache.set(PROMOTIONS_KEY, table, PROMOTIONS_TIMEOUT)
    return table.get(normalise_query_string(query), [])


def clear_promotions(**kwargs):
    cache.delete(PROMOTIONS_KEY)
    transaction.on_commit(lambda: cache.delete(PROMOTIONS_KEY))


def approved_popular_queries(exclude: str = "") -> list[str]:
    """Searches editors approved (they have a promotion), most searched first."""
    since = timezone.now().date() - timedelta(days=POPULAR_DAYS)
    queries = (
        Query.get_most_popular(date_since=since)
        .filter(editors_picks__isnull=False)
        .exclude(query_string=normalise_query_string(exclude))
    )
    return [query.query_string for query in queries[:POPULAR_COUNT]]


def may_log(request, query: str, found_people: bool) -> bool:
    return (
        not request.user.is_authenticated
        and not found_people
        and len(query) <= MAX_LOGGED_LENGTH
        and not PERSONAL.search(query)
    )


def log_search(query: str) -> None:
    """Count one search for today (one statement on PostgreSQL, two on SQLite)."""
    text = normalise_query_string(query)[:MAX_QUERY_STRING_LENGTH]
    if not text:
        return
    query_table = Query._meta.db_table
    hits_table = QueryDailyHits._meta.db_table
    today = timezone.now().date()
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # One statement: the query row and today's count together.
            cursor.execute(
                f"WITH query AS (INSERT INTO {query_table} (query_string) VALUES (%s) "  # noqa: S608
                "ON CONFLICT (query_string) DO UPDATE SET query_string = EXCLUDED.query_string "
                f"RETURNING id) INSERT INTO {hits_table} (query_id, date, hits) "
                "SELECT id, %s, 1 FROM query "
                f"ON CONFLICT (query_id, date) DO UPDATE SET hits = {hits_table}.hits + 1",
                [text, today],
            )
            return
        cursor.execute(
            f"INSERT INTO {query_table} (query_string) VALUES (%s) "  # noqa: S608 - table names
            "ON CONFLICT (query_string) DO NOTHING",
            [text],
        )
        cursor.execute(
            f"INSERT INTO {hits_table} (query_id, date, hits) "  # noqa: S608 - table names
            f"SELECT id, %s, 1 FROM {query_table} WHERE query_string = %s "
            f"ON CONFLICT (query_id, date) DO UPDATE SET hits = {hits_table}.hits + 1",
            [today, text],
        )


def connect():
    post_save.connect(clear_promotions, sender=SearchPromotion, dispatch_uid="search-promo-saved")
    post_delete.connect(
        clear_promotions, sender=SearchPromotion, dispatch_uid="search-promo-deleted"
    )
