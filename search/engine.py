"""The site search: pages, published contact persons and documents in one ranked list.

Each source is searched once through Wagtail's search backend (at most MAX_HITS_PER_SOURCE
hits, loaded lightly), so counting, filtering by type, tag and HTM part, and merging happen
in memory; only the one page of results shown is then decorated (breadcrumbs, snippets,
where a document is used), with a fixed number of queries. The number of queries does not
grow with the number of hits.
"""

import difflib
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.contrib.postgres.search import SearchHeadline, SearchQuery
from django.core.paginator import Paginator
from django.db import connection
from django.db.models import Q
from taggit.models import TaggedItem, TaggedItemBase
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.documents import get_document_model
from wagtail.models import Page, ReferenceIndex, Site
from wagtail.search.backends import get_search_backend
from wagtail.search.utils import normalise_query_string

from htm.models import PhasePage, TaskGroupPage
from network.models import ContactPerson, NetworkPage

from . import highlight
from .types import MATERIALS, MEETINGS, PEOPLE, RESULT_TYPES, RESULT_TYPES_BY_KEY, page_type_for
from .visibility import visible_documents, visible_pages

MAX_QUERY_LENGTH = 200
MAX_TERMS = 12
MIN_QUERY_LENGTH = 2
MAX_HITS_PER_SOURCE = 300
RESULTS_PER_PAGE = 10
MAX_TAG_FACETS = 15
PAGE_FIELDS = ("id", "title", "path", "depth", "url_path", "content_type", "locale", "live")


def clean_query(raw: str) -> str:
    """What the reader typed, trimmed and cut to a sane length (shown back in the field)."""
    return " ".join((raw or "").split())[:MAX_QUERY_LENGTH]


def search_terms(query: str) -> list[str]:
    """The words of the query: letters and digits only, so nothing the reader types can be
    read as search-engine syntax (quotes, operators, SQL) by any backend."""
    return re.findall(r"[^\W_]+", query.lower())[:MAX_TERMS]


@dataclass
class Hit:
    kind: str  # "page" | "document" | "person"
    obj: object
    result_type: object
    relevance: float
    tags: set = field(default_factory=set)
    path: str = ""
    # Filled in for the page of results shown:
    url: str = ""
    breadcrumbs: list = field(default_factory=list)
    snippet: str = ""
    used_on: object = None
    used_on_url: str = ""
    used_on_is_meeting: bool = False

    @property
    def key(self):
        return (self.kind, self.obj.pk)

    @property
    def title(self):
        return self.obj.name if self.kind == "person" else self.obj.title


@dataclass
class Facet:
    value: str
    label: str
    count: int
    selected: bool = False


@dataclass
class SearchOutcome:
    query: str
    terms: list
    too_short: bool = False
    total: int = 0
    results: object = None  # a Paginator page of Hit
    promotions: list = field(default_factory=list)
    type_facets: list = field(default_factory=list)
    tag_facets: list = field(default_factory=list)
    htm_facets: list = field(default_factory=list)
    selected_type: str = ""
    selected_tag: str = ""
    selected_htm: str = ""
    capped: bool = False
    used_or: bool = False
    suggestion: str = ""

    @property
    def filtered(self) -> bool:
        return bool(self.selected_type or self.selected_tag or self.selected_htm)


