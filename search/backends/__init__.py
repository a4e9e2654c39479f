"""The portal's search backend: Wagtail's database backend, with Norwegian word forms and
compound parts on every database (see search/analysis.py).

Set in WAGTAILSEARCH_BACKENDS as "search.backends"; like Wagtail's own
`wagtail.search.backends.database`, it picks the implementation for the database in use.
"""

from django.db import connection

# Whether SQLite has FTS5 and Wagtail's FTS table, checked once per process (as Wagtail does).
_sqlite_fts = None


def SearchBackend(params):  # noqa: N802 - the name Wagtail looks up in a backend module
    if connection.vendor == "postgresql":
        from .postgres import PortalPostgresSearchBackend

        return PortalPostgresSearchBackend(params)
    if connection.vendor == "sqlite":
        global _sqlite_fts
        if _sqlite_fts is None:
            from modelsearch.backends.database.sqlite.utils import fts5_available, fts_table_exists

            _sqlite_fts = fts5_available() and fts_table_exists()
        if _sqlite_fts:
            from .sqlite import StemmingSQLiteSearchBackend

            return StemmingSQLiteSearchBackend(params)
    from wagtail.search.backends.database import SearchBackend as DatabaseSearchBackend

    return DatabaseSearchBackend(params)
