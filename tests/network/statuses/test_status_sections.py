"""A rollout page's status table and history: kept in the cache between views (even with the
page cache off), and shown anew on the very next view after a municipality saves a status."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from network.models import Municipality, RolloutStatus
from tests.conftest import commit_waiting

pytestmark = pytest.mark.django_db


def row_of(html: str, name: str) -> str:
    """The status table's row of one municipality."""
    table = html[html.index('id="status-caption"') : html.index('id="history-heading"')]
    return next(row for row in table.split("<tr>") if name in row)


def history_of(html: str) -> str:
    return html[html.index('id="history-heading"') :]


def status_reads(queries) -> list[str]:
    return [q["sql"] for q in queries.captured_queries if "network_rolloutstatus" in q["sql"]]


def test_a_saved_status_shows_on_the_next_view_and_the_table_is_kept_between(
    client, rollouts, levels
):
    vefsn = Municipality.objects.get(slug="vefsn")
    url = rollouts[0].url
    status = RolloutStatus.objects.create(
        municipality=vefsn, rollout=rollouts[0], level=levels["forberedelse"]
    )
    commit_waiting()  # as after the municipality's save: its transaction is committed

    assert "Forberedelse" in row_of(client.get(url).content.decode(), "Vefsn")
    with CaptureQueriesContext(connection) as queries:
        again = client.get(url).content.decode()
    assert status_reads(queries) == []
    assert "Forberedelse" in row_of(again, "Vefsn")

    status.level = levels["i-drift"]
    status.save()
    commit_waiting()
    with CaptureQueriesContext(connection) as queries:
        html = client.get(url).content.decode()
    assert status_reads(queries)
    assert "I drift" in row_of(html, "Vefsn")
    assert "Forberedelse → I drift" in history_of(html)


def test_another_rollouts_status_leaves_the_table_kept(client, rollouts, levels):
    vefsn = Municipality.objects.get(slug="vefsn")
    RolloutStatus.objects.create(municipality=vefsn, rollout=rollouts[0], level=levels["i-drift"])
    commit_waiting()
    client.get(rollouts[0].url)
    RolloutStatus.objects.create(
        municipality=vefsn, rollout=rollouts[1], level=levels["forberedelse"]
    )
    commit_waiting()
    with CaptureQueriesContext(connection) as queries:
        html = client.get(rollouts[0].url).content.decode()
    assert status_reads(queries) == []
    assert "I drift" in row_of(html, "Vefsn")


def test_members_see_who_changed_it_and_the_public_copy_never_shows_them(
    client, rollouts, levels, django_user_model
):
    from network.organisation.access import is_network_member

    editor = django_user_model.objects.create_superuser(
        "redaktor", "redaktor@example.org", "passord-123", first_name="Rita", last_name="Redaktør"
    )
    assert is_network_member(editor)
    vefsn = Municipality.objects.get(slug="vefsn")
    status = RolloutStatus.objects.create(
        municipality=vefsn, rollout=rollouts[0], level=levels["forberedelse"]
    )
    status.level = levels["i-drift"]
    status.save(changed_by=editor)
    commit_waiting()
    client.force_login(editor)
    assert "Rita Redaktør" in history_of(client.get(rollouts[0].url).content.decode())
    client.logout()
    assert "Rita Redaktør" not in history_of(client.get(rollouts[0].url).content.decode())


def test_a_renamed_rollout_shows_its_new_name_in_the_table(client, rollouts, levels):
    # Without steps, which a publish saves again (and which the table shows): the name alone.
    rollouts[0].steps.all().delete()
    vefsn = Municipality.objects.get(slug="vefsn")
    RolloutStatus.objects.create(municipality=vefsn, rollout=rollouts[0], level=levels["i-drift"])
    commit_waiting()
    client.get(rollouts[0].url)
    rollouts[0].title = "Kjernejournal for kommuner"
    rollouts[0].save_revision().publish()
    commit_waiting()
    html = client.get(rollouts[0].url).content.decode()
    assert "Status for hver kommune i Kjernejournal for kommuner" in html
