"""Build the benchmark's data set (bench/dataset.py) on the configured database."""

from django.core.management.base import BaseCommand, CommandError

from bench.dataset import already_built, build, database_label, is_bench_database


class Command(BaseCommand):
    help = (
        "Bygger datasettet for ytelsesmåling og lasttester: demoinnholdet ganget med --scale "
        "og et arkiv til nettstedet har minst --pages sider. Bare i en database med «bench» "
        "eller «demo» i navnet, etter «load_demo_content»."
    )

    def add_arguments(self, parser):
        parser.add_argument("--scale", type=int, default=10, help="Ganger demoinnholdet (10).")
        parser.add_argument(
            "--pages", type=int, default=10_000, help="Minste antall sider i alt (10 000)."
        )
        parser.add_argument(
            "--no-index", action="store_true", help="La søkeindeksen være (raskere, for tester)."
        )
        parser.add_argument(
            "--if-missing",
            action="store_true",
            help="Gjør ingenting når datasettet allerede er bygget (for «make bench»).",
        )

    def handle(self, *args, scale, pages, no_index, if_missing, **options):
        name = database_label()
        if not is_bench_database(name):
            raise CommandError(
                f"Databasen «{name}» ser ikke ut som en database for ytelsesmåling eller demo "
                "(navnet må inneholde «bench» eller «demo»). Ingenting er endret."
            )
        if scale < 1 or pages < 0:
            raise CommandError("--scale må være minst 1 og --pages kan ikke være negativ.")
        if if_missing and already_built():
            self.stdout.write("Datasettet for ytelsesmåling er allerede bygget; ingenting endret.")
            return
        try:
            result = build(scale, pages, log=self.stdout.write, index=not no_index)
        except ValueError as error:
            raise CommandError(str(error)) from error
        for label, count in result.items():
            self.stdout.write(f"  {label}: {count}")
        self.stdout.write(self.style.SUCCESS("Datasettet for ytelsesmåling er bygget."))
