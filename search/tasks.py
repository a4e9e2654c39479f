"""Background tasks of the search app, on Wagtail's task framework (django_tasks).

In production the tasks are queued in the database (django-tasks-db) and run by
`manage.py db_worker`, never inside a web request.
"""

import logging
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django_tasks import task
from wagtail.documents import get_document_model
from wagtail.search import index
from wagtail.utils.file import hash_filelike

from portal.choices import TextExtraction

from .extraction import ExtractionResult, extract_text

logger = logging.getLogger(__name__)

# A document still «venter» this long after its extraction was asked for is shown as stuck.
DEFAULT_STUCK_MINUTES = 30


@task()
def extract_document_text_task(document_id: int, force: bool = False) -> str:
    """Extract, store and index the text of one document. Returns the status stored."""
    return extract_document_text(document_id, force=force)


def extract_document_text(document_id: int, force: bool = False) -> str:
    """Read the document's file unless its text was already taken from the same file (by the
    file's SHA-1, the same hash Wagtail keeps in `file_hash`), store the text and reindex.
    `force` reads it again all the same (an editor's or operator's retry)."""
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
                and document.extraction_status != TextExtraction.PENDING
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
    values = {
        "extracted_text": result.text,
        "extraction_status": result.status,
        "extraction_message": result.message[:300],
        "extracted_from_hash": file_hash,
    }
    with transaction.atomic():
        Document.objects.filter(pk=document_id).update(**values)
    for name, value in values.items():
        setattr(document, name, value)
    index.insert_or_update_object(document)
    return result.status


def request_extraction(document_ids) -> int:
    """Mark the documents «venter» and queue their text to be read again once the current
    transaction commits. Returns how many were queued."""
    document_ids = list(document_ids)
    get_document_model().objects.filter(pk__in=document_ids).update(
        extraction_status=TextExtraction.PENDING, extraction_message=""
    )

    def enqueue():
        for document_id in document_ids:
            extract_document_text_task.enqueue(document_id, force=True)

    transaction.on_commit(enqueue)
    return len(document_ids)


# Stuck in «venter» ----------------------------------------------------------------------

TASK_PATH = extract_document_text_task.module_path


def stuck_after() -> timedelta:
    return timedelta(
        minutes=getattr(settings, "SEARCH_EXTRACTION_STUCK_MINUTES", DEFAULT_STUCK_MINUTES)
    )


def pending_since(document) -> datetime:
    """When the document's text was last queued: the newest task for it in the database queue,
    or, with a backend that keeps no queue, when the document was created."""
    from django_tasks_db.models import DBTaskResult

    queued = (
        DBTaskResult.objects.filter(task_path=TASK_PATH, args_kwargs__args__0=document.pk)
        .order_by("-enqueued_at")
        .values_list("enqueued_at", flat=True)
        .first()
    )
    return queued or document.created_at


def stuck_since(document, now: datetime | None = None) -> datetime | None:
    """When a document «venter» for longer than SEARCH_EXTRACTION_STUCK_MINUTES, since when."""
    if document.extraction_status != TextExtraction.PENDING:
        return None
    since = pending_since(document)
    if since is None or since > (now or timezone.now()) - stuck_after():
        return None
    return since


def stuck_documents(now: datetime | None = None) -> list:
    """Every document that has waited too long for its text."""
    pending = get_document_model().objects.filter(extraction_status=TextExtraction.PENDING)
    return [document for document in pending if stuck_since(document, now)]
