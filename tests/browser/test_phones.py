"""Phones: every page type and every member page reflows at 320 px (WCAG 1.4.10) with no
sideways scroll of the page, the main menu folds behind «Meny» and works with the keyboard
and without JavaScript, and each page links at most two stylesheets, all in <head>.

One browser context per visitor (anonymous, member) for the whole module, so the pages are
loaded once each."""

from urllib.parse import urlsplit

import pytest

from tests.browser.fixtures import LOCALE, TIMEOUT_MS
from tests.browser.helpers import active_element, tab_to

pytestmark = pytest.mark.browser

PHONE = {"width": 320, "height": 800}
MAIN_MENU = "Hovedmeny"
MEMBER = "sigrid.moe@example.org"  # the demo's kommunekoordinator for Rana

# One of each public page type in the demo, and the account pages anyone can open.
PUBLIC_PAGES = [
    "/",
    "/om-nettverket/",
    "/sok/?q=oppl%C3%A6ring",
    "/finnes-ikke/",
    "/helhetlig-tjenestemodell/",
    "/helhetlig-tjenestemodell/roller/",
    "/helhetlig-tjenestemodell/behov-oppstar/",
    "/helhetlig-tjenestemodell/vedlikehold-og-videreutvikling-av-tjenesten/",
    "/helhetlig-tjenestemodell/vedlikehold-og-videreutvikling-av-tjenesten/opplaering/",
    "/nasjonale-innforingslop/",
    "/nasjonale-innforingslop/oversikt/",
    "/nasjonale-innforingslop/kjernejournal/",
    "/nettverket/",
    "/nettverket/kommuner/",
    "/nettverket/kommuner/vefsn/",
    "/nettverket/kontaktpersoner/",
    "/nettverket/koordineringsgruppe/",
    "/moter-og-fagdager/",
    "/moter-og-fagdager/fagdag-usht-24-03-26/",
    "/moter-og-fagdager/fagdag-velferdsteknologi-og-samhandling/",
    "/aktiviteter-og-prosjekter/",
    "/aktiviteter-og-prosjekter/felles-kompetanseloft-htm/",
    "/aktiviteter-og-prosjekter/digihelsestasjon-i-flere-kommuner/",
    "/htm-status/",
    "/konto/logg-inn/",
    "/konto/glemt-passord/",
]

# The member's pages; the ones whose address holds an id are found by following links.
MEMBER_PAGES = [
    "/min-kommune/",
    "/min-kommune/rana/",
    "/min-kommune/rana/htm-status/",
    "/min-kommune/rana/htm-status/historikk/",
    "/htm-status/",
    "/nasjonale-innforingslop/oversikt/",
    "/nettverket/kommuner/rana/",
    "/konto/mine-data/",
    "/konto/endre-passord/",
    "/konto/slett-konto/",
]
MEMBER_LINKS = {
    "rollout status form": ("/min-kommune/rana/", 'a[href*="/innforingslop/"]'),
    "tag page": ("/min-kommune/rana/", 'a[href*="/emneord/"]'),
    "mark as relevant": ("/nasjonale-innforingslop/digihelse/", 'a[href^="/relevant/side/"]'),
}

LAYOUT = """() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
    stylesheets: [...document.querySelectorAll('link[rel~="stylesheet"]')].map(
        (link) => (link.closest('head') ? '' : 'in body: ') + link.getAttribute('href')),
    blockingScripts: [...document.querySelectorAll('script[src]')]
        .filter((s) => !s.defer && !s.async && s.type !== 'module')
        .map((s) => s.getAttribute('src')),
})"""


def widest_elements(page) -> list[str]:
    """What sticks out to the right of the viewport, for the failure message."""
    return page.evaluate(
        """() => [...document.querySelectorAll('body *')]
            .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 0.5)
            .slice(0, 5)
            .map((el) => el.tagName.toLowerCase() + '.' + String(el.className).slice(0, 40))"""
    )


def check_pages(page, base: str, paths: list[str]) -> dict:
    problems = {}
    for path in paths:
        response = page.goto(base + path)
        found = []
        if response.status not in (200, 404):
            found.append(f"status {response.status}")
        layout = page.evaluate(LAYOUT)
        if layout["scrollWidth"] > layout["innerWidth"]:
            found.append(f"{layout['scrollWidth']} px wide: {widest_elements(page)}")
        sheets = layout["stylesheets"]
        if len(sheets) > 2 or any(sheet.startswith("in body") for sheet in sheets):
            found.append(f"stylesheets {sheets}")
        if layout["blockingScripts"]:
            found.append(f"render-blocking scripts {layout['blockingScripts']}")
        if found:
            problems[path] = found
    return problems


@pytest.fixture(scope="module")
def phone(browser, demo_site):
    context = browser.new_context(viewport=PHONE, locale=LOCALE)
    context.set_default_timeout(TIMEOUT_MS)
    yield context.new_page()
    context.close()


