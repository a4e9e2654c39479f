"""«Nettverket» keeps its members, cohorts and regional team as HTML, one copy for the public
and one for network members, and shows each change on the very next view."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.conftest import commit_waiting
from tests.network.factories import ContactPersonFactory
from tests.network.helpers import make_member

pytestmark = pytest.mark.django_db

CARD = "network/organisation/includes/contact_card.html"


def view(client, url) -> tuple[str, int]:
    with CaptureQueriesContext(connection) as queries:
        html = client.get(url).content.decode()
    return html, len(queries.captured_queries)


@pytest.fixture
def team(network_page):
    shown = ContactPersonFactory(name="Kari Rådgiver", regional_team=True)
    ContactPersonFactory(name="Per Upublisert", regional_team=True, publish=False)
    commit_waiting()
    return shown


def drawn(client, url) -> set[str]:
    """The templates a view rendered."""
    return {template.name for template in client.get(url).templates}


def test_the_directory_is_drawn_once_per_kind_of_reader(client, network_page, team):
    assert CARD in drawn(client, network_page.url)
    assert CARD not in drawn(client, network_page.url)
    again = view(client, network_page.url)[0]
    assert "Kari Rådgiver" in again and "Per Upublisert" not in again
    client.force_login(make_member())
    html = client.get(network_page.url).content.decode()
    assert "Kari Rådgiver" in html and "Per Upublisert" in html


def test_a_renamed_person_shows_at_once(client, network_page, team):
    view(client, network_page.url)
    team.name = "Kari Omdøpt"
    team.save()
    commit_waiting()
    html = view(client, network_page.url)[0]
    assert "Kari Omdøpt" in html and "Kari Rådgiver" not in html


def test_a_moved_network_page_moves_its_links(client, network_page, team):
    view(client, network_page.url)
    network_page.slug = "nettverk"
    network_page.save_revision().publish()
    commit_waiting()
    html = view(client, "/nettverk/")[0]
    assert 'href="/nettverk/kommuner/' in html and 'href="/nettverket/kommuner/' not in html


GROUPS = "network/organisation/includes/network_groups.html"


def test_the_working_groups_and_governance_are_drawn_once_and_follow_each_change(
    client, network_page, home_page
):
    from tests.network.factories import WorkingGroupPageFactory

    linked = WorkingGroupPageFactory(parent=network_page, title="Koordineringsgruppe")
    network_page.governance = [("link", {"title": "", "page": linked, "url": ""})]
    network_page.save_revision().publish()
    commit_waiting()
    first = client.get(network_page.url)
    assert GROUPS in {template.name for template in first.templates}
    again = client.get(network_page.url)
    assert GROUPS not in {template.name for template in again.templates}
    assert again.content.decode().count("Koordineringsgruppe") == 2  # the list and the link
    # A new group, a renamed group (also in the governance link), a changed governance.
    WorkingGroupPageFactory(parent=network_page, title="Faggruppe HTM")
    commit_waiting()
    assert "Faggruppe HTM" in view(client, network_page.url)[0]
    linked.title = "Styringsgruppe"
    linked.save_revision().publish()
    commit_waiting()
    html = view(client, network_page.url)[0]
    assert "Koordineringsgruppe" not in html and html.count("Styringsgruppe") == 2
    network_page.refresh_from_db()
    network_page.governance = []
    network_page.save_revision().publish()
    commit_waiting()
    assert view(client, network_page.url)[0].count("Styringsgruppe") == 1
