from django.core.management.base import BaseCommand
from wagtail.documents import get_document_model

from portal.storage import move_documents_to_private_storage


class Command(BaseCommand):
    help = (
        "Flytter dokumentfiler som ligger i den offentlige lagringen (MEDIA_ROOT/documents) "
        "til den private lagringen, der bare dokumentvisningen henter dem. Trygt å kjøre flere "
        "ganger; migreringen gjør det samme én gang."
    )

    def handle(self, *args, **options):
        moved = move_documents_to_private_storage(get_document_model())
        if moved or options["verbosity"] > 1:
            self.stdout.write(f"Flyttet {moved} dokumentfiler til den private lagringen.")
