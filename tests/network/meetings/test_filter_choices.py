"""The filters of «Møter og fagdager» offer only what published meetings have. The choices are
kept between views, and the next view after a meeting, a tag, a rollout or an area changes
offers what is now there."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.conftest import commit_waiting
from tests.network.factories import RolloutIndexPageFactory, RolloutPageFactory
from tests.network.meetings.factories import oslo
from tests.network.meetings.helpers import meeting

pytestmark = pytest.mark.django_db


def select(html: str, name: str) -> str:
    start = html.index(f'name="{name}"')
    return html[start : html.index("</select>", start)]


def view(client, url) -> tuple[str, list[str]]:
    with CaptureQueriesContext(connection) as queries:
        html = client.get(url).content.decode()
    return html, [query["sql"] for query in queries.captured_queries]


def reads_choices(sqls) -> bool:
    return any("taggit_tag" in sql or "DATE_TRUNC" in sql.upper() for sql in sqls)


def test_choices_are_kept_and_follow_each_change(client, meeting_index, home_page):
    first = meeting(meeting_index, oslo(2025, 2, 10), title="Temamøtet")
    first.tags.add("samhandling")
    first.save_revision().publish()
    commit_waiting()
    html, sqls = view(client, meeting_index.url)
    assert reads_choices(sqls)
    assert "samhandling" in select(html, "emneord") and "2025" in select(html, "ar")

    html, sqls = view(client, meeting_index.url)
    assert not reads_choices(sqls)
    assert "samhandling" in select(html, "emneord")

    # A new meeting in a new year, with a new tag and a rollout: all offered at once.
    rollouts = RolloutIndexPageFactory(parent=home_page)
    kjernejournal = RolloutPageFactory(parent=rollouts, title="Kjernejournal", slug="kj")
    commit_waiting()
    second = meeting(meeting_index, oslo(2027, 5, 5), title="Arbeidsmøtet")
    second.tags.add("journal")
    second.rollouts.add(kjernejournal)
    second.save_revision().publish()
    commit_waiting()
    html, sqls = view(client, meeting_index.url)
    assert reads_choices(sqls)
    assert "2027" in select(html, "ar") and "journal" in select(html, "emneord")
    assert "Kjernejournal" in select(html, "innforingslop")

    # A meeting with nothing but a new year.
    meeting(meeting_index, oslo(2028, 1, 20), title="Fagdagen")
    commit_waiting()
    assert "2028" in select(view(client, meeting_index.url)[0], "ar")

    # Unpublished, its year, tag and rollout are offered no more.
    second.unpublish()
    commit_waiting()
    html, _sqls = view(client, meeting_index.url)
    assert "2027" not in select(html, "ar") and "journal" not in select(html, "emneord")
    assert "Kjernejournal" not in select(html, "innforingslop")


def test_a_renamed_rollout_is_offered_by_its_new_name(client, meeting_index, home_page):
    rollouts = RolloutIndexPageFactory(parent=home_page)
    rollout = RolloutPageFactory(parent=rollouts, title="Kjernejournal", slug="kj")
    one = meeting(meeting_index, oslo(2026, 3, 24), title="Fagdagen")
    one.rollouts.add(rollout)
    one.save_revision().publish()
    commit_waiting()
    view(client, meeting_index.url)
    rollout.title = "Kjernejournal for kommuner"
    rollout.save_revision().publish()
    commit_waiting()
    html, _sqls = view(client, meeting_index.url)
    assert "Kjernejournal for kommuner" in select(html, "innforingslop")
