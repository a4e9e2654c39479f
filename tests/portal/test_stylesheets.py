"""Two stylesheets per page: the bundle `make assets` builds holds every stylesheet of the
portal, and no template links a stylesheet of its own (each extra <link> in <head> holds up
the first paint). The browser tests (tests/browser/test_phones.py) count the links on every
page type as served."""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BUNDLE = ROOT / "var" / "assets" / "bundle"
APPS = ["portal", "home", "htm", "network", "search"]
# The only templates that link stylesheets: the include every page uses, the bare error frame
# (it renders without the context processors), the projector view (a document of its own, with
# one stylesheet), and the two-factor pages in the admin's look.
LINKING_TEMPLATES = {
    "portal/templates/portal/includes/stylesheets.html",
    "portal/templates/portal/error_plain.html",
    "network/templates/network/progress/projector.html",
    "portal/twofactor/templates/twofactor/devices.html",
    "portal/twofactor/templates/twofactor/login_base.html",
}
STYLESHEET_LINK = re.compile(r"<link\b[^>]*\brel=[\"']?stylesheet", re.IGNORECASE)


def own_stylesheets() -> list[Path]:
    paths = list((ROOT / "static" / "css").rglob("*.css"))
    for app in APPS:
        paths += [
            path for path in (ROOT / app).rglob("static/**/*.css") if "twofactor" not in path.parts
        ]
    return paths


@pytest.fixture(scope="module")
def bundle() -> str:
    path = BUNDLE / "portal.css"
    if not path.exists():
        pytest.fail("var/assets/bundle/portal.css is missing: run `make assets`")
    return path.read_text()


def test_every_stylesheet_of_the_portal_is_in_the_bundle(bundle):
    sheets = own_stylesheets()
    assert len(sheets) > 5
    missing = [
        str(path.relative_to(ROOT))
        for path in sheets
        if f"/* {path.relative_to(ROOT)} */" not in bundle
    ]
    assert not missing, f"run `make assets`, or the build misses: {missing}"


def test_print_rules_apply_to_print_only(bundle):
    for name in ["static/css/print.css", "static/css/htm-checklist-print.css"]:
        start = bundle.index(f"/* {name} */")
        assert bundle[start:].split("\n", 2)[1] == "@media print {", name
    # Landscape is the HTM overview's named page alone; every other page prints portrait.
    assert not re.search(r"@page\s*\{[^}]*landscape", bundle)
    assert re.search(r"@page htm-overview\s*\{[^}]*landscape", bundle)


def test_designsystemet_and_its_theme_are_one_file():
    css = (BUNDLE / "designsystemet.css").read_text()
    assert ".ds-button" in css  # the components
    assert "--ds-color-accent-base-default" in css  # the theme


def test_no_template_links_a_stylesheet_of_its_own():
    linking = set()
    for app in APPS:
        for path in (ROOT / app).rglob("templates/**/*.html"):
            if STYLESHEET_LINK.search(path.read_text()):
                linking.add(str(path.relative_to(ROOT)))
    extra = linking - LINKING_TEMPLATES
    assert not extra, f"put their CSS in static/ (bundled by make assets) instead: {extra}"
    assert "portal/templates/portal/includes/stylesheets.html" in linking


def test_every_page_links_the_two_bundles():
    text = (ROOT / "portal/templates/portal/includes/stylesheets.html").read_text()
    assert re.findall(r"\{% static '([^']+)' %\}", text) == [
        "bundle/designsystemet.css",
        "bundle/portal.css",
        "js/menu.js",
    ]
    assert "defer" in text
