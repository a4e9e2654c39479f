"""SQLite: Wagtail's FTS5 backend with Norwegian stems written into the index.

SQLite's full-text index cannot stem Norwegian, so the text written to the index entry is
the text as written (snippets are cut from it), then a mark, then the stem of every
inflected word and the parts of compound words (search/analysis.py). Query words are
stemmed the same way and stop words left out, so «opplæringen» finds «Opplæring» as on
PostgreSQL. A word that is its own stem is found as written, so only the stems that differ
are added: on the demo content this makes the index text about a third larger.
"""

from django.utils.functional import cached_property
from modelsearch.backends.database.sqlite import sqlite
from modelsearch.backends.database.sqlite.query import Lexeme, SearchQueryExpression
from modelsearch.query import PlainText
from modelsearch.utils import get_content_type_pk

from ..analysis import is_stopword, stem, words
from .indexing import title_with_tags, with_index_terms


class StemmingObjectIndexer(sqlite.ObjectIndexer):
    @cached_property
    def title(self):
        return with_index_terms(title_with_tags(self.title_as_written(), self.obj))

    @cached_property
    def body(self):
        return with_index_terms(self.body_as_written())

    def title_as_written(self) -> str:
        return sqlite.ObjectIndexer.title.func(self)

    def body_as_written(self) -> str:
        return sqlite.ObjectIndexer.body.func(self)


class StemmingSQLiteIndex(sqlite.SQLiteIndex):
    def add_items(self, model, objs):
        # Wagtail's add_items, with the portal's indexer.
        if not model.get_search_fields():
            return
        indexers = [StemmingObjectIndexer(obj, self.backend) for obj in objs]
        if not indexers:
            return
        content_type_pk = get_content_type_pk(model)
        data = {
            indexer.id: (indexer.title, indexer.autocomplete, indexer.body) for indexer in indexers
        }
        entries = self.entries.filter(content_type_id=content_type_pk)
        indexed_ids = frozenset(
            entries.filter(object_id__in=data.keys()).values_list("object_id", flat=True)
        )
        for object_id in indexed_ids:
            title, autocomplete, body = data[object_id]
            entries.filter(object_id=object_id).update(
                title=title, autocomplete=autocomplete, body=body
            )
        self.entries.bulk_create(
            [
                sqlite.IndexEntry(
                    content_type_id=content_type_pk,
                    object_id=object_id,
                    title=title,
                    autocomplete=autocomplete,
                    body=body,
                )
                for object_id, (title, autocomplete, body) in data.items()
                if object_id not in indexed_ids
            ]
        )
        self._refresh_title_norms()


class StemmingSQLiteSearchQueryCompiler(sqlite.SQLiteSearchQueryCompiler):
    def build_search_query_content(self, query, config=None):
        if isinstance(query, PlainText):
            terms = [stem(word) for word in words(query.query_string) if not is_stopword(word)]
            if not terms:
                # Only stop words: PostgreSQL finds nothing for them, nor does this
                # (a private-use character is in no text).
                terms = ["\ue003"]
            lexemes = Lexeme(terms[-1])
            for term in terms[:-1]:
                if query.operator.upper() == "AND":
                    lexemes &= Lexeme(term)
                else:
                    lexemes |= Lexeme(term)
            return SearchQueryExpression(lexemes, config=config)
        return super().build_search_query_content(query, config=config)


class StemmingSQLiteSearchBackend(sqlite.SQLiteSearchBackend):
    query_compiler_class = StemmingSQLiteSearchQueryCompiler
    index_class = StemmingSQLiteIndex
