"""Extract a document's text when it is uploaded or its file replaced; keep the search's page
records in step with the page tree."""

from django.db import transaction
from django.db.models.signals import post_save
from wagtail.documents import get_document_model
from wagtail.models import Page
from wagtail.signals import page_slug_changed, post_page_move

from portal.choices import TextExtraction

from .backends import page_records
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


def page_saved(sender, instance, raw=False, **kwargs):
    if not raw and isinstance(instance, Page):
        page_records.refresh_page(instance.pk)


def subtree_renamed(sender, instance, **kwargs):
    page_records.refresh_subtree(instance.path)


def page_moved(sender, instance, parent_page_before, parent_page_after, **kwargs):
    # Treebeard renumbers the siblings of a moved page too, so the parents' subtrees.
    for parent in {parent_page_before.path, parent_page_after.path}:
        page_records.refresh_subtree(parent)


def connect():
    post_save.connect(
        document_saved, sender=get_document_model(), dispatch_uid="search-extract-document-text"
    )
    post_save.connect(page_saved, dispatch_uid="search-page-record-saved")
    page_slug_changed.connect(subtree_renamed, dispatch_uid="search-page-record-slug")
    post_page_move.connect(page_moved, dispatch_uid="search-page-record-moved")
