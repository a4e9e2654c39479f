"""«Møter og fagdager» and the meeting pages: tree rules, listing order, filters, pages,
changed times, and where meetings show up (home page, rollouts, HTM areas)."""

import datetime

import pytest
from django.utils import timezone
from wagtail.test.utils import WagtailPageTestCase

from htm.models import TaskAreaPage
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
from tests.network.meeting_factories import (
    MeetingIndexPageFactory,
    MeetingPageFactory,
    make_member,
    oslo,
)
from tests.utils import count_queries

NOW = timezone.now()


def days(n: int) -> datetime.datetime:
    """A time n days from now (negative: in the past), at 10:00 Norwegian time."""
    local = timezone.localtime(NOW) + datetime.timedelta(days=n)
    return local.replace(hour=10, minute=0, second=0, microsecond=0)


@pytest.fixture
def meeting_index(home_page):
    return MeetingIndexPageFactory(parent=home_page)


def meeting(index, start, **kwargs):
    return MeetingPageFactory(
        parent=index, start=start, end=start + datetime.timedelta(hours=2), **kwargs
    )


def listblock(values) -> dict:
    """ListBlock form data, as the admin posts it."""
    data = {
        str(index): {"value": value, "deleted": "", "order": str(index), "id": ""}
        for index, value in enumerate(values)
    }
    return {**data, "count": str(len(values))}


def titles(html: str, candidates) -> list[str]:
    """The candidate titles in the order they appear in the page."""
    found = [(html.index(title), title) for title in candidates if title in html]
    return [title for _, title in sorted(found)]


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
            "?innforingslop=%00",
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


@pytest.mark.django_db
class TestMeetingPage:
    def test_shows_when_where_and_programme_in_norwegian(self, client, meeting_index):
        visible = ContactPersonFactory(name="Synlig Innleder", publish=True)
        hidden = ContactPersonFactory(name="Skjult Innleder", publish=False, role="radgiver")
        page = MeetingPageFactory(
            parent=meeting_index,
            title="Fagdag USHT",
            start=oslo(2026, 3, 24, 9, 30),
            end=oslo(2026, 3, 24, 15, 0),
            location="Bodø, Stormen",
            organiser="USHT Nordland",
            programme=[
                (
                    "item",
                    {
                        "start_time": datetime.time(9, 30),
                        "end_time": datetime.time(10, 0),
                        "title": "Velkommen",
                        "description": "",
                        "presenters": [visible, hidden],
                        "materials": [],
                    },
                )
            ],
        )
        html = client.get(page.url).content.decode()
        assert "tirsdag 24. mars 2026, kl. 09.30" in html
        assert "15.00" in html
        assert "Bodø, Stormen" in html and "USHT Nordland" in html
        assert "Velkommen" in html
        assert "Synlig Innleder" in html
        # A presenter who has not agreed to be published is shown by role to visitors …
        assert "Skjult Innleder" not in html
        assert "Rådgiver, KS" in html

    def test_members_see_unpublished_presenters_by_name(self, client, meeting_index):
        hidden = ContactPersonFactory(name="Skjult Innleder", publish=False)
        page = MeetingPageFactory(
            parent=meeting_index,
            programme=[
                (
                    "item",
                    {
                        "start_time": datetime.time(9, 30),
                        "end_time": None,
                        "title": "Velkommen",
                        "description": "",
                        "presenters": [hidden],
                        "materials": [],
                    },
                )
            ],
        )
        client.force_login(make_member())
        assert "Skjult Innleder" in client.get(page.url).content.decode()

    def test_members_only_digital_link(self, client, meeting_index):
        page = MeetingPageFactory(
            parent=meeting_index,
            digital_link="https://teams.example.org/hemmelig",
            digital_link_members_only=True,
        )
        anonymous = client.get(page.url).content.decode()
        assert "teams.example.org/hemmelig" not in anonymous
        assert "Lenken vises for nettverksmedlemmer" in anonymous
        client.force_login(make_member())
        assert "teams.example.org/hemmelig" in client.get(page.url).content.decode()

    def test_open_digital_link_is_shown_to_everybody(self, client, meeting_index):
        page = MeetingPageFactory(parent=meeting_index, digital_link="https://teams.example.org/a")
        assert "https://teams.example.org/a" in client.get(page.url).content.decode()

    def test_cancelled_meeting_says_so(self, client, meeting_index):
        page = MeetingPageFactory(
            parent=meeting_index, cancelled=True, cancellation_note="Nytt møte kommer."
        )
        html = client.get(page.url).content.decode()
        assert "Møtet er avlyst" in html and "Nytt møte kommer." in html
        assert "Avlyst" in client.get(meeting_index.url).content.decode()

    def test_end_before_start_is_refused(self, meeting_index):
        from django.core.exceptions import ValidationError

        page = MeetingPageFactory.build(start=oslo(2026, 3, 24, 12), end=oslo(2026, 3, 24, 11))
        with pytest.raises(ValidationError) as error:
            page.clean()
        assert "end" in error.value.message_dict

    def test_page_queries_do_not_grow_with_programme_and_materials(self, client, meeting_index):
        from tests.network.meeting_factories import make_document

        def programme(size):
            people = [ContactPersonFactory() for _ in range(size)]
            documents = [make_document(f"Dokument {size}-{n}") for n in range(size)]
            return [
                (
                    "item",
                    {
                        "start_time": datetime.time(9, n % 50),
                        "end_time": None,
                        "title": f"Punkt {n}",
                        "description": "",
                        "presenters": [people[n]],
                        "materials": [
                            {
                                "document": documents[n],
                                "title": "",
                                "presenter": people[n],
                                "members_only": False,
                            }
                        ],
                    },
                )
                for n in range(size)
            ]

        small = MeetingPageFactory(parent=meeting_index, programme=programme(2))
        large = MeetingPageFactory(parent=meeting_index, programme=programme(20))
        assert count_queries(client, small.url) == count_queries(client, large.url)


