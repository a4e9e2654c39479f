"""What the portal accepts as an uploaded document, and how big a request may be.

A document must be one of the types the portal needs (WAGTAILDOCS_EXTENSIONS: PDF, DOCX,
PPTX, XLSX, ODT, ODP), and its content must be what its name says: the magic bytes are read
with puremagic, and for the zip-based formats the package itself is opened (the main part's
content type of an Office Open XML file, the `mimetype` entry of an OpenDocument file).
Files with macros are refused. File names are made safe before they are stored.

The checks run as the validator of the document's file field, so Wagtail's document form
(the upload, the replacement of a file, the multiple upload) shows their messages.
"""

import posixpath
import re
import unicodedata
import xml.etree.ElementTree as ET
import zipfile
from pathlib import PurePosixPath

import puremagic
from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import HttpResponse, JsonResponse
from django.template.defaultfilters import filesizeformat

from .storage import DOCUMENTS_FOLDER

MAX_STEM_LENGTH = 70
# Bounded reads of the parts that tell what a package is.
MAX_CONTENT_TYPES_BYTES = 1024 * 1024
MAX_MIMETYPE_BYTES = 200
MAX_ZIP_ENTRIES = 10_000
# A package that claims to unpack to this much, and this many times its own size, is a
# "zip bomb" rather than a document: ordinary Office files compress XML some ten times.
MAX_UNPACKED_BYTES = 50 * 1024 * 1024
MAX_UNPACK_RATIO = 100

KIND_NAMES = {
    "pdf": "en PDF-fil",
    "docx": "et Word-dokument (.docx)",
    "pptx": "en PowerPoint-presentasjon (.pptx)",
    "xlsx": "et Excel-regneark (.xlsx)",
    "odt": "et OpenDocument-tekstdokument (.odt)",
    "odp": "en OpenDocument-presentasjon (.odp)",
}
OOXML_MAIN_TYPES = {
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml": "docx",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml": "pptx",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml": "xlsx",
}
ODF_MIMETYPES = {
    "application/vnd.oasis.opendocument.text": "odt",
    "application/vnd.oasis.opendocument.presentation": "odp",
}
ZIP_KINDS = {"docx", "pptx", "xlsx", "odt", "odp"}
LOOKS_LIKE = {
    ".html": "en nettside (HTML)",
    ".htm": "en nettside (HTML)",
    ".xml": "en XML-fil",
    ".exe": "et program",
    ".zip": "en zip-fil",
    ".doc": "et eldre Office-dokument eller en passordbeskyttet fil",
}
MACRO_MESSAGE = (
    "Filen inneholder makroer. Av sikkerhetshensyn tar portalen ikke imot filer med makroer. "
    "Lagre dokumentet uten makroer (for eksempel som vanlig .docx, .pptx eller .xlsx) og "
    "prøv igjen."
)


def extension_of(name: str) -> str:
    return PurePosixPath(str(name).replace("\\", "/")).suffix.lower().lstrip(".")


def allowed_list() -> str:
    names = [extension.upper() for extension in settings.WAGTAILDOCS_EXTENSIONS]
    return ", ".join(names[:-1]) + " eller " + names[-1] if len(names) > 1 else "".join(names)


def safe_file_name(name: str) -> str:
    """The last part of an uploaded file's name, with letters (æ, ø and å too), digits, dots,
    hyphens and underscores only, no control characters, and a bounded length."""
    name = unicodedata.normalize("NFC", str(name)).replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(char for char in name if not unicodedata.category(char).startswith("C"))
    name = re.sub(r"\s+", "-", name.strip())
    name = re.sub(r"[^\w.\-]", "", name)
    name = re.sub(r"-{2,}", "-", name)
    stem, dot, extension = name.rpartition(".")
    if not dot:
        stem, extension = name, ""
    stem = re.sub(r"\.{2,}", ".", stem).strip(".-_")[:MAX_STEM_LENGTH].strip(".-_")
    extension = extension.lower()[:10]
    stem = stem or "dokument"
    return f"{stem}.{extension}" if extension else stem


def document_upload_to(instance, filename: str) -> str:
    return posixpath.join(DOCUMENTS_FOLDER, safe_file_name(filename))


def clean_title(title: str) -> str:
    """A title without control or direction-changing characters (which can disguise a name)."""
    title = "".join(char for char in str(title) if not unicodedata.category(char).startswith("C"))
    return re.sub(r"\s+", " ", title).strip()


def validate_document_file(value) -> None:
    """The file field's validator: checks a newly uploaded file, not one already stored."""
    if getattr(value, "_committed", False):
        return
    check_document(getattr(value, "file", value), value.name)


def check_document(file, name: str) -> None:
    extension = extension_of(name)
    if extension not in settings.WAGTAILDOCS_EXTENSIONS:
        refused = (
            f"Filtypen «.{extension}» kan ikke lastes opp."
            if extension
            else "En fil uten filendelse kan ikke lastes opp."
        )
        raise ValidationError(f"{refused} Portalen tar imot {allowed_list()}.", code="file_type")
    try:
        detected = _detected_types(file)
        if f".{extension}" not in detected:
            raise ValidationError(_mismatch(extension, detected), code="file_content")
        if extension in ZIP_KINDS:
            _check_package(file, extension)
    finally:
        file.seek(0)


