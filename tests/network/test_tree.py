"""The network's page types: where each may stand in the tree, and creating a rollout."""

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from home.models import HomePage
from network.models import (
    NetworkPage,
    NewsPage,
    ProjectIndexPage,
    ProjectPage,
    RolloutIndexPage,
    RolloutPage,
    WorkingGroupPage,
)
from tests.factories import HomePageFactory
from tests.network.factories import (
    RolloutIndexPageFactory,
)


class TestTreeRules(WagtailPageTestCase):
    def test_parents_and_children(self):
        self.assertAllowedParentPageTypes(NetworkPage, {HomePage})
        self.assertAllowedSubpageTypes(NetworkPage, {WorkingGroupPage})
        self.assertAllowedParentPageTypes(WorkingGroupPage, {NetworkPage})
        self.assertAllowedSubpageTypes(WorkingGroupPage, set())
        self.assertAllowedParentPageTypes(RolloutIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(RolloutIndexPage, {RolloutPage})
        self.assertAllowedParentPageTypes(RolloutPage, {RolloutIndexPage})
        self.assertAllowedSubpageTypes(RolloutPage, set())
        self.assertAllowedParentPageTypes(ProjectIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(ProjectIndexPage, {ProjectPage, NewsPage})
        self.assertAllowedParentPageTypes(ProjectPage, {ProjectIndexPage})
        self.assertAllowedParentPageTypes(NewsPage, {ProjectIndexPage})

    def test_indexes_are_singletons(self):
        home = HomePageFactory(parent=Page.get_first_root_node())
        self.assertCanCreateAt(HomePage, RolloutIndexPage)
        RolloutIndexPageFactory(parent=home)
        self.assertFalse(RolloutIndexPage.can_create_at(home))

    def test_editor_can_create_a_rollout_with_ordered_steps(self):
        self.login()
        home = HomePageFactory(parent=Page.get_first_root_node())
        index = RolloutIndexPageFactory(parent=home)
        self.assertCanCreate(
            index,
            RolloutPage,
            nested_form_data(
                {
                    "title": "Kjernejournal",
                    "slug": "kjernejournal",
                    "short_name": "KJ",
                    "intro": "Nasjonal løsning for viktige helseopplysninger.",
                    "rollout_owner": "nhn",
                    "benefits": rich_text("<p>Raskere oversikt.</p>"),
                    "steps": inline_formset(
                        [
                            {"title": "Bestille tilgang", "description": ""},
                            {"title": "Selvbetjening i HelseID", "description": ""},
                        ]
                    ),
                    "process": streamfield(
                        [
                            (
                                "meeting_format",
                                {
                                    "format": "nasjonalt-temamote",
                                    "heading": "",
                                    "who": "Alle",
                                    "points": streamfield([("item", "Informasjon")]),
                                },
                            )
                        ]
                    ),
                    "resources": streamfield([]),
                }
            ),
        )
        page = RolloutPage.objects.get(slug="kjernejournal")
        assert [s.title for s in page.steps.all()] == [
            "Bestille tilgang",
            "Selvbetjening i HelseID",
        ]
        assert [b.block_type for b in page.process] == ["meeting_format"]
