"""Nobody's status update is lost: two people saving the same status at once, a stale
member form and a stale admin form are all refused with both values shown, for the rollout
status and the HTM task status alike (they share the machinery of statuses/base.py)."""

import re
import threading

import pytest
from django.db import connection, connections
from django.urls import reverse
from wagtail.models import Page

from network.choices import MemberRole
from network.models import (
    Municipality,
    RolloutStatus,
    RolloutStatusChange,
    RolloutStatusLevel,
    TaskStatus,
)
from network.statuses.base import StatusConflict
from tests.network.helpers import make_member


def form_url(vega, rollout):
    return f"/min-kommune/{vega.slug}/innforingslop/{rollout.pk}/"


def shown_version(html: str) -> str:
    return re.search(r'name="version" value="(\d*)"', html).group(1)


class TestModel:
    def test_two_saves_from_the_same_version_cannot_both_win(self, rollouts, levels, vega):
        RolloutStatus.objects.create(
            municipality=vega, rollout=rollouts[0], level=levels["forberedelse"]
        )
        first = RolloutStatus.objects.get(municipality=vega)
        second = RolloutStatus.objects.get(municipality=vega)
        first.note = "Første"
        first.save()
        second.note = "Andre"
        with pytest.raises(StatusConflict) as conflict:
            second.save()
        assert conflict.value.current.note == "Første"
        stored = RolloutStatus.objects.get(municipality=vega)
        assert stored.note == "Første" and stored.version == 2
        assert RolloutStatusChange.objects.filter(new_note="Andre").count() == 0

    def test_a_status_created_twice_is_a_conflict_not_an_error(self, rollouts, levels, vega):
        RolloutStatus.objects.create(
            municipality=vega, rollout=rollouts[0], level=levels["innforing"]
        )
        late = RolloutStatus(municipality=vega, rollout=rollouts[0], level=levels["i-drift"])
        with pytest.raises(StatusConflict) as conflict:
            late.save()
        assert conflict.value.current.level == levels["innforing"]

    def test_the_task_status_uses_the_same_scheme(self, htm_tasks, task_levels, vega):
        TaskStatus.objects.create(
            municipality=vega, task=htm_tasks[0], level=task_levels["organisert"]
        )
        first, second = (TaskStatus.objects.get(municipality=vega) for _ in range(2))
        first.comment = "Først"
        first.save()
        second.comment = "Sist"
        with pytest.raises(StatusConflict):
            second.save()
        assert TaskStatus.objects.get(municipality=vega).comment == "Først"

    def test_saving_without_a_change_needs_no_version(self, rollouts, levels, vega):
        status = RolloutStatus.objects.create(
            municipality=vega, rollout=rollouts[0], level=levels["innforing"]
        )
        stale = RolloutStatus.objects.get(pk=status.pk)
        status.note = "Ny merknad"
        status.save()
        stale.save()  # nothing tracked changed: not a conflict, and nothing is overwritten
        assert RolloutStatus.objects.get(pk=status.pk).note == "Ny merknad"


class TestMemberForm:
    def test_two_coordinators_saving_from_the_same_page(self, client, rollouts, levels, vega):
        rollout = rollouts[0]
        RolloutStatus.objects.create(
            municipality=vega, rollout=rollout, level=levels["forberedelse"]
        )
        anne = make_member("anne", vega, MemberRole.COORDINATOR)
        bjorn = make_member("bjorn", vega, MemberRole.COORDINATOR)
        client.force_login(anne)
        version = shown_version(client.get(form_url(vega, rollout)).content.decode())
        first = {"level": levels["innforing"].pk, "note": "Annes merknad", "version": version}
        second = {"level": levels["i-drift"].pk, "note": "Bjørns merknad", "version": version}
        assert client.post(form_url(vega, rollout), first).status_code == 302
        client.force_login(bjorn)
        response = client.post(form_url(vega, rollout), second)
        assert response.status_code == 200
        html = response.content.decode()
        assert "Noen andre har endret statusen" in html
        assert "Annes merknad" in html and "Bjørns merknad" in html  # theirs shown, mine kept
        status = RolloutStatus.objects.get(municipality=vega, rollout=rollout)
        assert (status.note, status.level) == ("Annes merknad", levels["innforing"])
        # Saving again from the conflict page is deliberate, and goes through.
        again = {**second, "version": shown_version(html)}
        assert client.post(form_url(vega, rollout), again).status_code == 302
        assert RolloutStatus.objects.get(pk=status.pk).note == "Bjørns merknad"
        assert RolloutStatusChange.objects.filter(status=status).count() == 3

    def test_the_same_values_twice_are_no_conflict(self, client, rollouts, levels, vega):
        rollout = rollouts[0]
        coordinator = make_member("anne", vega, MemberRole.COORDINATOR)
        client.force_login(coordinator)
        data = {"level": levels["innforing"].pk, "note": "Likt", "version": "0"}
        assert client.post(form_url(vega, rollout), data).status_code == 302
        assert client.post(form_url(vega, rollout), data).status_code == 302
        assert RolloutStatusChange.objects.count() == 1


