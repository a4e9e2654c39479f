"""No status update is lost: two people pressing «Lagre» on the same rollout status at the
same moment, through the members' form or the Wagtail admin, never both get «oppdatert»;
one save wins and the other sees both values, with their own input kept."""

import re
import threading

import pytest
from django.contrib.auth import get_user_model
from django.db import connection, connections
from django.test import Client
from django.urls import reverse
from wagtail.models import Page

from network.choices import MemberRole
from network.models import (
    Membership,
    Municipality,
    RolloutStatus,
    RolloutStatusChange,
    RolloutStatusLevel,
)

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="real concurrent writers need PostgreSQL; CI runs this on PostgreSQL",
)

ROUNDS = 15
CONFLICT = "Noen andre har endret statusen"


@pytest.fixture
def world(django_db_setup, django_db_blocker):
    """Committed rows (other threads' connections must see them), removed afterwards without
    flushing the data the migrations made."""
    from tests.network.factories import RolloutIndexPageFactory, RolloutPageFactory

    User = get_user_model()
    with django_db_blocker.unblock():
        index = RolloutIndexPageFactory(parent=Page.get_first_root_node(), slug="samtidig-http")
        rollout = RolloutPageFactory(parent=index)
        vega = Municipality.objects.get(slug="vega")
        levels = list(RolloutStatusLevel.objects.order_by("sort_order"))
        status = RolloutStatus.objects.create(municipality=vega, rollout=rollout, level=levels[0])
        people = {}
        for name in ("anne", "bjorn"):
            people[name] = User.objects.create_user(f"{name}-samtidig", f"{name}@example.org")
            Membership.objects.create(
                user=people[name], municipality=vega, role=MemberRole.COORDINATOR
            )
        people["redaktor"] = User.objects.create_superuser(
            "redaktor-samtidig", "redaktor@example.org", "x" * 16
        )
        try:
            yield {"status": status, "levels": levels, "people": people, "vega": vega}
        finally:
            RolloutStatus.objects.filter(pk=status.pk).delete()
            Membership.objects.filter(user__in=people.values()).delete()
            User.objects.filter(pk__in=[u.pk for u in people.values()]).delete()
            index.delete()


def run_together(django_db_blocker, posts):
    """Send the POSTs {name: (user, url, data)} at the same moment; their status codes and
    pages by name."""
    barrier = threading.Barrier(len(posts))
    results = {}

    def send(name, user, url, data):
        with django_db_blocker.unblock():
            try:
                client = Client()
                client.force_login(user)
                barrier.wait(timeout=10)
                response = client.post(url, data)
                results[name] = (response.status_code, response.content.decode())
            finally:
                connections.close_all()

    threads = [threading.Thread(target=send, args=(n, *post)) for n, post in posts.items()]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def test_two_coordinators_saving_at_once_never_both_win(world, django_db_blocker):
    """Fifteen rounds of two coordinators saving the member form from the same version."""
    status, levels, people = world["status"], world["levels"], world["people"]
    url = f"/min-kommune/{world['vega'].slug}/innforingslop/{status.rollout_id}/"
    lost = 0
    for number in range(ROUNDS):
        with django_db_blocker.unblock():
            version = RolloutStatus.objects.get(pk=status.pk).version
        posts = {
            name: (
                people[name],
                url,
                {
                    "level": levels[(number + i) % len(levels)].pk,
                    "note": f"{name} {number}",
                    "version": version,
                },
            )
            for i, name in enumerate(("anne", "bjorn"))
        }
        results = run_together(django_db_blocker, posts)
        codes = sorted(code for code, _ in results.values())
        assert codes == [200, 302], results.keys()
        loser = next(name for name, (code, _) in results.items() if code == 200)
        winner = "bjorn" if loser == "anne" else "anne"
        page = results[loser][1]
        assert CONFLICT in page
        assert f"{loser} {number}" in page and f"{winner} {number}" in page  # mine and theirs
        with django_db_blocker.unblock():
            stored = RolloutStatus.objects.get(pk=status.pk).note
        lost += stored != f"{winner} {number}"
    assert lost == 0
    with django_db_blocker.unblock():
        assert RolloutStatusChange.objects.filter(status=status).count() == 1 + ROUNDS


