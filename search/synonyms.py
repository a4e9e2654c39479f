"""The editors' synonyms, read once and kept in the cache: a search costs no query for them.

Saving or deleting a synonym clears the cached table (after the commit as well, so that a
request running meanwhile cannot put the old table back). Without a shared cache (local
memory in development) other processes see a change within SYNONYMS_TIMEOUT seconds.
"""

from dataclasses import dataclass

from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save

from .analysis import is_stopword, stem, words

CACHE_KEY = "search:synonyms:v1"
SYNONYMS_TIMEOUT = 300


@dataclass(frozen=True)
class Expression:
    """A way of saying something: its words as written and their stems (stop words out)."""

    words: tuple
    stems: tuple

    @classmethod
    def of(cls, text: str) -> "Expression":
        content = tuple(word for word in words(text) if not is_stopword(word))
        return cls(content, tuple(stem(word) for word in content))


def synonym_groups() -> list[list[str]]:
    """Each synonym as the list of its expressions, from the cache when it holds them."""
    groups = cache.get(CACHE_KEY)
    if groups is None:
        from .models import SearchSynonym

        groups = [synonym.expressions() for synonym in SearchSynonym.objects.all()]
        cache.set(CACHE_KEY, groups, SYNONYMS_TIMEOUT)
    return groups


def expression_groups() -> list[list[Expression]]:
    groups = []
    for group in synonym_groups():
        expressions = [Expression.of(text) for text in group]
        groups.append([expression for expression in expressions if expression.words])
    return [group for group in groups if len(group) > 1]


def clear_cache(**kwargs):
    cache.delete(CACHE_KEY)
    transaction.on_commit(lambda: cache.delete(CACHE_KEY))


def connect():
    from .models import SearchSynonym

    post_save.connect(clear_cache, sender=SearchSynonym, dispatch_uid="search-synonyms-saved")
    post_delete.connect(clear_cache, sender=SearchSynonym, dispatch_uid="search-synonyms-deleted")
