"""Norwegian word forms for the search index and the queries: the same rules on every database.

PostgreSQL's `norwegian` text-search configuration drops stop words and stems with the
Snowball Norwegian stemmer. SQLite's full-text index does neither, so on SQLite the portal
writes the stems into the index itself (search/backends/sqlite.py) with the same Snowball
stemmer (PyStemmer) and the same stop words, and stems the query terms the same way.

Compounds: Norwegian glues words together («velferdsteknologi»). A word is split against a
vocabulary of known parts (search/compound_parts.py) and the parts are indexed beside the
word, on both databases, so a search for «teknologi» finds «velferdsteknologien».
"""

import re
import threading
from functools import lru_cache

import Stemmer

from .compound_parts import PARTS
from .stopwords import STOPWORDS

WORD = re.compile(r"[^\W_]+")
# Separates the text as written (shown in snippets) from the index terms written after it on
# SQLite. A private-use character: it never occurs in Norwegian text.
INDEX_TERMS_MARK = "\ue002"

# A compound is at least this long, and the piece before a part a word of its own.
MIN_COMPOUND_LENGTH = 8
MIN_MODIFIER_LENGTH = 3
# What may follow the last part: inflections and the commonest derivations.
# The second line: after a part that ends in -e (liste → listen, lister, listene).
_ENDINGS = """
    e en er ene et a s es ens ets ers enes ane ar isk iske sk ske lig lige ig ige
    n ne nes ns r rs t ts
"""
ENDINGS = frozenset(_ENDINGS.split()) | {""}
PART_LENGTHS = sorted({len(part) for part in PARTS}, reverse=True)

_local = threading.local()


def _stemmer():
    # PyStemmer's stemmers are not thread-safe: one per thread.
    stemmer = getattr(_local, "stemmer", None)
    if stemmer is None:
        stemmer = _local.stemmer = Stemmer.Stemmer("norwegian")
    return stemmer


def words(text: str) -> list[str]:
    """The words of a text, lower case: letters and digits only."""
    return WORD.findall((text or "").lower())


@lru_cache(maxsize=100_000)
def stem(word: str) -> str:
    return _stemmer().stemWord(word)


def is_stopword(word: str) -> bool:
    return word in STOPWORDS


@lru_cache(maxsize=100_000)
def compound_parts(word: str) -> tuple[str, ...]:
    """The known parts of a compound word, as written in the vocabulary: «velferdsteknologien»
    gives («velferd», «teknologi»); a word that is itself a part (inflected or not) gives ()."""
    if len(word) < MIN_COMPOUND_LENGTH:
        return ()
    found = []
    for start in range(len(word) - min(PART_LENGTHS) + 1):
        if 0 < start < MIN_MODIFIER_LENGTH:
            continue
        for length in PART_LENGTHS:
            part = word[start : start + length]
            if len(part) < length or part not in PARTS:
                continue
            rest = word[start + length :]
            if start == 0 and rest in ENDINGS:
                continue  # the word itself
            if rest in ENDINGS or len(rest) >= MIN_MODIFIER_LENGTH:
                found.append(part)
    return tuple(dict.fromkeys(found))


@lru_cache(maxsize=100_000)
def part_stems(word: str) -> frozenset[str]:
    """The stems of the known parts of a compound word (empty for any other word)."""
    return frozenset(stem(part) for part in compound_parts(word))


def lexemes(text: str) -> set[str]:
    """What a text can be found by: the stem of each word and of each part of its compounds
    (stop words left out). Used to tell a title match from a match in the body."""
    found = set()
    for word in words(text):
        if is_stopword(word):
            continue
        found.add(stem(word))
        found |= part_stems(word)
    return found


def index_terms(text: str) -> list[str]:
    """The terms SQLite's index needs besides the words as written: the stem of each
    inflected word and the stems of compound parts, in text order (so that counts stay
    meaningful for ranking). A word that is its own stem is already in the index as written."""
    terms = []
    for word in words(text):
        if is_stopword(word):
            continue
        stemmed = stem(word)
        if stemmed != word:
            terms.append(stemmed)
        terms.extend(stem(part) for part in compound_parts(word))
    return terms


def parts_text(text: str) -> str:
    """The compound parts of a text's words, as words (PostgreSQL stems them itself)."""
    return " ".join(part for word in words(text) for part in compound_parts(word))


def text_as_written(indexed: str) -> str:
    """The text of an index entry without the index terms SQLite keeps after it."""
    return (indexed or "").split(INDEX_TERMS_MARK, 1)[0]


def query_lexemes(terms: list[str]) -> list[str]:
    """The stems of the query words that are not stop words."""
    return [stem(term) for term in terms if not is_stopword(term)]
