"""The news on the home page, and a municipality's projects on its page (Wagtail hooks)."""

from wagtail import hooks

from portal.pagecache import data

from .pages import NewsPage, ProjectIndexPage, ProjectPage

HOME_NEWS_COUNT = 3


def _latest_news():
    news = list(NewsPage.objects.live().public().order_by("-date", "-pk")[:HOME_NEWS_COUNT])
    index = ProjectIndexPage.objects.live().public().first() if news else None
    return news, index


@hooks.register("home_page_sections")
def latest_news_section(request, home_page):
    """The newest news items on the home page, kept in the cache while no news or project
    index page changes (portal/pagecache/data.py)."""
    news, index = data.remember("home:latest-news", _latest_news, page_types=[NewsPage])
    if not news:
        return None
    return {
        "order": 20,
        "template": "network/news/includes/home_news.html",
        "news": news,
        "index_url": index.get_url(request) if index else "",
    }


@hooks.register("municipality_page_sections")
def projects_of_municipality(request, network_page, municipality):
    projects = list(
        ProjectPage.objects.live().public().filter(municipalities=municipality).order_by("title")
    )
    if not projects:
        return None
    return {
        "order": 40,
        "template": "network/news/includes/municipality_projects.html",
        "projects": projects,
    }
