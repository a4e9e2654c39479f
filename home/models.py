"""The home page and the general content pages."""

from django.db import models
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail import hooks
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from portal.blocks import BodyStreamBlock
from portal.mixins import IntroMixin
from portal.routing import PortalPageMixin, TreeRoutingMixin

from .blocks import FeaturedLinkBlock


class HomePage(TreeRoutingMixin, Page):
    intro_heading = models.CharField("ingress-overskrift", max_length=200, blank=True)
    intro = RichTextField(
        "ingress", blank=True, features=["bold", "italic", "link"], help_text="To–tre setninger."
    )
    featured_links = StreamField(
        [("link", FeaturedLinkBlock())],
        verbose_name="fremhevede lenker",
        blank=True,
        max_num=6,
        help_text="Kortene under ingressen. Bruk gjerne fire.",
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro_heading"),
        FieldPanel("intro"),
        FieldPanel("featured_links"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "home.ContentPage",
        "htm.HtmModelPage",
        "network.NetworkPage",
        "network.RolloutIndexPage",
        "network.ProjectIndexPage",
        "network.MeetingIndexPage",
    ]
    max_count = 1

    class Meta:
        verbose_name = "forside"
        verbose_name_plural = "forsider"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Later features (meetings, news) add their sections through this hook, so the home
        # page shows them as soon as they exist without home importing their apps.
        sections = []
        for build_section in hooks.get_hooks("home_page_sections"):
            section = build_section(request, self)
            if section:
                sections.append(section)
        context["sections"] = sorted(sections, key=lambda section: section.get("order", 0))
        return context


class ContentPageTag(TaggedItemBase):
    content_object = ParentalKey(
        "home.ContentPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class ContentPage(PortalPageMixin, IntroMixin, Page):
    body = StreamField(BodyStreamBlock(), verbose_name="innhold", blank=True)
    tags = ClusterTaggableManager("emneord", through=ContentPageTag, blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("body"),
        FieldPanel("tags"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
        index.FilterField("tags"),
    ]

    parent_page_types = ["home.HomePage", "home.ContentPage"]
    subpage_types = ["home.ContentPage"]

    class Meta:
        verbose_name = "innholdsside"
        verbose_name_plural = "innholdssider"
