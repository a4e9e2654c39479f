"""«Aktiviteter og prosjekter» keeps its newest projects per level and the number of news
items and projects in the cache between views, and every change to them shows on the very
next view: a project or news item published, unpublished or moved to another level."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from network.news.pages import NEWS_PER_PAGE
from tests.conftest import commit_waiting
from tests.network.factories import NewsPageFactory, ProjectPageFactory

pytestmark = pytest.mark.django_db


def view(client, url) -> tuple[str, list[str]]:
    """The page's HTML and the SQL it ran."""
    with CaptureQueriesContext(connection) as queries:
        html = client.get(url).content.decode()
    return html, [q["sql"] for q in queries.captured_queries]


def counted(sql: list[str]) -> bool:
    return any("COUNT(" in q for q in sql)


def read_projects(sql: list[str]) -> bool:
    return any('"network_projectpage"' in q for q in sql)


@pytest.fixture
def listed(project_index):
    ProjectPageFactory(parent=project_index, title="Felles kompetanseløft", scope="regionalt")
    for n in range(NEWS_PER_PAGE):
        NewsPageFactory(parent=project_index, title=f"Melding {n}", date=f"2026-01-{n + 1:02}")
    commit_waiting()
    return project_index


def test_the_levels_and_the_news_count_are_read_once(client, listed):
    html, sql = view(client, listed.url)
    assert read_projects(sql) and counted(sql) and "Felles kompetanseløft" in html
    html, sql = view(client, listed.url)
    assert not read_projects(sql) and not counted(sql)
    assert "Felles kompetanseløft" in html and "Melding 9" in html


def test_a_new_news_item_adds_a_second_page_at_once(client, listed):
    html, _ = view(client, listed.url)
    assert "?side=2" not in html
    NewsPageFactory(parent=listed, title="Den ellevte", date="2026-03-01")
    commit_waiting()
    html, sql = view(client, listed.url)
    assert counted(sql) and "?side=2" in html and "Den ellevte" in html
    assert "Melding 0" in view(client, listed.url + "?side=2")[0]


def test_projects_published_unpublished_and_moved_show_at_once(client, listed):
    view(client, listed.url)
    national = ProjectPageFactory(parent=listed, title="Nasjonal utrulling", scope="nasjonalt")
    commit_waiting()
    html, sql = view(client, listed.url)
    assert read_projects(sql) and "Nasjonal utrulling" in html
    regional_list = listed.url + "prosjekter/regionalt/"
    assert "Nasjonal utrulling" not in view(client, regional_list)[0]
    view(client, regional_list)
    national.scope = "regionalt"
    national.save_revision().publish()
    commit_waiting()
    assert "Nasjonal utrulling" in view(client, regional_list)[0]
    national.unpublish()
    commit_waiting()
    assert "Nasjonal utrulling" not in view(client, listed.url)[0]
    assert "Nasjonal utrulling" not in view(client, regional_list)[0]


def test_the_project_cards_are_drawn_once_and_a_renamed_project_shows_at_once(client, listed):
    card = "network/news/includes/project_card.html"
    assert card in {t.name for t in client.get(listed.url).templates}
    assert card not in {t.name for t in client.get(listed.url).templates}
    project = listed.get_children().type(ProjectPageFactory._meta.model).first().specific
    project.title = "Kompetanseløft i hele regionen"
    project.save_revision().publish()
    commit_waiting()
    html = view(client, listed.url)[0]
    assert "Kompetanseløft i hele regionen" in html and "Felles kompetanseløft" not in html
