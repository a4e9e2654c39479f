"""What a page of search results shows for each hit: its address, where it lies (breadcrumbs
or collection), the page a document is used on, and a snippet of its text with the words
marked. Only the hits on the page shown are decorated, in a fixed number of queries."""

from collections import defaultdict
from urllib.parse import urlencode

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.contrib.postgres.search import SearchHeadline, SearchQuery
from django.db.models import Q
from wagtail.documents import get_document_model
from wagtail.models import Page, ReferenceIndex
from wagtail.search.backends import get_search_backend

from network.models import NetworkPage

from . import highlight
from .types import MEETINGS

PAGE_FIELDS = ("id", "title", "path", "depth", "url_path", "content_type", "locale", "live")


def base_content_type(model):
    """The content type the reference index records a model under (its root model's)."""
    parents = model._meta.get_parent_list()
    return ContentType.objects.get_for_model(parents[-1] if parents else model)


def is_meeting(page) -> bool:
    content_type = ContentType.objects.get_for_id(page.content_type_id)
    return f"{content_type.app_label}.{content_type.model}" in MEETINGS.models


class ResultDecorator:
    """Decorates hits for one reader: `pages` are the pages this reader may find."""

    def __init__(self, request, site, pages, vendor: str):
        self.request = request
        self.site = site
        self.pages = pages
        self.vendor = vendor

    def decorate(self, hits: list, terms: list[str]) -> None:
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

    def _page_breadcrumbs(self, hits: list) -> None:
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

    def _document_usage(self, hits: list) -> None:
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
        pages = {page.pk: page for page in self.pages.filter(pk__in=page_ids).only(*PAGE_FIELDS)}
        for hit in hits:
            candidates = [pages[pk] for pk in sorted(users.get(str(hit.obj.pk), ())) if pk in pages]
            if not candidates:
                continue
            candidates.sort(key=lambda page: not is_meeting(page))
            hit.used_on = candidates[0]
            hit.used_on_is_meeting = is_meeting(candidates[0])
            hit.used_on_url = candidates[0].get_url(self.request) or ""

    def _people(self, hits: list, terms: list[str]) -> None:
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

    def _snippets(self, hits: list, terms: list[str]) -> None:
        """Snippets from the text the search index holds for each result (one query)."""
        if not hits:
            return
        IndexEntry = apps.get_model("wagtailsearch", "IndexEntry")
        document_type = ContentType.objects.get_for_model(get_document_model()).pk
        wanted = {}
        for hit in hits:
            content_type_id = hit.obj.content_type_id if hit.kind == "page" else document_type
            wanted[(content_type_id, str(hit.obj.pk))] = hit
        ids_by_type = defaultdict(list)
        for content_type_id, object_id in wanted:
            ids_by_type[content_type_id].append(object_id)
        condition = Q()
        for content_type_id, ids in ids_by_type.items():
            condition |= Q(content_type_id=content_type_id, object_id__in=ids)
        entries = IndexEntry.objects.filter(condition)
        if self.vendor == "postgresql":
            rows = self._headlines(entries, terms)
        else:
            rows = (
                (content_type_id, object_id, highlight.python_snippet(body, terms) if body else "")
                for content_type_id, object_id, body in entries.values_list(
                    "content_type_id", "object_id", "body"
                )
            )
        for content_type_id, object_id, snippet in rows:
            hit = wanted.get((content_type_id, object_id))
            if hit is not None and snippet:
                hit.snippet = highlight.marked_html(snippet)

    def _headlines(self, entries, terms):
        """PostgreSQL's own headline of each index entry, with the words marked."""
        config = get_search_backend().config
        search_query = None
        for term in terms:
            part = SearchQuery(term, config=config, search_type="plain")
            search_query = part if search_query is None else search_query | part
        return entries.annotate(
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
