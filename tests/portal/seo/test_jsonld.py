"""Structured data: Organization on the home page, an Event on every meeting page (as
schema.org and Google's event results read it), and a BreadcrumbList on every page."""

import datetime

import pytest
from django.utils import timezone

from tests.factories import ContentPageFactory
from tests.network.meetings.factories import MeetingIndexPageFactory, MeetingPageFactory, oslo

from .helpers import head, jsonld_of_type

EVENT_FIELDS = {
    "@context",
    "@type",
    "name",
    "url",
    "startDate",
    "endDate",
    "eventAttendanceMode",
    "eventStatus",
    "location",
    "organizer",
    "image",
}


@pytest.fixture
def index(home_page):
    return MeetingIndexPageFactory(parent=home_page)


def event_of(client, page) -> dict:
    (event,) = jsonld_of_type(head(client.get(page.url)), "Event")
    return event


@pytest.mark.django_db
class TestEvent:
    def test_a_meeting_in_a_place_in_winter_time(self, client, index):
        meeting = MeetingPageFactory(
            parent=index,
            title="Fagdag i Bodø",
            intro="Om Helhetlig tjenestemodell.",
            start=oslo(2030, 1, 15, 9, 30),
            end=oslo(2030, 1, 15, 15),
            location="Stormen bibliotek, Bodø",
            organiser="USHT Nordland",
        )
        event = event_of(client, meeting)
        assert set(event) >= EVENT_FIELDS
        assert event["@context"] == "https://schema.org"
        assert event["name"] == "Fagdag i Bodø"
        assert event["startDate"] == "2030-01-15T09:30:00+01:00"
        assert event["endDate"] == "2030-01-15T15:00:00+01:00"
        assert event["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
        assert event["eventStatus"] == "https://schema.org/EventScheduled"
        assert event["location"] == {
            "@type": "Place",
            "name": "Stormen bibliotek, Bodø",
            "address": "Stormen bibliotek, Bodø",
        }
        assert event["organizer"] == {"@type": "Organization", "name": "USHT Nordland"}
        assert event["description"] == "Om Helhetlig tjenestemodell."
        assert event["url"] == f"http://localhost{meeting.url}"

    def test_a_digital_meeting_in_summer_time(self, client, index):
        meeting = MeetingPageFactory(
            parent=index,
            start=oslo(2030, 6, 3, 13),
            end=oslo(2030, 6, 3, 14),
            location="",
            digital_link="https://teams.example.org/mote",
        )
        event = event_of(client, meeting)
        assert event["startDate"] == "2030-06-03T13:00:00+02:00"
        assert event["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
        assert event["location"] == {
            "@type": "VirtualLocation",
            "url": "https://teams.example.org/mote",
        }
        assert event["organizer"]["name"] == "E-helse Nordland"

    def test_both_and_a_members_only_link_is_not_published(self, client, index):
        meeting = MeetingPageFactory(
            parent=index,
            location="Mosjøen",
            digital_link="https://teams.example.org/hemmelig",
            digital_link_members_only=True,
        )
        html = client.get(meeting.url).content.decode()
        assert "teams.example.org/hemmelig" not in html
        event = event_of(client, meeting)
        assert event["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
        place, online = event["location"]
        assert place["@type"] == "Place"
        assert online == {"@type": "VirtualLocation", "url": f"http://localhost{meeting.url}"}

    def test_cancelled(self, client, index):
        meeting = MeetingPageFactory(parent=index, cancelled=True)
        assert event_of(client, meeting)["eventStatus"] == "https://schema.org/EventCancelled"

    def test_moved(self, client, index):
        meeting = MeetingPageFactory(parent=index, start=oslo(2030, 3, 1, 10))
        old_start = meeting.start
        meeting.start += datetime.timedelta(days=7)
        meeting.end += datetime.timedelta(days=7)
        meeting.save_revision().publish()
        event = event_of(client, meeting)
        assert event["eventStatus"] == "https://schema.org/EventRescheduled"
        assert event["previousStartDate"] == timezone.localtime(old_start).isoformat()
        assert event["startDate"] == "2030-03-08T10:00:00+01:00"

    def test_text_cannot_end_the_script_element(self, client, index):
        meeting = MeetingPageFactory(parent=index, title="Møte </script><b>x</b>")
        html = client.get(meeting.url).content.decode()
        assert "</script><b>" not in html
        assert event_of(client, meeting)["name"] == "Møte </script><b>x</b>"


@pytest.mark.django_db
def test_organization_on_the_home_page_only(client, home_page):
    (organization,) = jsonld_of_type(head(client.get("/")), "Organization")
    assert organization["name"] == "E-helse Nordland"
    assert organization["url"] == "http://localhost/"
    assert organization["logo"] == "http://localhost/static/seo/icon-512.png"
    page = ContentPageFactory(parent=home_page)
    assert jsonld_of_type(head(client.get(page.url)), "Organization") == []


@pytest.mark.django_db
def test_breadcrumb_list_from_the_home_page_down(client, home_page):
    about = ContentPageFactory(parent=home_page, title="Om nettverket", slug="om-nettverket")
    letter = ContentPageFactory(parent=about, title="Oppdragsbrev", slug="oppdragsbrev")
    (crumbs,) = jsonld_of_type(head(client.get(letter.url)), "BreadcrumbList")
    assert crumbs["itemListElement"] == [
        {"@type": "ListItem", "position": 1, "name": "Forside", "item": "http://localhost/"},
        {
            "@type": "ListItem",
            "position": 2,
            "name": "Om nettverket",
            "item": "http://localhost/om-nettverket/",
        },
        {
            "@type": "ListItem",
            "position": 3,
            "name": "Oppdragsbrev",
            "item": "http://localhost/om-nettverket/oppdragsbrev/",
        },
    ]
    (home_crumbs,) = jsonld_of_type(head(client.get("/")), "BreadcrumbList")
    assert [item["name"] for item in home_crumbs["itemListElement"]] == ["Forside"]


@pytest.mark.django_db
def test_breadcrumb_list_of_a_view_below_a_page(client, home_page):
    from tests.network.factories import NetworkPageFactory

    network = NetworkPageFactory(parent=home_page, title="Nettverket", slug="nettverket")
    (crumbs,) = jsonld_of_type(head(client.get(network.url + "kontaktpersoner/")), "BreadcrumbList")
    assert [(item["name"], item["item"]) for item in crumbs["itemListElement"]] == [
        ("Forside", "http://localhost/"),
        ("Nettverket", "http://localhost/nettverket/"),
        ("Kontaktpersoner", "http://localhost/nettverket/kontaktpersoner/"),
    ]
