"""The frame's parts (head metadata, header, breadcrumbs, footer) are drawn once per address
and frame version for anonymous readers, and anew for members and after any change that
makes a new frame version."""

import pytest

from tests.conftest import commit_waiting
from tests.factories import ContentPageFactory
from tests.network.helpers import make_member

pytestmark = pytest.mark.django_db

PARTS = {
    "portal/includes/head_meta.html",
    "portal/includes/header.html",
    "portal/includes/breadcrumbs.html",
    "portal/includes/footer.html",
}


def drawn(response) -> set[str]:
    return PARTS & {template.name for template in response.templates}


@pytest.fixture
def pages(home_page):
    parent = ContentPageFactory(parent=home_page, title="Om nettverket", slug="om")
    child = ContentPageFactory(parent=parent, title="Styringsgruppen", slug="styring")
    commit_waiting()
    return parent, child


def test_an_anonymous_reader_gets_the_parts_drawn_before(client, pages):
    _parent, child = pages
    assert drawn(client.get(child.url)) == PARTS
    again = client.get(child.url)
    assert drawn(again) == set()
    html = again.content.decode()
    assert "Styringsgruppen" in html and 'aria-current="page"' in html and "Logg inn" in html
    # Another address is drawn for its own: its own canonical address and login link.
    other = client.get(child.url + "?side=2")
    assert drawn(other) == PARTS
    assert "?side=2" in other.content.decode()


def test_members_get_their_own_header_every_time(client, pages):
    _parent, child = pages
    client.get(child.url)
    client.force_login(make_member())
    for _view in range(2):
        response = client.get(child.url)
        assert "portal/includes/header.html" in drawn(response)
        assert "Logg ut" in response.content.decode()


def test_a_published_change_to_an_ancestor_shows_in_the_breadcrumbs(client, pages):
    parent, child = pages
    client.get(child.url)
    parent.title = "Om E-helse Nordland"
    parent.save_revision().publish()
    commit_waiting()
    response = client.get(child.url)
    assert "portal/includes/breadcrumbs.html" in drawn(response)
    assert "Om E-helse Nordland" in response.content.decode()
