import json
from pathlib import Path

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.cache import caches
from django.core.files.storage import storages
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS, transaction

from portal import backup


class Command(BaseCommand):
    help = (
        "Gjenoppretter en sikkerhetskopi fra backup_site i en migrert database med de samme "
        "migreringene: tømmer databasen, legger inn alle rader og filer, tømmer hurtigbufferen, "
        "sjekker hver tabell mot kopien og bygger søkeindeksen på nytt."
    )

    def add_arguments(self, parser):
        parser.add_argument("folder", help="Mappen backup_site skrev.")
        parser.add_argument(
            "--replace",
            action="store_true",
            help="Erstatt en database som allerede har brukere (alt i den forsvinner).",
        )
        parser.add_argument(
            "--skip-index", action="store_true", help="Ikke bygg søkeindeksen på nytt."
        )
        parser.add_argument("--database", default=DEFAULT_DB_ALIAS)

    def handle(self, *args, folder, replace=False, skip_index=False, database=None, **options):
        source = Path(folder)
        manifest = self.read_manifest(source)
        self.check_target(manifest, database, replace)
        backup.register_format()
        with transaction.atomic(using=database):
            backup.settle_pending_checks(database)
            call_command(
                "flush",
                interactive=False,
                inhibit_post_migrate=True,
                database=database,
                verbosity=0,
            )
            # The cached content types are the emptied database's; they may have other ids.
            ContentType.objects.clear_cache()
            files = [str(source / name) for name, _, _ in backup.dumps()]
            call_command("loaddata", *files, database=database, verbosity=0)
        # Cached pages and sessions describe the old database.
        ContentType.objects.clear_cache()
        for alias in caches:
            caches[alias].clear()
        for alias, listed in manifest["files"].items():
            backup.copy_files_in(alias, source / backup.FILES / alias, listed)
        self.verify(manifest, database)
        if not skip_index:
            call_command("update_index", verbosity=0)
        rows = sum(table["rows"] for table in manifest["tables"].values())
        count = sum(len(listed) for listed in manifest["files"].values())
        self.stdout.write(
            self.style.SUCCESS(
                f"Gjenopprettet {rows} rader i {len(manifest['tables'])} tabeller og {count} "
                "filer; alle stemmer med sikkerhetskopien."
            )
        )

    def read_manifest(self, source: Path) -> dict:
        try:
            manifest = json.loads((source / backup.MANIFEST).read_text())
        except (OSError, ValueError) as error:
            raise CommandError(f"Fant ingen lesbar sikkerhetskopi i {source}: {error}") from error
        if manifest.get("format") != backup.FORMAT_VERSION:
            raise CommandError("Sikkerhetskopien har et annet format enn denne versjonen leser.")
        for name, _, _ in backup.dumps():
            if not (source / name).is_file():
                raise CommandError(f"{source / name} mangler.")
        return manifest

    def check_target(self, manifest: dict, database: str, replace: bool) -> None:
        applied = set(backup.applied_migrations(database))
        expected = set(manifest["migrations"])
        if applied != expected:
            raise CommandError(
                "Databasen har ikke de samme migreringene som sikkerhetskopien "
                f"({len(expected - applied)} mangler, {len(applied - expected)} er nye). "
                "Bruk samme versjon av koden som tok kopien, og kjør «manage.py migrate» først."
            )
        missing = sorted(set(manifest["files"]) - set(storages.backends))
        if missing:
            raise CommandError(f"Lagringene {', '.join(missing)} finnes ikke i STORAGES.")
        if not replace and get_user_model().objects.using(database).exists():
            raise CommandError(
                "Databasen har allerede brukere. Gjenopprett i en tom, migrert database, eller "
                "bruk --replace for å erstatte alt i denne."
            )

    def verify(self, manifest: dict, database: str) -> None:
        found = backup.differences(manifest["tables"], backup.table_digests(database))
        for alias, listed in manifest["files"].items():
            # Files the storage had before are left alone; every file of the backup must match.
            present = {entry["name"]: entry for entry in backup.storage_files(alias)}
            wrong = [entry["name"] for entry in listed if present.get(entry["name"]) != entry]
            if wrong:
                found.append(f"{len(wrong)} filer i lagringen «{alias}» stemmer ikke med kopien")
        if found:
            raise CommandError("Gjenopprettingen stemmer ikke med kopien:\n" + "\n".join(found))
