"""One answer to «Var denne siden nyttig?». Nothing in it points at a person: no user, no
address, no session, only the page, the answer, the optional comment and the time."""

from django.db import models

COMMENT_MAX_LENGTH = 1000


class PageFeedback(models.Model):
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name="side",
        on_delete=models.CASCADE,
        related_name="+",
    )
    helpful = models.BooleanField("nyttig")
    comment = models.TextField("kommentar", max_length=COMMENT_MAX_LENGTH, blank=True)
    created_at = models.DateTimeField("tidspunkt", auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = "tilbakemelding på side"
        verbose_name_plural = "tilbakemeldinger på sider"
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["page", "helpful"], name="portal_feedback_page_idx")]

    def __str__(self) -> str:
        return f"{'Ja' if self.helpful else 'Nei'}: {self.page_id}"