class TestAdmin:
    def edit_data(self, status, levels, note, seen_version):
        return {
            "municipality": status.municipality_id,
            "rollout": status.rollout_id,
            "level": levels["innforing"].pk,
            "since": "",
            "current_step": "",
            "note": note,
            "seen_version": seen_version,
        }

    def test_a_stale_admin_form_does_not_overwrite_a_members_save(
        self, client, rollouts, levels, vega, editor
    ):
        status = RolloutStatus.objects.create(
            municipality=vega, rollout=rollouts[0], level=levels["forberedelse"]
        )
        client.force_login(editor)
        edit_url = reverse("wagtailsnippets_network_rolloutstatus:edit", args=[status.pk])
        html = client.get(edit_url).content.decode()
        seen = re.search(r'name="seen_version" value="(\d+)"', html).group(1)
        # A coordinator saves while the editor's form is open.
        fresh = RolloutStatus.objects.get(pk=status.pk)
        fresh.note = "Koordinatorens merknad"
        fresh.save()
        response = client.post(edit_url, self.edit_data(status, levels, "Redaktørens", seen))
        assert response.status_code == 200
        assert "Noen andre har endret statusen" in response.content.decode()
        assert RolloutStatus.objects.get(pk=status.pk).note == "Koordinatorens merknad"
        # With the version the form shows now, the editor's save goes through.
        current = str(RolloutStatus.objects.get(pk=status.pk).version)
        response = client.post(edit_url, self.edit_data(status, levels, "Redaktørens", current))
        assert response.status_code == 302
        assert RolloutStatus.objects.get(pk=status.pk).note == "Redaktørens"


@pytest.fixture
def committed_status(django_db_setup, django_db_blocker):
    """A rollout status committed to the test database, so that other threads' connections
    see it, and removed again afterwards (no flush: the data the migrations made stays)."""
    from tests.network.factories import RolloutIndexPageFactory, RolloutPageFactory

    with django_db_blocker.unblock():
        index = RolloutIndexPageFactory(parent=Page.get_first_root_node(), slug="samtidig")
        rollout = RolloutPageFactory(parent=index)
        level = RolloutStatusLevel.objects.get(slug="forberedelse")
        vega = Municipality.objects.get(slug="vega")
        status = RolloutStatus.objects.create(municipality=vega, rollout=rollout, level=level)
        try:
            yield status
        finally:
            RolloutStatus.objects.filter(pk=status.pk).delete()
            index.delete()


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="real concurrent writers need PostgreSQL; CI runs this on PostgreSQL",
)
def test_concurrent_saves_never_silently_overwrite_each_other(committed_status, django_db_blocker):
    """Fifteen rounds of two coordinators pressing «Lagre» at the same moment, each from the
    version their form showed: in every round exactly one save wins and the other is told."""
    status = committed_status
    for round_number in range(15):
        with django_db_blocker.unblock():
            version = RolloutStatus.objects.get(pk=status.pk).version
        barrier = threading.Barrier(2)
        outcomes = {}

        def save(name, version=version, barrier=barrier, outcomes=outcomes, number=round_number):
            with django_db_blocker.unblock():
                try:
                    mine = RolloutStatus.objects.get(pk=status.pk)
                    mine.note = f"{name} {number}"
                    mine.expect_version(version)
                    barrier.wait(timeout=10)
                    mine.save()
                    outcomes[name] = "saved"
                except StatusConflict:
                    outcomes[name] = "conflict"
                finally:
                    connections.close_all()

        threads = [threading.Thread(target=save, args=(name,)) for name in ("anne", "bjorn")]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert sorted(outcomes.values()) == ["conflict", "saved"], outcomes
        winner = next(name for name, outcome in outcomes.items() if outcome == "saved")
        with django_db_blocker.unblock():
            assert RolloutStatus.objects.get(pk=status.pk).note == f"{winner} {round_number}"
    with django_db_blocker.unblock():
        assert RolloutStatusChange.objects.filter(status=status).count() == 1 + 15
