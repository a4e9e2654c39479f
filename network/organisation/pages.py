"""The network's pages: Nettverket (with the municipality pages), working groups, and
«Aktiviteter og prosjekter» with its projects and news."""

from django import forms
from django.db import models
from django.db.models import Prefetch
from django.http import Http404
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from network.blocks import GovernanceBlock, WorkingGroupMeetingBlock
from network.choices import ProjectStatus, Scope
from network.models.mixins import IntroMixin
from portal.blocks import BodyStreamBlock


class NetworkPage(RoutablePageMixin, IntroMixin, Page):
    """«Nettverket»: members, cohorts, the regional team, working groups and governance.

    Serves the municipality pages too: kommuner/ and kommuner/<slug>/, and a contact
    person search at kontaktpersoner/.
    """

    body = StreamField(BodyStreamBlock(), verbose_name="innhold", blank=True)
    governance = StreamField(
        GovernanceBlock(),
        verbose_name="styring",
        blank=True,
        help_text="Lenker til oppdragsbrev, koordineringsgruppe, samstyringsstruktur o.l.",
    )

    content_panels = [
        *Page.content_panels,
        *IntroMixin.panels,
        FieldPanel("body"),
        FieldPanel("governance"),
    ]
    search_fields = [*Page.search_fields, *IntroMixin.search_fields, index.SearchField("body")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["network.WorkingGroupPage"]
    max_count = 1

    class Meta:
        verbose_name = "nettverksside"
        verbose_name_plural = "nettverkssider"

    def get_context(self, request, *args, **kwargs):
        from network.views import network_context

        context = super().get_context(request, *args, **kwargs)
        context.update(network_context(self, request))
        return context

    def municipality_url(self, municipality) -> str:
        return self.url + self.reverse_subpage("municipality", args=[municipality.slug])

    @path("kommuner/", name="municipalities")
    def municipalities_view(self, request):
        from network.views import municipality_list_context

        return self.render(
            request,
            template="network/municipality_list.html",
            context_overrides=municipality_list_context(self, request),
        )

    @path("kommuner/<slug:slug>/", name="municipality")
    def municipality_view(self, request, slug):
        from network.models import Municipality
        from network.views import municipality_context

        municipality = Municipality.objects.filter(slug=slug).first()
        if municipality is None:
            raise Http404("Ingen kommune med dette navnet.")
        return self.render(
            request,
            template="network/municipality_page.html",
            context_overrides=municipality_context(self, request, municipality),
        )

    @path("kontaktpersoner/", name="contacts")
    def contacts_view(self, request):
        from network.views import contact_search_context

        return self.render(
            request,
            template="network/contact_search.html",
            context_overrides=contact_search_context(self, request),
        )


class WorkingGroupPage(IntroMixin, Page):
    mandate = RichTextField("mandat", blank=True, features=["bold", "italic", "link", "ul", "ol"])
    meetings = StreamField(
        [("meeting", WorkingGroupMeetingBlock())],
        verbose_name="møter",
        blank=True,
        help_text="Nyeste møte først.",
    )

    content_panels = [
        *Page.content_panels,
        *IntroMixin.panels,
        FieldPanel("mandate"),
        InlinePanel("members", heading="Medlemmer", label="Medlem"),
        FieldPanel("meetings"),
    ]
    # Members are not indexed: a person who has not agreed to be published must not be
    # findable through the page's text.
    search_fields = [*Page.search_fields, *IntroMixin.search_fields, index.SearchField("mandate")]

    parent_page_types = ["network.NetworkPage"]
    subpage_types = []

    class Meta:
        verbose_name = "arbeidsgruppe"
        verbose_name_plural = "arbeidsgrupper"

    def get_context(self, request, *args, **kwargs):
        from network.models import ContactPerson

        context = super().get_context(request, *args, **kwargs)
        visible = ContactPerson.objects.visible_to(request.user)
        context["members"] = list(
            self.members.filter(contact_person__in=visible).prefetch_related(
                Prefetch("contact_person", queryset=ContactPerson.objects.with_details())
            )
        )
        return context


class WorkingGroupMember(Orderable):
    page = ParentalKey(WorkingGroupPage, on_delete=models.CASCADE, related_name="members")
    contact_person = models.ForeignKey(
        "network.ContactPerson",
        verbose_name="kontaktperson",
        on_delete=models.CASCADE,
        related_name="working_groups",
    )
    group_role = models.CharField(
        "rolle i gruppen", max_length=100, blank=True, help_text="For eksempel «Leder»."
    )

    panels = [FieldPanel("contact_person"), FieldPanel("group_role")]

    class Meta(Orderable.Meta):
        verbose_name = "medlem"
        verbose_name_plural = "medlemmer"


class ProjectIndexPage(RoutablePageMixin, IntroMixin, Page):
    """«Aktiviteter og prosjekter»: the projects and the news, with an RSS and Atom feed."""

    parent_page_types = ["home.HomePage"]
    subpage_types = ["network.ProjectPage", "network.NewsPage"]
    max_count = 1

    content_panels = [*Page.content_panels, *IntroMixin.panels]
    search_fields = [*Page.search_fields, *IntroMixin.search_fields]

    class Meta:
        verbose_name = "aktiviteter og prosjekter"
        verbose_name_plural = "aktiviteter og prosjekter"

    def get_context(self, request, *args, **kwargs):
        from network.views import project_index_context

        context = super().get_context(request, *args, **kwargs)
        context.update(project_index_context(self, request))
        return context

    def news(self):
        return NewsPage.objects.child_of(self).live().public().order_by("-date", "-pk")

    @path("feed/", name="feed")
    def rss_feed(self, request):
        from network.feeds import NewsRssFeed

        return NewsRssFeed(self)(request)

    @path("feed/atom/", name="atom_feed")
    def atom_feed(self, request):
        from network.feeds import NewsAtomFeed

        return NewsAtomFeed(self)(request)


class ProjectPage(IntroMixin, Page):
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

    class Meta:
        verbose_name = "prosjekt"
        verbose_name_plural = "prosjekter"

    def get_context(self, request, *args, **kwargs):
        from network.models import ContactPerson

        context = super().get_context(request, *args, **kwargs)
        context["participants"] = list(self.municipalities.order_by("name"))
        context["contact"] = (
            ContactPerson.objects.visible_to(request.user)
            .with_details()
            .filter(pk=self.contact_id)
            .first()
            if self.contact_id
            else None
        )
        return context


class NewsPage(IntroMixin, Page):
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

    class Meta:
        verbose_name = "nyhet"
        verbose_name_plural = "nyheter"
