"""«Siden forrige møte» on a working meeting: what moved since the previous meeting of its
kind, for members only, the projector view, the minutes, and constant queries."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from network.choices import MeetingType
from network.models import MeetingPage, Municipality, RolloutStatus
from network.progress.since import BACK, FORWARD, NEW, NOTE, meeting_changes, previous_meeting
from tests.network.meetings.factories import MeetingPageFactory
from tests.utils import count_queries

from .conftest import fresh, grow_history, on


def projector(meeting, **query):
    url = reverse("progress_projector", args=[meeting.pk])
    return url + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


class TestChanges:
    def test_previous_meeting_is_the_last_earlier_one_of_the_same_kind(self, world):
        previous, meeting, _fagdag = world.meetings
        assert previous_meeting(meeting).pk == previous.pk
        assert previous_meeting(previous) is None

    def test_forward_back_notes_and_standing_still(self, world):
        previous, meeting, _fagdag = world.meetings
        changes = meeting_changes(meeting)
        moved = {m.municipality.name: m for m in changes.movements}
        assert set(moved) == {"Vega", "Rana"}  # Vefsn moved after the meeting
        assert moved["Vega"].direction == FORWARD
        assert (moved["Vega"].old_level.slug, moved["Vega"].new_level.slug) == (
            "forberedelse",
            "innforing",
        )
        assert moved["Vega"].notes == ["Avtalen er signert."]
        assert moved["Rana"].direction == BACK
        assert (changes.forward_count, changes.back_count, changes.note_count) == (1, 1, 1)
        assert [(s.municipality.name, s.subject) for s in changes.stale] == [
            ("Bodø", "Kjernejournal")
        ]
        assert (changes.since, changes.until) == (previous.start, meeting.start)

    def test_notes_on_the_way_are_kept(self, world):
        on(fresh(world.statuses["vega"]), datetime.date(2026, 2, 20), note="Ny avtale på vei.")
        changes = meeting_changes(world.meetings[1])
        vega = next(m for m in changes.movements if m.municipality.name == "Vega")
        assert vega.direction == FORWARD  # net over the window
        assert vega.notes == ["Avtalen er signert.", "Ny avtale på vei."]
        assert NOTE not in {m.direction for m in changes.movements}

    def test_a_first_registration_is_neither_forward_nor_back(self, world):
        andoy = Municipality.objects.get(slug="andoy")
        status = RolloutStatus(municipality=andoy, rollout=world.kjernejournal)
        on(status, datetime.date(2026, 2, 3), level=world.levels["forberedelse"])
        changes = meeting_changes(world.meetings[1])
        first = next(m for m in changes.movements if m.municipality == andoy)
        assert (first.direction, first.direction_label) == (NEW, "Registrert")
        assert first.old_level is None

    def test_a_coming_meeting_looks_back_to_now(self, world):
        start = timezone.now() + datetime.timedelta(days=30)
        coming = MeetingPageFactory(
            parent=world.meeting_index,
            meeting_type=MeetingType.REGIONAL_WORK,
            start=start,
            end=start + datetime.timedelta(hours=2),
        )
        coming.rollouts = [world.kjernejournal]
        coming.save_revision().publish()
        changes = meeting_changes(coming)
        assert changes.previous.pk == world.meetings[1].pk
        assert {m.municipality.name for m in changes.movements} == {"Vefsn"}


class TestMeetingPage:
    def test_members_see_the_changes_and_the_public_does_not(self, client, world):
        meeting = world.meetings[1]
        anonymous = client.get(meeting.url).content.decode()
        assert "Siden forrige møte" not in anonymous and "Vega" not in anonymous
        client.force_login(world.member)
        page = client.get(meeting.url).content.decode()
        assert "Siden forrige møte" in page
        assert "Gått fram" in page and "Gått tilbake" in page
        assert "Avtalen er signert." in page
        assert "Arbeidsmøte januar" in page  # the previous meeting, linked
        assert projector(meeting) in page

    def test_a_fagdag_has_no_such_list(self, client, world):
        client.force_login(world.member)
        assert "Siden forrige møte" not in client.get(world.meetings[2].url).content.decode()

    def test_the_published_minutes_are_for_everyone(self, client, world):
        meeting = MeetingPage.objects.get(pk=world.meetings[1].pk)
        meeting.minutes = "<p>Vi ble enige om å dele malene.</p>"
        meeting.save_revision().publish()
        page = client.get(meeting.url).content.decode()
        assert "Referat" in page and "Vi ble enige om å dele malene." in page

    def test_queries_stay_the_same_with_ten_times_the_history(self, client, world):
        client.force_login(world.member)
        meeting = world.meetings[1]
        pages = [meeting.url, projector(meeting, nr=1), projector(meeting, etter="tema", nr=1)]
        before = [count_queries(client, url) for url in pages]
        grow_history(10)
        assert [count_queries(client, url) for url in pages] == before


class TestProjector:
    def test_only_members_may_see_it(self, client, world):
        url = projector(world.meetings[1])
        assert client.get(url).status_code == 302
        client.force_login(world.plain_user)
        assert client.get(url).status_code == 403

    def test_one_municipality_at_a_time_with_links_to_step_through(self, client, world):
        client.force_login(world.member)
        meeting = world.meetings[1]
        first = client.get(projector(meeting)).content.decode()
        assert "Side 1 av 4" in first  # the opening, Rana, Vega, and those standing still
        next_url = projector(meeting, etter="kommune", nr=1).replace("&", "&amp;")
        assert f'href="{next_url}" rel="next"' in first
        assert 'rel="prev"' not in first
        rana = client.get(projector(meeting, nr=1)).content.decode()
        assert "<h1>Rana</h1>" in rana and "Gått tilbake" in rana
        assert 'rel="prev"' in rana
        still = client.get(projector(meeting, nr=3)).content.decode()
        assert "Bodø" in still and 'rel="next"' not in still

    def test_one_topic_at_a_time(self, client, world):
        client.force_login(world.member)
        slide = client.get(projector(world.meetings[1], etter="tema", nr=1)).content.decode()
        assert "<h1>Kjernejournal</h1>" in slide
        assert "Vega" in slide and "Rana" in slide

    @pytest.mark.parametrize("number", ["abc", "-3", "999", ""])
    def test_a_wrong_slide_number_is_not_an_error(self, client, world, number):
        client.force_login(world.member)
        assert client.get(projector(world.meetings[1], nr=number)).status_code == 200

    def test_a_fagdag_has_no_projector_view(self, client, world):
        client.force_login(world.member)
        assert client.get(projector(world.meetings[2])).status_code == 404
