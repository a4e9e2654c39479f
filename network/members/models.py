"""What a municipality marks as relevant («Relevant for oss»), with its own tags.

A `RelevanceMark` belongs to the municipality, not to the person: colleagues see and edit
the same mark.

Why a mark has two nullable foreign keys (page, document) and a check constraint rather than
a GenericForeignKey: real foreign keys keep the database honest (a deleted page or document
takes its marks with it, no dangling object ids), can be joined and counted with plain
`select_related`/`values`, and every page type, including those added later, is covered by
the one key to `wagtailcore.Page`. Documents are the only non-page things marked.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from taggit.managers import TaggableManager
from taggit.models import ItemBase, TagBase
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page


class MarkTag(TagBase):
    """A municipality's own tag on its marks. Kept apart from the editors' topic tags
    (taggit.Tag on pages), so members' free tags never turn up in the admin's tag lists."""

    class Meta:
        verbose_name = "emneord på markering"
        verbose_name_plural = "emneord på markeringer"
        ordering = ["name"]


class TaggedMark(ItemBase):
    tag = models.ForeignKey(MarkTag, on_delete=models.CASCADE, related_name="tagged_marks")
    content_object = models.ForeignKey(
        "network.RelevanceMark", on_delete=models.CASCADE, related_name="tagged_items"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["content_object", "tag"], name="one_tag_once_per_mark")
        ]


class RelevanceMarkQuerySet(models.QuerySet):
    def for_item(self, item):
        """Marks of a page or a document."""
        if isinstance(item, Page):
            return self.filter(page_id=item.pk)
        return self.filter(document_id=item.pk)


class RelevanceMark(models.Model):
    """«Relevant for oss»: a municipality marks a page or a document, with tags and a note."""

    municipality = models.ForeignKey(
        "network.Municipality",
        verbose_name="kommune",
        on_delete=models.CASCADE,
        related_name="relevance_marks",
    )
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name="side",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    document = models.ForeignKey(
        settings.WAGTAILDOCS_DOCUMENT_MODEL,
        verbose_name="dokument",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    note = models.TextField("notat", blank=True, max_length=2000)
    tags = TaggableManager("emneord", through=TaggedMark, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="markert av",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="sist endret av",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField("markert", auto_now_add=True)
    updated_at = models.DateTimeField("sist endret", auto_now=True)

    objects = RelevanceMarkQuerySet.as_manager()

    panels = [
        FieldPanel("municipality"),
        FieldPanel("page"),
        FieldPanel("document"),
        FieldPanel("tags"),
        FieldPanel("note"),
    ]

    class Meta:
        verbose_name = "markering som relevant"
        verbose_name_plural = "markeringer som relevant"
        ordering = ["-updated_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(page__isnull=False) & Q(document__isnull=True))
                | (Q(page__isnull=True) & Q(document__isnull=False)),
                name="relevance_mark_page_xor_document",
                violation_error_message="En markering gjelder enten en side eller et dokument.",
            ),
            models.UniqueConstraint(
                fields=["municipality", "page"],
                condition=Q(page__isnull=False),
                name="one_mark_per_municipality_and_page",
            ),
            models.UniqueConstraint(
                fields=["municipality", "document"],
                condition=Q(document__isnull=False),
                name="one_mark_per_municipality_and_document",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.municipality}: {self.item_title}"

    @property
    def item(self):
        return self.page if self.page_id else self.document

    @property
    def item_title(self) -> str:
        item = self.item
        return item.title if item is not None else ""
