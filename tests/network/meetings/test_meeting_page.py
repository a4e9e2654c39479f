"""A meeting's page, changed times, and where meetings show up (home page, rollouts, HTM
areas)."""

import datetime

import pytest
from django.utils import timezone

from htm.models import TaskAreaPage
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
from tests.network.helpers import make_member
from tests.network.meetings.factories import (
    MeetingPageFactory,
    oslo,
)
from tests.network.meetings.helpers import days, meeting, titles
from tests.utils import count_queries


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
        from tests.network.meetings.factories import make_document

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


@pytest.mark.django_db
def test_an_editors_preview_shows_the_unsaved_rollouts(meeting_index, home_page):
    """In the admin's preview the chosen rollouts are unsaved, in memory: the page still
    renders, and shows them."""
    rollout = RolloutPageFactory(
        parent=RolloutIndexPageFactory(parent=home_page), title="Kjernejournal"
    )
    page = MeetingPageFactory(parent=meeting_index, title="Temamøte KJ")
    page.rollouts = [rollout]  # what the edit form hands the preview
    response = page.make_preview_request()
    assert response.status_code == 200
    assert "Kjernejournal" in response.content.decode()
