"""The site search's sources on PostgreSQL: pages, documents and people found in one
statement, each source ranked as Wagtail's backend ranks it, with the tags of what was found.

Pages are found in the search's page records (search.models.PageRecord): one table, matched
through the GIN index on its two vectors joined, with what a result shows beside them.
Documents and people are few and are found through Wagtail's index entries. Whether the
reader may see a page or a document is decided on the page and collection tables themselves
(visibility.py), never on the copy.

The match and the rank are Wagtail's own expressions (its query compiler builds them for the
query), compiled once per search and used for every source. The rest of the statement is
written once per process, with every value a parameter. Each hit comes back as a light row
(rows.py).
"""

import functools

from django.contrib.contenttypes.models import ContentType
from django.contrib.postgres.search import SearchVectorField
from django.db import connection
from django.db.models.expressions import RawSQL
from django.db.models.sql import Query
from wagtail.documents import get_document_model
from wagtail.models import Collection, Page
from wagtail.search.query import And, Or, PlainText

from network.models import ContactPerson, Municipality

from .backends.postgres import VECTOR_FUNCTION
from .facets import tag_selects
from .models import PageRecord
from .rows import COLUMNS, ROW_CLASSES
from .visibility import rules_sql

# A stand-in for the vector in the compiled rank expression: each source puts its title's and
# its body's columns in its place.
VECTOR_MARK = "portal_vector_mark"


def _table(model) -> str:
    return connection.ops.quote_name(model._meta.db_table)


def _select(kind: str, columns: list[str]) -> str:
    """A source's select list in the shared column order (rows.COLUMNS), each typed, so the
    three parts of the union agree whatever a part leaves empty."""
    types = {"kind": "text", "id": "integer", "title": "text", "score": "double precision"}
    types.update({name: "text" for name in COLUMNS if name.startswith("t")})
    types.update({name: "integer" for name in COLUMNS if name.startswith("i")})
    values = [f"'{kind}'", *columns]
    typed = (
        f"{value}::{types[name]} AS {name}" for name, value in zip(COLUMNS, values, strict=True)
    )
    return ", ".join(typed)


@functools.cache
def statement() -> str:
    """The statement, with places for the match ({match}), each source's rank ({page_rank},
    {document_rank}, {person_rank}) and who may see what ({hidden_pages},
    {hidden_collections}, {people}). Only table and column names are written into it;
    every value is a parameter."""
    pages = _select(
        "page",
        ["r.page_id", "r.title", "r.path", "r.url_path", "NULL", "NULL", "NULL"]
        + ["r.depth", "r.content_type_id", "r.locale_id", "{page_rank}"],
    )
    documents = _select(
        "document",
        ["d.id", "d.title", "d.file", "c.name", "NULL", "NULL", "NULL"]
        + ["c.depth", "d.file_size", "c.id", "{document_rank}"],
    )
    people = _select(
        "person",
        ["p.id", "p.name", "p.role", "p.title", "p.organisation_type", "p.organisation_name"]
        + ["m.name", "p.municipality_id", "NULL", "NULL", "{person_rank}"],
    )
    entries = "wagtailsearch_indexentry"
    best = "ORDER BY 12 DESC, 2 DESC LIMIT %s"  # by score, then the newest id, as before
    parts = [
        f"SELECT {pages} FROM {_table(PageRecord)} r "  # noqa: S608 - names only
        f"WHERE {VECTOR_FUNCTION}(r.title_vector, r.body_vector) @@ {{match}} "
        "AND r.live AND r.depth > 1 "
        "AND r.path LIKE %s AND NOT r.page_id IN ({hidden_pages})",
        f"SELECT {documents} FROM {_table(get_document_model())} d "  # noqa: S608 - names only
        f"JOIN {entries} e ON e.content_type_id = %s AND e.object_id = d.id::text "
        f"JOIN {_table(Collection)} c ON c.id = d.collection_id "
        "WHERE (e.title || e.body) @@ {match} "
        "AND NOT d.collection_id IN ({hidden_collections})",
        f"SELECT {people} FROM {_table(ContactPerson)} p "  # noqa: S608 - names only
        f"JOIN {entries} e ON e.content_type_id = %s AND e.object_id = p.id::text "
        f"LEFT JOIN {_table(Municipality)} m ON m.id = p.municipality_id "
        "WHERE (e.title || e.body) @@ {match} AND p.id IN ({people})",
    ]
    found = " UNION ALL ".join(f"({part} {best})" for part in parts)
    # The tags of the pages and documents found, as rows of their own: t1 the tag's name, t2
    # what it is on ("page" or "document"), the id that of the page or document.
    page_tags, document_tags = tag_selects()
    tag_parts = [
        document_tags.format(ids="SELECT found.id FROM found WHERE found.kind = 'document'")
    ]
    if page_tags:
        tag_parts.insert(
            0, page_tags.format(ids="SELECT found.id FROM found WHERE found.kind = 'page'")
        )
    tags = _select("tag", ["tag.item", "tag.slug", "tag.name", "tag.kind"] + ["NULL"] * 7)
    return (
        f"WITH found AS ({found}) SELECT * FROM found UNION ALL "  # noqa: S608 - names only
        f"SELECT {tags} FROM ({' UNION ALL '.join(tag_parts)}) tag (kind, item, slug, name)"
    )


