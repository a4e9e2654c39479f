"""Snippets of the text that matched, with the matching words marked.

A word is marked when it is a form of a search word (the same Norwegian stem) or a compound
with one as a part, so «opplæringen» marks «Opplæring» and «teknologi» marks
«velferdsteknologien». The same code cuts and marks snippets on every database. The text is
escaped first and only our own <mark> elements are added.
"""

from django.utils.html import escape
from django.utils.safestring import mark_safe

from .analysis import WORD, is_stopword, part_stems, stem

# Private-use characters: they do not occur in Norwegian text, and survive escaping.
START, STOP = "\ue000", "\ue001"
SNIPPET_WORDS = 36


def strip_markers(text: str) -> str:
    return text.replace(START, "").replace(STOP, "")


def marked_html(text: str):
    """Escape text in which START…STOP surround the matches, and make those <mark>."""
    html = escape(text).replace(START, "<mark>").replace(STOP, "</mark>")
    return mark_safe(html)  # noqa: S308 - escaped above; only <mark> added


def targets(terms: list[str]) -> set[str]:
    return {stem(term.lower()) for term in terms if not is_stopword(term.lower())}


def matches(word: str, wanted: set[str]) -> bool:
    word = word.lower()
    if not wanted or is_stopword(word):
        return False
    return stem(word) in wanted or not wanted.isdisjoint(part_stems(word))


def mark_terms(text: str, terms: list[str]) -> str:
    """The text with START/STOP around each word that is a form of a term."""
    wanted = targets(terms)
    return WORD.sub(
        lambda match: (
            f"{START}{match.group(0)}{STOP}" if matches(match.group(0), wanted) else match.group(0)
        ),
        text,
    )


def python_snippet(text: str, terms: list[str], words: int = SNIPPET_WORDS) -> str:
    """About `words` words of text around the first match, marked; the start when none."""
    tokens = strip_markers(text).split()
    if not tokens:
        return ""
    wanted = targets(terms)
    first = 0
    for position, token in enumerate(tokens):
        if any(matches(word, wanted) for word in WORD.findall(token)):
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
