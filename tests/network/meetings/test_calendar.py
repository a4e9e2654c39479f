"""Meetings as iCalendar: parsed with the icalendar library, times right in UTC and in
Europe/Oslo across the change to summer time, stable UIDs, SEQUENCE and CANCELLED."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from tests.network.meetings.factories import MeetingPageFactory, oslo

UTC = datetime.UTC
OSLO = ZoneInfo("Europe/Oslo")


def events(response) -> list:
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    return list(calendar.walk("VEVENT"))


@pytest.mark.django_db
class TestMeetingFile:
    def test_times_across_daylight_saving(self, client, meeting_index):
        # Summer time in 2026 starts on Sunday 29 March: UTC+1 before, UTC+2 after.
        winter = MeetingPageFactory(
            parent=meeting_index, start=oslo(2026, 3, 24, 9, 30), end=oslo(2026, 3, 24, 15, 0)
        )
        summer = MeetingPageFactory(
            parent=meeting_index, start=oslo(2026, 3, 31, 9, 30), end=oslo(2026, 3, 31, 15, 0)
        )
        (before,) = events(client.get(winter.url + "kalender/"))
        (after,) = events(client.get(summer.url + "kalender/"))
        assert before["DTSTART"].params["TZID"] == "Europe/Oslo"
        assert before.start.astimezone(UTC) == datetime.datetime(2026, 3, 24, 8, 30, tzinfo=UTC)
        assert before.end.astimezone(UTC) == datetime.datetime(2026, 3, 24, 14, 0, tzinfo=UTC)
        assert after.start.astimezone(UTC) == datetime.datetime(2026, 3, 31, 7, 30, tzinfo=UTC)
        for event in (before, after):
            local = event.start.astimezone(OSLO)
            assert (local.hour, local.minute) == (9, 30)

    def test_the_file_has_the_time_zone_and_is_a_download(self, client, meeting_index):
        page = MeetingPageFactory(parent=meeting_index, slug="fagdag-usht")
        response = client.get(page.url + "kalender/")
        calendar = Calendar.from_ical(response.content)
        assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/Oslo"]
        assert response["Content-Disposition"] == 'attachment; filename="fagdag-usht.ics"'

    def test_summary_place_link_and_description(self, client, meeting_index):
        page = MeetingPageFactory(
            parent=meeting_index,
            title="Fagdag USHT",
            location="Bodø, Stormen",
            intro="Om tjenestemodellen.",
        )
        (event,) = events(client.get(page.url + "kalender/"))
        assert str(event["SUMMARY"]) == "Fagdag USHT"
        assert str(event["LOCATION"]) == "Bodø, Stormen"
        assert str(event["URL"]) == f"http://testserver{page.url}"
        assert "Om tjenestemodellen." in str(event["DESCRIPTION"])
        assert str(event["STATUS"]) == "CONFIRMED"

    def test_members_only_link_stays_out_of_the_file(self, client, meeting_index):
        page = MeetingPageFactory(
            parent=meeting_index,
            digital_link="https://teams.example.org/hemmelig",
            digital_link_members_only=True,
        )
        assert b"hemmelig" not in client.get(page.url + "kalender/").content

    def test_uid_is_stable_and_sequence_follows_changes(self, client, meeting_index):
        page = MeetingPageFactory(parent=meeting_index)
        (first,) = events(client.get(page.url + "kalender/"))
        page.title = "Ny tittel"
        page.save_revision().publish()
        (renamed,) = events(client.get(page.url + "kalender/"))
        assert renamed["UID"] == first["UID"]
        assert renamed["SEQUENCE"] == first["SEQUENCE"] == 0
        page.start += datetime.timedelta(hours=1)
        page.end += datetime.timedelta(hours=1)
        page.save_revision().publish()
        (moved,) = events(client.get(page.url + "kalender/"))
        assert moved["UID"] == first["UID"]
        assert moved["SEQUENCE"] == 1
        other = MeetingPageFactory(parent=meeting_index)
        (different,) = events(client.get(other.url + "kalender/"))
        assert different["UID"] != first["UID"]

    def test_cancelled_meeting_is_marked_cancelled(self, client, meeting_index):
        page = MeetingPageFactory(parent=meeting_index, title="Nettverksmøte")
        page.cancelled = True
        page.save_revision().publish()
        (event,) = events(client.get(page.url + "kalender/"))
        assert str(event["STATUS"]) == "CANCELLED"
        assert event["SEQUENCE"] == 1
        assert str(event["SUMMARY"]).startswith("AVLYST")


@pytest.mark.django_db
class TestFeed:
    def test_feed_holds_coming_meetings_optionally_by_type(self, client, meeting_index):
        from django.utils import timezone

        now = timezone.now()
        soon = MeetingPageFactory(
            parent=meeting_index,
            title="Fagdag snart",
            start=now + datetime.timedelta(days=3),
            end=now + datetime.timedelta(days=3, hours=5),
        )
        MeetingPageFactory(
            parent=meeting_index,
            title="Temamøte snart",
            meeting_type="nasjonalt-temamote",
            start=now + datetime.timedelta(days=4),
            end=now + datetime.timedelta(days=4, hours=1),
        )
        MeetingPageFactory(
            parent=meeting_index,
            title="Fagdag for lenge siden",
            start=now - datetime.timedelta(days=200),
            end=now - datetime.timedelta(days=200) + datetime.timedelta(hours=5),
        )
        cancelled = MeetingPageFactory(
            parent=meeting_index,
            title="Avlyst fagdag",
            cancelled=True,
            start=now + datetime.timedelta(days=5),
            end=now + datetime.timedelta(days=5, hours=5),
        )
        everything = events(client.get(meeting_index.url + "kalender/"))
        summaries = [str(event["SUMMARY"]) for event in everything]
        assert summaries == ["Fagdag snart", "Temamøte snart", "AVLYST: Avlyst fagdag"]
        fagdager = events(client.get(meeting_index.url + "kalender/?type=fagdag"))
        assert [str(e["SUMMARY"]) for e in fagdager] == ["Fagdag snart", "AVLYST: Avlyst fagdag"]
        assert str(fagdager[1]["STATUS"]) == "CANCELLED"
        # The feed and the single file give the same UID, so calendars match them up.
        (single,) = events(client.get(soon.url + "kalender/"))
        assert single["UID"] == everything[0]["UID"]
        assert cancelled.live

    def test_unknown_type_gives_the_whole_feed(self, client, meeting_index):
        from django.utils import timezone

        start = timezone.now() + datetime.timedelta(days=3)
        MeetingPageFactory(
            parent=meeting_index, start=start, end=start + datetime.timedelta(hours=1)
        )
        assert len(events(client.get(meeting_index.url + "kalender/?type=<script>"))) == 1

    def test_feed_is_linked_from_the_index(self, client, meeting_index):
        html = client.get(meeting_index.url + "?type=workshop").content.decode()
        assert 'href="/moter-og-fagdager/kalender/?type=workshop"' in html
        assert "http://testserver/moter-og-fagdager/kalender/?type=workshop" in html
