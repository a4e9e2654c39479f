"""Read the text of documents again, for operators: after an outage of the task worker, after
limits were raised, or for one document an editor asks about."""

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from wagtail.documents import get_document_model

from portal.choices import TextExtraction
from search.tasks import extract_document_text, request_extraction, stuck_documents, stuck_since


class Command(BaseCommand):
    help = (
        "Henter ut teksten i dokumenter på nytt for søket. Velg dokumentene med id-er og/eller "
        "--failed, --pending, --stuck. Uten --queue leses filene her og nå (i en avgrenset "
        "barneprosess); med --queue legges de i køen til `manage.py db_worker`."
    )

    def add_arguments(self, parser):
        parser.add_argument("ids", nargs="*", type=int, help="Id-ene til dokumentene.")
        parser.add_argument("--failed", action="store_true", help="Dokumenter der lesingen feilet.")
        parser.add_argument(
            "--pending", action="store_true", help="Alle dokumenter som venter på lesing."
        )
        parser.add_argument(
            "--stuck",
            action="store_true",
            help="Dokumenter som har ventet lenger enn SEARCH_EXTRACTION_STUCK_MINUTES.",
        )
        parser.add_argument(
            "--queue", action="store_true", help="Legg dem i køen til arbeideren i stedet."
        )
        parser.add_argument(
            "--list",
            action="store_true",
            dest="list_only",
            help="Bare vis dokumentene, les ingenting.",
        )

    def handle(self, *args, ids, failed, pending, stuck, queue, list_only, **options):
        if not (ids or failed or pending or stuck):
            raise CommandError("Oppgi id-er eller minst én av --failed, --pending og --stuck.")
        documents = self.select(ids, failed, pending, stuck)
        if not documents:
            self.stdout.write("Ingen dokumenter passer.")
            return
        if list_only:
            for document in documents:
                self.stdout.write(self.describe(document))
            return
        if queue:
            count = request_extraction(document.pk for document in documents)
            self.stdout.write(f"{count} dokumenter er lagt i køen til db_worker.")
            return
        for document in documents:
            extract_document_text(document.pk, force=True)
            document.refresh_from_db()
            self.stdout.write(self.describe(document))

    def select(self, ids, failed, pending, stuck):
        Document = get_document_model()
        chosen = {}
        if ids:
            found = Document.objects.filter(pk__in=ids)
            missing = set(ids) - {document.pk for document in found}
            if missing:
                raise CommandError(f"Fant ikke dokument {', '.join(map(str, sorted(missing)))}.")
            chosen.update((document.pk, document) for document in found)
        if failed:
            failed_documents = Document.objects.filter(extraction_status=TextExtraction.FAILED)
            chosen.update((document.pk, document) for document in failed_documents)
        if pending:
            waiting = Document.objects.filter(extraction_status=TextExtraction.PENDING)
            chosen.update((document.pk, document) for document in waiting)
        if stuck:
            chosen.update((document.pk, document) for document in stuck_documents())
        return [chosen[pk] for pk in sorted(chosen)]

    def describe(self, document) -> str:
        status = (
            TextExtraction(document.extraction_status).label if document.extraction_status else "-"
        )
        line = f"{document.pk} «{document.title}»: {status}"
        since = stuck_since(document)
        if since is not None:
            line += f", venter siden {timezone.localtime(since):%d.%m.%Y %H:%M} (for lenge)"
        if document.extraction_message:
            line += f" – {document.extraction_message}"
        return line
