"""A working group's members come from the contact directory kept in the cache: the page reads
only the group's own rows, shows each person as the reader may see them, and shows a change
to a person or to the group's rows on the very next view."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from network.organisation.contexts import persons_name
from portal.pagecache import data
from tests.conftest import commit_waiting
from tests.network.factories import (
    ContactPersonFactory,
    WorkingGroupMemberFactory,
    WorkingGroupPageFactory,
)
from tests.network.helpers import make_member

pytestmark = pytest.mark.django_db


def view(client, url) -> tuple[str, bool]:
    """The HTML, and whether contact persons were read from the database."""
    with CaptureQueriesContext(connection) as queries:
        html = client.get(url).content.decode()
    return html, any('FROM "network_contactperson"' in q["sql"] for q in queries.captured_queries)


@pytest.fixture
def group(network_page):
    page = WorkingGroupPageFactory(parent=network_page, title="Koordineringsgruppe")
    leader = ContactPersonFactory(name="Kari Leder")
    hidden = ContactPersonFactory(name="Per Skjult", publish=False)
    WorkingGroupMemberFactory(page=page, contact_person=leader, group_role="Leder")
    WorkingGroupMemberFactory(page=page, contact_person=hidden, group_role="Sekretær")
    commit_waiting()
    return {"page": page, "leader": leader}


def test_members_come_from_the_kept_directory(client, group):
    view(client, group["page"].url)
    html, read_people = view(client, group["page"].url)
    assert not read_people
    assert "Kari Leder" in html and "Leder" in html
    assert "Per Skjult" not in html


def test_the_group_keeps_its_own_persons_not_the_whole_directory(client, group):
    ContactPersonFactory(name="Outsider Utenfor")
    commit_waiting()
    view(client, group["page"].url)
    ids = [member.contact_person_id for member in group["page"].members.all()]
    kept = cache.get(f"{data.KEY_PREFIX}network:contacts:published:{persons_name(ids)}")
    assert [person.name for person in kept[0]] == ["Kari Leder"]


def test_network_members_also_see_the_unpublished(client, group, network_page):
    client.force_login(make_member())
    html = client.get(group["page"].url).content.decode()
    assert "Kari Leder" in html and "Per Skjult" in html


def test_a_renamed_person_and_a_new_member_show_at_once(client, group):
    view(client, group["page"].url)
    group["leader"].name = "Kari Nyttnavn"
    group["leader"].save()
    WorkingGroupMemberFactory(
        page=group["page"], contact_person=ContactPersonFactory(name="Ola Ny"), group_role=""
    )
    commit_waiting()
    html = view(client, group["page"].url)[0]
    assert "Kari Nyttnavn" in html and "Kari Leder" not in html and "Ola Ny" in html


def test_a_rollouts_and_a_projects_contacts_follow_each_change(client, home_page):
    from tests.network.factories import (
        ProjectIndexPageFactory,
        ProjectPageFactory,
        RolloutIndexPageFactory,
        RolloutPageFactory,
    )

    rollout = RolloutPageFactory(parent=RolloutIndexPageFactory(parent=home_page))
    person = ContactPersonFactory(name="Kari Kontakt")
    person.rollouts.add(rollout)
    project = ProjectPageFactory(
        parent=ProjectIndexPageFactory(parent=home_page), contact=person, title="Løftet"
    )
    commit_waiting()
    for url in (rollout.url, project.url):
        view(client, url)
        html, read_people = view(client, url)
        assert "Kari Kontakt" in html and not read_people
    # Each page keeps its own few persons, not a filter over the whole directory.
    for selection in (f"rollout:{rollout.pk}", f"person:{person.pk}"):
        kept = cache.get(f"{data.KEY_PREFIX}network:contacts:published:{selection}")
        assert [p.name for p in kept[0]] == ["Kari Kontakt"]
    person.name = "Kari Omdøpt"
    person.save()
    commit_waiting()
    for url in (rollout.url, project.url):
        html = view(client, url)[0]
        assert "Kari Omdøpt" in html and "Kari Kontakt" not in html
    person.rollouts.remove(rollout)
    commit_waiting()
    assert "Kari Omdøpt" not in view(client, rollout.url)[0]


def test_a_rollouts_contact_cards_are_drawn_once_and_a_first_contact_shows(client, home_page):
    from tests.network.factories import RolloutIndexPageFactory, RolloutPageFactory

    card = "network/organisation/includes/contact_card.html"
    rollout = RolloutPageFactory(parent=RolloutIndexPageFactory(parent=home_page))
    commit_waiting()
    assert "Kontaktpersoner" not in view(client, rollout.url)[0]
    person = ContactPersonFactory(name="Kari Første")
    person.rollouts.add(rollout)
    commit_waiting()
    first = client.get(rollout.url)
    assert "Kari Første" in first.content.decode()
    assert card in {template.name for template in first.templates}
    again = client.get(rollout.url)
    assert card not in {template.name for template in again.templates}
    assert "Kari Første" in again.content.decode()
