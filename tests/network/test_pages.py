"""The network's page types: tree rules, routes, feeds, the home page section."""

import pytest
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from home.models import HomePage
from network.models import (
    Municipality,
    NetworkPage,
    NewsPage,
    ProjectIndexPage,
    ProjectPage,
    RolloutIndexPage,
    RolloutPage,
    WorkingGroupPage,
)
from tests.factories import HomePageFactory
from tests.utils import count_queries

from .factories import (
    ContactPersonFactory,
    NewsPageFactory,
    ProjectPageFactory,
    RolloutIndexPageFactory,
    WorkingGroupMemberFactory,
    WorkingGroupPageFactory,
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


@pytest.mark.django_db
class TestMunicipalityPages:
    def test_municipality_page(self, client, network_page, rollouts, levels):
        from network.models import RolloutStatus

        vefsn = Municipality.objects.get(slug="vefsn")
        RolloutStatus.objects.create(
            municipality=vefsn,
            rollout=rollouts[0],
            level=levels["innforing"],
            current_step=rollouts[0].steps.get(title="Forberede"),
            note="Oppstart i hjemmetjenesten",
        )
        response = client.get("/nettverket/kommuner/vefsn/")
        html = response.content.decode()
        assert response.status_code == 200
        assert "Vefsn kommune" in html and "1824" in html
        assert 'data-color="warning">Innføring' in html and "Forberede" in html
        assert "Oppstart i hjemmetjenesten" in html
        # A rollout without a status says so in words.
        assert "Ikke registrert" in html
        assert 'aria-current="page">Vefsn' in html

    def test_unknown_municipality_is_a_404_page(self, client, network_page):
        response = client.get("/nettverket/kommuner/finnes-ikke/")
        assert response.status_code == 404
        assert "Vi fant ikke siden" in response.content.decode()

    def test_the_list_and_the_network_page(self, client, network_page):
        html = client.get("/nettverket/kommuner/").content.decode()
        assert html.count('<a class="ds-link" href="/nettverket/kommuner/') == 41 + 1  # + crumb
        assert "Hábmer" in html
        html = client.get("/nettverket/").content.decode()
        assert 'href="/nettverket/kommuner/heroy/">Herøy' in html

    def test_working_group_page(self, client, network_page):
        group = WorkingGroupPageFactory(parent=network_page, title="Koordineringsgruppe")
        WorkingGroupMemberFactory(
            page=group, contact_person=ContactPersonFactory(name="Ola Testesen"), group_role="Leder"
        )
        group.meetings = [
            ("meeting", {"date": "2026-02-12", "title": "Prioriteringer", "summary": "Kort."})
        ]
        group.save()
        html = client.get(group.url).content.decode()
        assert "Ola Testesen" in html and "Leder" in html
        assert "12. februar 2026" in html and "Prioriteringer" in html
        html = client.get(network_page.url).content.decode()
        assert f'href="{group.url}"' in html


@pytest.mark.django_db
class TestProjectsAndNews:
    def test_projects_news_and_bad_page_numbers(self, client, project_index):
        project = ProjectPageFactory(parent=project_index, title="Utprøving av VKP")
        project.municipalities.set(Municipality.objects.filter(name__in=["Vefsn", "Rana"]))
        project.save()
        for _ in range(12):
            NewsPageFactory(parent=project_index)
        for side in ["", "2", "abc", "999", "-1"]:
            response = client.get(project_index.url, {"side": side})
            assert response.status_code == 200, side
        html = client.get(project_index.url).content.decode()
        assert "Utprøving av VKP" in html and "Side 1 av 2" in html
        html = client.get(project.url).content.decode()
        assert "Rana" in html and "Vefsn" in html and "Regionalt" in html

    def test_rss_and_atom_feeds(self, client, project_index):
        old = NewsPageFactory(parent=project_index, title="Gammel nyhet", date="2025-01-01")
        new = NewsPageFactory(parent=project_index, title="Ny nyhet", date="2026-02-01")
        rss = client.get(project_index.url + "feed/")
        assert rss["Content-Type"].startswith("application/rss+xml")
        body = rss.content.decode()
        assert body.index("Ny nyhet") < body.index("Gammel nyhet")
        assert f"http://localhost{new.url}" in body or new.url in body
        atom = client.get(project_index.url + "feed/atom/")
        assert atom["Content-Type"].startswith("application/atom+xml")
        assert "Gammel nyhet" in atom.content.decode()
        index_html = client.get(project_index.url).content.decode()
        assert 'type="application/rss+xml"' in index_html
        assert old.url

    def test_home_page_shows_the_latest_news_in_constant_queries(self, client, project_index):
        NewsPageFactory(parent=project_index, title="Første", date="2025-01-01")
        small = count_queries(client, "/")
        for n in range(10):
            NewsPageFactory(parent=project_index, title=f"Nyhet nummer {n}")
        newest = NewsPageFactory(parent=project_index, title="Aller nyeste", date="2027-01-01")
        html = client.get("/").content.decode()
        assert "Siste nytt" in html and newest.title in html and "Første" not in html
        assert html.count('class="news-list__item"') == 3
        assert count_queries(client, "/") == small

    @pytest.mark.parametrize("kind", ["index", "project", "news", "group"])
    def test_queries_do_not_grow(self, client, project_index, network_page, kind):
        group = WorkingGroupPageFactory(parent=network_page)
        project = ProjectPageFactory(parent=project_index, contact=ContactPersonFactory())
        news = NewsPageFactory(parent=project_index)
        WorkingGroupMemberFactory(page=group)
        url = {"index": project_index.url, "project": project.url, "news": news.url,
               "group": group.url}[kind]  # fmt: skip
        small = count_queries(client, url)
        for _ in range(10):
            ProjectPageFactory(parent=project_index)
            NewsPageFactory(parent=project_index)
            WorkingGroupMemberFactory(page=group)
        project.municipalities.set(Municipality.objects.all())
        project.save()
        assert count_queries(client, url) == small
