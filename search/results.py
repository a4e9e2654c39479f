"""What a page of search results shows for each hit: its address, where it lies (breadcrumbs
or collection), the page a document is used on, and a snippet of its text with the words
marked. The pages this needs are read in one query (PageLookup) for all hits; the snippets
of the hits shown in one more."""

from collections import defaultdict
from types import SimpleNamespace
from urllib.parse import urlencode

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from wagtail.documents import get_document_model
from wagtail.models import Page, ReferenceIndex

from htm.models import PhasePage, TaskGroupPage
from network.models import NetworkPage

from . import highlight
from .analysis import text_as_written
from .rows import PAGE_ROW_COLUMNS, PageRow
from .sql import placeholders
from .types import MEETINGS
from .visibility import rules_sql

# Snippets are cut from at most this much of each result's indexed text.
SNIPPET_SOURCE_LENGTH = 50_000


def base_content_type(model):
    """The content type the reference index records a model under (its root model's)."""
    parents = model._meta.get_parent_list()
    return ContentType.objects.get_for_model(parents[-1] if parents else model)


def is_meeting(page) -> bool:
    content_type = ContentType.objects.get_for_id(page.content_type_id)
    return f"{content_type.app_label}.{content_type.model}" in MEETINGS.models


def read_pages(request, root_path: str, paths, ids, content_type_id: int) -> list[PageRow]:
    """The pages with these tree paths or ids, and those of this content type, that this
    reader may find: live, under the site's root and not hidden from them. The SQL is written
    here, as composing it with the ORM took longer than the query."""
    conditions, params = [], []
    for column, values in (("path", sorted(paths)), ("id", sorted(ids))):
        if values:
            conditions.append(f"{column} IN ({placeholders(values)})")
            params += values
    conditions.append("content_type_id = %s")
    params.append(content_type_id)
    hidden_sql, hidden_params = rules_sql(request).hidden_pages
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT {', '.join(PAGE_ROW_COLUMNS)} FROM {Page._meta.db_table} "  # noqa: S608
            f"WHERE live = %s AND depth > 1 AND path LIKE %s AND NOT id IN ({hidden_sql}) "
            f"AND ({' OR '.join(conditions)})",
            # Tree paths are digits and capitals only: nothing in one is special to LIKE.
            [True, root_path + "%", *hidden_params, *params],
        )
        return [PageRow(*values) for values in cursor.fetchall()]


class PageLookup:
    """The pages the results need, read in one query: the ancestors of every page hit
    (breadcrumbs and the HTM filter), promoted pages, the pages documents are used on, and
    the network page with the contact list. Only pages this reader may find (live, under the
    site's root, not hidden from them), each as a light row."""

    def __init__(self, request, root_path: str, hits, promotions):
        steplen = Page.steplen
        ancestor_paths = {
            hit.path[: steplen * depth]
            for hit in hits
            if hit.kind == "page"
            for depth in range(2, hit.obj.depth)
        }
        self.usage = self._document_usage([hit for hit in hits if hit.kind == "document"])
        used = set().union(*self.usage.values()) if self.usage else set()
        promoted = {promotion["page_id"] for promotion in promotions if promotion["page_id"]}
        content_types = ContentType.objects.get_for_models(PhasePage, TaskGroupPage, NetworkPage)
        self.phase_type = content_types[PhasePage].pk
        self.group_type = content_types[TaskGroupPage].pk
        self.network_type = content_types[NetworkPage].pk
        htm_hits = {
            hit.obj.pk
            for hit in hits
            if hit.kind == "page" and hit.obj.content_type_id in (self.phase_type, self.group_type)
        }
        rows = read_pages(
            request, root_path, ancestor_paths, used | promoted | htm_hits, self.network_type
        )
        self.by_id = {row.pk: row for row in rows}
        self.by_path = {page.path: page for page in self.by_id.values()}

    @staticmethod
    def _document_usage(hits) -> dict:
        """Document id (str) → ids of the pages that use it (Wagtail's reference index)."""
        if not hits:
            return {}
        ids = [str(hit.obj.pk) for hit in hits]
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT to_object_id, object_id FROM {ReferenceIndex._meta.db_table} "  # noqa: S608
                "WHERE to_content_type_id = %s AND base_content_type_id = %s "
                f"AND to_object_id IN ({placeholders(ids)})",
                [base_content_type(get_document_model()).pk, base_content_type(Page).pk, *ids],
            )
            references = cursor.fetchall()
        usage = defaultdict(set)
        for document_id, page_id in references:
            usage[document_id].add(int(page_id))
        return usage

    def htm_parts(self) -> list:
        """The HTM phases and task groups above the hits, as filter choices."""
        parts = sorted(
            (
                page
                for page in self.by_id.values()
                if page.content_type_id in (self.phase_type, self.group_type)
            ),
            key=lambda page: page.path,
        )
        return [
            (
                str(part.pk),
                ("Fase: " if part.content_type_id == self.phase_type else "Løpende oppgaver: ")
                + part.title,
                part.path,
            )
            for part in parts
        ]

    def network_page(self):
        pages = [page for page in self.by_id.values() if page.content_type_id == self.network_type]
        return min(pages, key=lambda page: page.path) if pages else None

    def promotions(self, promotions: list[dict], request) -> list:
        """Editors' promoted results for this query that this reader may open."""
        shown = []
        for promotion in promotions:
            item = SimpleNamespace(**promotion)
            if promotion["page_id"]:
                page = self.by_id.get(promotion["page_id"])
                if page is None:
                    continue  # unpublished or private
                item.shown_title = page.title
                item.shown_url = page.get_url(request)
            elif promotion["external_link_url"]:
                item.shown_title = promotion["external_link_text"] or promotion["external_link_url"]
                item.shown_url = promotion["external_link_url"]
            else:
                continue
            shown.append(item)
        return shown