def _detected_types(file) -> set[str]:
    file.seek(0)
    try:
        return {match.extension for match in puremagic.magic_stream(file)}
    except ValueError as error:  # puremagic: an empty file
        raise ValidationError("Filen er tom.", code="file_empty") from error
    except puremagic.PureError:
        return set()


def _mismatch(extension: str, detected) -> str:
    looks_like = next((LOOKS_LIKE[ext] for ext in detected if ext in LOOKS_LIKE), "")
    guess = f" Innholdet ser ut som {looks_like}." if looks_like else ""
    return (
        f"Filen heter .{extension}, men innholdet er ikke {KIND_NAMES[extension]}.{guess} "
        f"Lagre eller eksporter dokumentet som {extension.upper()} og prøv igjen."
    )


def _broken(extension: str) -> ValidationError:
    return ValidationError(
        f"Filen er skadet eller er ikke {KIND_NAMES[extension]}.", code="file_content"
    )


def _check_package(file, extension: str) -> None:
    try:
        with zipfile.ZipFile(file) as archive:
            entries = archive.infolist()
            _check_size(entries, file)
            names = [entry.filename for entry in entries]
            if extension in ODF_MIMETYPES.values():
                _check_odf(archive, names, extension)
            else:
                _check_ooxml(archive, names, extension)
    # Broken archives, unknown compression, encrypted or truncated entries.
    except (zipfile.BadZipFile, NotImplementedError, RuntimeError, EOFError, OSError) as error:
        raise _broken(extension) from error


def _check_size(entries, file) -> None:
    unpacked = sum(entry.file_size for entry in entries)
    packed = max(getattr(file, "size", 0) or 1, 1)
    too_big = unpacked > MAX_UNPACKED_BYTES and unpacked > packed * MAX_UNPACK_RATIO
    if len(entries) > MAX_ZIP_ENTRIES or too_big:
        raise ValidationError(
            f"Filen pakker seg ut til {filesizeformat(unpacked)} og er ikke et vanlig "
            "dokument. Den kan ikke lastes opp.",
            code="file_unpacked_size",
        )


def _check_ooxml(archive, names, extension: str) -> None:
    if any(name.lower().endswith(("vbaproject.bin", "vbadata.xml")) for name in names):
        raise ValidationError(MACRO_MESSAGE, code="file_macros")
    types = _content_types(archive, names, extension)
    if any("macroenabled" in kind.lower() or "vbaproject" in kind.lower() for kind in types):
        raise ValidationError(MACRO_MESSAGE, code="file_macros")
    kinds = {OOXML_MAIN_TYPES[kind] for kind in types if kind in OOXML_MAIN_TYPES}
    if extension not in kinds:
        actual = f" Innholdet er {KIND_NAMES[min(kinds)]}." if kinds else ""
        raise ValidationError(
            f"Filen heter .{extension}, men er ikke {KIND_NAMES[extension]}.{actual} "
            f"Lagre dokumentet som {extension.upper()} og prøv igjen.",
            code="file_content",
        )


def _content_types(archive, names, extension: str) -> set[str]:
    """Every content type an Office Open XML package declares in `[Content_Types].xml`."""
    if "[Content_Types].xml" not in names:
        raise _broken(extension)
    with archive.open("[Content_Types].xml") as part:
        data = part.read(MAX_CONTENT_TYPES_BYTES + 1)
    # A package's content types never declare a DTD; one would only serve entity tricks.
    if len(data) > MAX_CONTENT_TYPES_BYTES or b"<!DOCTYPE" in data or b"<!ENTITY" in data:
        raise _broken(extension)
    try:
        root = ET.fromstring(data)  # noqa: S314 - no DTD (refused above), bounded size
    except ET.ParseError as error:
        raise _broken(extension) from error
    return {element.get("ContentType", "") for element in root.iter()}


def _check_odf(archive, names, extension: str) -> None:
    if any(name.startswith(("Basic/", "Scripts/")) for name in names):
        raise ValidationError(MACRO_MESSAGE, code="file_macros")
    if "mimetype" not in names:
        raise _broken(extension)
    with archive.open("mimetype") as part:
        mimetype = part.read(MAX_MIMETYPE_BYTES).decode("ascii", "replace").strip()
    if ODF_MIMETYPES.get(mimetype) != extension:
        raise ValidationError(
            f"Filen heter .{extension}, men er ikke {KIND_NAMES[extension]}. "
            f"Lagre dokumentet som {extension.upper()} og prøv igjen.",
            code="file_content",
        )


def too_large_message() -> str:
    limit = filesizeformat(settings.WAGTAILDOCS_MAX_UPLOAD_SIZE)
    return f"Filen er for stor. En fil kan være på høyst {limit}."


class UploadSizeLimitMiddleware:
    """Refuses a request whose declared body is larger than UPLOAD_MAX_REQUEST_SIZE with 413,
    before anything reads the body (Django would otherwise spool it to disk first). The proxy
    in front should refuse such bodies too; this is the limit when it does not."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        limit = getattr(settings, "UPLOAD_MAX_REQUEST_SIZE", None)
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if limit and length > limit:
            return self.refuse(request)
        return self.get_response(request)

    @staticmethod
    def refuse(request):
        message = too_large_message()
        # Wagtail's multiple upload reads JSON and shows `error_message`.
        if request.headers.get("x-requested-with") == "XMLHttpRequest":
            response = JsonResponse({"success": False, "error_message": message}, status=413)
        else:
            response = HttpResponse(message, status=413, content_type="text/plain; charset=utf-8")
        return response
