import re

import pytest
from django.core.exceptions import ValidationError
from wagtail.models import Page, Site
from wagtail.test.utils import WagtailPageTestCase

from home.models import HomePage
from htm import demo_data
from htm.models import (
    HtmModelPage,
    PhasePage,
    PhaseRole,
    Responsibility,
    TaskAreaPage,
    TaskAreaRole,
    TaskGroupPage,
)
from tests.factories import HomePageFactory
from tests.htm.factories import (
    HtmModelPageFactory,
    PhasePageFactory,
    TaskAreaPageFactory,
    TaskGroupPageFactory,
    build_model,
)
from tests.utils import count_queries

MODEL_URL = "/helhetlig-tjenestemodell/"


def section(html: str, start_marker: str, end_marker: str = "</section>") -> str:
    start = html.index(start_marker)
    return html[start : html.index(end_marker, start)]


class TestTreeRules(WagtailPageTestCase):
    def test_model_page_lives_once_under_the_home_page(self):
        self.assertAllowedParentPageTypes(HtmModelPage, {HomePage})
        self.assertAllowedSubpageTypes(HtmModelPage, {PhasePage, TaskGroupPage})
        home = HomePageFactory(parent=Page.get_first_root_node())
        self.assertTrue(HtmModelPage.can_create_at(home))
        HtmModelPageFactory(parent=home)
        self.assertFalse(HtmModelPage.can_create_at(home))

    def test_phases_groups_and_areas(self):
        self.assertAllowedParentPageTypes(PhasePage, {HtmModelPage})
        self.assertAllowedSubpageTypes(PhasePage, set())
        self.assertAllowedParentPageTypes(TaskGroupPage, {HtmModelPage})
        self.assertAllowedSubpageTypes(TaskGroupPage, {TaskAreaPage})
        self.assertAllowedParentPageTypes(TaskAreaPage, {TaskGroupPage})
        self.assertAllowedSubpageTypes(TaskAreaPage, set())
        self.assertCanNotCreateAt(HomePage, PhasePage)
        self.assertCanNotCreateAt(HtmModelPage, TaskAreaPage)


@pytest.fixture
def demo(demo_content, db):
    return None


def expected_overview_urls() -> list[str]:
    """The 30 pages of the model in model order, from the demo data itself."""
    urls = [f"{MODEL_URL}{phase['slug']}/" for phase in demo_data.PHASES]
    for group in demo_data.GROUPS:
        urls.append(f"{MODEL_URL}{group['slug']}/")
        urls += [f"{MODEL_URL}{group['slug']}/{area['slug']}/" for area in group["areas"]]
    return urls


