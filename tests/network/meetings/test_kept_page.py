"""«Møter og fagdager» keeps the page of meetings it showed, and how many there are, in the
cache for the minute it was read; each change shows on the very next view: a meeting
published, unpublished or moved, a filter chosen, another page asked for, and a meeting
that ends (within the minute)."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests.conftest import commit_waiting
from tests.network.meetings.helpers import days, meeting

pytestmark = pytest.mark.django_db


def view(client, url) -> tuple[str, bool]:
    """The page's HTML, and whether the view read meetings from the database."""
    with CaptureQueriesContext(connection) as queries:
        html = client.get(url).content.decode()
    return html, any('"network_meetingpage"' in q["sql"] for q in queries.captured_queries)


@pytest.fixture
def listed(meeting_index):
    for n in range(11):
        meeting(
            meeting_index,
            days(n + 1),
            title=f"Arbeidsmøte nr. {n:02d}",
            meeting_type="regionalt-arbeidsmote",
        )
    soon = meeting(
        meeting_index, timezone.now() - datetime.timedelta(hours=1), title="Snart ferdig"
    )
    commit_waiting()
    return {"index": meeting_index, "soon": soon}


def test_a_page_is_read_once_then_kept(client, listed):
    url = listed["index"].url
    html, read = view(client, url)
    assert read and "12 møter" in html and "Side 1 av 2" in html
    html, read = view(client, url)
    assert not read and "12 møter" in html and "Snart ferdig" in html
    second, read = view(client, url + "?side=2")
    assert read and "Arbeidsmøte nr. 10" in second and "Arbeidsmøte nr. 00" not in second
    assert not view(client, url + "?side=2")[1]
    # A page number out of range shows the last page, also when kept.
    assert "Arbeidsmøte nr. 10" in view(client, url + "?side=999")[0]
    assert "Arbeidsmøte nr. 10" in view(client, url + "?side=999")[0]


def test_a_filter_is_its_own_list(client, listed):
    url = listed["index"].url
    view(client, url)
    meeting(listed["index"], days(3), title="Fagdag i Bodø", meeting_type="fagdag")
    commit_waiting()
    html, read = view(client, url + "?type=fagdag")
    assert read and "2 møter passer filtrene" in " ".join(html.split())
    assert "Fagdag i Bodø" in html and "Snart ferdig" in html
    assert "Arbeidsmøte nr. 00" not in html


def test_published_unpublished_and_moved_meetings_show_at_once(client, listed):
    url = listed["index"].url
    view(client, url)
    new = meeting(listed["index"], days(30), title="Nasjonalt temamøte")
    commit_waiting()
    html, read = view(client, url)
    assert read and "13 møter" in html
    new.start, new.end = days(-400), days(-400) + datetime.timedelta(hours=2)
    new.save_revision().publish()
    commit_waiting()
    html = view(client, url + "?side=2")[0]
    assert "Nasjonalt temamøte" in html and "Tidligere møter" in html
    new.unpublish()
    commit_waiting()
    assert "12 møter" in view(client, url)[0]


def test_a_meeting_that_ends_is_past_within_the_minute(client, listed, monkeypatch):
    url = listed["index"].url
    html = view(client, url)[0]
    assert html.index("Snart ferdig") < html.index("Arbeidsmøte nr. 00")
    after_end = listed["soon"].end + datetime.timedelta(seconds=61)
    monkeypatch.setattr(timezone, "now", lambda: after_end)
    html, read = view(client, url)
    assert read and "Snart ferdig" not in html  # now the oldest: last, on page 2
    assert "Snart ferdig" in view(client, url + "?side=2")[0]


def test_a_rollouts_meetings_are_kept_and_follow_each_change(client, meeting_index, home_page):
    from tests.network.factories import RolloutIndexPageFactory, RolloutPageFactory

    rollout = RolloutPageFactory(
        parent=RolloutIndexPageFactory(parent=home_page), title="Kjernejournal"
    )
    first = meeting(meeting_index, days(4), title="Temamøte om Kjernejournal")
    first.rollouts.add(rollout)
    first.save_revision().publish()
    commit_waiting()
    html, read = view(client, rollout.url)
    assert read and "Temamøte om Kjernejournal" in html
    assert not view(client, rollout.url)[1]
    second = meeting(meeting_index, days(2), title="Fagdag om oppslag")
    second.rollouts.add(rollout)
    second.save_revision().publish()
    commit_waiting()
    html, read = view(client, rollout.url)
    assert read and html.index("Fagdag om oppslag") < html.index("Temamøte om Kjernejournal")
    first.rollouts.remove(rollout)
    first.save_revision().publish()
    commit_waiting()
    assert "Temamøte om Kjernejournal" not in view(client, rollout.url)[0]


def test_a_meetings_rollouts_are_kept_and_follow_each_change(client, meeting_index, home_page):
    from tests.network.factories import RolloutIndexPageFactory, RolloutPageFactory

    index = RolloutIndexPageFactory(parent=home_page)
    rollout = RolloutPageFactory(parent=index, title="Pasientens legemiddelliste")
    page = meeting(meeting_index, days(4), title="Temamøte om legemidler")
    page.rollouts.add(rollout)
    page.save_revision().publish()
    commit_waiting()

    def rollouts_read() -> tuple[str, bool]:
        with CaptureQueriesContext(connection) as queries:
            html = client.get(page.url).content.decode()
        return html, any('"network_rolloutpage"' in q["sql"] for q in queries.captured_queries)

    html, read = rollouts_read()
    assert read and "Pasientens legemiddelliste" in html
    assert not rollouts_read()[1]
    rollout.unpublish()
    commit_waiting()
    assert "Pasientens legemiddelliste" not in rollouts_read()[0]
    rollout.save_revision().publish()
    commit_waiting()
    assert "Pasientens legemiddelliste" in rollouts_read()[0]
    other = RolloutPageFactory(parent=index, title="Kjernejournal")
    page.rollouts.add(other)
    page.save_revision().publish()
    commit_waiting()
    assert "Kjernejournal" in rollouts_read()[0]
