"""The site search: pages, published contact persons and documents in one ranked list.

Each source is searched once through Wagtail's search backend (at most MAX_HITS_PER_SOURCE
hits, loaded lightly), so counting, filtering by type, tag and HTM part, and merging happen
in memory; only the one page of results shown is then decorated (breadcrumbs, snippets,
where a document is used), with a fixed number of queries. The number of queries does not
grow with the number of hits.
"""

import difflib
import re
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Paginator
from django.db import connection
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Site
from wagtail.search.utils import normalise_query_string

from htm.models import PhasePage, TaskGroupPage
from network.models import ContactPerson

from .facets import Filters, attach_tags, htm_facets, tag_facets, type_facets
from .results import PAGE_FIELDS, ResultDecorator
from .types import MATERIALS, PEOPLE, page_type_for
from .visibility import visible_documents, visible_pages

MAX_QUERY_LENGTH = 200
MAX_TERMS = 12
MIN_QUERY_LENGTH = 2
MAX_HITS_PER_SOURCE = 300
RESULTS_PER_PAGE = 10


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
        tag_names = attach_tags(hits)
        htm_parts = self.htm_parts()
        filters = Filters.from_params(params, tag_names, htm_parts)
        outcome.selected_type, outcome.selected_tag = filters.type, filters.tag
        outcome.selected_htm = filters.htm
        outcome.type_facets = type_facets(hits, filters)
        outcome.tag_facets = tag_facets(hits, filters, tag_names)
        outcome.htm_facets = htm_facets(hits, filters, htm_parts)

        shown = [hit for hit in hits if filters.keep(hit)]
        if not filters.any:
            outcome.promotions = self.promotions(query)
            promoted = {promotion.page_id for promotion in outcome.promotions if promotion.page_id}
            shown = [hit for hit in shown if not (hit.kind == "page" and hit.obj.pk in promoted)]
        shown.sort(key=lambda hit: -hit.relevance)
        outcome.total = len(shown)
        outcome.results = Paginator(shown, RESULTS_PER_PAGE).get_page(params.get("page"))
        decorator = ResultDecorator(self.request, self.site, self.pages(), self.vendor)
        decorator.decorate(list(outcome.results), terms)
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
