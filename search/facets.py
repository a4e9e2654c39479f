"""Filtering search hits by type, tag and HTM part, and counting what each filter offers.

Each facet counts the hits that the *other* filters let through, so a reader always sees
how many results a choice would give. Unknown filter values in the address are ignored.
"""

from collections import Counter
from dataclasses import dataclass, field

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db.models import F, Value
from taggit.models import TaggedItem, TaggedItemBase
from wagtail.documents import get_document_model
from wagtail.models import Page

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


def attach_tags(hits) -> dict:
    """Give each page and document hit its tags (one query over every tag table); return
    the tag names by slug."""
    page_hits = {hit.obj.pk: hit for hit in hits if hit.kind == "page"}
    document_hits = {hit.obj.pk: hit for hit in hits if hit.kind == "document"}
    parts = [
        through.objects.filter(content_object_id__in=page_hits)
        .annotate(kind=Value("page"), item=F("content_object_id"))
        .values_list("kind", "item", "tag__slug", "tag__name")
        for through in (page_tag_models() if page_hits else [])
    ]
    if document_hits:
        parts.append(
            TaggedItem.objects.filter(
                content_type=ContentType.objects.get_for_model(get_document_model()),
                object_id__in=list(document_hits),
            )
            .annotate(kind=Value("document"), item=F("object_id"))
            .values_list("kind", "item", "tag__slug", "tag__name")
        )
    if not parts:
        return {}
    rows = parts[0].union(*parts[1:], all=True) if len(parts) > 1 else parts[0]
    names = {}
    for kind, item, slug, name in rows:
        hit = (page_hits if kind == "page" else document_hits).get(int(item))
        if hit is not None:
            hit.tags.add(slug)
            names[slug] = name
    return names
