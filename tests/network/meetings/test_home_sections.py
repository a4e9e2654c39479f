"""The home page's next meetings and latest news are kept in the cache between views, and
each change that alters them shows on the very next view: a news item published or
unpublished, a meeting moved, and a meeting that has ended (within the minute)."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests.conftest import commit_waiting
from tests.network.factories import NewsPageFactory
from tests.network.meetings.helpers import days, meeting

pytestmark = pytest.mark.django_db

SECTION_TABLES = ('"network_newspage"', '"network_meetingpage"')


def home(client, home_page) -> tuple[str, bool]:
    """The home page's HTML, and whether the view read news or meetings from the database."""
    with CaptureQueriesContext(connection) as queries:
        html = client.get(home_page.url).content.decode()
    read = any(table in q["sql"] for q in queries.captured_queries for table in SECTION_TABLES)
    return html, read


@pytest.fixture
def sections(home_page, meeting_index, project_index):
    first = meeting(meeting_index, days(2), title="Fagdag om opplæring")
    NewsPageFactory(parent=project_index, title="Pulje 2 er i gang", date="2026-01-10")
    commit_waiting()
    return {"meeting": first, "news_index": project_index, "meetings": meeting_index}


def test_the_sections_are_read_once_and_then_kept(client, home_page, sections):
    html, read = home(client, home_page)
    assert read and "Fagdag om opplæring" in html and "Pulje 2 er i gang" in html
    html, read = home(client, home_page)
    assert not read
    assert "Fagdag om opplæring" in html and "Pulje 2 er i gang" in html


def test_published_and_unpublished_news_show_at_once(client, home_page, sections):
    home(client, home_page)
    news = NewsPageFactory(parent=sections["news_index"], title="Ny rutine", date="2026-02-01")
    commit_waiting()
    html, read = home(client, home_page)
    assert read and "Ny rutine" in html
    news.unpublish()
    commit_waiting()
    assert "Ny rutine" not in home(client, home_page)[0]


def test_a_moved_meeting_shows_its_new_place_in_the_list(client, home_page, sections):
    later = meeting(sections["meetings"], days(5), title="Regionalt arbeidsmøte")
    commit_waiting()
    html = home(client, home_page)[0]
    assert html.index("Fagdag om opplæring") < html.index("Regionalt arbeidsmøte")
    later.start, later.end = days(1), days(1) + datetime.timedelta(hours=2)
    later.save_revision().publish()
    commit_waiting()
    html = home(client, home_page)[0]
    assert html.index("Regionalt arbeidsmøte") < html.index("Fagdag om opplæring")


def test_a_meeting_that_has_ended_leaves_the_list_within_the_minute(
    client, home_page, sections, monkeypatch
):
    home(client, home_page)
    assert not home(client, home_page)[1]
    after_end = sections["meeting"].end + datetime.timedelta(seconds=61)
    monkeypatch.setattr(timezone, "now", lambda: after_end)
    html, read = home(client, home_page)
    assert read and "Fagdag om opplæring" not in html


def test_the_first_news_item_and_meeting_show_at_once(client, home_page, project_index):
    """An empty section is kept too, and still cleared by the first page of its type."""
    from tests.network.meetings.factories import MeetingIndexPageFactory

    meetings = MeetingIndexPageFactory(parent=home_page)
    commit_waiting()
    html, _ = home(client, home_page)
    assert "Siste nytt" not in html and "Neste møter og fagdager" not in html
    assert not home(client, home_page)[1]
    NewsPageFactory(parent=project_index, title="Første nyhet", date="2026-01-10")
    meeting(meetings, days(3), title="Første fagdag")
    commit_waiting()
    html, read = home(client, home_page)
    assert read and "Første nyhet" in html and "Første fagdag" in html
