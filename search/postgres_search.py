"""The site search's sources on PostgreSQL: one query each, ranked as Wagtail's backend ranks.

Pages are found in the search's page records (search.models.PageRecord): one table, the
records that match, are live, lie under the site's root and that the reader may see. Whether
the reader may see a page is decided on the page table itself (visibility.hidden_pages),
never on the copy. Each page hit comes back as a PageRow, what the results read of a page,
without building a page object for every hit. Documents and people are few and are found
through Wagtail's index entries, as before, with the same expressions.
"""

from django.contrib.postgres.search import SearchVectorField
from django.db.models import F, Func
from wagtail.models import Page

from .backends.postgres import VECTOR_FUNCTION
from .models import PageRecord
from .visibility import hidden_pages

ROW_FIELDS = ("page_id", "title", "path", "depth", "url_path", "content_type_id", "locale_id")


class PageRow:
    """A page found by the search, as its record holds it."""

    __slots__ = (*ROW_FIELDS, "_score")

    def __init__(self, values):
        for name, value in zip((*ROW_FIELDS, "_score"), values, strict=True):
            setattr(self, name, value)

    @property
    def pk(self):
        return self.page_id

    id = pk

    def get_url(self, request=None):
        page = Page(
            id=self.page_id,
            title=self.title,
            path=self.path,
            depth=self.depth,
            url_path=self.url_path,
            content_type_id=self.content_type_id,
            locale_id=self.locale_id,
            live=True,
        )
        return page.get_url(request)


class RankedSearch:
    """One search query on PostgreSQL, matched and ranked as Wagtail's backend does it
    (title and body vectors with Wagtail's weights, the title by its norm), on any queryset
    whose vectors are named. The query is built once for every source, without the set-up
    of a backend search per source."""

    def __init__(self, backend, query):
        self.query = query
        self.config = backend.config
        self.compiler = backend.query_compiler_class(Page.objects.none(), query)
        self.tsquery = self.compiler.build_tsquery(query, config=self.config)

    def ranked(self, queryset, title: str, body: str, norm: str, limit: int):
        """The best `limit` of the queryset, each with its `_score`."""
        vector = Func(F(title), F(body), function=VECTOR_FUNCTION, output_field=SearchVectorField())
        rank = self.compiler.build_tsrank(F(title), self.query, config=self.config) * F(norm)
        rank += self.compiler.build_tsrank(F(body), self.query, config=self.config)
        return (
            queryset.alias(_vector_=vector)
            .filter(_vector_=self.tsquery)
            .annotate(_score=rank)
            .order_by("-_score", "-pk")[:limit]
        )

    def pages(self, request, root_path: str, limit: int) -> list[PageRow]:
        """The best pages this reader may open, from the page records."""
        records = PageRecord.objects.filter(live=True, depth__gt=1)
        if root_path:
            records = records.filter(path__startswith=root_path)
        records = records.exclude(page_id__in=hidden_pages(request))
        rows = self.ranked(records, "title_vector", "body_vector", "title_norm", limit)
        return [PageRow(values) for values in rows.values_list(*ROW_FIELDS, "_score")]

    def objects(self, queryset, limit: int) -> list:
        """The best objects of an indexed model's queryset, from Wagtail's index entries."""
        return list(
            self.ranked(
                queryset,
                "index_entries__title",
                "index_entries__body",
                "index_entries__title_norm",
                limit,
            )
        )
