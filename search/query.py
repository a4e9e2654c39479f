"""What a search asks the index for: the words typed, with editors' synonyms.

The words are grouped into units. A unit is one word (or its stem, see word_alternatives),
or a run of words that is one of the expressions of a synonym; then the unit is any of that
synonym's expressions. «pll app»
becomes («pll» or «pasientens legemiddelliste») and «app». Every unit must match (AND);
when nothing matches every unit, the search tries any of them (OR).
"""

from dataclasses import dataclass, field

from wagtail.search.query import And, Or, PlainText

from .analysis import is_stopword, stem
from .synonyms import Expression, expression_groups


@dataclass
class Unit:
    alternatives: list  # of Expression

    @property
    def expanded(self) -> bool:
        return len(self.alternatives) > 1

    def as_query(self):
        parts = [
            PlainText(" ".join(expression.words), operator="and")
            for expression in self.alternatives
        ]
        return parts[0] if len(parts) == 1 else Or(parts)


def word_alternatives(word: str) -> list:
    """A typed word, and its stem as a word of its own when stemming that again gives
    something else. Snowball's Norwegian stemmer is not idempotent: «responsen» stems to
    «respons», while «Respons» in a title stems to «respon»; searching both meets it."""
    stemmed = stem(word)
    alternatives = [Expression((word,), (stemmed,))]
    again = stem(stemmed)
    if stemmed != word and again != stemmed:
        alternatives.append(Expression((stemmed,), (again,)))
    return alternatives


@dataclass
class QueryPlan:
    terms: list
    units: list = field(default_factory=list)

    @classmethod
    def build(cls, terms: list[str]) -> "QueryPlan":
        content = [term for term in terms if not is_stopword(term)]
        stems = [stem(term) for term in content]
        groups = expression_groups() if content else []
        units = []
        position = 0
        while position < len(content):
            match, length = None, 0
            for group in groups:
                for expression in group:
                    size = len(expression.stems)
                    if (
                        size > length
                        and tuple(stems[position : position + size]) == expression.stems
                    ):
                        match, length = group, size
            if match is None:
                units.append(Unit(word_alternatives(content[position])))
                position += 1
            else:
                units.append(Unit(list(match)))
                position += length
        return cls(terms=terms, units=units)

    @property
    def empty(self) -> bool:
        """Only stop words: PostgreSQL's `norwegian` configuration finds nothing for them."""
        return not self.units

    def as_query(self, operator: str):
        queries = [unit.as_query() for unit in self.units]
        if len(queries) == 1:
            return queries[0]
        return And(queries) if operator == "and" else Or(queries)

    def marked_words(self) -> list[str]:
        """The words to mark in snippets: the typed ones and those of synonyms used."""
        marked = list(self.terms)
        for unit in self.units:
            if unit.expanded:
                marked.extend(word for expression in unit.alternatives for word in expression.words)
        return list(dict.fromkeys(marked))
