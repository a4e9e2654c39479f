"""The foundation in a real browser: keyboard use, accessibility, narrow screens, no JavaScript."""

import re
from urllib.parse import parse_qs, urlsplit

import pytest

from tests.browser.helpers import (
    active_element,
    check_page,
    focus_indicator,
    has_focus_indicator,
    tab_to,
)

pytestmark = pytest.mark.browser

MAIN_MENU = "Hovedmeny"
BREADCRUMBS = "Brødsmulesti"


def assert_visible_focus(page, what: str) -> None:
    style = focus_indicator(page)
    assert has_focus_indicator(style), f"{what} has no visible focus indicator: {style}"


def test_keyboard_journey(page, demo_site):
    page.goto(demo_site + "/")

    # The first Tab lands on the skip link, and Enter moves focus to the main content.
    page.keyboard.press("Tab")
    focused = active_element(page)
    assert focused["text"] == "Hopp til hovedinnholdet", focused
    # Designsystemet's skip link has no outline: being shown at all is its focus indicator.
    box = page.locator("a.ds-skip-link").bounding_box()
    assert box and box["width"] > 100 and box["height"] > 20, f"the skip link stays hidden: {box}"
    page.keyboard.press("Enter")
    page.wait_for_function("document.activeElement && document.activeElement.id === 'main'")
    assert urlsplit(page.url).fragment == "main"

    # From the top of the page, Tab to "Om nettverket" in the main menu and follow it.
    page.goto(demo_site + "/")
    tab_to(page, "Om nettverket", nav=MAIN_MENU)
    assert_visible_focus(page, "the main menu link «Om nettverket»")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert urlsplit(page.url).path == "/om-nettverket/"
    assert page.locator("h1").inner_text().strip() == "Om nettverket"
    menu_link = page.locator(f'nav[aria-label="{MAIN_MENU}"] a', has_text="Om nettverket")
    assert menu_link.get_attribute("aria-current") == "page"

    # On a child page, Tab to the breadcrumb "Om nettverket" and follow it back up.
    page.goto(demo_site + "/om-nettverket/oppdragsbrev/")
    menu_link = page.locator(f'nav[aria-label="{MAIN_MENU}"] a', has_text="Om nettverket")
    assert menu_link.get_attribute("aria-current") == "true"
    tab_to(page, "Om nettverket", nav=BREADCRUMBS)
    assert_visible_focus(page, "the breadcrumb link «Om nettverket»")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert urlsplit(page.url).path == "/om-nettverket/"
    assert page.locator("h1").inner_text().strip() == "Om nettverket"


@pytest.mark.parametrize(
    ("name", "path", "status"),
    [
        ("home", "/", 200),
        ("content-page", "/om-nettverket/", 200),
        ("search", "/sok/?q=nettverk", 200),
        ("not-found", "/finnes-ikke/", 404),
    ],
)
def test_page_types_are_accessible(page, demo_site, name, path, status):
    response = page.goto(demo_site + path)
    assert response.status == status
    check_page(page, name)


def test_no_sideways_scrolling_at_320px(page, demo_site):
    """WCAG 1.4.10 (reflow): at 320 px nothing may make the page scroll sideways."""
    page.set_viewport_size({"width": 320, "height": 900})
    too_wide = {}
    for path in [
        "/",
        "/om-nettverket/",
        "/tilgjengelighetserklaering/",
        "/sok/?q=nettverk",
        "/finnes-ikke/",
        "/helhetlig-tjenestemodell/",
        "/helhetlig-tjenestemodell/roller/",
        "/helhetlig-tjenestemodell/vedlikehold-og-videreutvikling-av-tjenesten/opplaering/",
        "/nasjonale-innforingslop/oversikt/",
        "/nasjonale-innforingslop/kjernejournal/",
        "/nettverket/",
        "/nettverket/kommuner/vefsn/",
        "/moter-og-fagdager/",
        "/moter-og-fagdager/fagdag-usht-24-03-26/",
        "/aktiviteter-og-prosjekter/",
    ]:
        page.goto(demo_site + path)
        scroll_width = page.evaluate("document.documentElement.scrollWidth")
        if scroll_width > 320:
            too_wide[path] = scroll_width
    assert not too_wide, f"pages wider than the 320 px viewport (path: px): {too_wide}"


def test_header_search_works_without_javascript(browser, demo_site):
    context = browser.new_context(
        java_script_enabled=False, viewport={"width": 1280, "height": 900}, locale="nb-NO"
    )
    context.set_default_timeout(10_000)
    try:
        page = context.new_page()
        page.goto(demo_site + "/")
        page.fill("#site-search-q", "nettverk")
        with page.expect_navigation():
            page.press("#site-search-q", "Enter")
        url = urlsplit(page.url)
        assert url.path == "/sok/"
        assert parse_qs(url.query) == {"q": ["nettverk"]}
        assert page.input_value("#search-page-q") == "nettverk"
        assert re.search(r"\d+ treff på «nettverk»", page.get_by_role("status").inner_text())
        assert page.locator(".search-results li").count() > 0
    finally:
        context.close()
