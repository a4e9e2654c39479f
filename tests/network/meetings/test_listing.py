"""«Møter og fagdager»: tree rules, the listing's order, filters and pages."""

import datetime

import pytest
from django.utils import timezone
from wagtail.test.utils import WagtailPageTestCase

from network.models import MeetingIndexPage, MeetingPage
from tests.factories import HomePageFactory
from tests.htm.factories import (
    HtmModelPageFactory,
    TaskAreaPageFactory,
    TaskGroupPageFactory,
)
from tests.network.factories import (
    ContactPersonFactory,
    RolloutIndexPageFactory,
    RolloutPageFactory,
)
from tests.network.meetings.factories import (
    MeetingIndexPageFactory,
    MeetingPageFactory,
    oslo,
)
from tests.network.meetings.helpers import NOW, days, listblock, meeting, titles
from tests.utils import count_queries


class TestTreeRules(WagtailPageTestCase):
    def test_parents_and_children(self):
        from home.models import HomePage

        self.assertAllowedParentPageTypes(MeetingIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(MeetingIndexPage, {MeetingPage})
        self.assertAllowedParentPageTypes(MeetingPage, {MeetingIndexPage})
        self.assertAllowedSubpageTypes(MeetingPage, set())

    def test_only_one_index(self):
        from wagtail.models import Page

        home = HomePageFactory(parent=Page.get_first_root_node())
        self.assertCanCreateAt(type(home), MeetingIndexPage)
        MeetingIndexPageFactory(parent=home)
        self.assertFalse(MeetingIndexPage.can_create_at(home))

    def test_editor_creates_a_meeting_with_programme(self):
        from wagtail.models import Page
        from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

        self.login()
        home = HomePageFactory(parent=Page.get_first_root_node())
        index = MeetingIndexPageFactory(parent=home)
        person = ContactPersonFactory(name="Ada Innleder")
        self.assertCanCreate(
            index,
            MeetingPage,
            nested_form_data(
                {
                    "title": "Fagdag om HTM",
                    "slug": "fagdag-om-htm",
                    "meeting_type": "fagdag",
                    "start": "24.03.2026 09:30",
                    "end": "24.03.2026 15:00",
                    "location": "Bodø",
                    "description": rich_text("<p>Om dagen.</p>"),
                    "summary": rich_text(""),
                    "programme": streamfield(
                        [
                            (
                                "item",
                                {
                                    "start_time": "09:30",
                                    "end_time": "10:00",
                                    "title": "Velkommen",
                                    "description": "",
                                    "presenters": listblock([person.pk]),
                                    "materials": listblock([]),
                                },
                            )
                        ]
                    ),
                    "materials": streamfield([]),
                    "tags": "",
                    "capacity": "",
                    "registration_deadline": "",
                    "waiting_list": "on",
                }
            ),
        )
        page = MeetingPage.objects.get(slug="fagdag-om-htm")
        assert [block.block_type for block in page.programme] == ["item"]
        item = page.programme[0].value
        assert item["title"] == "Velkommen"
        assert [p.pk for p in item["presenters"]] == [person.pk]
        assert timezone.localtime(page.start).strftime("%H:%M") == "09:30"


@pytest.mark.django_db
class TestListing:
    def test_upcoming_first_soonest_first_then_past_by_year_newest_first(
        self, client, meeting_index
    ):
        meeting(meeting_index, days(30), title="Om en måned")
        meeting(meeting_index, days(3), title="Om tre dager")
        meeting(meeting_index, days(-10), title="For ti dager siden")
        meeting(meeting_index, days(-400), title="I fjor og vel så det")
        meeting(meeting_index, days(-100), title="For hundre dager siden")
        html = client.get(meeting_index.url).content.decode()
        assert titles(
            html,
            [
                "Om en måned",
                "Om tre dager",
                "For ti dager siden",
                "I fjor og vel så det",
                "For hundre dager siden",
            ],
        ) == [
            "Om tre dager",
            "Om en måned",
            "For ti dager siden",
            "For hundre dager siden",
            "I fjor og vel så det",
        ]
        assert html.index("Kommende") < html.index("Tidligere møter")
        # The past are grouped under their year's heading.
        year = str(timezone.localtime(days(-400)).year)
        assert f'data-size="sm">{year}</h3>' in html

    def test_a_meeting_under_way_is_still_upcoming(self, client, meeting_index):
        MeetingPageFactory(
            parent=meeting_index,
            title="Pågår nå",
            start=NOW - datetime.timedelta(hours=1),
            end=NOW + datetime.timedelta(hours=1),
        )
        html = client.get(meeting_index.url).content.decode()
        assert html.index("Kommende") < html.index("Pågår nå")
        assert "Tidligere møter" not in html

    def test_drafts_and_other_sites_meetings_are_not_listed(self, client, meeting_index):
        meeting(meeting_index, days(5), title="Publisert møte")
        draft = meeting(meeting_index, days(6), title="Utkast til møte")
        draft.unpublish()
        html = client.get(meeting_index.url).content.decode()
        assert "Publisert møte" in html and "Utkast til møte" not in html

    def test_filter_by_type_year_rollout_area_and_tag(self, client, meeting_index, home_page):
        rollout_index = RolloutIndexPageFactory(parent=home_page)
        kjernejournal = RolloutPageFactory(
            parent=rollout_index, title="Kjernejournal", slug="kjernejournal"
        )
        model = HtmModelPageFactory(parent=home_page)
        group = TaskGroupPageFactory(parent=model)
        area = TaskAreaPageFactory(parent=group, title="Opplæring", slug="opplaering")
        fagdag = meeting(meeting_index, oslo(2026, 3, 24), title="Fagdagen", meeting_type="fagdag")
        theme = meeting(
            meeting_index,
            oslo(2025, 2, 10),
            title="Temamøtet",
            meeting_type="nasjonalt-temamote",
        )
        work = meeting(
            meeting_index,
            oslo(2026, 5, 5),
            title="Arbeidsmøtet",
            meeting_type="regionalt-arbeidsmote",
        )
        theme.rollouts.add(kjernejournal)
        theme.save_revision().publish()
        work.htm_areas.add(area)
        work.tags.add("samhandling")
        work.save_revision().publish()
        everything = ["Fagdagen", "Temamøtet", "Arbeidsmøtet"]

        def listed(query):
            html = client.get(meeting_index.url + query).content.decode()
            return set(titles(html, everything))

        assert listed("") == set(everything)
        assert listed("?type=fagdag") == {"Fagdagen"}
        assert listed("?ar=2026") == {"Fagdagen", "Arbeidsmøtet"}
        assert listed("?ar=2026&type=regionalt-arbeidsmote") == {"Arbeidsmøtet"}
        assert listed("?innforingslop=kjernejournal") == {"Temamøtet"}
        assert listed("?omrade=opplaering") == {"Arbeidsmøtet"}
        assert listed("?emneord=samhandling") == {"Arbeidsmøtet"}
        assert fagdag.live

    @pytest.mark.parametrize(
        "query",
        [
            "?type=finnes-ikke",
            "?ar=abc",
            "?ar=1700",
            "?omrade=x&emneord=y",
            "?side=abc",
            "?side=99999",
            "?side=-1",
            "?side=",
        ],
    )
    def test_bad_filter_and_page_values_fall_back(self, client, meeting_index, query):
        meeting(meeting_index, days(5), title="Møtet som alltid vises")
        response = client.get(meeting_index.url + query)
        assert response.status_code == 200
        assert "Møtet som alltid vises" in response.content.decode()

    def test_a_bad_value_leaves_the_other_filters_working(self, client, meeting_index):
        meeting(meeting_index, days(5), title="Fagdagen", meeting_type="fagdag")
        meeting(meeting_index, days(6), title="Workshopen", meeting_type="workshop")
        html = client.get(meeting_index.url + "?type=workshop&ar=tull").content.decode()
        assert "Workshopen" in html and "Fagdagen" not in html
        assert "ukjent verdi" in html

    def test_paginated_keeping_the_filters(self, client, meeting_index):
        for n in range(12):
            meeting(
                meeting_index,
                days(n + 1),
                title=f"Arbeidsmøte nr. {n:02d}",
                meeting_type="regionalt-arbeidsmote",
            )
        first = client.get(meeting_index.url + "?type=regionalt-arbeidsmote").content.decode()
        assert "Arbeidsmøte nr. 00" in first and "Arbeidsmøte nr. 10" not in first
        assert "Side 1 av 2" in first
        assert "?type=regionalt-arbeidsmote&amp;side=2" in first
        second = client.get(
            meeting_index.url + "?type=regionalt-arbeidsmote&side=2"
        ).content.decode()
        assert "Arbeidsmøte nr. 10" in second and "Arbeidsmøte nr. 00" not in second

    @pytest.mark.parametrize("small, large", [(10, 200)])
    def test_queries_do_not_grow_with_the_number_of_meetings(
        self, client, meeting_index, home_page, small, large
    ):
        rollout_index = RolloutIndexPageFactory(parent=home_page)
        rollout = RolloutPageFactory(parent=rollout_index)

        def add(count, offset):
            for n in range(count):
                page = meeting(
                    meeting_index, days(n - count // 2 + offset), title=f"Møte {offset}-{n}"
                )
                page.tags.add(f"emne-{n % 5}")
                page.rollouts.add(rollout)
                page.save()

        add(small, 0)
        few = count_queries(client, meeting_index.url)
        few_filtered = count_queries(client, meeting_index.url + "?emneord=emne-1&side=2")
        add(large - small, 1000)
        many = count_queries(client, meeting_index.url)
        many_filtered = count_queries(client, meeting_index.url + "?emneord=emne-1&side=2")
        assert few == many, (few, many)
        assert few_filtered == many_filtered, (few_filtered, many_filtered)
        assert many <= 20
