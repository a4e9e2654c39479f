"""Back up and restore the whole site: every table through Django's serializer, and every file
of every storage that holds uploads (images and media, the private documents).

Why Django's dumpdata rather than pg_dump: the same backup runs, and is tested, on SQLite
(development, CI) and PostgreSQL (production); it restores into any database migrated to the
same code; and it carries the files with it. On a large site, pg_dump plus the object-storage
bucket's own versioning is the faster path (DEPLOYMENT.md).

A backup is a folder:
    manifest.json   what is in it: migrations, rows and a SHA-256 per table, files per storage
    types.backupjsonl.gz  the content types, loaded first (see `dumps`)
    data.backupjsonl.gz   every other row except sessions, lockouts, queued tasks and the
                          search index (JSON Lines, portal/backup_format.py)
    files/<storage alias>/<file name>

Restoring empties the database (it must have the backup's migrations applied), loads every
row with its primary key, writes the files back, clears the cache, compares each table's
rows and hash with the manifest, and rebuilds the search index.
"""

import contextlib
import datetime
import decimal
import hashlib
import json
import uuid
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core import serializers
from django.core.files import File
from django.core.files.storage import storages
from django.db import connections, transaction
from django.db.migrations.recorder import MigrationRecorder

MANIFEST = "manifest.json"
FORMAT = "backupjsonl"
TYPES = f"types.{FORMAT}.gz"
DATA = f"data.{FORMAT}.gz"
FILES = "files"
FORMAT_VERSION = 1

# Rows that are not content: logged-in sessions, login lockouts, the task queue, and the search
# index with the search's page records (rebuilt from the content after a restore).
EXCLUDED_APPS = {"sessions", "axes", "django_tasks_database"}
EXCLUDED_MODELS = {
    "wagtailsearch.indexentry",
    "wagtailsearch.sqliteftsindexentry",
    "search.pagerecord",
}


def register_format() -> None:
    """Make the backup format known to dumpdata and loaddata."""
    if FORMAT not in serializers.get_serializer_formats():
        serializers.register_serializer(FORMAT, "portal.backup_format")


def dumps() -> list[tuple[str, list[str], list[str]]]:
    """The files of a backup, in loading order, with what dumpdata puts in each. Content types
    come first: Wagtail gives a page built without an id a content type as it is created,
    which would make one before the backup's own could be loaded."""
    return [
        (TYPES, ["contenttypes"], []),
        (DATA, [], [*excluded_labels(), "contenttypes"]),
    ]


@contextlib.contextmanager
def snapshot(using: str = "default"):
    """A transaction that sees one state of the database from its first query to its last
    (PostgreSQL reads each statement's own state unless asked; SQLite always does)."""
    connection = connections[using]
    outermost = not connection.in_atomic_block
    with transaction.atomic(using=using):
        if outermost and connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
        yield


def settle_pending_checks(using: str = "default") -> None:
    """Run the foreign-key checks PostgreSQL has deferred in this transaction: it refuses to
    TRUNCATE a table (flush) while any are pending."""
    connection = connections[using]
    if connection.vendor == "postgresql" and connection.in_atomic_block:
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")


def backed_up_models() -> list:
    """Every model whose table the backup holds (auto-created many-to-many tables too)."""
    chosen = []
    for model in apps.get_models(include_auto_created=True):
        meta = model._meta
        if meta.proxy or not meta.managed:
            continue
        if meta.app_label in EXCLUDED_APPS or meta.label_lower in EXCLUDED_MODELS:
            continue
        chosen.append(model)
    return chosen


def excluded_labels() -> list[str]:
    """What dumpdata leaves out: the excluded models and every unmanaged one (the SQLite
    full-text table of the search index)."""
    labels = []
    for model in apps.get_models():
        meta = model._meta
        if meta.proxy:
            continue
        if (
            meta.app_label in EXCLUDED_APPS
            or meta.label_lower in EXCLUDED_MODELS
            or not meta.managed
        ):
            labels.append(meta.label)
    return sorted(labels)


def _canonical(value):
    """A value as the database returned it, in a form that hashes the same for the same data.
    JSON held as text (SQLite) is compared by its content, not by its spacing."""
    if isinstance(value, memoryview):
        value = value.tobytes()
    if isinstance(value, bytes):
        return {"bytes": value.hex()}
    if isinstance(value, str) and value[:1] in "{[":
        try:
            return {"json": json.loads(value)}
        except ValueError:
            return value
    if isinstance(value, (dict, list)):
        return {"json": value}
    if isinstance(value, (datetime.date, datetime.time, datetime.datetime)):
        return value.isoformat()
    if isinstance(value, (decimal.Decimal, uuid.UUID, datetime.timedelta)):
        return str(value)
    return value


