"""What the portal adds to each object's index entry, on every database: its tag names
beside its title, and the parts of the compound words of its title, tags and body."""

from ..analysis import INDEX_TERMS_MARK, index_terms


def tag_names(obj) -> list[str]:
    """The names of the object's topic tags (pages and documents), or []."""
    manager = getattr(obj, "tags", None)
    names = getattr(manager, "names", None)
    if not callable(names):
        return []
    try:
        return list(names())
    except ValueError:  # an unsaved object has no tags yet
        return []


def title_with_tags(title: str, obj) -> str:
    return " ".join(text for text in (title, *tag_names(obj)) if text)


def with_index_terms(text: str) -> str:
    """The text as written, then (after a mark) the stems and compound parts SQLite's index
    needs to find it by other word forms."""
    terms = index_terms(text)
    if not terms:
        return text
    return f"{text} {INDEX_TERMS_MARK} {' '.join(terms)}"
