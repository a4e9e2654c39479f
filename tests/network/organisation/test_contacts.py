"""Contact persons who have not agreed to be published are shown only to members."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser

from network.models import ContactPerson, Municipality
from network.organisation.access import is_network_member
from tests.network.factories import (
    ContactPersonFactory,
    ProjectPageFactory,
    WorkingGroupMemberFactory,
    WorkingGroupPageFactory,
)

HIDDEN = "Skjult Hemmeligsen"
SHOWN = "Synlig Offentligsen"


@pytest.fixture
def people(network_page, rollouts, project_index):
    vefsn = Municipality.objects.get(slug="vefsn")
    hidden = ContactPersonFactory(
        name=HIDDEN,
        email="skjult@example.org",
        organisation_type="kommune",
        municipality=vefsn,
        regional_team=True,
        publish=False,
    )
    shown = ContactPersonFactory(
        name=SHOWN,
        email="synlig@example.org",
        organisation_type="kommune",
        municipality=vefsn,
        regional_team=True,
        publish=True,
    )
    for person in (hidden, shown):
        person.rollouts.add(rollouts[0])
    group = WorkingGroupPageFactory(parent=network_page, title="Utvalg for tjenesteregister")
    WorkingGroupMemberFactory(page=group, contact_person=hidden, group_role="Leder")
    WorkingGroupMemberFactory(page=group, contact_person=shown, group_role="Medlem")
    project = ProjectPageFactory(parent=project_index, contact=hidden)
    return {
        "hidden": hidden,
        "urls": [
            network_page.url,
            network_page.url + "kommuner/vefsn/",
            network_page.url + "kontaktpersoner/",
            group.url,
            rollouts[0].url,
        ],
        "project_url": project.url,
    }


@pytest.fixture
def member(db):
    """A network member: a user with a membership of a municipality."""
    from network.models import Membership, Municipality

    user = get_user_model().objects.create_user("medlem", "medlem@example.org", "passord-123")
    Membership.objects.create(user=user, municipality=Municipality.objects.get(slug="vefsn"))
    return user


def test_the_rule(member):
    assert not is_network_member(AnonymousUser())
    assert not is_network_member(None)
    # Logged in is not enough: a membership (or being an editor) is.
    assert not is_network_member(get_user_model().objects.create_user("x"))
    assert is_network_member(member)


def test_anonymous_visitors_see_only_the_published(client, people):
    for url in people["urls"]:
        html = client.get(url).content.decode()
        assert SHOWN in html, url
        assert HIDDEN not in html, url
        assert "skjult@example.org" not in html, url
    assert HIDDEN not in client.get(people["project_url"]).content.decode()


def test_members_see_everybody(client, people, member):
    client.force_login(member)
    for url in people["urls"]:
        html = client.get(url).content.decode()
        assert SHOWN in html and HIDDEN in html, url
    project = client.get(people["project_url"]).content.decode()
    assert HIDDEN in project and "Bare for innloggede" in project


def test_search_finds_only_the_published_for_anonymous(client, people):
    url = people["urls"][2]
    anonymous = client.get(url, {"q": "Hemmeligsen"}).content.decode()
    assert "0 treff" in anonymous and "skjult@example.org" not in anonymous
    assert "1 treff" in client.get(url, {"q": "Offentligsen"}).content.decode()
    # The site-wide search does not find the person through the pages they appear on.
    site_search = client.get("/sok/", {"q": "Hemmeligsen"}).content.decode()
    assert "skjult@example.org" not in site_search
    assert "0 treff" in site_search or "Ingen treff" in site_search
    # The queryset public views are built on.
    assert list(ContactPerson.objects.published().search("Hemmeligsen")) == []


def test_search_finds_the_unpublished_for_members(client, people, member):
    client.force_login(member)
    html = client.get(people["urls"][2], {"q": "Hemmeligsen"}).content.decode()
    assert "1 treff" in html and HIDDEN in html


def test_no_json_endpoint_is_exposed(client, people):
    """Wagtail's API is not enabled: nothing answers under /api/."""
    assert client.get("/api/v2/pages/").status_code == 404


def test_areas_of_responsibility_link_to_htm_areas(client, home_page, network_page):
    from tests.htm.factories import HtmModelPageFactory, TaskAreaPageFactory, TaskGroupPageFactory

    model = HtmModelPageFactory(parent=home_page)
    group = TaskGroupPageFactory(parent=model)
    area = TaskAreaPageFactory(parent=group, title="Opplæring", slug="opplaering")
    person = ContactPersonFactory(name="Ansvarlig Person", regional_team=True)
    person.htm_areas.add(area)
    html = client.get(network_page.url).content.decode()
    card = html[html.index("Ansvarlig Person") :]
    assert f'href="{area.url}">Opplæring</a>' in card[: card.index("</li>")]
