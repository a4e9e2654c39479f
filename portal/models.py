"""Site-wide configuration (Innstillinger) and the portal's document model."""

from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.documents.models import AbstractDocument, Document
from wagtail.search import index

from .choices import TextExtraction
from .feedback.models import PageFeedback  # noqa: F401  (the model lives in its own room)
from .storage import document_storage
from .uploads import clean_title, document_upload_to, validate_document_file


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    contact_name = models.CharField("navn på regional kontaktperson", max_length=120, blank=True)
    contact_title = models.CharField(
        "tittel", max_length=120, blank=True, default="Regional kontaktperson e-helse"
    )
    contact_email = models.EmailField("e-post", blank=True)
    contact_phone = models.CharField("telefon", max_length=40, blank=True)
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name="personvernerklæring",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Siden bunnteksten lenker til som «Personvern».",
    )
    accessibility_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name="tilgjengelighetserklæring",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Siden bunnteksten lenker til som «Tilgjengelighetserklæring».",
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("contact_name"),
                FieldPanel("contact_title"),
                FieldPanel("contact_email"),
                FieldPanel("contact_phone"),
            ],
            heading="Regional kontakt i bunnteksten",
        ),
        MultiFieldPanel(
            [FieldPanel("privacy_page"), FieldPanel("accessibility_page")],
            heading="Lenker i bunnteksten",
        ),
    ]

    class Meta:
        verbose_name = "nettstedsinnstillinger"
        verbose_name_plural = "nettstedsinnstillinger"


class PortalDocument(AbstractDocument):
    """Wagtail's document, with the text inside PDF, PPTX and DOCX files kept for search.

    The text is extracted by the search app when a file is uploaded or replaced. The file is
    kept in a private storage and served only by the document view (portal/storage.py), and
    an upload is checked by its content as well as its name (portal/uploads.py).
    """

    file = models.FileField(
        "fil",
        upload_to=document_upload_to,
        storage=document_storage,
        validators=[validate_document_file],
    )

    extracted_text = models.TextField("tekst fra filen", blank=True, editable=False)
    extraction_status = models.CharField(
        "uthenting av tekst",
        max_length=20,
        choices=TextExtraction.choices,
        blank=True,
        editable=False,
    )
    extraction_message = models.CharField(
        "melding om uthenting", max_length=300, blank=True, editable=False
    )
    extracted_from_hash = models.CharField(max_length=40, blank=True, editable=False)

    admin_form_fields = Document.admin_form_fields
    search_fields = [
        *AbstractDocument.search_fields,
        index.SearchField("extracted_text"),
    ]

    def clean(self):
        # Not Wagtail's clean(): the file's validator checks the extension together with the
        # content, and one message is clearer than the same refusal twice.
        self.title = clean_title(self.title)

    class Meta(AbstractDocument.Meta):
        verbose_name = "dokument"
        verbose_name_plural = "dokumenter"
