"""One ranking for pages, documents and people, the same on every database.

The database's relevance is comparable only within one source (PostgreSQL's ts_rank and
SQLite's BM25 differ in scale, and a long slide deck scores differently from a page), so
each source's scores are divided by that source's best. On top of that, what matters most
to a reader comes first:

1. where the words are: all of them in the title (or tags) beats some, beats the body only;
   a word as written in the title counts more than a part of a compound or a tag;
2. what the result is: a page before a document before a person;
3. how much of the title the words make up («Kjernejournal» before «Nytt i kjernejournal»);
4. the database's own relevance within the source.
"""

from .analysis import is_stopword, lexemes, part_stems, stem, words

SOURCE_WEIGHT = {"page": 1.0, "document": 0.6, "person": 0.3}
TITLE_WEIGHT = 2.0
PART_OR_TAG = 0.7  # a query unit found only as a compound part of the title, or in a tag
COVERAGE_WEIGHT = 0.3
RELEVANCE_WEIGHT = 0.9


class Wanted:
    """What the query looks for, read once per search: each unit's alternatives as sets of
    stems, and every stem of every alternative."""

    def __init__(self, plan):
        self.units = [
            [frozenset(expression.stems) for expression in unit.alternatives] for unit in plan.units
        ]
        self.stems = frozenset(stem for unit in self.units for choice in unit for stem in choice)

    def unit_share(self, exact: set, loose: set) -> float:
        """The share of query units in the title: as written counts 1, as a compound part or
        a tag PART_OR_TAG."""
        found = 0.0
        for alternatives in self.units:
            if any(alternative <= exact for alternative in alternatives):
                found += 1.0
            elif any(alternative <= loose for alternative in alternatives):
                found += PART_OR_TAG
        return found / len(self.units) if self.units else 0.0


def title_score(wanted: Wanted, title: str, tags: list[str]) -> tuple[float, float]:
    """How well the title (and tags) match the query: the share of query units found there,
    and the share of title words that are (or contain) query words."""
    exact, loose = set(), set()  # the title's stems; and with its compound parts and tags
    counted = matching = 0
    for word in words(title):
        if is_stopword(word):
            continue
        stemmed = stem(word)
        parts = part_stems(word)
        exact.add(stemmed)
        loose.add(stemmed)
        loose |= parts
        counted += 1
        if stemmed in wanted.stems or not wanted.stems.isdisjoint(parts):
            matching += 1
    if tags:
        loose |= lexemes(" ".join(tags))
    return wanted.unit_share(exact, loose), (matching / counted if counted else 0.0)


def rank(hits: list, plan, tag_names: dict) -> None:
    """Give each hit its `score` and sort the list, best first."""
    wanted = Wanted(plan)
    best = {}
    for hit in hits:
        best[hit.kind] = max(best.get(hit.kind, 0.0), hit.relevance)
    for hit in hits:
        tags = [tag_names.get(slug, "") for slug in hit.tags]
        share, coverage = title_score(wanted, hit.title, tags)
        relevance = hit.relevance / best[hit.kind] if best[hit.kind] > 0 else 0.0
        hit.score = (
            TITLE_WEIGHT * share
            + SOURCE_WEIGHT[hit.kind]
            + COVERAGE_WEIGHT * coverage
            + RELEVANCE_WEIGHT * max(relevance, 0.0)
        )
    hits.sort(key=lambda hit: (-hit.score, hit.title.lower()))
