"""In Chromium: type a word, pick a suggestion with the keyboard, open it; axe on the
results page."""

import re

import pytest

# The browser fixtures live with the browser tests; they are used here as they are.
from tests.browser.helpers import check_page

pytestmark = pytest.mark.browser


def test_autocomplete_by_keyboard_opens_a_result(page, demo_site):
    page.goto(demo_site + "/")
    field = page.locator("#site-search-q")
    field.focus()
    page.keyboard.type("opplæ", delay=60)
    listbox = page.get_by_role("listbox", name="Forslag til treff")
    listbox.wait_for(state="visible")
    assert field.get_attribute("aria-expanded") == "true"
    options = listbox.get_by_role("option")
    assert options.count() > 0
    first_title = options.first.locator(".search-suggestions__title").inner_text()
    assert "pplæring" in first_title.lower() or first_title

    page.keyboard.press("ArrowDown")
    active_id = field.get_attribute("aria-activedescendant")
    assert active_id and page.locator(f"#{active_id}").get_attribute("aria-selected") == "true"
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "/sok/" not in page.url
    assert page.locator("h1").first.inner_text().strip() == first_title


def test_escape_closes_the_suggestions_and_enter_searches(page, demo_site):
    page.goto(demo_site + "/")
    page.locator("#site-search-q").focus()
    page.keyboard.type("opplæring", delay=30)
    listbox = page.get_by_role("listbox", name="Forslag til treff")
    listbox.wait_for(state="visible")
    page.keyboard.press("Escape")
    assert listbox.is_hidden()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "/sok/?q=opplæring" in page.url or "/sok/?q=opplC3" in page.url or "/sok/" in page.url
    assert page.input_value("#search-page-q") == "opplæring"


def test_results_page_passes_axe(page, demo_site):
    page.goto(demo_site + "/sok/?q=oppl%C3%A6ring")
    assert re.search(r"\d+ treff på «opplæring»", page.locator(".search-count").inner_text())
    check_page(page, "search-results")
    # A filter applied, and an empty result with help.
    page.goto(demo_site + "/sok/?q=oppl%C3%A6ring&type=htm")
    check_page(page, "search-results-filtered")
    page.goto(demo_site + "/sok/?q=tildelngskriterier")
    assert "Ingen treff" in page.locator(".search-count").inner_text()
    check_page(page, "search-no-results")


def test_suggestions_open_pass_axe(page, demo_site):
    page.goto(demo_site + "/sok/?q=oppl%C3%A6ring")
    page.locator("#search-page-q").fill("")
    page.locator("#search-page-q").focus()
    page.keyboard.type("tildel", delay=30)
    page.get_by_role("listbox", name="Forslag til treff").wait_for(state="visible")
    page.keyboard.press("ArrowDown")
    check_page(page, "search-suggestions")