def table_digests(using: str = "default") -> dict[str, dict]:
    """Rows and a SHA-256 of their content for every backed-up table, read in primary-key
    order straight from the database."""
    connection = connections[using]
    quote = connection.ops.quote_name
    digests = {}
    for model in backed_up_models():
        meta = model._meta
        fields = meta.local_concrete_fields
        order = quote(meta.pk.column)
        if meta.auto_created:
            # A many-to-many table: loaddata makes its rows anew, so their own ids differ;
            # the pairs they hold are the content.
            fields = [field for field in fields if not field.primary_key]
            order = ", ".join(quote(field.column) for field in fields)
        columns = ", ".join(quote(field.column) for field in fields)
        sql = f"SELECT {columns} FROM {quote(meta.db_table)} ORDER BY {order}"  # noqa: S608 - names from the models
        digest = hashlib.sha256()
        rows = 0
        with connection.cursor() as cursor:
            cursor.execute(sql)
            while batch := cursor.fetchmany(500):
                for row in batch:
                    line = json.dumps([_canonical(value) for value in row], sort_keys=True)
                    digest.update(line.encode() + b"\n")
                    rows += 1
        digests[meta.db_table] = {"rows": rows, "sha256": digest.hexdigest()}
    return digests


def applied_migrations(using: str = "default") -> list[str]:
    recorder = MigrationRecorder(connections[using])
    return sorted(f"{app}.{name}" for app, name in recorder.applied_migrations())


def file_storages() -> list[str]:
    """Every storage that holds uploaded files, read from the settings when the backup runs
    (static files are built by collectstatic, not backed up)."""
    return [alias for alias in settings.STORAGES if alias != "staticfiles"]


def walk(storage, folder: str = ""):
    """Every file name in a storage, recursively."""
    try:
        folders, files = storage.listdir(folder)
    except FileNotFoundError:  # a storage on disk whose folder nothing has written to yet
        return
    for name in sorted(files):
        yield f"{folder}/{name}" if folder else name
    for sub in sorted(folders):
        yield from walk(storage, f"{folder}/{sub}" if folder else sub)


def sha256_of(handle) -> str:
    digest = hashlib.sha256()
    while chunk := handle.read(1024 * 1024):
        digest.update(chunk)
    return digest.hexdigest()


def copy_files_out(alias: str, target: Path) -> list[dict]:
    """Copy every file of a storage under `target`; return name, size and hash of each."""
    storage = storages[alias]
    listed = []
    for name in walk(storage):
        path = target / name
        path.parent.mkdir(parents=True, exist_ok=True)
        digest = hashlib.sha256()
        size = 0
        with storage.open(name, "rb") as source, path.open("wb") as out:
            while chunk := source.read(1024 * 1024):
                digest.update(chunk)
                out.write(chunk)
                size += len(chunk)
        listed.append({"name": name, "size": size, "sha256": digest.hexdigest()})
    return listed


def copy_files_in(alias: str, source: Path, listed: list[dict]) -> None:
    """Write every file of a backup back under its own name."""
    storage = storages[alias]
    for entry in listed:
        name = entry["name"]
        if storage.exists(name):
            storage.delete(name)
        with (source / name).open("rb") as handle:
            saved = storage.save(name, File(handle, name=name))
        if saved != name:
            raise ValueError(f"{alias}: {name} was stored as {saved}")


def storage_files(alias: str) -> list[dict]:
    """Name, size and hash of every file in a storage, as the manifest lists them."""
    storage = storages[alias]
    listed = []
    for name in walk(storage):
        with storage.open(name, "rb") as handle:
            content_hash = sha256_of(handle)
        listed.append({"name": name, "size": storage.size(name), "sha256": content_hash})
    return listed


def differences(expected: dict, actual: dict) -> list[str]:
    """Tables whose rows or hash differ from the manifest, described in Norwegian."""
    found = []
    for table in sorted(set(expected) | set(actual)):
        want, got = expected.get(table), actual.get(table)
        if want is None or got is None:
            found.append(f"{table}: finnes bare i {'databasen' if want is None else 'kopien'}")
        elif want != got:
            found.append(
                f"{table}: {got['rows']} rader (kopien har {want['rows']})"
                if want["rows"] != got["rows"]
                else f"{table}: samme antall rader, annet innhold"
            )
    return found
