import json
from pathlib import Path

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS
from django.utils import timezone

from portal import backup


class Command(BaseCommand):
    help = (
        "Tar sikkerhetskopi av hele nettstedet til en ny mappe: alle tabeller (uten økter, "
        "utestengninger, oppgavekø og søkeindeks), alle opplastede filer (bilder og private "
        "dokumenter) og en oversikt med antall rader og sjekksum per tabell. "
        "Gjenopprett med restore_site."
    )

    def add_arguments(self, parser):
        parser.add_argument("folder", help="En ny eller tom mappe for sikkerhetskopien.")
        parser.add_argument(
            "--skip-files",
            action="store_true",
            help="Bare databasen (når lagringen av filer har sin egen sikkerhetskopi).",
        )
        parser.add_argument("--database", default=DEFAULT_DB_ALIAS)

    def handle(self, *args, folder, skip_files=False, database=DEFAULT_DB_ALIAS, **options):
        target = Path(folder)
        if target.exists() and any(target.iterdir()):
            raise CommandError(f"Mappen {target} er ikke tom; velg en ny mappe.")
        target.mkdir(parents=True, exist_ok=True)
        backup.register_format()
        # One snapshot: the rows and the hashes in the manifest describe the same state.
        with backup.snapshot(database):
            for name, labels, exclude in backup.dumps():
                call_command(
                    "dumpdata",
                    *labels,
                    format=backup.FORMAT,
                    exclude=exclude,
                    use_base_manager=True,
                    output=str(target / name),
                    database=database,
                    verbosity=0,
                )
            tables = backup.table_digests(database)
            migrations = backup.applied_migrations(database)
        files = {}
        if not skip_files:
            for alias in backup.file_storages():
                files[alias] = backup.copy_files_out(alias, target / backup.FILES / alias)
        manifest = {
            "format": backup.FORMAT_VERSION,
            "created": timezone.now().isoformat(),
            "migrations": migrations,
            "tables": tables,
            "files": files,
        }
        (target / backup.MANIFEST).write_text(json.dumps(manifest, indent=1, sort_keys=True))
        rows = sum(table["rows"] for table in tables.values())
        count = sum(len(listed) for listed in files.values())
        self.stdout.write(
            self.style.SUCCESS(
                f"Sikkerhetskopi i {target}: {rows} rader i {len(tables)} tabeller og "
                f"{count} filer."
            )
        )
