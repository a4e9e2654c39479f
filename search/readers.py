"""Reading the text of PDF, DOCX, PPTX and plain-text files within bounds of size, memory and
time.

This module is the child process that search/extraction.py starts for every file
(`python -m search.readers`, the request as JSON on stdin, the reply as JSON on stdout). The
child limits its own address space and CPU time before it opens the file, so a hostile file
can at worst end the child, never the web or task worker that started it. It imports nothing
from Django, so that the child starts fast and holds no settings or secrets.
"""

import json
import math
import re
import resource
import sys
import zipfile
from dataclasses import asdict, dataclass, field

MB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    """Bounds on reading one file; each can be changed in the setting SEARCH_EXTRACTION_LIMITS."""

    max_part_bytes: int = 20 * MB  # one part (XML file) of a DOCX or PPTX, unpacked
    max_unpacked_bytes: int = 60 * MB  # all parts of a DOCX or PPTX together, unpacked
    max_parts: int = 5_000
    max_text_chars: int = 200_000  # the text kept for search
    max_pdf_pages: int = 500
    memory_bytes: int = 512 * MB  # the child's address space (RLIMIT_AS)
    timeout_seconds: float = 60.0  # wall-clock time before the child is killed

    def as_dict(self) -> dict:
        return asdict(self)


class Unreadable(Exception):
    """The file cannot be read; the message is shown to the editor."""


class TooLarge(Unreadable):
    """The file is over one of the limits."""


@dataclass
class TextBuffer:
    """The text read so far, never longer than the limit; readers stop once it is full."""

    max_chars: int
    parts: list = field(default_factory=list)
    size: int = 0
    truncated: bool = False

    @property
    def full(self) -> bool:
        return self.size >= self.max_chars

    def add(self, text: str) -> None:
        room = self.max_chars - self.size
        if len(text) > room:
            text = text[: max(room, 0)]
            self.truncated = True
        self.parts.append(text)
        self.size += len(text)

    def text(self) -> str:
        return normalise_whitespace("".join(self.parts))


def normalise_whitespace(text: str) -> str:
    lines = (re.sub(r"[ \t\f\v\xa0]+", " ", line).strip() for line in text.splitlines())
    return "\n".join(line for line in lines if line)


def megabytes(size: int) -> str:
    return f"{max(1, round(size / MB))} MB"


# Office files (zip packages) ------------------------------------------------------------


def open_zip(file, limits: Limits) -> zipfile.ZipFile:
    """Open a zip package after checking the sizes its directory declares. Python's zipfile
    never returns more bytes of a part than its declared size (and fails the CRC check on a
    part that would unpack to more), so these checks bound what is ever decompressed."""
    try:
        archive = zipfile.ZipFile(file)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError) as error:
        raise Unreadable("Filen er ikke en gyldig Office-fil.") from error
    parts = archive.infolist()
    if len(parts) > limits.max_parts:
        raise TooLarge(f"Filen består av {len(parts)} deler, og grensen er {limits.max_parts}.")
    largest = max((part.file_size for part in parts), default=0)
    if largest > limits.max_part_bytes:
        raise TooLarge(
            f"Én del av filen pakkes ut til {megabytes(largest)}, og grensen er "
            f"{megabytes(limits.max_part_bytes)} per del."
        )
    total = sum(part.file_size for part in parts)
    if total > limits.max_unpacked_bytes:
        raise TooLarge(
            f"Filen pakkes ut til {megabytes(total)}, og grensen er "
            f"{megabytes(limits.max_unpacked_bytes)}."
        )
    return archive


def read_xml_text(stream, paragraph: str, text: str, breaks: dict, buffer: TextBuffer) -> None:
    """Stream the text of one XML part into the buffer: each paragraph is dropped from the tree
    as soon as it is read, so memory stays flat however long the part is."""
    from lxml import etree

    events = etree.iterparse(
        stream,
        events=("end",),
        tag=(paragraph, text, *breaks),
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=False,
    )
    for _event, element in events:
        if element.tag == text:
            buffer.add(element.text or "")
        elif element.tag == paragraph:
            buffer.add("\n")
            element.clear(keep_tail=False)
            parent = element.getparent()
            while parent is not None and element.getprevious() is not None:
                del parent[0]
        else:
            buffer.add(breaks[element.tag])
        if buffer.full:
            return


W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
DOCX_PART = re.compile(r"word/(document|header\d*|footer\d*|footnotes|endnotes)\.xml")
PPTX_PART = re.compile(r"ppt/(?:slides/slide|notesSlides/notesSlide)(\d+)\.xml")


def read_docx(file, limits: Limits, buffer: TextBuffer) -> list[str]:
    with open_zip(file, limits) as archive:
        names = [name for name in archive.namelist() if DOCX_PART.fullmatch(name)]
        if "word/document.xml" not in names:
            raise Unreadable("Filen er ikke en gyldig Word-fil.")
        names.sort(key=lambda name: (name != "word/document.xml", name))
        breaks = {W + "tab": " ", W + "br": "\n", W + "cr": "\n"}
        for name in names:
            with archive.open(name) as stream:
                read_xml_text(stream, W + "p", W + "t", breaks, buffer)
            if buffer.full:
                break
    return []


