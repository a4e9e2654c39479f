"""Every page type in at most ten SQL queries for a warm request, on the demo site and on
ten times its content, with the same count on both: nothing a page runs grows with the
amount of content. Public pages are measured as an anonymous visitor; Min kommune, the HTM
sheet, the status form and the regional overviews as a member of the municipality.

The demo is loaded once for the class, every page is measured, the content is multiplied
with the benchmark's data-set builder (bench/dataset.py), and every page is measured again.
The page cache is off in test settings, so each measured request renders the page.
"""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from bench.dataset import build
from htm.models import PhasePage, TaskAreaPage, TaskGroupPage
from network.choices import MemberRole
from network.meetings.pages import MeetingPage
from network.models import Municipality
from network.news.pages import NewsPage, ProjectPage
from network.organisation.pages import WorkingGroupPage
from network.rollouts.pages import RolloutPage
from tests.conftest import commit_waiting
from tests.network.helpers import make_member

MAX_QUERIES = 10
SCALE = 10


def first_url(model, **filters) -> str:
    page = model.objects.live().filter(**filters).order_by("path").first()
    assert page is not None, model
    return page.url


def public_urls() -> dict[str, str]:
    def index(slug):
        return Page.objects.get(slug=slug, depth=3).url

    meetings, projects = index("moter-og-fagdager"), index("aktiviteter-og-prosjekter")
    rollouts, network = index("nasjonale-innforingslop"), index("nettverket")
    return {
        "forside": "/",
        "HTM-oversikt": index("helhetlig-tjenestemodell"),
        "fase": first_url(PhasePage),
        "oppgavegruppe": first_url(TaskGroupPage),
        "oppgaveområde": first_url(TaskAreaPage, slug="opplaering"),
        "innføringsløp": rollouts,
        "innføringsløp: oversikt": rollouts + "oversikt/",
        "innføringsløp: Kjernejournal": first_url(RolloutPage, slug="kjernejournal"),
        "møter": meetings,
        "møter: fagdager": meetings + "?type=fagdag",
        "møter: side 2": meetings + "?side=2",
        "møter: kalender": meetings + "kalender/",
        "møte": first_url(MeetingPage),
        "nettverket": network,
        "nettverket: kontaktpersoner": network + "kontaktpersoner/",
        "arbeidsgruppe": first_url(WorkingGroupPage),
        "innholdsside": Page.objects.get(slug="om-nettverket").url,
        "aktiviteter og prosjekter": projects,
        "prosjekter: nasjonale": projects + "prosjekter/nasjonalt/",
        "prosjekt": first_url(ProjectPage),
        "nyhet": first_url(NewsPage),
        "RSS": projects + "feed/",
        "Atom": projects + "feed/atom/",
    }


def member_urls(municipality, rollout) -> dict[str, str]:
    base = f"/min-kommune/{municipality.slug}/"
    return {
        "Min kommune": base,
        "HTM-status for kommunen": base + "htm-status/",
        "status i innføringsløp": f"{base}innforingslop/{rollout.pk}/",
        "HTM-status for regionen": "/htm-status/",
    }


def count(client, url) -> int:
    response = client.get(url)  # warm: the frame and other cached parts are filled
    assert response.status_code == 200, (url, response.status_code)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def measure(anonymous, member, municipality, rollout) -> dict[str, int]:
    counts = {name: count(anonymous, url) for name, url in public_urls().items()}
    for name, url in member_urls(municipality, rollout).items():
        counts[name] = count(member, url)
    return counts


@pytest.fixture(scope="class")
def budgets(demo_content, django_db_blocker):
    with django_db_blocker.unblock():
        municipality = Municipality.objects.get(slug="vefsn")
        rollout = RolloutPage.objects.get(slug="kjernejournal")
        anonymous, member = Client(), Client()
        member.force_login(make_member("ytelse", municipality, MemberRole.COORDINATOR))
        commit_waiting()
        small = measure(anonymous, member, municipality, rollout)
        build(scale=SCALE, min_pages=0, log=lambda *args: None, index=False)
        large = measure(anonymous, member, municipality, rollout)
    return small, large


@pytest.mark.django_db
class TestQueryBudget:
    @pytest.mark.parametrize("size", ["demo", "ti ganger demo"])
    def test_every_page_keeps_its_budget(self, budgets, size):
        counts = budgets[0] if size == "demo" else budgets[1]
        over = {name: n for name, n in counts.items() if n > MAX_QUERIES}
        assert not over, counts

    def test_no_page_runs_more_queries_with_more_content(self, budgets):
        small, large = budgets
        grown = {name: (small[name], large[name]) for name in small if large[name] != small[name]}
        assert not grown, small
