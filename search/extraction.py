"""The text inside uploaded PDF, PPTX and DOCX files, for the search index.

`extract_text(file, filename)` never raises: a broken, encrypted or unknown file gives a
result with a status and a message for the editor, and the document stays findable by its
title.
"""

import logging
import re
import zipfile
from dataclasses import dataclass
from pathlib import PurePath

from portal.choices import TextExtraction

logger = logging.getLogger(__name__)

# Enough for any presentation or report; keeps one odd file from bloating the index.
MAX_TEXT_CHARS = 200_000
# A zip (PPTX, DOCX) that unpacks to more than this is refused rather than read.
MAX_UNPACKED_BYTES = 200 * 1024 * 1024
PLAIN_TEXT_EXTENSIONS = {"txt", "csv"}


@dataclass(frozen=True)
class ExtractionResult:
    status: str
    text: str = ""
    message: str = ""


class UnreadableFile(Exception):
    """The file cannot be read; the message is shown to the editor."""


def extract_text(file, filename: str) -> ExtractionResult:
    """Read the text of a PDF, PPTX, DOCX (or TXT/CSV) file-like object."""
    extension = PurePath(filename or "").suffix.lower().lstrip(".")
    reader = READERS.get(extension)
    if reader is None:
        return ExtractionResult(
            TextExtraction.UNSUPPORTED,
            message=f"Teksten i .{extension or '?'}-filer blir ikke søkbar. "
            "Dokumentet finnes i søket på tittelen.",
        )
    try:
        text = reader(file)
    except UnreadableFile as error:
        return ExtractionResult(TextExtraction.FAILED, message=_failure(str(error)))
    except Exception as error:  # a broken file must never stop an upload
        logger.warning("Could not extract text from %s: %r", filename, error)
        return ExtractionResult(
            TextExtraction.FAILED, message=_failure("Filen ser ut til å være skadet.")
        )
    text = normalise_whitespace(text)[:MAX_TEXT_CHARS]
    if not text:
        return ExtractionResult(
            TextExtraction.DONE,
            message="Filen har ingen tekst som kan leses (kanskje bare bilder). "
            "Dokumentet finnes i søket på tittelen.",
        )
    return ExtractionResult(TextExtraction.DONE, text=text)


def _failure(reason: str) -> str:
    return f"Teksten i filen kunne ikke leses: {reason} Dokumentet finnes i søket på tittelen."


def normalise_whitespace(text: str) -> str:
    lines = (re.sub(r"[ \t\f\v\xa0]+", " ", line).strip() for line in text.splitlines())
    return "\n".join(line for line in lines if line)


def _read_pdf(file) -> str:
    from pypdf import PdfReader
    from pypdf.errors import FileNotDecryptedError, PdfReadError

    try:
        reader = PdfReader(file)
        if reader.is_encrypted:
            # Many PDFs are "encrypted" with an empty password only to restrict printing;
            # those can be read. Anything else needs a password we do not have.
            try:
                opened = reader.decrypt("")
            except Exception as error:
                raise UnreadableFile("Filen er kryptert.") from error
            if not opened:
                raise UnreadableFile("Filen er beskyttet med passord.")
        return "\n".join((page.extract_text() or "") for page in reader.pages)
    except FileNotDecryptedError as error:
        raise UnreadableFile("Filen er beskyttet med passord.") from error
    except PdfReadError as error:
        raise UnreadableFile("Filen er ikke en gyldig PDF.") from error


def _check_zip(file) -> None:
    try:
        with zipfile.ZipFile(file) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except zipfile.BadZipFile as error:
        raise UnreadableFile("Filen er ikke en gyldig Office-fil.") from error
    if unpacked > MAX_UNPACKED_BYTES:
        raise UnreadableFile("Filen er for stor til å lese.")
    file.seek(0)


def _read_pptx(file) -> str:
    from pptx import Presentation

    _check_zip(file)
    presentation = Presentation(file)
    parts = []
    for slide in presentation.slides:
        for shape in slide.shapes:
            parts.extend(_shape_text(shape))
        if slide.has_notes_slide and slide.notes_slide.notes_text_frame is not None:
            parts.append(slide.notes_slide.notes_text_frame.text)
    return "\n".join(parts)


def _shape_text(shape):
    if getattr(shape, "has_text_frame", False) and shape.has_text_frame:
        yield shape.text_frame.text
    if getattr(shape, "has_table", False) and shape.has_table:
        for row in shape.table.rows:
            yield " ".join(cell.text for cell in row.cells)
    for child in getattr(shape, "shapes", ()):  # group shapes
        yield from _shape_text(child)


def _read_docx(file) -> str:
    import docx

    _check_zip(file)
    document = docx.Document(file)
    parts = [paragraph.text for paragraph in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.append(" ".join(cell.text for cell in row.cells))
    for section in document.sections:
        parts.extend(paragraph.text for paragraph in section.header.paragraphs)
        parts.extend(paragraph.text for paragraph in section.footer.paragraphs)
    return "\n".join(parts)


def _read_plain_text(file) -> str:
    data = file.read(MAX_TEXT_CHARS * 4)
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise UnreadableFile("Tegnsettet i filen er ukjent.")


READERS = {
    "pdf": _read_pdf,
    "pptx": _read_pptx,
    "docx": _read_docx,
    **dict.fromkeys(PLAIN_TEXT_EXTENSIONS, _read_plain_text),
}