def test_a_coordinator_and_an_editor_in_the_admin_saving_at_once(world, django_db_blocker):
    """The admin's edit form and a member's form saving at once: one wins, one is warned."""
    status, levels, people = world["status"], world["levels"], world["people"]
    member_url = f"/min-kommune/{world['vega'].slug}/innforingslop/{status.rollout_id}/"
    admin_url = reverse("wagtailsnippets_network_rolloutstatus:edit", args=[status.pk])
    for number in range(ROUNDS):
        with django_db_blocker.unblock():
            version = RolloutStatus.objects.get(pk=status.pk).version
        admin_data = {
            "municipality": world["vega"].pk,
            "rollout": status.rollout_id,
            "level": levels[1].pk,
            "since": "",
            "current_step": "",
            "note": f"redaktør {number}",
            "seen_version": version,
        }
        member_data = {"level": levels[2].pk, "note": f"koordinator {number}", "version": version}
        results = run_together(
            django_db_blocker,
            {
                "redaktor": (people["redaktor"], admin_url, admin_data),
                "anne": (people["anne"], member_url, member_data),
            },
        )
        codes = sorted(code for code, _ in results.values())
        assert codes == [200, 302], {name: code for name, (code, _) in results.items()}
        loser = next(name for name, (code, _) in results.items() if code == 200)
        assert CONFLICT in results[loser][1]
        expected = f"koordinator {number}" if loser == "redaktor" else f"redaktør {number}"
        with django_db_blocker.unblock():
            assert RolloutStatus.objects.get(pk=status.pk).note == expected


def test_the_forms_carry_the_version_they_were_shown(world, django_db_blocker):
    """Both forms carry the version the person saw, so a stale save can be recognised."""
    status, people = world["status"], world["people"]
    with django_db_blocker.unblock():
        client = Client()
        client.force_login(people["anne"])
        url = f"/min-kommune/{world['vega'].slug}/innforingslop/{status.rollout_id}/"
        member_form = client.get(url).content.decode()
        client.force_login(people["redaktor"])
        admin_url = reverse("wagtailsnippets_network_rolloutstatus:edit", args=[status.pk])
        admin_form = client.get(admin_url).content.decode()
        version = str(RolloutStatus.objects.get(pk=status.pk).version)
    assert re.search(r'name="version" value="(\d+)"', member_form).group(1) == version
    assert re.search(r'name="seen_version" value="(\d+)"', admin_form).group(1) == version


@pytest.mark.django_db
def test_a_save_from_an_old_version_is_refused_even_without_a_race(client, home_page):
    """A save that starts from a version older than the stored one is refused and shown."""
    from tests.network.factories import RolloutIndexPageFactory, RolloutPageFactory
    from tests.network.helpers import make_member

    rollout = RolloutPageFactory(parent=RolloutIndexPageFactory(parent=home_page))
    vega = Municipality.objects.get(slug="vega")
    levels = list(RolloutStatusLevel.objects.order_by("sort_order"))
    status = RolloutStatus.objects.create(municipality=vega, rollout=rollout, level=levels[0])
    client.force_login(make_member("kari", vega, MemberRole.COORDINATOR))
    url = f"/min-kommune/{vega.slug}/innforingslop/{rollout.pk}/"
    fresh = {"level": levels[1].pk, "note": "Først", "version": status.version}
    assert client.post(url, fresh).status_code == 302
    stale = {"level": levels[2].pk, "note": "Gammel side", "version": status.version}
    response = client.post(url, stale)
    assert response.status_code == 200 and CONFLICT in response.content.decode()
    assert RolloutStatus.objects.get(pk=status.pk).note == "Først"
