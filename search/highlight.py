"""Snippets of the text that matched, with the matching words marked.

On PostgreSQL the database writes the snippet (ts_headline with the same Norwegian
configuration as the index, so «opplæringen» marks «Opplæring»); elsewhere, and for short
texts such as a person's role, Python marks words that start like a search term.
Either way the text is escaped first and only our own <mark> elements are added.
"""

import re

from django.utils.html import escape
from django.utils.safestring import mark_safe

# Private-use characters: they do not occur in Norwegian text, and survive escaping.
START, STOP = "\ue000", "\ue001"
SNIPPET_WORDS = 36


def strip_markers(text: str) -> str:
    return text.replace(START, "").replace(STOP, "")


def marked_html(text: str):
    """Escape text in which START…STOP surround the matches, and make those <mark>."""
    html = escape(text).replace(START, "<mark>").replace(STOP, "</mark>")
    return mark_safe(html)  # noqa: S308 - escaped above; only <mark> added


def term_prefixes(terms: list[str]) -> list[str]:
    """A rough stem of each term: enough of the word to also match its inflections."""
    prefixes = []
    for term in terms:
        term = term.lower()
        keep = max(3, len(term) - 3) if len(term) > 5 else len(term)
        prefixes.append(term[:keep])
    return prefixes


def _pattern(terms: list[str]):
    prefixes = [re.escape(prefix) for prefix in term_prefixes(terms) if prefix]
    if not prefixes:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(prefixes) + r")\w*", re.IGNORECASE)


def mark_terms(text: str, terms: list[str]) -> str:
    """The text with START/STOP around each word that starts like a term."""
    pattern = _pattern(terms)
    if pattern is None:
        return text
    return pattern.sub(lambda match: f"{START}{match.group(0)}{STOP}", text)


def python_snippet(text: str, terms: list[str], words: int = SNIPPET_WORDS) -> str:
    """About `words` words of text around the first match, marked; the start when none."""
    text = " ".join(strip_markers(text).split())
    if not text:
        return ""
    pattern = _pattern(terms)
    tokens = text.split(" ")
    first = 0
    if pattern is not None:
        for position, token in enumerate(tokens):
            if pattern.search(token):
                first = position
                break
    start = max(0, first - words // 3)
    window = tokens[start : start + words]
    snippet = " ".join(window)
    if start > 0:
        snippet = "… " + snippet
    if start + words < len(tokens):
        snippet += " …"
    return mark_terms(snippet, terms)
