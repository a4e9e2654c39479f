"""The site search: pages, published contact persons and documents in one ranked list.

Each source is searched once through the search backend (at most MAX_HITS_PER_SOURCE hits,
loaded lightly), so counting, filtering by type, tag and HTM part, ranking and merging
happen in memory. Who may see what is a subquery of those searches (visibility.py);
synonyms and promotions come from the cache. After the searches, one query reads the tags
of every hit, one where the documents are used, one the pages the results need (ancestors
for breadcrumbs and HTM filters, promoted pages, pages documents are used on, the contact
list) and one the snippets of the page of results shown. The number of queries does not
grow with the number of hits.
"""

import difflib
import re
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Paginator
from django.db import connection
from wagtail.models import Site
from wagtail.search.backends import get_search_backend

from network.models import ContactPerson

from .facets import Filters, attach_tags, htm_facets, tag_facets, type_facets
from .popular import promotions_for
from .query import QueryPlan
from .ranking import rank
from .results import PageLookup, ResultDecorator
from .rows import as_instance
from .types import MATERIALS, PEOPLE, page_type_for
from .visibility import visible_documents, visible_pages

MAX_QUERY_LENGTH = 200
MAX_TERMS = 12
MIN_QUERY_LENGTH = 2
MAX_HITS_PER_SOURCE = 100
RESULTS_PER_PAGE = 10
# Control characters (NUL among them) and other invisible characters are never part of a
# search: they are dropped before anything else reads the query.
UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\ufeff]")


def clean_query(raw) -> str:
    """What the reader typed, without control characters, trimmed and cut to a sane length
    (shown back in the field)."""
    text = UNPRINTABLE.sub(" ", raw if isinstance(raw, str) else "")
    return " ".join(text[: MAX_QUERY_LENGTH * 4].split())[:MAX_QUERY_LENGTH]


def search_terms(query: str) -> list[str]:
    """The words of the query: letters and digits only, so nothing the reader types can be
    read as search-engine syntax (quotes, operators, SQL) by any backend."""
    return re.findall(r"[^\W_]+", query.lower())[:MAX_TERMS]


def without_promoted(hits: list, promotions: list) -> list:
    """The hits without the pages already shown as promoted results."""
    promoted = {promotion.page_id for promotion in promotions if promotion.page_id}
    return [hit for hit in hits if not (hit.kind == "page" and hit.obj.pk in promoted)]


@dataclass
class Hit:
    kind: str  # "page" | "document" | "person"
    obj: object
    result_type: object
    relevance: float
    tags: set = field(default_factory=set)
    path: str = ""
    score: float = 0.0
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
    found_people: bool = False

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
        self.root_path = self.site.root_page.path if self.site is not None else ""
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

    def _sources(self, query):
        """The pages, documents and people found, best first, each with its `_score`, and
        the tags of the pages and documents when the search read them too (else None)."""
        limit = MAX_HITS_PER_SOURCE
        if self.vendor == "postgresql":
            from .postgres_search import RankedSearch

            search = RankedSearch(get_search_backend(), query)
            return search.sources(self.request, self.root_path, limit)
        from .sqlite_search import ranked_pages

        pages = ranked_pages(get_search_backend(), query, self.request, self.root_path, limit)
        documents = self.documents().defer("extracted_text").select_related("collection")
        people = self.people().select_related("municipality")
        found = tuple(
            source.search(query).annotate_score("_score")[:limit] for source in (documents, people)
        )
        return (pages, *found, None)

    def _hits(self, plan: QueryPlan, operator: str) -> tuple[list[Hit], list | None]:
        """The hits, and their tags when the search read them (else None)."""
        pages, documents, people, tags = self._sources(plan.as_query(operator))
        hits = []
        for page in pages:
            label = ContentType.objects.get_for_id(page.content_type_id)
            result_type = page_type_for(f"{label.app_label}.{label.model}")
            relevance = self._relevance(page._score)
            hits.append(Hit("page", page, result_type, relevance, path=page.path))
        for document in documents:
            hits.append(Hit("document", document, MATERIALS, self._relevance(document._score)))
        for person in people:
            hits.append(Hit("person", person, PEOPLE, self._relevance(person._score)))
        return hits, tags

    # The search -------------------------------------------------------------------------

    def run(self, raw_query, params) -> SearchOutcome:
        query = clean_query(raw_query)
        terms = search_terms(query)
        outcome = SearchOutcome(query=query, terms=terms)
        if not query:
            return outcome
        if len("".join(terms)) < MIN_QUERY_LENGTH:
            outcome.too_short = True
            return outcome

        plan = QueryPlan.build(terms)
        hits, tags = self._find(plan, outcome)
        outcome.capped = len(hits) >= MAX_HITS_PER_SOURCE
        outcome.found_people = any(hit.kind == "person" for hit in hits)
        tag_names = attach_tags(hits, tags)
        promotions = promotions_for(query)
        lookup = PageLookup(self.request, self.root_path, hits, promotions)
        filters = self._facets(outcome, hits, params, tag_names, lookup.htm_parts())

        shown = [hit for hit in hits if filters.keep(hit)]
        if not filters.any:
            outcome.promotions = lookup.promotions(promotions, self.request)
            shown = without_promoted(shown, outcome.promotions)
        rank(shown, plan, tag_names)
        outcome.total = len(shown)
        outcome.results = Paginator(shown, RESULTS_PER_PAGE).get_page(params.get("page"))
        shown_hits = list(outcome.results)
        for hit in shown_hits:
            hit.obj = as_instance(hit.obj)
        decorator = ResultDecorator(self.request, self.site, lookup)
        decorator.decorate(shown_hits, plan.marked_words())
        if not hits and not outcome.promotions:
            outcome.suggestion = self.suggest(terms)
        return outcome

    def _find(self, plan: QueryPlan, outcome: SearchOutcome) -> tuple[list[Hit], list | None]:
        hits, tags = self._hits(plan, "and") if not plan.empty else ([], None)
        if not hits and len(plan.units) > 1:
            # No result has every word: show those with any of them, and say so.
            hits, tags = self._hits(plan, "or")
            outcome.used_or = bool(hits)
        return hits, tags

    @staticmethod
    def _facets(outcome, hits, params, tag_names, htm_parts) -> Filters:
        """The filters chosen, and what each filter offers."""
        filters = Filters.from_params(params, tag_names, htm_parts)
        outcome.selected_type, outcome.selected_tag = filters.type, filters.tag
        outcome.selected_htm = filters.htm
        outcome.type_facets = type_facets(hits, filters)
        outcome.tag_facets = tag_facets(hits, filters, tag_names)
        outcome.htm_facets = htm_facets(hits, filters, htm_parts)
        return filters

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
