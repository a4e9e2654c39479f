"""Helhetlig tjenestemodell (HTM): the model page, its phases, task groups and task areas,
and the roles responsible for or involved in each phase and area."""

from django.core.exceptions import ValidationError
from django.db import models
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from portal.blocks import BodyStreamBlock
from portal.mixins import IntroMixin
from portal.routing import PortalPageMixin, routed_ancestor

from .blocks import ResourceBlock, checklist_block
from .choices import Responsibility
from .structure import ModelStructure, load_model_structure, roles_overview


def resources_search_text(resources) -> str:
    """The resources of a page for the search index: title and publisher of each, as
    sentences, with no empty pieces."""
    sentences = []
    for block in resources:
        words = [block.value.get("title"), block.value.get("publisher")]
        sentence = " – ".join(" ".join(str(word).split()) for word in words if word)
        if sentence:
            sentences.append(sentence)
    return ". ".join(sentences)


class Role(index.Indexed, models.Model):
    """A role in the municipality's work with health technology (snippet)."""

    name = models.CharField("navn", max_length=100, unique=True)
    slug = models.SlugField("kortnavn i adressen", max_length=100, unique=True)
    description = models.TextField("beskrivelse", blank=True)
    sort_order = models.PositiveSmallIntegerField(
        "rekkefølge", default=0, help_text="Lavere tall vises først i rolleoversikten."
    )

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description"), "sort_order"]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("description"),
    ]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = "rolle"
        verbose_name_plural = "roller"

    def __str__(self):
        return self.name


class RoleLinkBase(Orderable):
    """A role's part in a phase or task area: responsible or involved."""

    role = models.ForeignKey(Role, verbose_name="rolle", on_delete=models.CASCADE, related_name="+")
    responsibility = models.CharField(
        "ansvar",
        max_length=20,
        choices=Responsibility.choices,
        default=Responsibility.INVOLVED,
    )

    panels = [FieldRowPanel([FieldPanel("role"), FieldPanel("responsibility")])]

    class Meta(Orderable.Meta):
        abstract = True
        verbose_name = "rolle"
        verbose_name_plural = "roller"


class HtmModelPage(PortalPageMixin, RoutablePageMixin, IntroMixin, Page):
    """The one page of the model: what HTM is and why, the overview, and resources."""

    body = StreamField(
        BodyStreamBlock(),
        verbose_name="innhold",
        blank=True,
        help_text="Hva HTM er, bakgrunnen og hvorfor modellen er viktig. Vises under oversikten.",
    )
    resources = StreamField(
        [("resource", ResourceBlock())],
        verbose_name="ressurser",
        blank=True,
        help_text="KS' sider om modellen, den klikkbare modellen og kortene til workshop.",
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("body"),
        FieldPanel("resources"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
        index.SearchField("resources_text"),
    ]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["htm.PhasePage", "htm.TaskGroupPage"]
    max_count = 1

    class Meta:
        verbose_name = "tjenestemodell"
        verbose_name_plural = "tjenestemodeller"

    def resources_text(self) -> str:
        return resources_search_text(self.resources)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["model"] = ModelStructure.for_model_page(self)
        return context

    @path("")
    def overview(self, request):
        return self.render(request)

    @path("roller/")
    def roles(self, request):
        model = ModelStructure.for_model_page(self)
        return self.render(
            request,
            template="htm/htm_roles.html",
            context_overrides={
                "model": model,
                "roles": roles_overview(model),
                "title": "Hvem gjør hva",
            },
        )


class HtmItemPage(PortalPageMixin, IntroMixin, Page):
    """The shared base of phases and task areas: the parts of the model that a
    municipality must organise, each with one workshop task phrased as a verb."""

    number = models.PositiveSmallIntegerField(
        "nummer",
        help_text="Plassen i modellen: fasene 1–4, og områdene nummerert innenfor sin gruppe.",
    )
    short_name = models.CharField(
        "kort navn", max_length=60, blank=True, help_text="Brukes i oversikten. Tomt gir tittelen."
    )
    workshop_task = models.CharField(
        "oppgave i workshop",
        max_length=200,
        blank=True,
        help_text="Oppgaven formulert som et verb, slik den står på kortet til workshop, "
        "for eksempel «Lede og gjennomføre opplæring for ansatte».",
    )
    goals = StreamField(checklist_block("Mål", "Ett mål."), verbose_name="mål", blank=True)
    tasks = StreamField(
        checklist_block("Oppgave", "Én oppgave, formulert som en oppfordring."),
        verbose_name="oppgaver som må gjøres",
        blank=True,
    )
    tips = StreamField(
        checklist_block("Tips", "Ett råd."),
        verbose_name="tips til organisering og gjennomføring",
        blank=True,
    )
    resources = StreamField([("resource", ResourceBlock())], verbose_name="ressurser", blank=True)

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("number"), FieldPanel("short_name")]),
                FieldPanel("workshop_task"),
            ],
            heading="Plass i modellen",
        ),
        FieldPanel("intro"),
        FieldPanel("goals"),
        FieldPanel("tasks"),
        FieldPanel("tips"),
        FieldPanel("resources"),
        InlinePanel("role_links", heading="Roller", label="rolle"),
        FieldPanel("tags"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("workshop_task", boost=2),
        index.AutocompleteField("workshop_task"),
        index.SearchField("intro"),
        index.SearchField("goals"),
        index.SearchField("tasks"),
        index.SearchField("tips"),
        index.SearchField("resources_text"),
    ]

    class Meta:
        abstract = True

    def resources_text(self) -> str:
        return resources_search_text(self.resources)

    @property
    def display_name(self) -> str:
        return self.short_name or self.title

    def clean(self):
        super().clean()
        if not self.path or self.number is None:
            return  # not placed in the tree yet
        siblings = (
            type(self)
            .objects.filter(
                path__startswith=self.path[: -self.steplen], depth=self.depth, number=self.number
            )
            .exclude(pk=self.pk)
        )
        if siblings.exists():
            raise ValidationError(
                {"number": f"Nummer {self.number} er allerede brukt av «{siblings.first()}»."}
            )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        model_depth = self.depth - self.depth_below_model
        model_path = self.path[: model_depth * self.steplen]
        model = load_model_structure(
            model_path, model_depth, root=routed_ancestor(self, model_path)
        )
        context["model"] = model
        context["previous_item"], context["next_item"] = model.neighbours(self)
        context["position"] = model.position_of(self)
        context["model_page"] = model.root
        # Other apps add sections (such as the meetings about an area) through this hook, so
        # the page shows them without htm importing those apps.
        sections = [build(request, self) for build in hooks.get_hooks("htm_item_page_sections")]
        context["extra_sections"] = sorted(
            (section for section in sections if section), key=lambda s: s.get("order", 0)
        )
        return context


