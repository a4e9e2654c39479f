"""The network's own pages: «Nettverket», with the municipality pages and the contact search
it serves, and the working groups under it."""

from django.db import models
from django.http import Http404
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from portal.blocks import BodyStreamBlock
from portal.mixins import IntroMixin
from portal.pagecache import data
from portal.routing import PortalPageMixin

from . import contexts, directory
from .blocks import GovernanceBlock, WorkingGroupMeetingBlock

TEMPLATES = "network/organisation/"


class NetworkPage(PortalPageMixin, RoutablePageMixin, IntroMixin, Page):
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

    template = TEMPLATES + "network_page.html"

    class Meta:
        verbose_name = "nettverksside"
        verbose_name_plural = "nettverkssider"

    @classmethod
    def municipality_urls(cls):
        """A function giving the address of a municipality's page: the one way such an
        address is built. It gives "" while no network page is published. The page is kept
        in the cache until content changes (portal.pagecache.data)."""
        page = data.remember("network:network-page", lambda: cls.objects.live().public().first())
        return page.municipality_url if page is not None else (lambda municipality: "")

    def municipality_url(self, municipality) -> str:
        if not hasattr(self, "_base_url"):
            self._base_url = self.url  # computed once for a list of municipalities
        return self._base_url + self.reverse_subpage("municipality", args=[municipality.slug])

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(contexts.network_context(self, request))
        context["groups_html"] = contexts.network_groups_html(
            self,
            request,
            lambda: WorkingGroupPage.objects.child_of(self).live().public().specific(),
            WorkingGroupPage,
        )
        return context

    @path("kommuner/", name="municipalities")
    def municipalities_view(self, request):
        return self.render(
            request,
            template=TEMPLATES + "municipality_list.html",
            context_overrides=contexts.municipality_list_context(self, request),
        )

    @path("kommuner/<slug:slug>/", name="municipality")
    def municipality_view(self, request, slug):
        municipality = next((m for m in directory.municipalities() if m.slug == slug), None)
        if municipality is None:
            raise Http404("Ingen kommune med dette navnet.")
        return self.render(
            request,
            template=TEMPLATES + "municipality_page.html",
            context_overrides=contexts.municipality_context(self, request, municipality),
        )

    @path("kontaktpersoner/", name="contacts")
    def contacts_view(self, request):
        return self.render(
            request,
            template=TEMPLATES + "contact_search.html",
            context_overrides=contexts.contact_search_context(self, request),
        )


class WorkingGroupPage(PortalPageMixin, IntroMixin, Page):
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
    template = TEMPLATES + "working_group_page.html"

    class Meta:
        verbose_name = "arbeidsgruppe"
        verbose_name_plural = "arbeidsgrupper"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["members"] = contexts.working_group_members(self, request)
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
