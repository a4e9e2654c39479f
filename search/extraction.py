"""The text inside uploaded PDF, PPTX and DOCX files, for the search index.

`extract_text(file, filename)` never raises and never reads the file in the calling process:
it copies the file to a temporary file and reads it in a child process (search/readers.py)
that is bounded in memory (RLIMIT_AS) and killed after a timeout. A broken, encrypted,
oversized or unknown file gives a result with a status and a Norwegian message for the editor,
and the document stays findable by its title.

The bounds are `readers.Limits`; the setting SEARCH_EXTRACTION_LIMITS (a dict with any of its
fields) changes them, e.g. {"max_part_bytes": 20 * 1024 * 1024, "timeout_seconds": 60}.
"""

import json
import logging
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path, PurePath

from django.conf import settings

from portal.choices import TextExtraction

from .readers import READERS, Limits

logger = logging.getLogger(__name__)

PROJECT_ROOT = Path(__file__).resolve().parent.parent
# Enough to start Python; the child is given no settings, secrets or database addresses.
CHILD_ENVIRONMENT = {"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"}


@dataclass(frozen=True)
class ExtractionResult:
    status: str
    text: str = ""
    message: str = ""
    # How the child ended: "finished", "killed" (timeout) or "crashed"; "" when none ran.
    child: str = ""


def limits_from_settings() -> Limits:
    return Limits(**getattr(settings, "SEARCH_EXTRACTION_LIMITS", {}))


def extract_text(file, filename: str, limits: Limits | None = None) -> ExtractionResult:
    """Read the text of a PDF, PPTX, DOCX (or TXT/CSV) file-like object in a child process."""
    limits = limits or limits_from_settings()
    extension = PurePath(filename or "").suffix.lower().lstrip(".")
    if extension not in READERS:
        return ExtractionResult(
            TextExtraction.UNSUPPORTED,
            message=f"Teksten i .{extension or '?'}-filer blir ikke søkbar. "
            "Dokumentet finnes i søket på tittelen.",
        )
    with tempfile.NamedTemporaryFile(prefix="ehelse-tekst-", suffix=f".{extension}") as copy:
        shutil.copyfileobj(file, copy, 1024 * 1024)
        copy.flush()
        return extract_text_from_path(copy.name, extension, limits, filename)


def extract_text_from_path(
    path: str, extension: str, limits: Limits, filename: str = ""
) -> ExtractionResult:
    """Run the bounded child on a file on disk and turn its reply into a result."""
    request = json.dumps({"path": path, "extension": extension, "limits": limits.as_dict()})
    try:
        finished = subprocess.run(  # noqa: S603 - our own interpreter and module, no shell
            [sys.executable, "-B", "-E", "-s", "-m", "search.readers"],
            input=request.encode(),
            capture_output=True,
            timeout=limits.timeout_seconds,
            cwd=PROJECT_ROOT,
            env=CHILD_ENVIRONMENT,
            check=False,
        )
    except subprocess.TimeoutExpired:
        # subprocess.run has killed the child (SIGKILL) and waited for it.
        logger.warning("Text extraction of %s killed after %ss", filename, limits.timeout_seconds)
        seconds = f"{limits.timeout_seconds:g}"
        return _failed(f"Det tok for lang tid å lese filen (over {seconds} sekunder).", "killed")
    try:
        reply = json.loads(finished.stdout) if finished.returncode == 0 else None
    except ValueError:
        reply = None
    if reply is None:
        logger.warning(
            "Text extraction of %s ended with code %s: %s",
            filename,
            finished.returncode,
            finished.stderr[-2000:].decode(errors="replace"),
        )
        return _failed("Lesingen av filen ble stoppet fordi den brukte for mye minne.", "crashed")
    return _result_from_reply(reply, filename)


def _result_from_reply(reply: dict, filename: str) -> ExtractionResult:
    outcome = reply.get("outcome")
    if outcome == "too_large":
        return _failed(f"Filen er for stor. {reply['reason']}", "finished")
    if outcome == "unreadable":
        return _failed(reply["reason"], "finished")
    if outcome == "memory":
        return _failed("Filen krever for mye minne å lese.", "finished")
    if outcome != "text":
        logger.warning("Could not extract text from %s: %s", filename, reply.get("error"))
        return _failed("Filen ser ut til å være skadet.", "finished")
    text, notes = reply["text"], reply.get("notes") or []
    if not text:
        return ExtractionResult(
            TextExtraction.DONE,
            message="Filen har ingen tekst som kan leses (kanskje bare bilder). "
            "Dokumentet finnes i søket på tittelen.",
            child="finished",
        )
    return ExtractionResult(
        TextExtraction.DONE, text=text, message=" ".join(notes), child="finished"
    )


def _failed(reason: str, child: str) -> ExtractionResult:
    return ExtractionResult(TextExtraction.FAILED, message=_failure(reason), child=child)


def _failure(reason: str) -> str:
    return f"Teksten i filen kunne ikke leses: {reason} Dokumentet finnes i søket på tittelen."
