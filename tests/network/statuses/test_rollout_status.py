"""Every change of a municipality's rollout status is kept: who, when, old → new."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.urls import reverse

from network.models import Municipality, RolloutStatus, RolloutStatusChange


@pytest.fixture
def editor(db):
    return get_user_model().objects.create_superuser(
        "redaktor", "redaktor@example.org", "passord-123", first_name="Rita", last_name="Redaktør"
    )


@pytest.fixture
def vefsn(db):
    return Municipality.objects.get(slug="vefsn")


def test_creating_a_status_records_one_change(rollouts, levels, vefsn, editor):
    status = RolloutStatus(municipality=vefsn, rollout=rollouts[0], level=levels["forberedelse"])
    status.save(changed_by=editor)
    change = RolloutStatusChange.objects.get()
    assert change.status == status
    assert change.old_level is None and change.new_level == levels["forberedelse"]
    assert change.changed_by == editor


def test_each_change_records_exactly_one_row_with_old_and_new(rollouts, levels, vefsn, editor):
    steps = list(rollouts[0].steps.all())
    status = RolloutStatus.objects.create(
        municipality=vefsn, rollout=rollouts[0], level=levels["forberedelse"]
    )
    before = RolloutStatusChange.objects.count()

    status = RolloutStatus.objects.get(pk=status.pk)
    status.level = levels["innforing"]
    status.current_step = steps[1]
    status.since = datetime.date(2026, 1, 5)
    status.save(changed_by=editor)
    assert RolloutStatusChange.objects.count() == before + 1
    change = RolloutStatusChange.objects.first()
    assert (change.old_level, change.new_level) == (levels["forberedelse"], levels["innforing"])
    assert (change.old_step, change.new_step) == ("", "Forberede")
    assert (change.old_since, change.new_since) == (None, datetime.date(2026, 1, 5))
    assert change.changed_by == editor
    assert str(change).endswith("Forberedelse → Innføring")

    status.note = "Venter på leverandøren"
    status.save()
    assert RolloutStatusChange.objects.count() == before + 2
    note_change = RolloutStatusChange.objects.first()
    assert (note_change.old_note, note_change.new_note) == ("", "Venter på leverandøren")
    assert note_change.old_level == note_change.new_level == levels["innforing"]


def test_saving_without_a_change_records_nothing(rollouts, levels, vefsn):
    status = RolloutStatus.objects.create(
        municipality=vefsn, rollout=rollouts[0], level=levels["forberedelse"]
    )
    count = RolloutStatusChange.objects.count()
    status.save()
    RolloutStatus.objects.get(pk=status.pk).save()
    assert RolloutStatusChange.objects.count() == count


def test_a_step_of_another_rollout_is_refused(rollouts, levels, vefsn):
    other_step = rollouts[1].steps.first()
    status = RolloutStatus(
        municipality=vefsn, rollout=rollouts[0], level=levels["innforing"], current_step=other_step
    )
    with pytest.raises(ValidationError):
        status.full_clean()


def test_the_admin_records_the_editor(client, rollouts, levels, vefsn, editor):
    client.force_login(editor)
    add_url = reverse("wagtailsnippets_network_rolloutstatus:add")
    response = client.post(
        add_url,
        {
            "municipality": vefsn.pk,
            "rollout": rollouts[0].pk,
            "level": levels["forberedelse"].pk,
            "since": "2026-01-01",
            "current_step": "",
            "note": "",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    status = RolloutStatus.objects.get(municipality=vefsn, rollout=rollouts[0])
    assert RolloutStatusChange.objects.get().changed_by == editor

    edit_url = reverse("wagtailsnippets_network_rolloutstatus:edit", args=[status.pk])
    response = client.post(
        edit_url,
        {
            "municipality": vefsn.pk,
            "rollout": rollouts[0].pk,
            "level": levels["i-drift"].pk,
            "since": "2026-03-01",
            "current_step": rollouts[0].steps.last().pk,
            "note": "Alle tjenestene er med",
        },
    )
    assert response.status_code == 302
    assert RolloutStatusChange.objects.count() == 2
    change = RolloutStatusChange.objects.first()
    assert (change.old_level, change.new_level) == (levels["forberedelse"], levels["i-drift"])
    assert change.new_step == "Ta i bruk"
    assert change.changed_by == editor


def test_history_cannot_be_edited_in_the_admin(client, rollouts, levels, vefsn, editor):
    RolloutStatus.objects.create(municipality=vefsn, rollout=rollouts[0], level=levels["innforing"])
    change = RolloutStatusChange.objects.get()
    client.force_login(editor)
    listing = client.get(reverse("wagtailsnippets_network_rolloutstatuschange:list"))
    assert listing.status_code == 200
    edit = client.get(reverse("wagtailsnippets_network_rolloutstatuschange:edit", args=[change.pk]))
    assert edit.status_code in {302, 403}
    inspect = reverse("wagtailsnippets_network_rolloutstatuschange:inspect", args=[change.pk])
    assert client.get(inspect).status_code == 200


def test_the_rollout_page_shows_its_history(client, rollouts, levels, vefsn, editor):
    status = RolloutStatus.objects.create(
        municipality=vefsn, rollout=rollouts[0], level=levels["forberedelse"]
    )
    status.level = levels["i-drift"]
    status.save(changed_by=editor)
    html = client.get(rollouts[0].url).content.decode()
    history = html[html.index('id="history-heading"') :]
    assert "Forberedelse → I drift" in history
    assert "Ny → Forberedelse" in history
    # Who changed it is shown to members, not to the public.
    assert "Rita Redaktør" not in history
    client.force_login(editor)
    html = client.get(rollouts[0].url).content.decode()
    assert "Rita Redaktør" in html[html.index('id="history-heading"') :]
    # The history of another rollout is not on this page.
    assert "Forberedelse → I drift" not in client.get(rollouts[1].url).content.decode()
