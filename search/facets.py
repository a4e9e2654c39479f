"""Filtering search hits by type, tag and HTM part, and counting what each filter offers.

Each facet counts the hits that the *other* filters let through, so a reader always sees
how many results a choice would give. Unknown filter values in the address are ignored.
"""

import functools
from collections import Counter
from dataclasses import dataclass, field

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from taggit.models import Tag, TaggedItem, TaggedItemBase
from wagtail.documents import get_document_model
from wagtail.models import Page

from .sql import placeholders
from .types import RESULT_TYPES, RESULT_TYPES_BY_KEY

MAX_TAG_FACETS = 15


@dataclass
class Facet:
    value: str
    label: str
    count: int
    selected: bool = False


@dataclass
class Filters:
    """The filters chosen in the address, each only when it names something that exists."""

    type: str = ""
    tag: str = ""
    htm: str = ""
    htm_paths: dict = field(default_factory=dict)  # HTM part id → its tree path

    @classmethod
    def from_params(cls, params, tag_names: dict, htm_parts: list) -> "Filters":
        htm_paths = {pk: path for pk, _label, path in htm_parts}
        chosen_type, tag, htm = (params.get(name, "") for name in ("type", "tag", "htm"))
        return cls(
            type=chosen_type if chosen_type in RESULT_TYPES_BY_KEY else "",
            tag=tag if tag in tag_names else "",
            htm=htm if htm in htm_paths else "",
            htm_paths=htm_paths,
        )

    @property
    def any(self) -> bool:
        return bool(self.type or self.tag or self.htm)

    def keep_type(self, hit) -> bool:
        return not self.type or hit.result_type.key == self.type

    def keep_tag(self, hit) -> bool:
        return not self.tag or self.tag in hit.tags

    def keep_htm(self, hit) -> bool:
        return not self.htm or (
            hit.kind == "page" and hit.path.startswith(self.htm_paths[self.htm])
        )

    def keep(self, hit) -> bool:
        return self.keep_type(hit) and self.keep_tag(hit) and self.keep_htm(hit)


def type_facets(hits, filters: Filters) -> list[Facet]:
    counts = Counter(
        hit.result_type.key for hit in hits if filters.keep_tag(hit) and filters.keep_htm(hit)
    )
    return [
        Facet(t.key, t.label, counts[t.key], t.key == filters.type)
        for t in RESULT_TYPES
        if counts[t.key] or t.key == filters.type
    ]


def tag_facets(hits, filters: Filters, tag_names: dict) -> list[Facet]:
    counts = Counter(
        slug
        for hit in hits
        if filters.keep_type(hit) and filters.keep_htm(hit)
        for slug in hit.tags
    )
    top = sorted(counts.items(), key=lambda item: (-item[1], tag_names[item[0]]))
    facets = [Facet(slug, tag_names[slug], count) for slug, count in top][:MAX_TAG_FACETS]
    if filters.tag and filters.tag not in {facet.value for facet in facets}:
        facets.append(Facet(filters.tag, tag_names[filters.tag], counts[filters.tag]))
    for facet in facets:
        facet.selected = facet.value == filters.tag
    return facets


def htm_facets(hits, filters: Filters, htm_parts: list) -> list[Facet]:
    candidates = [hit for hit in hits if filters.keep_type(hit) and filters.keep_tag(hit)]
    facets = []
    for pk, label, path in htm_parts:
        count = sum(1 for hit in candidates if hit.path.startswith(path))
        if count or pk == filters.htm:
            facets.append(Facet(pk, label, count, pk == filters.htm))
    return facets


# Tags of the hits ---------------------------------------------------------------------------


def page_tag_models() -> list:
    """The tag tables of page types (TaggedItemBase subclasses whose object is a Page)."""
    models = []
    for model in apps.get_models():
        if not issubclass(model, TaggedItemBase) or model is TaggedItem:
            continue
        try:
            target = model._meta.get_field("content_object").related_model
        except Exception:  # noqa: S112 - a tag table of another shape
            continue
        if isinstance(target, type) and issubclass(target, Page):
            models.append(model)
    return models


def _tag_select(kind: str, model, object_field: str, condition: str = "") -> str:
    """One tag table's part of the union, with a placeholder for the ids. Only table and
    column names from the models go into the text; values are parameters."""
    quote = connection.ops.quote_name
    meta, tag = model._meta, Tag._meta
    item = f"item.{quote(meta.get_field(object_field).column)}"
    return (
        f"SELECT '{kind}', {item}, tag.{quote('slug')}, tag.{quote('name')} "  # noqa: S608
        f"FROM {quote(meta.db_table)} item JOIN {quote(tag.db_table)} tag "
        f"ON tag.{quote(tag.pk.column)} = item.{quote(meta.get_field('tag').column)} "
        f"WHERE {condition}{item} IN ({{ids}})"
    )


@functools.cache
def tag_selects() -> tuple[str, str]:
    """The SQL that reads the tags of pages (every page tag table) and of documents: written
    once per process, as composing the same union with the ORM took longer than the query."""
    pages = [_tag_select("page", model, "content_object") for model in page_tag_models()]
    content_type = connection.ops.quote_name(TaggedItem._meta.get_field("content_type").column)
    documents = _tag_select("document", TaggedItem, "object_id", f"item.{content_type} = %s AND ")
    return " UNION ALL ".join(pages), documents


def attach_tags(hits, rows=None) -> dict:
    """Give each page and document hit its tags; return the tag names by slug. The rows
    (kind, id, slug, name) are read in one query over every tag table, unless the search
    read them with the hits already."""
    page_hits = {hit.obj.pk: hit for hit in hits if hit.kind == "page"}
    document_hits = {hit.obj.pk: hit for hit in hits if hit.kind == "document"}
    if rows is None:
        rows = _tag_rows(page_hits, document_hits)
    names = {}
    for kind, item, slug, name in rows:
        hit = (page_hits if kind == "page" else document_hits).get(int(item))
        if hit is not None:
            hit.tags.add(slug)
            names[slug] = name
    return names


def _tag_rows(page_hits: dict, document_hits: dict) -> list:
    page_sql, document_sql = tag_selects()
    parts, params = [], []
    if page_hits and page_sql:
        ids = placeholders(page_hits)
        parts.append(page_sql.format(ids=ids))
        params += list(page_hits) * page_sql.count("{ids}")
    if document_hits:
        parts.append(document_sql.format(ids=placeholders(document_hits)))
        params.append(ContentType.objects.get_for_model(get_document_model()).pk)
        params += list(document_hits)
    if not parts:
        return []
    with connection.cursor() as cursor:
        cursor.execute(" UNION ALL ".join(parts), params)
        return cursor.fetchall()
