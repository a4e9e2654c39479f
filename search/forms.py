"""The document form in the Wagtail admin, which tells the editor whether the text inside
the file could be read for search (Wagtail has no hook after a document upload, but shows
this form right after every upload and on every edit), and lets the editor ask for the text of
a failed or stuck file to be read again."""

from django import forms
from django.utils import timezone
from wagtail.documents.forms import BaseDocumentForm

from portal.choices import TextExtraction

from .tasks import request_extraction, stuck_since

RETRY_LABEL = "Les teksten i filen på nytt"


def extraction_notice(status: str, message: str) -> str:
    """What the editor is told about the text of the file, in Norwegian."""
    if status == TextExtraction.DONE:
        return message or "Teksten i filen er søkbar."
    if status == TextExtraction.PENDING:
        return "Teksten i filen hentes ut for søket. Det kan ta et lite øyeblikk."
    if status in (TextExtraction.FAILED, TextExtraction.UNSUPPORTED):
        return message or "Teksten i filen kunne ikke leses. Dokumentet finnes i søket på tittelen."
    return ""


def stuck_notice(since) -> str:
    when = timezone.localtime(since).strftime("%d.%m.%Y kl. %H:%M")
    return (
        f"Teksten i filen har ventet på å bli hentet ut siden {when}. Kryss av for "
        f"«{RETRY_LABEL}» og lagre, eller be driftsansvarlig sjekke at bakgrunnsjobben kjører."
    )


class PortalDocumentForm(BaseDocumentForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.extraction_warning = ""
        # The full edit form has the file field; the one after a multiple upload has not.
        target = "file" if "file" in self.fields else "title"
        if not self.instance.pk or target not in self.fields:
            return
        # The text is extracted in a task after the upload, so read the stored state afresh.
        stored = type(self.instance).objects.filter(pk=self.instance.pk).first()
        if stored is None or not stored.extraction_status:
            return
        status = stored.extraction_status
        notice = extraction_notice(status, stored.extraction_message)
        since = stuck_since(stored)
        if since is not None:
            notice = stuck_notice(since)
        if status == TextExtraction.FAILED or since is not None:
            self.fields["extract_text_again"] = forms.BooleanField(
                label=RETRY_LABEL,
                required=False,
                help_text="Teksten hentes ut for søket igjen når du lagrer.",
            )
        if status in (TextExtraction.FAILED, TextExtraction.UNSUPPORTED) or since is not None:
            self.extraction_warning = notice
            notice = f"⚠ Søk: {notice}"
        else:
            notice = f"Søk: {notice}"
        field = self.fields[target]
        field.help_text = f"{field.help_text} {notice}".strip() if field.help_text else notice

    def save(self, commit=True):
        document = super().save(commit=commit)
        if commit and self.cleaned_data.get("extract_text_again"):
            request_extraction([document.pk])
        return document
