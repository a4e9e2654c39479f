"""Background tasks of the search app, on Wagtail's task framework (django_tasks)."""

import logging

from django.db import transaction
from django_tasks import task
from wagtail.documents import get_document_model
from wagtail.search import index
from wagtail.utils.file import hash_filelike

from portal.choices import TextExtraction

from .extraction import ExtractionResult, extract_text

logger = logging.getLogger(__name__)


@task()
def extract_document_text_task(document_id: int) -> str:
    """Extract, store and index the text of one document. Returns the status stored."""
    return extract_document_text(document_id)


def extract_document_text(document_id: int, force: bool = False) -> str:
    """Read the document's file unless its text was already taken from the same file (by the
    file's SHA-1, the same hash Wagtail keeps in `file_hash`), store the text and reindex."""
    Document = get_document_model()
    document = Document.objects.filter(pk=document_id).first()
    if document is None:
        return ""  # deleted before the task ran
    try:
        with document.open_file() as file:
            file_hash = hash_filelike(file)
            if (
                not force
                and document.extraction_status
                and file_hash == document.extracted_from_hash
            ):
                return document.extraction_status
            file.seek(0)
            result = extract_text(file, document.filename)
    except OSError as error:
        logger.warning("Document %s: the file cannot be opened: %r", document_id, error)
        file_hash = ""
        result = ExtractionResult(
            TextExtraction.FAILED,
            message="Filen ble ikke funnet på lagringsstedet. "
            "Dokumentet finnes i søket på tittelen.",
        )
    with transaction.atomic():
        Document.objects.filter(pk=document_id).update(
            extracted_text=result.text,
            extraction_status=result.status,
            extraction_message=result.message[:300],
            extracted_from_hash=file_hash,
        )
    document.extracted_text = result.text
    document.extraction_status = result.status
    document.extraction_message = result.message[:300]
    document.extracted_from_hash = file_hash
    index.insert_or_update_object(document)
    return result.status