@pytest.mark.django_db
class TestChangedTime:
    def test_moving_a_published_meeting_keeps_the_old_time_and_bumps_the_sequence(
        self, client, meeting_index, home_page
    ):
        page = meeting(meeting_index, days(10), title="Flyttet møte")
        assert page.sequence == 0 and not page.time_changed
        old_start, old_end = page.start, page.end
        page.start = old_start + datetime.timedelta(days=1, hours=2)
        page.end = old_end + datetime.timedelta(days=1, hours=2)
        page.save_revision().publish()
        page.refresh_from_db()
        assert page.sequence == 1
        assert (page.previous_start, page.previous_end) == (old_start, old_end)
        assert page.time_changed

        html = client.get(page.url).content.decode()
        assert "Endret tidspunkt" in html
        old = timezone.localtime(old_start)
        assert f"<del>{old.day}. " in html and f"kl. {old:%H.%M}" in html
        assert "Endret tidspunkt" in client.get(meeting_index.url).content.decode()
        assert "Endret tidspunkt" in client.get(home_page.url).content.decode()

    def test_a_draft_or_an_unrelated_change_does_not_count(self, meeting_index):
        page = meeting(meeting_index, days(10))
        page.title = "Ny tittel"
        page.save_revision().publish()
        page.refresh_from_db()
        assert page.sequence == 0
        page.start = page.start + datetime.timedelta(hours=1)
        page.save_revision()  # a draft: nobody has seen it
        page.refresh_from_db()
        assert page.sequence == 0 and page.previous_start is None

    def test_place_and_cancellation_bump_the_sequence_without_changing_time(self, meeting_index):
        page = meeting(meeting_index, days(10))
        page.location = "Mo i Rana"
        page.save_revision().publish()
        page.refresh_from_db()
        assert page.sequence == 1 and not page.time_changed
        page.cancelled = True
        page.save_revision().publish()
        page.refresh_from_db()
        assert page.sequence == 2

    def test_an_older_revision_does_not_lower_the_sequence(self, meeting_index):
        page = meeting(meeting_index, days(10))
        stale = page.save_revision()  # a draft made before the move, with sequence 0
        page.start = page.start + datetime.timedelta(hours=3)
        page.end = page.end + datetime.timedelta(hours=3)
        page.save_revision().publish()
        stale.publish()  # back to the first time: a change again
        page.refresh_from_db()
        assert page.sequence == 2

    def test_changes_before_the_first_publish_do_not_count(self, meeting_index):
        page = MeetingPageFactory(parent=meeting_index, live=False)
        page.start = page.start + datetime.timedelta(hours=3)
        page.end = page.end + datetime.timedelta(hours=3)
        page.save_revision().publish()
        page.refresh_from_db()
        assert page.sequence == 0 and not page.time_changed


@pytest.mark.django_db
class TestMeetingsElsewhere:
    def test_home_page_shows_the_next_three_meetings(self, client, meeting_index, home_page):
        meeting(meeting_index, days(-3), title="Allerede holdt")
        for n in range(5):
            meeting(meeting_index, days(n + 1), title=f"Neste nr. {n}")
        html = client.get(home_page.url).content.decode()
        assert "Neste møter og fagdager" in html
        assert titles(html, [f"Neste nr. {n}" for n in range(5)]) == [
            "Neste nr. 0",
            "Neste nr. 1",
            "Neste nr. 2",
        ]
        assert "Allerede holdt" not in html
        assert f'href="{meeting_index.url}"' in html

    def test_home_page_queries_do_not_grow(self, client, meeting_index, home_page):
        meeting(meeting_index, days(1))
        few = count_queries(client, home_page.url)
        for n in range(20):
            meeting(meeting_index, days(n + 2))
        assert count_queries(client, home_page.url) == few

    def test_no_meetings_no_section(self, client, home_page):
        assert "Neste møter og fagdager" not in client.get(home_page.url).content.decode()

    def test_rollout_page_lists_its_meetings(self, client, meeting_index, home_page):
        rollout_index = RolloutIndexPageFactory(parent=home_page)
        rollout = RolloutPageFactory(parent=rollout_index, title="Kjernejournal")
        other = RolloutPageFactory(parent=rollout_index, title="VKP")
        mine = meeting(meeting_index, days(4), title="Temamøte om Kjernejournal")
        mine.rollouts.add(rollout)
        mine.save_revision().publish()
        theirs = meeting(meeting_index, days(5), title="Temamøte om VKP")
        theirs.rollouts.add(other)
        theirs.save_revision().publish()
        html = client.get(rollout.url).content.decode()
        assert "Møter i innføringsløpet" in html
        assert "Temamøte om Kjernejournal" in html and "Temamøte om VKP" not in html

    def test_task_area_page_lists_its_meetings(self, client, meeting_index, home_page):
        model = HtmModelPageFactory(parent=home_page)
        group = TaskGroupPageFactory(parent=model)
        area = TaskAreaPageFactory(parent=group, title="Opplæring")
        quiet = TaskAreaPageFactory(parent=group, title="Budsjettering")
        page = meeting(meeting_index, days(4), title="Fagdag om opplæring")
        page.htm_areas.add(area)
        page.save_revision().publish()
        html = client.get(area.url).content.decode()
        assert "Møter og fagdager om området" in html and "Fagdag om opplæring" in html
        assert "Møter og fagdager om området" not in client.get(quiet.url).content.decode()
        assert isinstance(area, TaskAreaPage)
