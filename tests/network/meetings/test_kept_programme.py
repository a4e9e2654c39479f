"""A meeting's programme and materials are kept as HTML, one copy for the public and one for
network members; the next view shows a changed programme, a renamed presenter and a
document that was given another title."""

import datetime

import pytest

from tests.conftest import commit_waiting
from tests.network.factories import ContactPersonFactory
from tests.network.helpers import make_member
from tests.network.meetings.factories import MeetingPageFactory

pytestmark = pytest.mark.django_db

PROGRAMME = "network/meetings/includes/programme.html"


def item(title, presenters):
    return (
        "item",
        {
            "start_time": datetime.time(9, 30),
            "end_time": None,
            "title": title,
            "description": "",
            "presenters": presenters,
            "materials": [],
        },
    )


@pytest.fixture
def programme(meeting_index):
    shown = ContactPersonFactory(name="Kari Innleder", publish=True)
    hidden = ContactPersonFactory(name="Skjult Innleder", publish=False)
    page = MeetingPageFactory(
        parent=meeting_index,
        programme=[item("Velkommen", [shown]), item("Samhandling", [hidden])],
    )
    commit_waiting()
    return {"page": page, "shown": shown}


def drawn(client, url) -> tuple[str, bool]:
    response = client.get(url)
    names = {template.name for template in response.templates}
    return response.content.decode(), PROGRAMME in names


def test_drawn_once_per_kind_of_reader(client, programme):
    url = programme["page"].url
    html, was_drawn = drawn(client, url)
    assert was_drawn and "Kari Innleder" in html and "Skjult Innleder" not in html
    html, was_drawn = drawn(client, url)
    assert not was_drawn and "Velkommen" in html and "Kari Innleder" in html
    client.force_login(make_member())
    html, was_drawn = drawn(client, url)
    assert was_drawn and "Skjult Innleder" in html


def test_a_changed_programme_and_a_renamed_presenter_show_at_once(client, programme):
    page = programme["page"]
    drawn(client, page.url)
    programme["shown"].name = "Kari Omdøpt"
    programme["shown"].save()
    commit_waiting()
    assert "Kari Omdøpt" in drawn(client, page.url)[0]
    page.programme = [item("Nytt punkt", [programme["shown"]])]
    page.save_revision().publish()
    commit_waiting()
    html = drawn(client, page.url)[0]
    assert "Nytt punkt" in html and "Velkommen" not in html
