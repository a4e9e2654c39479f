"""«Aktiviteter og prosjekter»: the projects of the network and its news, with an RSS and
an Atom feed."""

from django import forms
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import models
from django.db.models import Count, F, Window
from django.db.models.functions import RowNumber
from django.http import Http404
from django.template.loader import render_to_string
from django.utils.functional import cached_property
from django.utils.safestring import SafeString
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from network.choices import ProjectStatus, Scope
from network.organisation.contexts import contacts_section_html
from portal.blocks import BodyStreamBlock
from portal.mixins import IntroMixin
from portal.pagecache import data
from portal.routing import PortalPageMixin

from .feeds import NewsAtomFeed, NewsRssFeed

TEMPLATES = "network/news/"
PROJECTS_TEMPLATE = TEMPLATES + "includes/projects_section.html"
NEWS_PER_PAGE = 10
# The index shows the newest projects of each level; each level's own page lists them all.
PROJECTS_PER_SCOPE = 6
PROJECTS_PER_PAGE = 24
PROJECT_ORDER = ("-start_date", "title")
LIST_TITLES = {Scope.NATIONAL: "Nasjonale prosjekter", Scope.REGIONAL: "Regionale prosjekter"}


class KeptCountPaginator(Paginator):
    """A paginator whose count (a query over every item) is kept in the cache while none of
    the rows it read changes (portal/pagecache/data.py); the page itself is read as usual."""

    def __init__(self, items, per_page: int, name: str):
        super().__init__(items, per_page)
        self.name = name

    @cached_property
    def count(self) -> int:
        return data.remember(
            f"count:{self.name}", self.object_list.count, page_types=[self.object_list.model]
        )


def page_of(items, per_page: int, number, name: str = ""):
    """One page of items, the first for a bad number and the last for a too high one. With
    a name (saying everything the items depend on), their count is kept in the cache."""
    paginator = KeptCountPaginator(items, per_page, name) if name else Paginator(items, per_page)
    try:
        return paginator.page(number)
    except PageNotAnInteger:
        return paginator.page(1)
    except EmptyPage:
        return paginator.page(paginator.num_pages)


class ProjectIndexPage(PortalPageMixin, RoutablePageMixin, IntroMixin, Page):
    """«Aktiviteter og prosjekter»: the projects and the news, with an RSS and Atom feed."""

    parent_page_types = ["home.HomePage"]
    subpage_types = ["network.ProjectPage", "network.NewsPage"]
    max_count = 1

    content_panels = [*Page.content_panels, *IntroMixin.panels]
    search_fields = [*Page.search_fields, *IntroMixin.search_fields]

    class Meta:
        verbose_name = "aktiviteter og prosjekter"
        verbose_name_plural = "aktiviteter og prosjekter"

    template = TEMPLATES + "project_index_page.html"

    def projects(self):
        return ProjectPage.objects.child_of(self).live().public()

    def projects_html(self, request) -> SafeString:
        """The projects section: per level, its newest projects, how many it has and the
        address of its list. The same for every reader, so it is kept as HTML while none of
        the pages it read changes (portal/pagecache/data.py): the cards are drawn once."""

        def render() -> str:
            context = {"scopes": self.newest_projects_by_scope(), "request": request}
            return str(render_to_string(PROJECTS_TEMPLATE, context))

        # The levels' addresses are built on this page's own: its tag goes with the section.
        return data.page_section_html(
            request, self, f"projects-section:{self.pk}", render, page_types=[ProjectPage]
        )

    def newest_projects_by_scope(self) -> list[dict]:
        """Per level: its newest projects, how many it has, and the address of its list, in
        two queries however many projects there are."""
        ranked = self.projects().annotate(
            place=Window(
                RowNumber(),
                partition_by=[F("scope")],
                order_by=[F("start_date").desc(), F("title").asc()],
            )
        )
        newest = list(ranked.filter(place__lte=PROJECTS_PER_SCOPE).order_by(*PROJECT_ORDER))
        counts = dict(self.projects().order_by().values_list("scope").annotate(n=Count("pk")))
        return [
            {
                "label": label,
                "projects": [p for p in newest if p.scope == value],
                "count": counts.get(value, 0),
                "list_title": LIST_TITLES.get(value, label),
                "url": self.url + self.reverse_subpage("projects", args=[value]),
            }
            for value, label in Scope.choices
        ]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(
            projects_html=self.projects_html(request),
            news=self.news_page(request.GET.get("side", 1)),
            feed_url=self.url + self.reverse_subpage("feed"),
            atom_feed_url=self.url + self.reverse_subpage("atom_feed"),
        )
        return context

    def news_page(self, number):
        return page_of(self.news(), NEWS_PER_PAGE, number, name=f"news:{self.pk}")

    def news(self):
        return NewsPage.objects.child_of(self).live().public().order_by("-date", "-pk")

    @path("prosjekter/<str:scope>/", name="projects")
    def projects_view(self, request, scope):
        """Every project of one level, newest first, a page at a time."""
        if scope not in Scope.values:
            raise Http404("Ukjent nivå.")
        projects = self.projects().filter(scope=scope).order_by(*PROJECT_ORDER)
        return self.render(
            request,
            template=TEMPLATES + "project_list.html",
            context_overrides={
                "list_title": LIST_TITLES.get(scope, Scope(scope).label),
                "projects": page_of(
                    projects,
                    PROJECTS_PER_PAGE,
                    request.GET.get("side", 1),
                    name=f"projects:{self.pk}:{scope}",
                ),
            },
        )

    @path("feed/", name="feed")
    def rss_feed(self, request):
        return NewsRssFeed(self)(request)

    @path("feed/atom/", name="atom_feed")
    def atom_feed(self, request):
        return NewsAtomFeed(self)(request)


