"""The index's order (upcoming soonest first, then past newest first), read a page at a time
from the two parts: every slice equals the same slice of the one sorted query."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from network.models import MeetingPage
from tests.network.meetings.helpers import NOW, meeting

pytestmark = pytest.mark.django_db


@pytest.fixture
def meetings(meeting_index):
    for offset in (-400, -30, -2, -90, 3, 40, 1, -1):
        meeting(meeting_index, NOW + datetime.timedelta(days=offset), title=f"Møte {offset}")
    # One under way: started before now, ends after it, so still upcoming.
    meeting(meeting_index, NOW - datetime.timedelta(hours=1), title="Pågår")
    return meeting_index.meetings()


def test_every_slice_is_the_slice_of_the_sorted_query(meetings):
    expected = [page.pk for page in meetings.upcoming_then_past(NOW)]
    sequence = meetings.upcoming_then_past_pages(NOW)
    assert sequence.count() == len(expected) == 9
    assert sequence.counts() == (9, 4)
    for start in range(0, 11):
        for stop in range(start, 12):
            assert [page.pk for page in sequence[start:stop]] == expected[start:stop]
    assert sequence[4].pk == expected[4]


def test_a_page_costs_one_query_after_the_count_wherever_it_falls(meetings):
    for start in (0, 2, 4, 6):
        sequence = meetings.upcoming_then_past_pages(NOW)
        sequence.count()
        with CaptureQueriesContext(connection) as queries:
            found = sequence[start : start + 3]
        assert len(queries) == 1 and found
    assert isinstance(found[0], MeetingPage)


@pytest.mark.parametrize(("upcoming", "past"), [(0, 12), (2, 12), (12, 2), (12, 12), (3, 0)])
def test_the_related_listing_is_the_first_of_the_sorted_query(meeting_index, upcoming, past):
    offsets = [day + 1 for day in range(upcoming)] + [-(day + 1) for day in range(past)]
    for offset in offsets[::-1]:
        meeting(meeting_index, NOW + datetime.timedelta(days=offset * 3))
    meetings = MeetingPage.objects.child_of(meeting_index)
    expected = [page.pk for page in meetings.live().public().upcoming_then_past(NOW)][:8]
    assert [page.pk for page in meetings.related_listing(NOW)] == expected
    assert len(expected) == min(upcoming + past, 8)
