"""The document form in the Wagtail admin, which tells the editor whether the text inside
the file could be read for search (Wagtail has no hook after a document upload, but shows
this form right after every upload and on every edit)."""

from wagtail.documents.forms import BaseDocumentForm

from portal.choices import TextExtraction


def extraction_notice(status: str, message: str) -> str:
    """What the editor is told about the text of the file, in Norwegian."""
    if status == TextExtraction.DONE:
        return message or "Teksten i filen er søkbar."
    if status == TextExtraction.PENDING:
        return "Teksten i filen hentes ut for søket. Det kan ta et lite øyeblikk."
    if status in (TextExtraction.FAILED, TextExtraction.UNSUPPORTED):
        return message or "Teksten i filen kunne ikke leses. Dokumentet finnes i søket på tittelen."
    return ""


class PortalDocumentForm(BaseDocumentForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.extraction_warning = ""
        # The full edit form has the file field; the one after a multiple upload has not.
        target = "file" if "file" in self.fields else "title"
        if not self.instance.pk or target not in self.fields:
            return
        # The text is extracted in a task after the upload, so read the stored state afresh.
        state = (
            type(self.instance)
            .objects.filter(pk=self.instance.pk)
            .values("extraction_status", "extraction_message")
            .first()
        )
        if not state:
            return
        notice = extraction_notice(state["extraction_status"], state["extraction_message"])
        if not notice:
            return
        if state["extraction_status"] in (TextExtraction.FAILED, TextExtraction.UNSUPPORTED):
            self.extraction_warning = notice
            notice = f"⚠ Søk: {notice}"
        else:
            notice = f"Søk: {notice}"
        field = self.fields[target]
        field.help_text = f"{field.help_text} {notice}".strip() if field.help_text else notice