class ProjectPage(PortalPageMixin, IntroMixin, Page):
    scope = models.CharField("nivå", max_length=20, choices=Scope.choices)
    status = models.CharField(
        "status", max_length=20, choices=ProjectStatus.choices, default=ProjectStatus.ACTIVE
    )
    start_date = models.DateField("start", null=True, blank=True)
    end_date = models.DateField("slutt", null=True, blank=True)
    body = StreamField(BodyStreamBlock(), verbose_name="innhold", blank=True)
    municipalities = ParentalManyToManyField(
        "network.Municipality",
        verbose_name="deltakende kommuner",
        blank=True,
        related_name="projects",
    )
    contact = models.ForeignKey(
        "network.ContactPerson",
        verbose_name="kontaktperson",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="projects",
        help_text="Vises bare offentlig når personen har samtykket til publisering.",
    )
    rollout = models.ForeignKey(
        "network.RolloutPage",
        verbose_name="innføringsløp",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="projects",
    )

    content_panels = [
        *Page.content_panels,
        *IntroMixin.panels,
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("scope"), FieldPanel("status")]),
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
            ],
            heading="Om prosjektet",
        ),
        FieldPanel("body"),
        FieldPanel("municipalities", widget=forms.CheckboxSelectMultiple),
        FieldPanel("contact"),
        FieldPanel("rollout"),
    ]
    search_fields = [
        *Page.search_fields,
        *IntroMixin.search_fields,
        index.SearchField("body"),
        index.FilterField("scope"),
    ]

    parent_page_types = ["network.ProjectIndexPage"]
    subpage_types = []
    template = TEMPLATES + "project_page.html"

    class Meta:
        verbose_name = "prosjekt"
        verbose_name_plural = "prosjekter"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["participants"] = list(self.municipalities.order_by("name"))
        contact_id = self.contact_id
        context["contact_html"] = (
            contacts_section_html(
                request,
                f"person:{contact_id}",
                lambda person: person.pk == contact_id,
                heading="Kontakt",
                heading_id="contact",
                size="md",
            )
            if contact_id
            else ""
        )
        return context


class NewsPage(PortalPageMixin, IntroMixin, Page):
    date = models.DateField("dato")
    scope = models.CharField("nivå", max_length=20, choices=Scope.choices)
    body = StreamField(BodyStreamBlock(), verbose_name="innhold", blank=True)

    content_panels = [
        *Page.content_panels,
        FieldRowPanel([FieldPanel("date"), FieldPanel("scope")]),
        *IntroMixin.panels,
        FieldPanel("body"),
    ]
    search_fields = [
        *Page.search_fields,
        *IntroMixin.search_fields,
        index.SearchField("body"),
        index.FilterField("date"),
        index.FilterField("scope"),
    ]

    parent_page_types = ["network.ProjectIndexPage"]
    subpage_types = []
    template = TEMPLATES + "news_page.html"

    class Meta:
        verbose_name = "nyhet"
        verbose_name_plural = "nyheter"
        # The newest news (the home page, the index, the feeds) without sorting them all.
        indexes = [models.Index(fields=["-date", "-page_ptr"], name="newspage_newest_idx")]