def one_rank_per_choice(query):
    """The query to rank by: the same, except that a choice between single words («kj» or
    «kjernejournal») becomes one plain text of those words joined by «or».

    Wagtail ranks a choice as the mean of one ts_rank per alternative. For alternatives
    that are single words, PostgreSQL's ts_rank of the words joined by «|» is that mean
    exactly (it sums each word's weight and divides by the number of words), so the rank is
    unchanged and each row is ranked once instead of once per alternative."""
    if isinstance(query, And):
        return And([one_rank_per_choice(part) for part in query.subqueries])
    if not isinstance(query, Or):
        return query
    parts = [one_rank_per_choice(part) for part in query.subqueries]
    if all(isinstance(part, PlainText) and len(part.query_string.split()) == 1 for part in parts):
        return PlainText(" ".join(part.query_string for part in parts), operator="or")
    return Or(parts)


class RankedSearch:
    """One search query on PostgreSQL: Wagtail's match and rank for it (the title and body
    vectors with Wagtail's weights, the title by its norm), for any source's columns."""

    def __init__(self, backend, query):
        compiler = backend.query_compiler_class(Page.objects.none(), query)
        config = backend.config
        sql_query = Query(PageRecord)
        sql_compiler = sql_query.get_compiler(connection=connection)

        def compiled(expression):
            return sql_compiler.compile(expression.resolve_expression(sql_query))

        vector = RawSQL(VECTOR_MARK, (), output_field=SearchVectorField())  # noqa: S611 - a constant
        self.match = compiled(compiler.build_tsquery(query, config=config))
        ranked = one_rank_per_choice(query)
        self.vector_rank = compiled(compiler.build_tsrank(vector, ranked, config=config))

    def rank(self, title: str, body: str, norm: str) -> tuple[str, list]:
        """The rank on these columns: the title's times its norm, plus the body's."""
        sql, params = self.vector_rank
        ranked = (
            f"({sql.replace(VECTOR_MARK, title)}) * {norm} + ({sql.replace(VECTOR_MARK, body)})"
        )
        return ranked, [*params, *params]

    def sources(self, request, root_path: str, limit: int) -> tuple[list, list, list, list]:
        """The best `limit` pages, documents and people this reader may open, as rows, and
        the tags of those pages and documents (what facets.attach_tags reads)."""
        hidden_pages_sql, hidden_collections_sql, people_sql = rules_sql(request)
        match_sql, match_params = self.match
        page_rank = self.rank("r.title_vector", "r.body_vector", "r.title_norm")
        entry_rank = self.rank("e.title", "e.body", "e.title_norm")
        sql = statement().format(
            match=match_sql,
            page_rank=page_rank[0],
            document_rank=entry_rank[0],
            person_rank=entry_rank[0],
            hidden_pages=hidden_pages_sql[0],
            hidden_collections=hidden_collections_sql[0],
            people=people_sql[0],
        )
        content_types = ContentType.objects.get_for_models(get_document_model(), ContactPerson)
        params = [
            *page_rank[1],
            *match_params,
            root_path + "%",  # tree paths are digits and capitals only
            *hidden_pages_sql[1],
            limit,
            *entry_rank[1],
            content_types[get_document_model()].pk,
            *match_params,
            *hidden_collections_sql[1],
            limit,
            *entry_rank[1],
            content_types[ContactPerson].pk,
            *match_params,
            *people_sql[1],
            limit,
        ]
        found = {"page": [], "document": [], "person": []}
        tags = []
        with connection.cursor() as cursor:
            cursor.execute(sql, [*params, content_types[get_document_model()].pk])
            for values in cursor.fetchall():
                if values[0] == "tag":
                    tags.append((values[4], values[1], values[2], values[3]))
                else:
                    found[values[0]].append(ROW_CLASSES[values[0]](values))
        return found["page"], found["document"], found["person"], tags