class ResultDecorator:
    """Decorates the hits shown for one reader."""

    def __init__(self, request, site, lookup: PageLookup):
        self.request = request
        self.site = site
        self.lookup = lookup

    def decorate(self, hits: list, words: list[str]) -> None:
        page_hits = [hit for hit in hits if hit.kind == "page"]
        document_hits = [hit for hit in hits if hit.kind == "document"]
        person_hits = [hit for hit in hits if hit.kind == "person"]
        self._page_breadcrumbs(page_hits)
        for hit in document_hits:
            self._document_usage(hit)
            hit.url = hit.obj.url
            collection = hit.obj.collection
            if collection.depth > 1:
                hit.breadcrumbs = [collection.name]
        if person_hits:
            self._people(person_hits, words)
        self._snippets(page_hits + document_hits, words)

    def _page_breadcrumbs(self, hits: list) -> None:
        steplen = Page.steplen
        root_depth = self.site.root_page.depth if self.site else 1
        for hit in hits:
            hit.url = hit.obj.get_url(self.request) or ""
            hit.breadcrumbs = [
                self.lookup.by_path[hit.path[: steplen * depth]].title
                for depth in range(root_depth + 1, hit.obj.depth)
                if hit.path[: steplen * depth] in self.lookup.by_path
            ]

    def _document_usage(self, hit) -> None:
        """The page the document is used on, preferring a meeting."""
        candidates = [
            self.lookup.by_id[pk]
            for pk in sorted(self.lookup.usage.get(str(hit.obj.pk), ()))
            if pk in self.lookup.by_id
        ]
        if not candidates:
            return
        candidates.sort(key=lambda page: not is_meeting(page))
        hit.used_on = candidates[0]
        hit.used_on_is_meeting = is_meeting(candidates[0])
        hit.used_on_url = candidates[0].get_url(self.request) or ""

    def _people(self, hits: list, words: list[str]) -> None:
        network_page = self.lookup.network_page()
        contacts_url = ""
        if network_page is not None:
            contacts_url = (
                network_page.get_url(self.request) or ""
            ) + NetworkPage.get_resolver().reverse("contacts")
        for hit in hits:
            person = hit.obj
            if contacts_url:
                hit.url = f"{contacts_url}?{urlencode({'q': person.name})}"
            hit.breadcrumbs = [person.organisation]
            parts = [person.get_role_display(), person.title, person.organisation]
            hit.snippet = highlight.marked_html(
                highlight.mark_terms(" · ".join(part for part in parts if part), words)
            )

    def _snippets(self, hits: list, words: list[str]) -> None:
        """Snippets from the text the search index holds for each result (one query), cut
        and marked the same way on every database."""
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
        conditions, params = [], [SNIPPET_SOURCE_LENGTH]
        for content_type_id, ids in ids_by_type.items():
            conditions.append(f"(content_type_id = %s AND object_id IN ({placeholders(ids)}))")
            params += [content_type_id, *ids]
        # PostgreSQL keeps the text as written apart; SQLite's body holds it before the stems.
        fields = {field.name for field in IndexEntry._meta.fields}
        column = "body_text" if "body_text" in fields else "body"
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT content_type_id, object_id, SUBSTR({column}, 1, %s) "  # noqa: S608 - names
                f"FROM {IndexEntry._meta.db_table} WHERE {' OR '.join(conditions)}",
                params,
            )
            rows = cursor.fetchall()
        for content_type_id, object_id, text in rows:
            hit = wanted.get((content_type_id, object_id))
            body = text_as_written(text)
            if hit is not None and body:
                hit.snippet = highlight.marked_html(highlight.python_snippet(body, words))
