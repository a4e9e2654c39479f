"""On SQLite, two saves that meet (an admin autosave during a save) wait for each other
instead of failing with «database is locked»."""

import threading

import pytest
from django.conf import settings
from django.db import connection
from django.db.backends.sqlite3.base import DatabaseWrapper

pytestmark = pytest.mark.skipif(
    settings.DATABASES["default"]["ENGINE"] != "django.db.backends.sqlite3",
    reason="SQLite only",
)


def wrapper(path, alias):
    return DatabaseWrapper({**connection.settings_dict, "NAME": str(path)}, alias)


def test_a_reader_that_writes_waits_instead_of_failing(tmp_path, django_db_blocker):
    """A transaction that reads, while another save commits, then writes, succeeds: with
    deferred transactions SQLite refuses its write at once («database is locked»)."""
    with django_db_blocker.unblock():
        first = wrapper(tmp_path / "db.sqlite3", "a")
        with first.cursor() as cursor:
            cursor.execute("CREATE TABLE note (text TEXT)")
        started, done, errors = threading.Event(), threading.Event(), []

        def other_save():
            second = wrapper(tmp_path / "db.sqlite3", "b")
            second.ensure_connection()
            started.set()
            try:
                second._start_transaction_under_autocommit()
                with second.cursor() as cursor:
                    cursor.execute("INSERT INTO note VALUES ('autosave')")
                second.commit()
            except Exception as error:  # noqa: BLE001 - the error is the finding
                errors.append(error)
            finally:
                second.close()
                done.set()

        first._start_transaction_under_autocommit()
        with first.cursor() as cursor:
            cursor.execute("SELECT count(*) FROM note")
            thread = threading.Thread(target=other_save)
            thread.start()
            started.wait()
            # Give the other save the chance to commit first, as it does when it wins.
            done.wait(timeout=1)
            cursor.execute("INSERT INTO note VALUES ('save')")
        first.commit()
        thread.join()
        with first.cursor() as cursor:
            cursor.execute("SELECT text FROM note ORDER BY text")
            saved = [row[0] for row in cursor.fetchall()]
            cursor.execute("PRAGMA journal_mode")
            journal_mode = cursor.fetchone()[0]
        first.close()
    assert errors == []
    assert saved == ["autosave", "save"]
    assert journal_mode == "wal"
