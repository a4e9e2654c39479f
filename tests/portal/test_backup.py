"""backup_site and restore_site: the demo site backed up, restored into an empty database and
empty storages, comes back row for row and file for file."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.files.storage import storages
from django.core.management import call_command
from django.core.management.base import CommandError

from portal import backup

# Loaded once for the module: each test's changes (even the restore's flush) are rolled back
# by `db`, and the restore test puts every file it deleted back as it was.
pytestmark = pytest.mark.usefixtures("demo_module")

# What must come back (beside every other table): pages, revisions, documents, both statuses
# with their history, and the admin's history.
KEY_TABLES = [
    "wagtailcore_page",
    "wagtailcore_revision",
    "portal_portaldocument",
    "network_rolloutstatus",
    "network_rolloutstatuschange",
    "network_taskstatus",
    "network_taskstatuschange",
    "wagtailcore_pagelogentry",
]


def all_files() -> dict[str, list[dict]]:
    return {alias: backup.storage_files(alias) for alias in backup.file_storages()}


def empty_everything() -> None:
    """An empty database with the schema, and empty storages: what a new server starts with."""
    backup.settle_pending_checks()
    call_command("flush", interactive=False, inhibit_post_migrate=True, verbosity=0)
    for alias in backup.file_storages():
        storage = storages[alias]
        for name in list(backup.walk(storage)):
            storage.delete(name)


@pytest.mark.django_db
def test_restore_into_empty_database_gives_back_every_row_and_file(tmp_path, client):
    before = backup.table_digests()
    files_before = all_files()
    for table in KEY_TABLES:
        assert before[table]["rows"] > 0, table
    assert files_before["documents"]

    out = io.StringIO()
    call_command("backup_site", str(tmp_path / "kopi"), stdout=out)
    assert "Sikkerhetskopi" in out.getvalue()

    empty_everything()
    assert backup.table_digests()["wagtailcore_page"]["rows"] == 0
    assert not any(all_files().values())

    call_command("restore_site", str(tmp_path / "kopi"), stdout=out)

    after = backup.table_digests()
    assert backup.differences(before, after) == []
    assert after == before
    assert all_files() == files_before
    # The site answers again, and the rebuilt search index finds its content.
    assert client.get("/").status_code == 200
    assert client.get("/sok/", {"q": "kjernejournal"}).context["results"]


@pytest.mark.django_db
def test_restore_refuses_a_database_that_has_users(tmp_path):
    call_command("backup_site", str(tmp_path / "kopi"), stdout=io.StringIO())
    assert get_user_model().objects.exists()
    with pytest.raises(CommandError, match="allerede brukere"):
        call_command("restore_site", str(tmp_path / "kopi"), stdout=io.StringIO())


@pytest.mark.django_db
def test_backup_refuses_a_folder_that_is_not_empty(tmp_path):
    (tmp_path / "annet.txt").write_text("x")
    with pytest.raises(CommandError, match="ikke tom"):
        call_command("backup_site", str(tmp_path), stdout=io.StringIO())


@pytest.mark.django_db
def test_a_changed_row_is_found_by_its_table_hash():
    before = backup.table_digests()
    user = get_user_model().objects.order_by("pk").first()
    user.first_name += "x"
    user.save(update_fields=["first_name"])
    assert backup.differences(before, backup.table_digests()) == [
        "auth_user: samme antall rader, annet innhold"
    ]