def read_pptx(file, limits: Limits, buffer: TextBuffer) -> list[str]:
    with open_zip(file, limits) as archive:
        names = [name for name in archive.namelist() if PPTX_PART.fullmatch(name)]
        # Slide 1, its notes, slide 2, …
        names.sort(key=lambda name: (int(PPTX_PART.fullmatch(name)[1]), "notes" in name))
        for name in names:
            with archive.open(name) as stream:
                read_xml_text(stream, A + "p", A + "t", {A + "br": "\n"}, buffer)
            if buffer.full:
                break
    return []


# PDF and plain text ---------------------------------------------------------------------


def read_pdf(file, limits: Limits, buffer: TextBuffer) -> list[str]:
    from pypdf import PdfReader
    from pypdf.errors import FileNotDecryptedError, LimitReachedError, PdfReadError

    try:
        reader = PdfReader(file)
        if reader.is_encrypted:
            # Many PDFs are "encrypted" with an empty password only to restrict printing;
            # those can be read. Anything else needs a password we do not have.
            try:
                opened = reader.decrypt("")
            except Exception as error:
                raise Unreadable("Filen er kryptert.") from error
            if not opened:
                raise Unreadable("Filen er beskyttet med passord.")
        count = len(reader.pages)
        for number in range(min(count, limits.max_pdf_pages)):
            buffer.add((reader.pages[number].extract_text() or "") + "\n")
            if buffer.full:
                break
    except FileNotDecryptedError as error:
        raise Unreadable("Filen er beskyttet med passord.") from error
    except LimitReachedError as error:
        raise TooLarge("En del av filen pakkes ut til mer enn grensen.") from error
    except PdfReadError as error:
        raise Unreadable("Filen er ikke en gyldig PDF.") from error
    if count > limits.max_pdf_pages and not buffer.full:
        return [f"Bare de første {limits.max_pdf_pages} av {count} sidene er søkbare."]
    return []


def read_plain_text(file, limits: Limits, buffer: TextBuffer) -> list[str]:
    data = file.read(limits.max_text_chars * 4)
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            buffer.add(data.decode(encoding))
            return []
        except UnicodeDecodeError:
            continue
    raise Unreadable("Tegnsettet i filen er ukjent.")


READERS = {
    "pdf": read_pdf,
    "pptx": read_pptx,
    "docx": read_docx,
    "txt": read_plain_text,
    "csv": read_plain_text,
}


def read_text(file, extension: str, limits: Limits) -> tuple[str, list[str]]:
    """The text of the file and notes for the editor (what was left out)."""
    buffer = TextBuffer(limits.max_text_chars)
    notes = READERS[extension](file, limits, buffer)
    if buffer.truncated or buffer.full:
        notes.append(
            f"Filen har mer tekst enn søket tar vare på: bare de første "
            f"{limits.max_text_chars:,} tegnene er søkbare.".replace(",", " ")
        )
    return buffer.text(), notes


# The child process ----------------------------------------------------------------------


def limit_resources(limits: Limits) -> None:
    """Bound this process before it reads the file: past the address space an allocation
    fails with MemoryError; past the CPU time the kernel ends the process."""
    cpu_seconds = math.ceil(limits.timeout_seconds) + 1
    for which, value in (
        (resource.RLIMIT_AS, limits.memory_bytes),
        (resource.RLIMIT_CPU, cpu_seconds),
        (resource.RLIMIT_CORE, 0),
    ):
        _soft, hard = resource.getrlimit(which)
        if hard != resource.RLIM_INFINITY:
            value = min(value, hard)
        resource.setrlimit(which, (value, value if which != resource.RLIMIT_CPU else hard))


def reply_for(path: str, extension: str, limits: Limits) -> dict:
    try:
        with open(path, "rb") as file:
            text, notes = read_text(file, extension, limits)
    except TooLarge as error:
        return {"outcome": "too_large", "reason": str(error)}
    except Unreadable as error:
        return {"outcome": "unreadable", "reason": str(error)}
    except MemoryError:
        return {"outcome": "memory"}
    except Exception as error:  # a broken file: told to the editor, logged by the parent
        outcome = "memory" if "memory" in str(error).lower() else "broken"
        return {"outcome": outcome, "error": repr(error)[:500]}
    return {"outcome": "text", "text": text, "notes": notes}


def main() -> None:
    request = json.loads(sys.stdin.buffer.read(64 * 1024))
    limits = Limits(**request["limits"])
    limit_resources(limits)
    reply = reply_for(request["path"], request["extension"], limits)
    sys.stdout.write(json.dumps(reply))
    sys.stdout.flush()


if __name__ == "__main__":
    main()