@pytest.mark.django_db
class TestDemoModel:
    def test_overview_links_to_all_30_pages_in_model_order(self, client, demo):
        html = client.get(MODEL_URL).content.decode()
        overview = html[
            html.index('class="htm-overview"') : html.index('href="' + MODEL_URL + "roller/")
        ]
        hrefs = re.findall(r'href="([^"]+)"', overview)
        assert len(expected_overview_urls()) == 30
        assert hrefs == expected_overview_urls()

    def test_overview_shows_workshop_tasks_and_structure(self, client, demo):
        html = client.get(MODEL_URL).content.decode()
        assert '<ol class="htm-flow">' in html  # phases as an ordered list
        assert html.count('<ul class="htm-areas">') == 5  # one list per group
        for phase in demo_data.PHASES:
            assert phase["workshop_task"] in html
        samhandling = section(html, "htm-box--across", "</li>")
        assert "Samhandling" in samhandling and "Går på tvers av hele modellen" in samhandling

    def test_every_phase_and_area_renders_its_lists(self, client, demo):
        items = [(f"{MODEL_URL}{p['slug']}/", p) for p in demo_data.PHASES] + [
            (f"{MODEL_URL}{g['slug']}/{a['slug']}/", a)
            for g in demo_data.GROUPS
            for a in g["areas"]
        ]
        assert len(items) == 25
        for url, spec in items:
            response = client.get(url)
            assert response.status_code == 200, url
            html = response.content.decode()
            goals = section(html, 'id="goals-heading"')
            tasks = section(html, 'id="tasks-heading"')
            tips = section(html, 'id="tips-heading"')
            for text in spec["goals"]:
                assert f"<li>{text}</li>" in goals.replace("\n", ""), (url, text)
            for text in spec["tasks"]:
                assert text in tasks, (url, text)
            for text in spec["tips"]:
                assert text in tips, (url, text)
            for resource in spec["resources"]:
                assert f'href="{resource["url"]}"' in html, (url, resource)
            if spec["workshop_task"]:
                assert spec["workshop_task"] in section(html, 'class="htm-item__task"', "</p>")

    def test_seed_examples_are_complete_and_spelled_right(self, client, demo):
        phase = client.get(f"{MODEL_URL}behov-oppstar/").content.decode()
        assert "Henvise, kartlegge og tildele" in phase
        assert "på lik linje med kompenserende tjenester og forebyggende" in phase
        area = client.get(
            f"{MODEL_URL}vedlikehold-og-videreutvikling-av-tjenesten/opplaering/"
        ).content.decode()
        assert "Lede og gjennomføre opplæring for ansatte" in area
        assert "Lag en plan for opplæring forankret på ledernivå." in area
        for typo in ("oppæring", "forakret", "link linje", "forbyggende", "Utstyrlager"):
            assert typo not in phase and typo not in area

    def test_previous_and_next_follow_model_order(self, client, demo):
        html = client.get(f"{MODEL_URL}respons-og-oppfolging/").content.decode()
        assert 'rel="prev" href="/helhetlig-tjenestemodell/iverksette/"' in html
        assert 'rel="next" href="/helhetlig-tjenestemodell/evaluering/"' in html
        # After the last phase comes the first area of the first group.
        html = client.get(f"{MODEL_URL}evaluering/").content.decode()
        first_group = demo_data.GROUPS[0]
        first_area = f"{MODEL_URL}{first_group['slug']}/{first_group['areas'][0]['slug']}/"
        assert f'rel="next" href="{first_area}"' in html
        first = client.get(f"{MODEL_URL}behov-oppstar/").content.decode()
        assert 'rel="prev"' not in first
        last_group = demo_data.GROUPS[-1]
        last = f"{MODEL_URL}{last_group['slug']}/{last_group['areas'][-1]['slug']}/"
        assert 'rel="next"' not in client.get(last).content.decode()

    def test_area_page_shows_where_it_sits(self, client, demo):
        html = client.get(
            f"{MODEL_URL}vedlikehold-og-videreutvikling-av-tjenesten/opplaering/"
        ).content.decode()
        assert "Område 6 av 11 i" in html
        page_map = section(html, 'id="map-heading"', "</article>")
        current = re.findall(r'href="([^"]+)"\s+aria-current="page"', page_map)
        assert current == [f"{MODEL_URL}vedlikehold-og-videreutvikling-av-tjenesten/opplaering/"]

    def test_roles_view_matches_the_links(self, client, demo):
        html = client.get(f"{MODEL_URL}roller/").content.decode()
        urls = {p["slug"]: f"{MODEL_URL}{p['slug']}/" for p in demo_data.PHASES}
        for group in demo_data.GROUPS:
            for area in group["areas"]:
                urls[area["slug"]] = f"{MODEL_URL}{group['slug']}/{area['slug']}/"
        specs = [*demo_data.PHASES, *(a for g in demo_data.GROUPS for a in g["areas"])]
        for role in demo_data.ROLES:
            block = section(html, f'id="rolle-{role["slug"]}"')
            responsible_html = block[block.index("Ansvarlig for") : block.index("Involvert i")]
            involved_html = block[block.index("Involvert i") :]
            responsible = re.findall(r'href="([^"]+)"', responsible_html)
            involved = re.findall(r'href="([^"]+)"', involved_html)
            assert responsible == [
                urls[s["slug"]] for s in specs if role["slug"] in s["responsible"]
            ]
            assert involved == [urls[s["slug"]] for s in specs if role["slug"] in s["involved"]]
        # Every phase and area has a responsible role.
        assert PhaseRole.objects.filter(responsibility=Responsibility.RESPONSIBLE).count() >= 4
        assert (
            TaskAreaRole.objects.filter(responsibility=Responsibility.RESPONSIBLE)
            .values("page")
            .distinct()
            .count()
            == 21
        )

    def test_area_page_lists_its_roles(self, client, demo):
        html = client.get(f"{MODEL_URL}behov-oppstar/").content.decode()
        roles = section(html, 'id="roles-heading"')
        names = {r["slug"]: r["name"] for r in demo_data.ROLES}
        for slug in demo_data.PHASES[0]["responsible"] + demo_data.PHASES[0]["involved"]:
            assert f"<dd>{names[slug]}</dd>" in roles

    def test_group_page_lists_its_areas(self, client, demo):
        group = demo_data.GROUPS[3]
        html = client.get(f"{MODEL_URL}{group['slug']}/").content.decode()
        listed = section(html, 'id="areas-heading"')
        for area in group["areas"]:
            assert area["title"] in listed and area["workshop_task"] in listed


@pytest.mark.django_db
class TestQueryCounts:
    def measure(self, client, scale):
        home = HomePageFactory(parent=Page.get_first_root_node())
        Site.objects.update_or_create(
            is_default_site=True, defaults={"hostname": "localhost", "root_page": home}
        )
        model, phases, areas, _ = build_model(home, scale=scale)
        return {
            "overview": count_queries(client, model.url),
            "roles": count_queries(client, model.url + "roller/"),
            "phase": count_queries(client, phases[2].url),
            "area": count_queries(client, areas[-1].url),
            "group": count_queries(client, areas[-1].get_parent().url),
        }

    def test_queries_do_not_grow_with_areas_resources_or_roles(self, client):
        small = self.measure(client, scale=1)
        # Start again with a model three times larger in areas, resources and roles.
        HtmModelPage.objects.all().delete()
        HomePage.objects.all().delete()
        large = self.measure(client, scale=3)
        assert small == large
        assert max(large.values()) <= 25


@pytest.mark.django_db
class TestNumbers:
    def test_number_is_unique_among_siblings(self, home_page):
        model = HtmModelPageFactory(parent=home_page)
        PhasePageFactory(parent=model, number=1)
        second = PhasePageFactory(parent=model, number=2)
        second.number = 1
        with pytest.raises(ValidationError) as error:
            second.full_clean()
        assert "allerede brukt" in str(error.value)

    def test_same_number_in_different_groups_is_fine(self, home_page):
        model = HtmModelPageFactory(parent=home_page)
        first = TaskGroupPageFactory(parent=model, number=1)
        second = TaskGroupPageFactory(parent=model, number=2)
        TaskAreaPageFactory(parent=first, number=1)
        area = TaskAreaPageFactory(parent=second, number=1)
        area.full_clean()
