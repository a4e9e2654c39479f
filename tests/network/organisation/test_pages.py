"""Nettverket: the municipality pages, the list, and working groups."""

import pytest

from network.models import (
    Municipality,
)
from tests.network.factories import (
    ContactPersonFactory,
    WorkingGroupMemberFactory,
    WorkingGroupPageFactory,
)


@pytest.mark.django_db
class TestMunicipalityPages:
    def test_municipality_page(self, client, network_page, rollouts, levels):
        from network.models import RolloutStatus

        vefsn = Municipality.objects.get(slug="vefsn")
        RolloutStatus.objects.create(
            municipality=vefsn,
            rollout=rollouts[0],
            level=levels["innforing"],
            current_step=rollouts[0].steps.get(title="Forberede"),
            note="Oppstart i hjemmetjenesten",
        )
        response = client.get("/nettverket/kommuner/vefsn/")
        html = response.content.decode()
        assert response.status_code == 200
        assert "Vefsn kommune" in html and "1824" in html
        assert 'data-color="warning">Innføring' in html and "Forberede" in html
        assert "Oppstart i hjemmetjenesten" in html
        # A rollout without a status says so in words.
        assert "Ikke registrert" in html
        assert 'aria-current="page">Vefsn' in html

    def test_unknown_municipality_is_a_404_page(self, client, network_page):
        response = client.get("/nettverket/kommuner/finnes-ikke/")
        assert response.status_code == 404
        assert "Vi fant ikke siden" in response.content.decode()

    def test_the_list_and_the_network_page(self, client, network_page):
        html = client.get("/nettverket/kommuner/").content.decode()
        assert html.count('<a class="ds-link" href="/nettverket/kommuner/') == 41 + 1  # + crumb
        assert "Hábmer" in html
        html = client.get("/nettverket/").content.decode()
        assert 'href="/nettverket/kommuner/heroy/">Herøy' in html

    def test_working_group_page(self, client, network_page):
        group = WorkingGroupPageFactory(parent=network_page, title="Koordineringsgruppe")
        WorkingGroupMemberFactory(
            page=group, contact_person=ContactPersonFactory(name="Ola Testesen"), group_role="Leder"
        )
        group.meetings = [
            ("meeting", {"date": "2026-02-12", "title": "Prioriteringer", "summary": "Kort."})
        ]
        group.save()
        html = client.get(group.url).content.decode()
        assert "Ola Testesen" in html and "Leder" in html
        assert "12. februar 2026" in html and "Prioriteringer" in html
        html = client.get(network_page.url).content.decode()
        assert f'href="{group.url}"' in html
