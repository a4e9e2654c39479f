"""Every page type of the demo site, public and a member's, is valid HTML: the Nu Html Checker
(vnu, from npm's vnu-jar) finds no error. One Java run checks all pages at once."""

import json
import re
import shutil
import subprocess
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import Client
from wagtail.models import Page

from tests.portal.seo.helpers import HeadParser

VNU = Path(settings.BASE_DIR) / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
MEMBER_EMAIL = "ingrid.vegesen@example.org"  # a demo coordinator (Vega)

# Views outside the page tree, and the filtered, sorted and paginated views of pages.
PUBLIC_URLS = [
    "/moter-og-fagdager/?type=fagdag",
    "/moter-og-fagdager/?side=2",
    "/nettverket/kommuner/",
    "/nettverket/kommuner/vega/",
    "/nettverket/kontaktpersoner/",
    "/nasjonale-innforingslop/oversikt/",
    "/nasjonale-innforingslop/oversikt/?sorter=navn",
    "/helhetlig-tjenestemodell/roller/",
    "/sok/?q=kjernejournal",
    "/konto/logg-inn/",
    "/konto/logg-inn/?next=/nettverket/",
    "/konto/glemt-passord/",
    "/finnes-ikke/",
]
MEMBER_URLS = [
    "/min-kommune/vega/",
    "/min-kommune/vega/htm-status/",
    "/min-kommune/vega/htm-status/historikk/",
    "/htm-status/",
    "/konto/mine-data/",
    "/konto/endre-passord/",
    "/konto/slett-konto/",
]


def one_page_per_type() -> list[str]:
    """The URL of the first live page of each page type, in tree order, and every meeting
    (their programmes, places and states differ the most)."""
    urls, seen = [], set()
    for page in Page.objects.live().public().filter(depth__gt=1).specific().order_by("path"):
        kind = type(page).__name__
        if kind not in seen or kind == "MeetingPage":
            seen.add(kind)
            urls.append(page.url)
    return urls


def member_only_urls() -> list[str]:
    from network.models import RolloutPage

    rollout = RolloutPage.objects.live().order_by("path").first()
    return [
        *MEMBER_URLS,
        f"/min-kommune/vega/innforingslop/{rollout.pk}/",
        f"/relevant/side/{rollout.pk}/",
    ]


def file_name(prefix: str, url: str) -> str:
    return prefix + (re.sub(r"[^a-z0-9]+", "-", url.lower()).strip("-") or "forside") + ".html"


@dataclass
class Rendered:
    url: str
    member: bool
    status: int
    html: str


@pytest.fixture(scope="class")
def rendered(demo_content, django_db_blocker) -> dict[str, Rendered]:
    """Every page type and view of the demo site, as a visitor and as a member, rendered once
    for the tests of the class, by file name."""
    pages = {}
    with django_db_blocker.unblock():
        visitor = Client()
        for url in one_page_per_type() + PUBLIC_URLS:
            response = visitor.get(url)
            pages[file_name("offentlig-", url)] = Rendered(
                url, False, response.status_code, response.content.decode()
            )
        member = Client()
        member.force_login(get_user_model().objects.get(email=MEMBER_EMAIL))
        for url in member_only_urls():
            response = member.get(url)
            pages[file_name("medlem-", url)] = Rendered(
                url, True, response.status_code, response.content.decode()
            )
    return pages


def head_of(html: str) -> HeadParser:
    parser = HeadParser()
    parser.feed(html)
    return parser


@pytest.mark.django_db
class TestDemoSite:
    def test_every_page_type_renders(self, rendered):
        assert len(rendered) >= 30
        wrong = {
            page.url: page.status
            for page in rendered.values()
            if page.status != (404 if page.url == "/finnes-ikke/" else 200)
        }
        assert wrong == {}

    def test_every_page_type_is_valid_html(self, rendered, tmp_path):
        java = shutil.which("java")
        if java is None or not VNU.exists():
            pytest.skip("Java or node_modules/vnu-jar is missing (npm ci installs vnu-jar)")
        for name, page in rendered.items():
            (tmp_path / name).write_text(page.html, encoding="utf-8")
        files = sorted(str(path) for path in tmp_path.glob("*.html"))
        result = subprocess.run(  # noqa: S603  (our own jar and files we just wrote)
            [java, "-jar", str(VNU), "--errors-only", "--format", "json", *files],
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        messages = json.loads(result.stderr or result.stdout or '{"messages": []}')["messages"]
        urls = {name: page.url for name, page in rendered.items()}
        errors = [
            f"{urls.get(Path(m.get('url', '')).name, m.get('url'))}:{m.get('lastLine')}: "
            f"{m.get('message')} [{m.get('extract', '').strip()[:120]}]"
            for m in messages
            if m.get("type") == "error" or m.get("subType") == "fatal"
        ]
        assert len(files) == len(rendered)
        assert errors == [], "\n".join(errors)

    def test_every_public_page_has_description_canonical_and_share_tags(self, rendered):
        for page in rendered.values():
            if page.member or page.status != 200:
                continue
            parsed = head_of(page.html)
            assert parsed.meta.get("description"), page.url
            assert parsed.links.get("canonical", "").startswith("http://localhost/"), page.url
            assert "?" not in parsed.links["canonical"] or "?side=" in parsed.links["canonical"]
            for key in ("og:description", "og:image", "og:url", "twitter:card"):
                assert parsed.meta.get(key), (page.url, key)
            if "robots" not in parsed.meta:  # every page for search engines
                assert [d for d in parsed.jsonld if d["@type"] == "BreadcrumbList"], page.url

    def test_every_meeting_page_has_an_event(self, rendered):
        meetings = [page for page in rendered.values() if "/moter-og-fagdager/" in page.url]
        events = [
            data
            for page in meetings
            for data in head_of(page.html).jsonld
            if data["@type"] == "Event"
        ]
        assert len(events) == len({e["url"] for e in events}) >= 5
        for event in events:
            assert event["startDate"][-6:] in ("+01:00", "+02:00")
            assert event["eventStatus"].startswith("https://schema.org/Event")

    def test_titles_are_unique(self, rendered):
        """Each address its own title: every live page, and the sampled views and filters
        (two addresses that share a canonical address may share a title)."""
        titles = Counter(
            page.seo_title or page.title for page in Page.objects.live().filter(depth__gt=1)
        )
        assert [title for title, count in titles.items() if count > 1] == []
        by_title = {}
        for page in rendered.values():
            if page.member or page.status != 200:
                continue
            parsed = head_of(page.html)
            by_title.setdefault(parsed.title, set()).add(parsed.links["canonical"])
        shared = {title: urls for title, urls in by_title.items() if len(urls) > 1}
        assert shared == {}
