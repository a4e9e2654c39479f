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
