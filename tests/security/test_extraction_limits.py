"""Reading the text of an uploaded file is bounded: it runs in a child process with a memory
limit and a hard timeout, a DOCX/PPTX whose declared unpacked size is over the limit is refused
before anything is unpacked, and the stored text is capped. A file over a limit is marked
«feilet» with a Norwegian message and stays findable by its title, and the process that
handles the upload does not grow."""

import contextlib
import io
import os
import resource
import zipfile
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import Collection

from portal.choices import TextExtraction
from search.extraction import extract_text, extract_text_from_path
from search.readers import MB, Limits, megabytes

UNPACKED_BOMB_BYTES = 150 * MB
W_NAMESPACE = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
    'relationships+xml"/><Override PartName="/word/document.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
)
RELATIONSHIPS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="word/document.xml"/></Relationships>'
)


def write_bomb_docx(path: Path, unpacked_bytes: int = UNPACKED_BOMB_BYTES) -> Path:
    """A valid DOCX whose document.xml is `unpacked_bytes` of repeated paragraphs, written a
    megabyte at a time so that building it does not grow this process either."""
    paragraph = f"<w:p><w:r><w:t>{'Velferdsteknologi i Nordland. ' * 30}</w:t></w:r></w:p>"
    chunk = paragraph.encode() * (MB // len(paragraph))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("_rels/.rels", RELATIONSHIPS)
        with archive.open("word/document.xml", "w", force_zip64=True) as part:
            part.write(f'<w:document xmlns:w="{W_NAMESPACE}"><w:body>'.encode())
            written = 0
            while written < unpacked_bytes:
                part.write(chunk)
                written += len(chunk)
            part.write(b"</w:body></w:document>")
    return path


def unpacked_size(path: Path) -> int:
    with zipfile.ZipFile(path) as archive:
        return sum(info.file_size for info in archive.infolist())


def reset_peak_rss() -> None:
    """Start this process's peak RSS afresh (Linux), so an earlier test's peak cannot hide a
    growth here."""
    with contextlib.suppress(OSError):
        Path("/proc/self/clear_refs").write_text("5")


def peak_rss_bytes() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # kilobytes on Linux


@pytest.fixture
def bomb(tmp_path):
    path = write_bomb_docx(tmp_path / "rapport.docx")
    assert path.stat().st_size < MB
    assert unpacked_size(path) >= UNPACKED_BOMB_BYTES
    return path


@pytest.fixture
def upload(db, django_capture_on_commit_callbacks):
    """Save a document as an upload does, running the extraction queued for the commit."""

    def save(title: str, content: bytes, filename: str):
        with django_capture_on_commit_callbacks(execute=True):
            document = get_document_model()(
                title=title,
                file=ContentFile(content, name=filename),
                collection=Collection.get_first_root_node(),
            )
            document._set_document_file_metadata()
            document.save()
        document.refresh_from_db()
        return document

    return save


def test_a_zip_bomb_docx_is_refused_without_the_process_growing(bomb, upload):
    """A DOCX under 1 MB that unpacks to 150 MB is «feilet» with a Norwegian message, is found
    by its title, and the process that saved it grows by far less than the unpacked size."""
    content = bomb.read_bytes()
    reset_peak_rss()
    before = peak_rss_bytes()

    document = upload("Årsrapport om trygghetsalarmer", content, "rapport.docx")

    growth = peak_rss_bytes() - before
    assert document.extraction_status == TextExtraction.FAILED
    unpacked = megabytes(unpacked_size(bomb))
    assert document.extraction_message == (
        f"Teksten i filen kunne ikke leses: Filen er for stor. Én del av filen pakkes ut til "
        f"{unpacked}, og grensen er 20 MB per del. Dokumentet finnes i søket på tittelen."
    )
    assert document.extracted_text == ""
    assert growth < UNPACKED_BOMB_BYTES / 10, f"the process grew by {growth} bytes"
    found = list(get_document_model().objects.search("trygghetsalarmer"))
    assert found == [document]


def test_a_bomb_past_the_size_checks_is_stopped_by_the_child_memory_limit(bomb, settings):
    """With the size checks lifted, the bomb exhausts the child's address space, not the
    caller's: the file is «feilet» with a message about memory."""
    settings.SEARCH_EXTRACTION_LIMITS = {
        "max_part_bytes": 10 * UNPACKED_BOMB_BYTES,
        "max_unpacked_bytes": 10 * UNPACKED_BOMB_BYTES,
        "max_text_chars": 10 * UNPACKED_BOMB_BYTES,
        "memory_bytes": 256 * MB,
    }
    reset_peak_rss()
    before = peak_rss_bytes()

    with bomb.open("rb") as file:
        result = extract_text(file, "rapport.docx")

    growth = peak_rss_bytes() - before
    assert result.status == TextExtraction.FAILED
    assert "minne" in result.message
    assert result.message.endswith("Dokumentet finnes i søket på tittelen.")
    assert growth < UNPACKED_BOMB_BYTES / 10, f"the process grew by {growth} bytes"


def test_a_read_that_hangs_is_killed_at_the_timeout(tmp_path):
    """A child that has not finished at the timeout is killed, and the file is «feilet» with a
    message about time (the child here waits for ever on a named pipe nobody writes to)."""
    pipe = tmp_path / "henger.docx"
    os.mkfifo(pipe)

    result = extract_text_from_path(str(pipe), "docx", Limits(timeout_seconds=3))

    assert result.child == "killed"
    assert result.status == TextExtraction.FAILED
    assert result.message == (
        "Teksten i filen kunne ikke leses: Det tok for lang tid å lese filen (over 3 sekunder). "
        "Dokumentet finnes i søket på tittelen."
    )


def docx_with_paragraphs(*paragraphs: str) -> bytes:
    import docx

    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_a_part_over_the_per_part_limit_is_refused(settings):
    """The declared unpacked size of each part is checked before it is read."""
    settings.SEARCH_EXTRACTION_LIMITS = {"max_part_bytes": 2 * 1024}
    result = extract_text(io.BytesIO(docx_with_paragraphs("Tekst " * 1000)), "stor.docx")
    assert result.status == TextExtraction.FAILED
    assert "Filen er for stor. Én del av filen pakkes ut til" in result.message


def test_a_package_over_the_total_limit_is_refused(settings):
    """The declared unpacked size of all parts together is checked before any is read."""
    settings.SEARCH_EXTRACTION_LIMITS = {"max_unpacked_bytes": 8 * 1024}
    result = extract_text(io.BytesIO(docx_with_paragraphs("Litt tekst")), "liten.docx")
    assert result.status == TextExtraction.FAILED
    assert "Filen er for stor. Filen pakkes ut til" in result.message


def test_the_stored_text_is_capped_and_the_editor_told(settings):
    """No more than max_text_chars of text is kept; the editor is told the rest is left out."""
    settings.SEARCH_EXTRACTION_LIMITS = {"max_text_chars": 150}
    paragraphs = [f"Avsnitt {number}: " + "responstid " * 10 for number in range(1, 6)]
    result = extract_text(io.BytesIO(docx_with_paragraphs(*paragraphs)), "lang.docx")
    assert result.status == TextExtraction.DONE
    assert len(result.text) <= 150
    assert result.text.startswith("Avsnitt 1:")
    assert "Avsnitt 5" not in result.text
    assert "bare de første 150 tegnene er søkbare" in result.message


def pdf_with_pages(*pages: str) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    for text in pages:
        pdf.drawString(72, 800, text)
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def test_only_the_first_pages_of_a_long_pdf_are_read(settings):
    """A PDF is read up to max_pdf_pages pages; the editor is told the rest is left out."""
    settings.SEARCH_EXTRACTION_LIMITS = {"max_pdf_pages": 2}
    content = pdf_with_pages("Side en om sensorer", "Side to om alarmer", "Side tre om dører")
    result = extract_text(io.BytesIO(content), "lang.pdf")
    assert result.status == TextExtraction.DONE
    assert "sensorer" in result.text
    assert "alarmer" in result.text
    assert "dører" not in result.text
    assert result.message == "Bare de første 2 av 3 sidene er søkbare."
