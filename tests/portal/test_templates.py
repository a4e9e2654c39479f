import re
from pathlib import Path

import pytest
from django.template.loader import render_to_string

BASE_DIR = Path(__file__).resolve().parents[2]
OUR_TEMPLATES = [
    path
    for app in ("portal", "home", "htm", "network", "search")
    for path in (BASE_DIR / app).rglob("templates/**/*.html")
]


# E-mails are read in mail programs, where a page's Content-Security-Policy does not apply
# and styles must be inline.
PAGE_TEMPLATES = [path for path in OUR_TEMPLATES if "email" not in path.parts]


def test_there_are_templates_to_check():
    assert len(PAGE_TEMPLATES) >= 10


def test_no_one_line_comment_spans_lines():
    """Django's {# #} ends at the line's end: one spanning lines is shown to visitors as text.
    Longer comments use {% comment %}."""
    spanning = [
        str(path.relative_to(BASE_DIR))
        for path in OUR_TEMPLATES
        if re.search(r"\{#(?:(?!#\}).)*\n", path.read_text(), flags=re.S)
    ]
    assert spanning == []


@pytest.mark.parametrize("path", PAGE_TEMPLATES, ids=lambda p: str(p.relative_to(BASE_DIR)))
def test_no_inline_script_or_style(path):
    """A strict Content-Security-Policy needs external scripts and styles only."""
    html = path.read_text()
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html), "inline <script>"
    assert not re.search(r"\sstyle\s*=", html), "style= attribute"
    assert "<style" not in html, "<style> element"
    assert not re.search(r"\son[a-z]+\s*=", html), "inline event handler"


@pytest.mark.django_db
def test_norwegian_404_page(client, home_page):
    response = client.get("/finnes-ikke/")
    html = response.content.decode()
    assert response.status_code == 404
    assert '<html lang="nb"' in html
    assert "Vi fant ikke siden" in html
    assert 'href="/sok/"' in html


def test_norwegian_500_page_needs_no_database():
    html = render_to_string("500.html")
    assert '<html lang="nb"' in html
    assert "Noe gikk galt hos oss" in html


@pytest.mark.django_db
def test_public_pages_send_a_content_security_policy(client, home_page):
    policy = client.get("/").headers["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "'unsafe-inline'" not in policy