@pytest.fixture(scope="module")
def member_phone(browser, demo_site, django_db_blocker):
    """A phone signed in as a kommunekoordinator (the session made with Django's test client)."""
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.test import Client

    with django_db_blocker.unblock():
        client = Client()
        client.force_login(get_user_model().objects.get(username=MEMBER))
        session = client.cookies[settings.SESSION_COOKIE_NAME].value
    context = browser.new_context(viewport=PHONE, locale=LOCALE)
    context.set_default_timeout(TIMEOUT_MS)
    context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": demo_site}]
    )
    yield context.new_page()
    context.close()


def test_public_pages_fit_a_320px_phone(phone, demo_site):
    problems = check_pages(phone, demo_site, PUBLIC_PAGES)
    assert not problems, f"pages that fail on a 320 px phone (path: problem): {problems}"


def test_member_pages_fit_a_320px_phone(member_phone, demo_site):
    page = member_phone
    paths = list(MEMBER_PAGES)
    for what, (source, selector) in MEMBER_LINKS.items():
        page.goto(demo_site + source)
        link = page.locator(selector).first
        assert link.count(), f"no link to the {what} on {source}"
        paths.append(urlsplit(link.get_attribute("href")).path)
    problems = check_pages(page, demo_site, paths)
    assert not problems, f"member pages that do not fit 320 px (path: problem): {problems}"
    # The member really saw the member pages, not the login form.
    page.goto(demo_site + "/min-kommune/rana/htm-status/")
    assert page.locator("fieldset.task-row").count() == 24


def test_wide_tables_scroll_in_a_labelled_focusable_region(member_phone, demo_site):
    page = member_phone
    page.goto(demo_site + "/min-kommune/rana/")
    region = page.locator(".table-scroll").first
    assert region.get_attribute("role") == "region"
    assert region.get_attribute("tabindex") == "0"
    assert region.get_attribute("aria-label") or region.get_attribute("aria-labelledby")
    sizes = region.evaluate("(el) => [el.scrollWidth, el.clientWidth]")
    assert sizes[0] > sizes[1], f"the table is expected to be wider than the phone: {sizes}"


def test_menu_folds_behind_meny_and_works_with_the_keyboard(phone, demo_site):
    page = phone
    page.goto(demo_site + "/")
    menu = page.get_by_role("navigation", name=MAIN_MENU)
    first_link = menu.get_by_role("link", name="Om nettverket")
    assert not first_link.is_visible(), "the menu should be folded on a phone"
    # The menu takes no more than a line of the first screen.
    assert menu.bounding_box()["height"] < 60

    focused = tab_to(page, "Meny")
    assert focused["tag"] == "summary" and focused["nav"] == MAIN_MENU
    toggle = page.locator("summary", has_text="Meny")
    box = toggle.bounding_box()
    assert box["width"] >= 24 and box["height"] >= 24, f"«Meny» is too small a target: {box}"
    page.keyboard.press("Enter")
    assert first_link.is_visible()
    assert page.locator("details[data-site-menu]").get_attribute("open") is not None

    # Escape folds it again and leaves focus on «Meny»; Enter opens it once more.
    page.keyboard.press("Tab")
    assert active_element(page)["text"] == "Om nettverket"
    page.keyboard.press("Escape")
    assert not first_link.is_visible()
    assert active_element(page)["tag"] == "summary"
    page.keyboard.press("Enter")
    tab_to(page, "Om nettverket", nav=MAIN_MENU, max_presses=2)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert urlsplit(page.url).path == "/om-nettverket/"


def menu_toggle_in_accessibility_tree(page) -> dict:
    """«Meny» as Chromium hands it to screen readers: its role and whether it is expanded."""
    cdp = page.context.new_cdp_session(page)
    try:
        for node in cdp.send("Accessibility.getFullAXTree")["nodes"]:
            if node.get("ignored") or node.get("name", {}).get("value") != "Meny":
                continue
            if node["role"]["value"] in ("StaticText", "InlineTextBox"):
                continue
            states = {p["name"]: p["value"].get("value") for p in node.get("properties", [])}
            return {"role": node["role"]["value"], "expanded": states.get("expanded")}
    finally:
        cdp.detach()
    return {}


def test_screen_readers_hear_a_disclosure_that_expands(phone, demo_site):
    page = phone
    page.goto(demo_site + "/")
    assert menu_toggle_in_accessibility_tree(page) == {
        "role": "DisclosureTriangle",
        "expanded": False,
    }
    page.locator("summary", has_text="Meny").click()
    assert menu_toggle_in_accessibility_tree(page)["expanded"] is True


def test_menu_works_without_javascript(browser, demo_site):
    context = browser.new_context(java_script_enabled=False, viewport=PHONE, locale=LOCALE)
    context.set_default_timeout(TIMEOUT_MS)
    try:
        page = context.new_page()
        page.goto(demo_site + "/")
        link = page.get_by_role("navigation", name=MAIN_MENU).get_by_role(
            "link", name="Om nettverket"
        )
        assert not link.is_visible()
        page.get_by_text("Meny", exact=True).click()
        assert link.is_visible()
        # On a wide screen the menu is open and «Meny» is not shown.
        page.set_viewport_size({"width": 1280, "height": 800})
        page.goto(demo_site + "/")
        assert link.is_visible()
        assert not page.get_by_text("Meny", exact=True).is_visible()
    finally:
        context.close()
