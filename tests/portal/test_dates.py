"""Dates written in Python read exactly as Django's `date` filter writes them in Norwegian,
and the meeting and project tags draw what the templates drew with that filter."""

from datetime import date, datetime, timedelta
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest
from django.template import Context, Template
from django.utils import timezone

from network.templatetags.when_tags import (
    day_month_year,
    meeting_previous_time,
    meeting_when,
    period,
)
from portal import dates

UTC = ZoneInfo("UTC")


def django_date(value, pattern: str) -> str:
    return Template("{{ value|date:pattern }}").render(
        Context({"value": value, "pattern": pattern})
    )


# Every month and weekday, midnight and late evening, and both sides of the changes to and
# from summer time (when UTC and Norwegian dates differ).
TIMES = [
    datetime(2026, 1, 5, 8, 5, tzinfo=UTC) + timedelta(days=31 * n, hours=n) for n in range(12)
]
TIMES += [datetime(2026, 3, 28, 23, 30, tzinfo=UTC), datetime(2026, 3, 29, 0, 30, tzinfo=UTC)]
TIMES += [datetime(2026, 10, 24, 22, 15, tzinfo=UTC), datetime(2026, 10, 25, 1, 45, tzinfo=UTC)]
TIMES += [datetime(2026, 12, 31, 23, 0, tzinfo=UTC)]


@pytest.mark.parametrize("value", TIMES, ids=str)
def test_each_format_reads_as_djangos_date_filter(value):
    here = dates.local(value)
    assert dates.weekday_day_month_year(here) == django_date(value, "l j. F Y")
    assert dates.day_month_year(here) == django_date(value, "j. F Y")
    assert dates.clock(here) == django_date(value, "H.i")
    assert dates.month_year(here.date()) == django_date(here.date(), "F Y")
    assert here.isoformat() == django_date(value, "c")


def test_the_names_are_norwegian():
    assert dates.weekday_day_month_year(date(2026, 6, 6)) == "lørdag 6. juni 2026"
    assert dates.month_year(date(2026, 12, 1)) == "desember 2026"


def meeting(start, end, previous=None, cancelled=False):
    return SimpleNamespace(
        start=start,
        end=end,
        single_day=timezone.localtime(start).date() == timezone.localtime(end).date(),
        time_changed=previous is not None,
        previous_start=previous[0] if previous else None,
        previous_end=previous[1] if previous else None,
        cancelled=cancelled,
    )


def test_a_meeting_within_one_day_shows_the_weekday_and_both_clock_times():
    start = datetime(2026, 3, 24, 8, 30, tzinfo=UTC)
    html = meeting_when(meeting(start, start + timedelta(hours=6)))
    assert html == (
        '<time datetime="2026-03-24T09:30:00+01:00">tirsdag 24. mars 2026, kl. 09.30</time>'
        '–<time datetime="2026-03-24T15:30:00+01:00">15.30</time>'
    )


def test_a_meeting_over_days_shows_both_dates_in_norwegian_time():
    # 23.30 UTC on 28 March is already 29 March in Norway (and summer time from 02.00).
    start = datetime(2026, 3, 28, 23, 30, tzinfo=UTC)
    html = meeting_when(meeting(start, start + timedelta(days=1)))
    assert html == (
        '<time datetime="2026-03-29T00:30:00+01:00">29. mars 2026, kl. 00.30</time>'
        '–<time datetime="2026-03-30T01:30:00+02:00">30. mars 2026, kl. 01.30</time>'
    )


def test_a_moved_meeting_shows_its_earlier_time_unless_it_is_cancelled():
    start = datetime(2026, 5, 4, 7, 0, tzinfo=UTC)
    earlier = (start - timedelta(days=7), start - timedelta(days=7, hours=-3))
    assert meeting_previous_time(meeting(start, start, earlier)) == (
        '<span class="meeting-changed">Tidligere tidspunkt: '
        "<del>27. april 2026, kl. 09.00–12.00</del></span>"
    )
    assert meeting_previous_time(meeting(start, start, earlier, cancelled=True)) == ""
    assert meeting_previous_time(meeting(start, start)) == ""


def test_a_projects_period():
    def project(start, end):
        return SimpleNamespace(start_date=start, end_date=end)

    assert period(project(date(2026, 3, 1), date(2027, 6, 30))) == "mars 2026–juni 2027"
    assert period(project(date(2026, 3, 1), None)) == "mars 2026–"
    assert period(project(None, date(2027, 6, 30))) == ""


def test_a_day_as_text_from_a_date_or_a_time():
    assert day_month_year(date(2026, 5, 17)) == "17. mai 2026"
    # 23.30 UTC on 31 December is already New Year's Day in Norway.
    assert day_month_year(datetime(2026, 12, 31, 23, 30, tzinfo=UTC)) == "1. januar 2027"
    assert day_month_year(None) == ""
