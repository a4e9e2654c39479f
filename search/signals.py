"""Extract a document's text when it is uploaded or its file replaced."""

from django.db import transaction
from django.db.models.signals import post_save
from wagtail.documents import get_document_model

from portal.choices import TextExtraction

from .tasks import extract_document_text_task


def document_saved(sender, instance, raw=False, update_fields=None, **kwargs):
    if raw:
        return  # fixtures and the demo snapshot bring their text with them
    if update_fields is not None and "file" not in update_fields:
        return
    known = instance.file_hash and instance.file_hash == instance.extracted_from_hash
    if known and instance.extraction_status:
        return  # a new title or tags, the same file
    if instance.extraction_status != TextExtraction.PENDING:
        sender.objects.filter(pk=instance.pk).update(
            extraction_status=TextExtraction.PENDING, extraction_message=""
        )
        instance.extraction_status = TextExtraction.PENDING
    document_id = instance.pk
    # After commit, so that a worker in another process sees the saved file and row.
    transaction.on_commit(lambda: extract_document_text_task.enqueue(document_id))


def connect():
    post_save.connect(
        document_saved, sender=get_document_model(), dispatch_uid="search-extract-document-text"
    )