class PhasePageTag(TaggedItemBase):
    content_object = ParentalKey(
        "htm.PhasePage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class PhasePage(HtmItemPage):
    """A phase of the service path (tjenesteforløpet): 1 Behov oppstår … 4 Evaluering."""

    depth_below_model = 1
    tags = ClusterTaggableManager("emneord", through=PhasePageTag, blank=True)

    parent_page_types = ["htm.HtmModelPage"]
    subpage_types = []

    class Meta:
        verbose_name = "fase"
        verbose_name_plural = "faser"


class PhaseRole(RoleLinkBase):
    page = ParentalKey(PhasePage, on_delete=models.CASCADE, related_name="role_links")


class TaskGroupPage(PortalPageMixin, IntroMixin, Page):
    """A group of ongoing municipal tasks (løpende kommunale oppgaver)."""

    number = models.PositiveSmallIntegerField("nummer", help_text="Gruppens plass i modellen.")

    content_panels = [*Page.content_panels, FieldPanel("number"), FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    parent_page_types = ["htm.HtmModelPage"]
    subpage_types = ["htm.TaskAreaPage"]

    class Meta:
        verbose_name = "oppgavegruppe"
        verbose_name_plural = "oppgavegrupper"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        model_path = self.path[: -self.steplen]
        model = load_model_structure(
            model_path, self.depth - 1, root=routed_ancestor(self, model_path)
        )
        context["model"] = model
        context["group"] = model.group_for(self)
        context["model_page"] = model.root
        return context


class TaskAreaPageTag(TaggedItemBase):
    content_object = ParentalKey(
        "htm.TaskAreaPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class TaskAreaPage(HtmItemPage):
    """A task area within a group, such as Opplæring or Budsjettering."""

    depth_below_model = 2
    spans_model = models.BooleanField(
        "går på tvers av hele modellen",
        default=False,
        help_text="Slik Samhandling gjør: vises som et bånd over hele bredden i oversikten.",
    )
    tags = ClusterTaggableManager("emneord", through=TaskAreaPageTag, blank=True)

    content_panels = [*HtmItemPage.content_panels, FieldPanel("spans_model")]

    parent_page_types = ["htm.TaskGroupPage"]
    subpage_types = []

    class Meta:
        verbose_name = "oppgaveområde"
        verbose_name_plural = "oppgaveområder"


class TaskAreaRole(RoleLinkBase):
    page = ParentalKey(TaskAreaPage, on_delete=models.CASCADE, related_name="role_links")