class SiteSearch:
    def __init__(self, request):
        self.request = request
        self.site = (
            Site.find_for_request(request) or Site.objects.filter(is_default_site=True).first()
        )
        self.vendor = connection.vendor
        self._pages = None
        self._documents = None

    # Sources ----------------------------------------------------------------------------

    def pages(self):
        if self._pages is None:
            pages = visible_pages(self.request).filter(depth__gt=1)
            if self.site is not None:
                pages = pages.filter(path__startswith=self.site.root_page.path)
            self._pages = pages
        return self._pages

    def documents(self):
        if self._documents is None:
            self._documents = visible_documents(self.request)
        return self._documents

    def people(self):
        # Only persons who agreed to be published, for every reader.
        return ContactPerson.objects.published()

    def _relevance(self, score) -> float:
        if score is None:
            return 0.0
        # PostgreSQL ranks higher-is-better; SQLite's BM25 lower-is-better.
        return float(score) if self.vendor == "postgresql" else -float(score)

    def _hits(self, terms: list[str], operator: str) -> list[Hit]:
        query = " ".join(terms)
        hits = []
        pages = (
            self.pages()
            .only(*PAGE_FIELDS)
            .search(query, operator=operator)
            .annotate_score("_score")
        )
        for page in pages[:MAX_HITS_PER_SOURCE]:
            label = ContentType.objects.get_for_id(page.content_type_id)
            result_type = page_type_for(f"{label.app_label}.{label.model}")
            hits.append(
                Hit("page", page, result_type, self._relevance(page._score), path=page.path)
            )
        documents = (
            self.documents()
            .defer("extracted_text")
            .select_related("collection")
            .search(query, operator=operator)
            .annotate_score("_score")
        )
        for document in documents[:MAX_HITS_PER_SOURCE]:
            hits.append(Hit("document", document, MATERIALS, self._relevance(document._score)))
        people = (
            self.people()
            .select_related("municipality")
            .search(query, operator=operator)
            .annotate_score("_score")
        )
        for person in people[:MAX_HITS_PER_SOURCE]:
            hits.append(Hit("person", person, PEOPLE, self._relevance(person._score)))
        return hits

    # Tags and HTM parts -----------------------------------------------------------------

    def _attach_tags(self, hits: list[Hit]) -> dict:
        """Give each page and document hit its tags (one query per tag table); return the
        tag names by slug."""
        names = {}
        page_hits = {hit.obj.pk: hit for hit in hits if hit.kind == "page"}
        if page_hits:
            for through in page_tag_models():
                rows = through.objects.filter(content_object_id__in=page_hits).values_list(
                    "content_object_id", "tag__slug", "tag__name"
                )
                for page_id, slug, name in rows:
                    page_hits[page_id].tags.add(slug)
                    names[slug] = name
        document_hits = {str(hit.obj.pk): hit for hit in hits if hit.kind == "document"}
        if document_hits:
            rows = TaggedItem.objects.filter(
                content_type=ContentType.objects.get_for_model(get_document_model()),
                object_id__in=[int(pk) for pk in document_hits],
            ).values_list("object_id", "tag__slug", "tag__name")
            for document_id, slug, name in rows:
                document_hits[str(document_id)].tags.add(slug)
                names[slug] = name
        return names

    def htm_parts(self) -> list:
        """The HTM phases and task groups, as filter choices (one query)."""
        content_types = ContentType.objects.get_for_models(PhasePage, TaskGroupPage)
        phase_type = content_types[PhasePage]
        parts = (
            self.pages()
            .filter(content_type__in=content_types.values())
            .only("id", "title", "path", "content_type")
            .order_by("path")
        )
        return [
            (
                str(part.pk),
                ("Fase: " if part.content_type_id == phase_type.pk else "Løpende oppgaver: ")
                + part.title,
                part.path,
            )
            for part in parts
        ]

    # The search -------------------------------------------------------------------------

    def run(self, raw_query: str, params) -> SearchOutcome:
        query = clean_query(raw_query)
        terms = search_terms(query)
        outcome = SearchOutcome(query=query, terms=terms)
        if not query:
            return outcome
        if len("".join(terms)) < MIN_QUERY_LENGTH:
            outcome.too_short = True
            return outcome

        hits = self._hits(terms, "and")
        if not hits and len(terms) > 1:
            # No result has every word: show those with any of them, and say so.
            hits = self._hits(terms, "or")
            outcome.used_or = bool(hits)
        outcome.capped = len(hits) >= MAX_HITS_PER_SOURCE
        tag_names = self._attach_tags(hits)
        htm_parts = self.htm_parts()

        selected_type = params.get("type", "")
        selected_type = selected_type if selected_type in RESULT_TYPES_BY_KEY else ""
        selected_tag = params.get("tag", "")
        selected_tag = selected_tag if selected_tag in tag_names else ""
        htm_by_id = {pk: path for pk, _label, path in htm_parts}
        selected_htm = params.get("htm", "")
        selected_htm = selected_htm if selected_htm in htm_by_id else ""
        outcome.selected_type, outcome.selected_tag, outcome.selected_htm = (
            selected_type,
            selected_tag,
            selected_htm,
        )

        def keep_type(hit):
            return not selected_type or hit.result_type.key == selected_type

        def keep_tag(hit):
            return not selected_tag or selected_tag in hit.tags

        def keep_htm(hit):
            return not selected_htm or (
                hit.kind == "page" and hit.path.startswith(htm_by_id[selected_htm])
            )

        # Each facet counts the hits that the other filters let through.
        type_counts = Counter(
            hit.result_type.key for hit in hits if keep_tag(hit) and keep_htm(hit)
        )
        outcome.type_facets = [
            Facet(t.key, t.label, type_counts[t.key], t.key == selected_type)
            for t in RESULT_TYPES
            if type_counts[t.key] or t.key == selected_type
        ]
        tag_counts = Counter(
            slug for hit in hits if keep_type(hit) and keep_htm(hit) for slug in hit.tags
        )
        top_tags = sorted(tag_counts.items(), key=lambda item: (-item[1], tag_names[item[0]]))
        tag_facets = [Facet(slug, tag_names[slug], count) for slug, count in top_tags]
        tag_facets = tag_facets[:MAX_TAG_FACETS]
        if selected_tag and selected_tag not in {facet.value for facet in tag_facets}:
            tag_facets.append(
                Facet(selected_tag, tag_names[selected_tag], tag_counts[selected_tag])
            )
        for facet in tag_facets:
            facet.selected = facet.value == selected_tag
        outcome.tag_facets = tag_facets
        candidates = [hit for hit in hits if keep_type(hit) and keep_tag(hit)]
        outcome.htm_facets = [
            Facet(pk, label, count, pk == selected_htm)
            for pk, label, path in htm_parts
            if (count := sum(1 for hit in candidates if hit.path.startswith(path)))
            or pk == selected_htm
        ]

        shown = [hit for hit in hits if keep_type(hit) and keep_tag(hit) and keep_htm(hit)]
        if not outcome.filtered:
            outcome.promotions = self.promotions(query)
            promoted = {promotion.page_id for promotion in outcome.promotions if promotion.page_id}
            shown = [hit for hit in shown if not (hit.kind == "page" and hit.obj.pk in promoted)]
        shown.sort(key=lambda hit: -hit.relevance)
        outcome.total = len(shown)

        paginator = Paginator(shown, RESULTS_PER_PAGE)
        outcome.results = paginator.get_page(params.get("page"))
        self.decorate(list(outcome.results), terms)
        if not hits and not outcome.promotions:
            outcome.suggestion = self.suggest(terms)
        return outcome

    def promotions(self, query: str) -> list:
        """Editors' promoted results for this query (Wagtail's search promotions)."""
        promotions = list(
            SearchPromotion.objects.filter(
                query__query_string=normalise_query_string(query)
            ).order_by("sort_order")
        )
        page_ids = [promotion.page_id for promotion in promotions if promotion.page_id]
        pages = {}
        if page_ids:
            pages = {
                page.pk: page for page in self.pages().filter(pk__in=page_ids).only(*PAGE_FIELDS)
            }
        shown = []
        for promotion in promotions:
            if promotion.page_id:
                page = pages.get(promotion.page_id)
                if page is None:
                    continue  # unpublished or private
                promotion.shown_title = page.title
                promotion.shown_url = page.get_url(self.request)
            elif promotion.external_link_url:
                promotion.shown_title = promotion.external_link_text or promotion.external_link_url
                promotion.shown_url = promotion.external_link_url
            else:
                continue
            shown.append(promotion)
        return shown

    # Decoration of the page of results shown --------------------------------------------

    def decorate(self, hits: list[Hit], terms: list[str]) -> None:
        page_hits = [hit for hit in hits if hit.kind == "page"]
        document_hits = [hit for hit in hits if hit.kind == "document"]
        person_hits = [hit for hit in hits if hit.kind == "person"]
        if page_hits:
            self._page_breadcrumbs(page_hits)
        if document_hits:
            self._document_usage(document_hits)
            for hit in document_hits:
                hit.url = hit.obj.url
                collection = hit.obj.collection
                if collection.depth > 1:
                    hit.breadcrumbs = [collection.name]
        if person_hits:
            self._people(person_hits, terms)
        self._snippets(page_hits + document_hits, terms)

    def _page_breadcrumbs(self, hits: list[Hit]) -> None:
        steplen = Page.steplen
        root_depth = self.site.root_page.depth if self.site else 1
        ancestor_paths = {
            hit.path[: steplen * depth]
            for hit in hits
            for depth in range(root_depth + 1, hit.obj.depth)
        }
        ancestors = {}
        if ancestor_paths:
            ancestors = {
                page.path: page
                for page in Page.objects.filter(path__in=ancestor_paths).only(*PAGE_FIELDS)
            }
        for hit in hits:
            hit.url = hit.obj.get_url(self.request) or ""
            hit.breadcrumbs = [
                ancestors[hit.path[: steplen * depth]].title
                for depth in range(root_depth + 1, hit.obj.depth)
                if hit.path[: steplen * depth] in ancestors
            ]

    def _document_usage(self, hits: list[Hit]) -> None:
        """The page each document is used on, preferring a meeting: found through Wagtail's
        reference index, so the search need not know the models that use documents."""
        Document = get_document_model()
        references = ReferenceIndex.objects.filter(
            to_content_type=base_content_type(Document),
            to_object_id__in=[str(hit.obj.pk) for hit in hits],
            base_content_type=base_content_type(Page),
        ).values_list("to_object_id", "object_id")
        users = defaultdict(set)
        for document_id, page_id in references:
            users[document_id].add(int(page_id))
        page_ids = set().union(*users.values()) if users else set()
        if not page_ids:
            return
        pages = {page.pk: page for page in self.pages().filter(pk__in=page_ids).only(*PAGE_FIELDS)}
        for hit in hits:
            candidates = [pages[pk] for pk in sorted(users.get(str(hit.obj.pk), ())) if pk in pages]
            if not candidates:
                continue

            def is_meeting(page):
                content_type = ContentType.objects.get_for_id(page.content_type_id)
                return f"{content_type.app_label}.{content_type.model}" in MEETINGS.models

            candidates.sort(key=lambda page: not is_meeting(page))
            hit.used_on = candidates[0]
            hit.used_on_is_meeting = is_meeting(candidates[0])
            hit.used_on_url = candidates[0].get_url(self.request) or ""

    def _people(self, hits: list[Hit], terms: list[str]) -> None:
        network_page = NetworkPage.objects.live().public().first()
        contacts_url = ""
        if network_page is not None:
            contacts_url = (
                network_page.get_url(self.request) or ""
            ) + network_page.reverse_subpage("contacts")
        for hit in hits:
            person = hit.obj
            if contacts_url:
                hit.url = f"{contacts_url}?{urlencode({'q': person.name})}"
            hit.breadcrumbs = [person.organisation]
            parts = [person.get_role_display(), person.title, person.organisation]
            hit.snippet = highlight.marked_html(
                highlight.mark_terms(" · ".join(part for part in parts if part), terms)
            )

    def _snippets(self, hits: list[Hit], terms: list[str]) -> None:
        """Snippets from the text the search index holds for each result (one query)."""
        if not hits:
            return
        IndexEntry = apps.get_model("wagtailsearch", "IndexEntry")
        by_type = defaultdict(list)
        for hit in hits:
            by_type[hit.obj.content_type_id if hit.kind == "page" else None].append(hit)
        condition = Q()
        wanted = {}
        for content_type_id, group in by_type.items():
            if content_type_id is None:
                content_type_id = ContentType.objects.get_for_model(get_document_model()).pk
            ids = [str(hit.obj.pk) for hit in group]
            condition |= Q(content_type_id=content_type_id, object_id__in=ids)
            for hit in group:
                wanted[(content_type_id, str(hit.obj.pk))] = hit
        entries = IndexEntry.objects.filter(condition)
        if self.vendor == "postgresql":
            config = get_search_backend().config
            search_query = None
            for term in terms:
                part = SearchQuery(term, config=config, search_type="plain")
                search_query = part if search_query is None else search_query | part
            entries = entries.annotate(
                snippet=SearchHeadline(
                    "body_text",
                    search_query,
                    config=config,
                    start_sel=highlight.START,
                    stop_sel=highlight.STOP,
                    max_words=highlight.SNIPPET_WORDS,
                    min_words=15,
                    max_fragments=2,
                    fragment_delimiter=" … ",
                )
            ).values_list("content_type_id", "object_id", "snippet")
            for content_type_id, object_id, snippet in entries:
                hit = wanted.get((content_type_id, object_id))
                if hit is not None and snippet:
                    hit.snippet = highlight.marked_html(snippet)
        else:
            for content_type_id, object_id, body in entries.values_list(
                "content_type_id", "object_id", "body"
            ):
                hit = wanted.get((content_type_id, object_id))
                if hit is not None and body:
                    hit.snippet = highlight.marked_html(highlight.python_snippet(body, terms))

    # When nothing is found --------------------------------------------------------------

    def suggest(self, terms: list[str]) -> str:
        """A close spelling from the titles readers can find, or ""."""
        titles = self.pages().values_list("title", flat=True)
        vocabulary = {word for title in titles for word in search_terms(title) if len(word) > 3}
        changed = False
        suggestion = []
        for term in terms:
            match = difflib.get_close_matches(term, vocabulary, n=1, cutoff=0.75)
            if match and match[0] != term:
                suggestion.append(match[0])
                changed = True
            else:
                suggestion.append(term)
        return " ".join(suggestion) if changed else ""


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


def base_content_type(model):
    """The content type the reference index records a model under (its root model's)."""
    parents = model._meta.get_parent_list()
    return ContentType.objects.get_for_model(parents[-1] if parents else model)
