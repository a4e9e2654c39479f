"""«Nasjonale innføringsløp»: the national rollouts, the steps a municipality goes through in
each, and the region's overview of where every municipality is (at oversikt/, built by the
statuses room)."""

from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from network.choices import RolloutOwner
from network.statuses import rollout_overview
from portal.blocks import BodyStreamBlock
from portal.mixins import IntroMixin
from portal.routing import PortalPageMixin
from portal.sections import page_sections

from .blocks import ResourcesBlock, RolloutProcessBlock

TEMPLATES = "network/rollouts/"


class RolloutIndexPage(PortalPageMixin, RoutablePageMixin, IntroMixin, Page):
    """«Nasjonale innføringsløp»: the rollouts, and the regional overview at oversikt/."""

    body = StreamField(BodyStreamBlock(), verbose_name="innhold", blank=True)
    overview_intro = models.TextField(
        "ingress til regional oversikt",
        blank=True,
        help_text="Vises over tabellen med status for hver kommune.",
    )

    content_panels = [
        *Page.content_panels,
        *IntroMixin.panels,
        FieldPanel("body"),
        FieldPanel("overview_intro"),
    ]
    search_fields = [*Page.search_fields, *IntroMixin.search_fields, index.SearchField("body")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["network.RolloutPage"]
    max_count = 1
    template = TEMPLATES + "rollout_index_page.html"

    class Meta:
        verbose_name = "oversikt over innføringsløp"
        verbose_name_plural = "oversikter over innføringsløp"

    def rollouts(self):
        return RolloutPage.objects.child_of(self).live().public().order_by("path")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["rollouts"] = self.rollouts()
        context["overview_url"] = self.url + self.reverse_subpage("overview")
        return context

    @path("oversikt/", name="overview")
    def overview_view(self, request):
        return self.render(
            request,
            template="network/statuses/rollout_overview.html",
            context_overrides=rollout_overview.overview_context(self, request),
        )

    @path("oversikt/csv/", name="overview_csv")
    def overview_csv(self, request):
        return rollout_overview.overview_csv(self, request)

    @path("oversikt/xlsx/", name="overview_xlsx")
    def overview_xlsx(self, request):
        return rollout_overview.overview_xlsx(self, request)


class RolloutPage(PortalPageMixin, IntroMixin, Page):
    short_name = models.CharField(
        "kortnavn", max_length=40, blank=True, help_text="Brukes i tabeller, for eksempel «VKP»."
    )
    intro = models.TextField("hva det er", help_text="Et kort avsnitt om løsningen.")
    rollout_owner = models.CharField(
        "eier", max_length=30, choices=RolloutOwner.choices, default=RolloutOwner.NHN
    )
    benefits = RichTextField(
        "hva kommunen får", blank=True, features=["bold", "italic", "link", "ul"]
    )
    process = StreamField(
        RolloutProcessBlock(),
        verbose_name="slik foregår det felles innføringsløpet",
        blank=True,
        help_text="Nasjonale temamøter, regionale arbeidsmøter og lokalt arbeid.",
    )
    resources = StreamField(ResourcesBlock(), verbose_name="ressurser", blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("short_name"),
        FieldPanel("intro"),
        FieldPanel("rollout_owner"),
        FieldPanel("benefits"),
        InlinePanel(
            "steps",
            heading="Trinn kommunen går gjennom",
            label="Trinn",
            help_text="I rekkefølge. Kommunens status kan peke på trinnet den er på.",
        ),
        FieldPanel("process"),
        FieldPanel("resources"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("short_name"),
        index.SearchField("intro"),
        index.SearchField("benefits"),
        index.SearchField("process"),
    ]

    parent_page_types = ["network.RolloutIndexPage"]
    subpage_types = []
    template = TEMPLATES + "rollout_page.html"

    class Meta:
        verbose_name = "innføringsløp"
        verbose_name_plural = "innføringsløp"

    @property
    def label(self) -> str:
        return self.short_name or self.title

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(rollout_overview.rollout_status_context(self, request))
        context["steps"] = list(self.steps.all())
        # The rollout's meetings come from the meetings room.
        context["sections"] = page_sections("rollout_page_sections", request, self)
        return context


class RolloutStep(Orderable):
    rollout = ParentalKey(RolloutPage, on_delete=models.CASCADE, related_name="steps")
    title = models.CharField("trinn", max_length=150)
    description = models.TextField("beskrivelse", blank=True)

    panels = [FieldPanel("title"), FieldPanel("description")]

    class Meta(Orderable.Meta):
        verbose_name = "trinn"
        verbose_name_plural = "trinn"

    def __str__(self) -> str:
        return f"{self.sort_order + 1 if self.sort_order is not None else ''}. {self.title}"
