"""«Aktiviteter og prosjekter»: projects, news, feeds and the home page section."""

import pytest

from network.models import (
    Municipality,
)
from tests.network.factories import (
    ContactPersonFactory,
    NewsPageFactory,
    ProjectPageFactory,
    WorkingGroupMemberFactory,
    WorkingGroupPageFactory,
)
from tests.utils import count_queries


@pytest.mark.django_db
class TestProjectsAndNews:
    def test_projects_news_and_bad_page_numbers(self, client, project_index):
        project = ProjectPageFactory(parent=project_index, title="Utprøving av VKP")
        project.municipalities.set(Municipality.objects.filter(name__in=["Vefsn", "Rana"]))
        project.save()
        for _ in range(12):
            NewsPageFactory(parent=project_index)
        for side in ["", "2", "abc", "999", "-1"]:
            response = client.get(project_index.url, {"side": side})
            assert response.status_code == 200, side
        html = client.get(project_index.url).content.decode()
        assert "Utprøving av VKP" in html and "Side 1 av 2" in html
        html = client.get(project.url).content.decode()
        assert "Rana" in html and "Vefsn" in html and "Regionalt" in html

    def test_rss_and_atom_feeds(self, client, project_index):
        old = NewsPageFactory(parent=project_index, title="Gammel nyhet", date="2025-01-01")
        new = NewsPageFactory(parent=project_index, title="Ny nyhet", date="2026-02-01")
        rss = client.get(project_index.url + "feed/")
        assert rss["Content-Type"].startswith("application/rss+xml")
        body = rss.content.decode()
        assert body.index("Ny nyhet") < body.index("Gammel nyhet")
        assert f"http://localhost{new.url}" in body or new.url in body
        atom = client.get(project_index.url + "feed/atom/")
        assert atom["Content-Type"].startswith("application/atom+xml")
        assert "Gammel nyhet" in atom.content.decode()
        index_html = client.get(project_index.url).content.decode()
        assert 'type="application/rss+xml"' in index_html
        assert old.url

    def test_home_page_shows_the_latest_news_in_constant_queries(self, client, project_index):
        NewsPageFactory(parent=project_index, title="Første", date="2025-01-01")
        small = count_queries(client, "/")
        for n in range(10):
            NewsPageFactory(parent=project_index, title=f"Nyhet nummer {n}")
        newest = NewsPageFactory(parent=project_index, title="Aller nyeste", date="2027-01-01")
        html = client.get("/").content.decode()
        assert "Siste nytt" in html and newest.title in html and "Første" not in html
        assert html.count('class="news-list__item"') == 3
        assert count_queries(client, "/") == small

    @pytest.mark.parametrize("kind", ["index", "project", "news", "group"])
    def test_queries_do_not_grow(self, client, project_index, network_page, kind):
        group = WorkingGroupPageFactory(parent=network_page)
        project = ProjectPageFactory(parent=project_index, contact=ContactPersonFactory())
        news = NewsPageFactory(parent=project_index)
        WorkingGroupMemberFactory(page=group)
        url = {"index": project_index.url, "project": project.url, "news": news.url,
               "group": group.url}[kind]  # fmt: skip
        small = count_queries(client, url)
        for _ in range(10):
            ProjectPageFactory(parent=project_index)
            NewsPageFactory(parent=project_index)
            WorkingGroupMemberFactory(page=group)
        project.municipalities.set(Municipality.objects.all())
        project.save()
        assert count_queries(client, url) == small


@pytest.mark.django_db
class TestProjectLists:
    def test_the_index_shows_the_newest_of_each_level_and_links_to_all(self, client, project_index):
        for year in range(2010, 2020):
            ProjectPageFactory(
                parent=project_index,
                title=f"Regionalt prosjekt {year}",
                scope="regionalt",
                start_date=f"{year}-03-01",
            )
        ProjectPageFactory(parent=project_index, title="Nasjonalt prosjekt", scope="nasjonalt")
        html = client.get(project_index.url).content.decode()
        shown = [year for year in range(2010, 2020) if f"Regionalt prosjekt {year}" in html]
        assert shown == list(range(2014, 2020))  # the six newest
        assert "Nasjonalt prosjekt" in html
        assert "Alle 10 regionale prosjekter" in html
        assert "nasjonale prosjekter</a>" not in html  # all of them are shown already
        assert project_index.url + "prosjekter/regionalt/" in html

    def test_a_levels_list_holds_every_project_a_page_at_a_time(self, client, project_index):
        for number in range(30):
            ProjectPageFactory(
                parent=project_index, title=f"Prosjekt nr. {number:02d}", scope="nasjonalt"
            )
        ProjectPageFactory(parent=project_index, title="Et regionalt prosjekt")
        url = project_index.url + "prosjekter/nasjonalt/"
        first = client.get(url).content.decode()
        second = client.get(url, {"side": "2"}).content.decode()
        assert "<h1" in first and "Nasjonale prosjekter" in first and "Side 1 av 2" in first
        listed = [n for n in range(30) if f"Prosjekt nr. {n:02d}" in first + second]
        assert listed == list(range(30))
        assert "Et regionalt prosjekt" not in first + second
        for side in ["abc", "999", "-1", ""]:
            assert client.get(url, {"side": side}).status_code == 200, side

    def test_an_unknown_level_is_not_found(self, client, project_index):
        assert client.get(project_index.url + "prosjekter/kommunalt/").status_code == 404

    def test_the_lists_keep_their_query_count_as_projects_grow(self, client, project_index):
        ProjectPageFactory(parent=project_index, scope="nasjonalt")
        urls = [project_index.url, project_index.url + "prosjekter/nasjonalt/"]
        small = [count_queries(client, url) for url in urls]
        for number in range(40):
            ProjectPageFactory(parent=project_index, scope=("nasjonalt", "regionalt")[number % 2])
        assert [count_queries(client, url) for url in urls] == small
