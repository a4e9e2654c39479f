"""Norwegian text helpers: sorting in the Norwegian alphabet, and readable URL slugs."""

from django.utils.text import slugify

_NORWEGIAN_ORDER = str.maketrans({"æ": "z~1", "ø": "z~2", "å": "z~3", "é": "e"})
_SLUG_LETTERS = str.maketrans({"æ": "ae", "ø": "o", "å": "a", "Æ": "ae", "Ø": "o", "Å": "a"})


def norwegian_key(text: str) -> str:
    """A sort key that puts æ, ø and å last, as in the Norwegian alphabet, on any database."""
    return text.lower().translate(_NORWEGIAN_ORDER)


def norwegian_sorted(items, key=lambda item: item.name) -> list:
    """The items in Norwegian alphabetical order of key(item) (their name by default)."""
    return sorted(items, key=lambda item: norwegian_key(key(item)))


def norwegian_slug(text: str) -> str:
    """A URL slug that keeps Norwegian letters readable: æ→ae, ø→o, å→a."""
    return slugify(text.translate(_SLUG_LETTERS))
