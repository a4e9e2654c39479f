"""PostgreSQL: Wagtail's backend with the `norwegian` configuration, plus tag names beside
the title and the parts of compound words (search/analysis.py) in the index vectors.

PostgreSQL stems the parts itself, as it stems the query. The parts go into the vectors only:
`body_text`, which snippets are cut from, stays the text as written.
"""

from django.contrib.postgres.search import SearchVectorField
from django.db.models import F, Func
from django.db.models.sql.subqueries import InsertQuery
from django.utils.functional import cached_property
from modelsearch.backends.database.postgres import postgres
from modelsearch.index import SearchField
from modelsearch.query import Fuzzy, MatchAll, Not
from modelsearch.utils import get_content_type_pk
from wagtail.models import Page

from ..analysis import parts_text
from . import page_records
from .indexing import tag_names

IndexEntry = postgres.IndexEntry
VECTOR_FUNCTION = "portal_search_vector"


class PortalObjectIndexer(postgres.ObjectIndexer):
    def _texts(self, in_title: bool) -> list[tuple[str, str]]:
        texts = []
        for field in self.search_fields:
            for current_field, weight, value in self.prepare_field(self.obj, field):
                if isinstance(current_field, SearchField) and (
                    (current_field.field_name == "title") == in_title
                ):
                    texts.append((value, weight))
        return texts

    @cached_property
    def title(self):
        texts = self._texts(in_title=True)
        weight = texts[0][1] if texts else "A"
        texts += [(name, weight) for name in tag_names(self.obj)]
        texts.append((parts_text(" ".join(text for text, _weight in texts)), weight))
        return self.as_vector(texts)

    @cached_property
    def body(self):
        texts = self._texts(in_title=False)
        texts.append((parts_text(" ".join(text for text, _weight in texts)), "D"))
        return self.as_vector(texts)


class PortalPostgresIndex(postgres.PostgresIndex):
    def add_items(self, model, objs):
        # Wagtail's add_items, with the portal's indexer.
        if not model.get_search_fields():
            return
        indexers = [PortalObjectIndexer(obj, self.backend) for obj in objs]
        if not indexers:
            return
        content_type_pk = get_content_type_pk(model)
        compiler = InsertQuery(IndexEntry).get_compiler(connection=self.write_connection)
        rows, params = [], []
        for indexer in indexers:
            params.extend((content_type_pk, indexer.id))
            vectors = []
            for name in ("title", "autocomplete", "body"):
                value = compiler.prepare_value(
                    IndexEntry._meta.get_field(name), getattr(indexer, name)
                )
                sql, value_params = value.as_sql(compiler, self.write_connection)
                vectors.append(sql)
                params.extend(value_params)
            params.extend((indexer.title_text, indexer.body_text))
            rows.append(f"(%s, %s, {vectors[0]}, {vectors[1]}, {vectors[2]}, 1.0, %s, %s)")
        table = IndexEntry._meta.db_table
        with self.write_connection.cursor() as cursor:
            cursor.execute(
                f"INSERT INTO {table} (content_type_id, object_id, title, autocomplete, body, "  # noqa: S608
                "title_norm, title_text, body_text) "
                f"(VALUES {', '.join(rows)}) "
                "ON CONFLICT (content_type_id, object_id) DO UPDATE SET title = EXCLUDED.title, "
                "title_norm = 1.0, autocomplete = EXCLUDED.autocomplete, body = EXCLUDED.body, "
                "title_text = EXCLUDED.title_text, body_text = EXCLUDED.body_text",
                params,
            )
            self._refresh_title_norms()
            if issubclass(model, Page):
                page_records.copy_records(cursor, content_type_pk, [i.id for i in indexers])

    def _refresh_title_norms(self, full=False):
        super()._refresh_title_norms(full=full)
        if full:
            with self.write_connection.cursor() as cursor:
                page_records.copy_title_norms(cursor)

    def delete_item(self, item):
        super().delete_item(item)
        if isinstance(item, Page):
            with self.write_connection.cursor() as cursor:
                page_records.delete_records(cursor, [item.pk])

    def reset(self):
        super().reset()
        with self.write_connection.cursor() as cursor:
            page_records.delete_all(cursor)


class TitleVector(F):
    """The title's vector. Ranked on its own, as Wagtail ranks it; joined with the body's to
    match the query, it becomes the function the GIN index is built on (search 0003), whose
    declared cost makes PostgreSQL use that index instead of reading every entry."""

    def _combine(self, other, connector, reversed):
        if connector == "||" and not reversed:
            return Func(
                F(self.name), other, function=VECTOR_FUNCTION, output_field=SearchVectorField()
            )
        return super()._combine(other, connector, reversed)


class PortalSearchQueryCompiler(postgres.PostgresSearchQueryCompiler):
    def get_index_vectors(self, search_query):
        return [
            (TitleVector("index_entries__title"), F("index_entries__title_norm")),
            (F("index_entries__body"), 1.0),
        ]

    def search(self, config, start, stop, score_field=None, backend=None):
        """Wagtail's search, with the joined vectors matched as an alias: annotated, they were
        also selected, so each hit's whole vector was computed again and sent to Python for
        nothing. Match-all, negated and fuzzy queries are searched as Wagtail searches them."""
        if isinstance(self.query, MatchAll | Not | Fuzzy):
            return super().search(config, start, stop, score_field, backend)
        search_query = self.build_tsquery(self.query, config=config)
        vectors = self.get_search_vectors(search_query)
        rank_expression = self._build_rank_expression(vectors, config)
        combined = vectors[0][0]
        for vector, _boost in vectors[1:]:
            combined = combined._combine(vector, "||", False)
        queryset = self.queryset.alias(_vector_=combined).filter(_vector_=search_query)
        return self._apply_ordering_and_scoring(queryset, rank_expression, start, stop, score_field)


class PortalPostgresSearchBackend(postgres.PostgresSearchBackend):
    index_class = PortalPostgresIndex
    query_compiler_class = PortalSearchQueryCompiler
