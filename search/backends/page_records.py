"""Writing the search's page records (search.models.PageRecord) on PostgreSQL.

A record is copied from the page's index entry, just written, and from the page's own row,
in one statement, so it holds exactly what the index holds. The fields that change for a
whole subtree at once (a move, a new slug higher up) are copied again from the page table.
"""

from django.db import connection

from ..models import PageRecord

RECORDS = PageRecord._meta.db_table
COPY_FROM_ENTRIES = (
    f"INSERT INTO {RECORDS} (page_id, content_type_id, path, depth, url_path, locale_id, live, "  # noqa: S608 - table names
    "title, title_norm, title_vector, body_vector) "
    "SELECT page.id, entry.content_type_id, page.path, page.depth, page.url_path, "
    "page.locale_id, page.live, page.title, entry.title_norm, entry.title, entry.body "
    "FROM wagtailsearch_indexentry entry "
    "JOIN wagtailcore_page page ON entry.object_id = page.id::text "
    "AND entry.content_type_id = page.content_type_id "
    "WHERE entry.content_type_id = %s AND entry.object_id = ANY(%s) AND page.id = ANY(%s) "
    "ON CONFLICT (page_id) DO UPDATE SET content_type_id = EXCLUDED.content_type_id, "
    "path = EXCLUDED.path, depth = EXCLUDED.depth, url_path = EXCLUDED.url_path, "
    "locale_id = EXCLUDED.locale_id, live = EXCLUDED.live, title = EXCLUDED.title, "
    "title_norm = EXCLUDED.title_norm, title_vector = EXCLUDED.title_vector, "
    "body_vector = EXCLUDED.body_vector"
)


def copy_records(cursor, content_type_id: int, object_ids) -> None:
    """Write the records of these pages from their index entries, just written."""
    cursor.execute(
        COPY_FROM_ENTRIES,
        [content_type_id, [str(pk) for pk in object_ids], [int(pk) for pk in object_ids]],
    )


def copy_title_norms(cursor) -> None:
    """Wagtail sets every entry's title norm anew after a full rebuild."""
    cursor.execute(
        f"UPDATE {RECORDS} record SET title_norm = entry.title_norm "  # noqa: S608 - table names
        "FROM wagtailsearch_indexentry entry "
        "WHERE entry.object_id = record.page_id::text "
        "AND entry.content_type_id = record.content_type_id "
        "AND entry.title_norm IS DISTINCT FROM record.title_norm"
    )


def delete_records(cursor, page_ids) -> None:
    cursor.execute(f"DELETE FROM {RECORDS} WHERE page_id = ANY(%s)", [list(page_ids)])  # noqa: S608


def delete_all(cursor) -> None:
    cursor.execute(f"DELETE FROM {RECORDS}")  # noqa: S608 - the table name


def _refresh(condition: str, params: list) -> None:
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {RECORDS} record SET path = page.path, depth = page.depth, "  # noqa: S608
            "url_path = page.url_path, live = page.live, title = page.title "
            f"FROM wagtailcore_page page WHERE record.page_id = page.id AND {condition} "
            "AND (record.path, record.depth, record.url_path, record.live, record.title) "
            "IS DISTINCT FROM (page.path, page.depth, page.url_path, page.live, page.title)",
            params,
        )


def refresh_page(page_id: int) -> None:
    """Copy the page's place, address, title and whether it is live, as soon as it is saved:
    its index entry may be written later by the task worker, but an unpublished page must
    leave the results at once."""
    _refresh("page.id = %s", [page_id])


def refresh_subtree(path: str) -> None:
    """The same for a page and everything below it, after a move or a new slug (Wagtail
    writes those to the descendants without saving them one by one)."""
    _refresh("page.path LIKE %s", [path.replace("%", r"\%").replace("_", r"\_") + "%"])
