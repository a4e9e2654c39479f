"""The model's overview is drawn once per page it is shown on and kept as HTML; the next view
after a change to the model (a renamed, added or unpublished phase or area) shows it."""

import pytest

from tests.conftest import commit_waiting
from tests.htm.factories import PhasePageFactory, build_model

pytestmark = pytest.mark.django_db

OVERVIEW = "htm/includes/overview.html"


def drawn(client, url) -> tuple[str, bool]:
    """The HTML, and whether the overview template was drawn for it."""
    response = client.get(url)
    return response.content.decode(), OVERVIEW in {t.name for t in response.templates}


@pytest.fixture
def model(home_page):
    model, phases, areas, _roles = build_model(home_page)
    commit_waiting()
    return model, phases, areas


def test_each_page_draws_the_overview_once_with_its_own_box_marked(client, model):
    model_page, phases, areas = model
    for page in (model_page, phases[1], areas[0], areas[0].get_parent()):
        assert drawn(client, page.url)[1]
        html, again = drawn(client, page.url)
        assert not again
        if page is not model_page:
            # The page's own box is the one marked as current, on every view.
            marked = html.split('aria-current="page"')[0].rsplit("href=", 1)[1]
            assert page.url in marked


def test_a_change_to_the_model_shows_on_the_next_view(client, model):
    model_page, phases, areas = model
    for page in (model_page, phases[0]):
        drawn(client, page.url)
    phases[1].title = "Behov oppstår (ny)"
    phases[1].save_revision().publish()
    PhasePageFactory(parent=model_page, number=5, title="Avslutning")
    areas[1].unpublish()
    commit_waiting()
    for page in (model_page, phases[0]):
        html, redrawn = drawn(client, page.url)
        assert redrawn
        assert "Behov oppstår (ny)" in html and "Avslutning" in html
        assert areas[1].title not in html


BODY = "htm/includes/item_body.html"


def test_an_items_checklists_and_roles_are_drawn_once_and_follow_each_change(client, model):
    from htm.models import Role

    _model_page, phases, areas = model
    phase = phases[0]
    assert BODY in {t.name for t in client.get(phase.url).templates}
    again = client.get(phase.url)
    assert BODY not in {t.name for t in again.templates}
    assert "Mål 1" in again.content.decode()
    # A published change to the page, and a renamed role, show on the next view.
    phase.goals = [("item", "Et nytt mål")]
    phase.save_revision().publish()
    role = Role.objects.get(pk=phase.role_links.first().role_id)
    role.name = "Omdøpt rolle"
    role.save()
    commit_waiting()
    html = client.get(phase.url).content.decode()
    assert "Et nytt mål" in html and "Mål 1" not in html and "Omdøpt rolle" in html
    # Another page's body is its own.
    assert "Et nytt mål" not in client.get(areas[0].url).content.decode()
