import re

import pytest

from tests.browser.helpers import check_page

pytestmark = pytest.mark.browser

MODEL = "/helhetlig-tjenestemodell/"
AREA = MODEL + "vedlikehold-og-videreutvikling-av-tjenesten/opplaering/"


def focused_text(page) -> str:
    return page.evaluate("document.activeElement.textContent.replace(/\\s+/g, ' ').trim()")


def tab_to(page, predicate, limit=80) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if predicate():
            return
    raise AssertionError("could not reach the element with the keyboard")


def test_keyboard_user_reaches_phase_3_and_goes_on_with_next(demo_site, page):
    page.goto(demo_site + MODEL)
    tab_to(page, lambda: focused_text(page).startswith("3 Respons og oppfølging"))
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/respons-og-oppfolging/$"))
    assert page.locator("h1").inner_text().endswith("Respons og oppfølging")
    tab_to(page, lambda: focused_text(page).startswith("Neste"))
    assert page.evaluate("document.activeElement.rel") == "next"
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/evaluering/$"))
    assert page.locator("h1").inner_text().endswith("Evaluering")


def test_overview_stacks_on_a_phone_and_has_no_horizontal_scroll(demo_site, page):
    page.set_viewport_size({"width": 320, "height": 800})
    page.goto(demo_site + MODEL)
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    boxes = page.locator(".htm-flow > li")
    first, second = boxes.nth(0).bounding_box(), boxes.nth(1).bounding_box()
    assert second["y"] > first["y"] + first["height"] - 1  # below, not beside


def test_overview_prints_on_one_a4_landscape_page(demo_site, page):
    page.goto(demo_site + MODEL)
    pdf = page.pdf(format="A4", landscape=True, print_background=True)
    assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) == 1


def test_area_page_prints_as_a_checklist(demo_site, page):
    page.goto(demo_site + AREA)
    page.emulate_media(media="print")
    assert page.locator(".workshop-notes").is_visible()
    assert not page.locator(".site-nav").is_visible()
    assert not page.locator(".htm-pager").is_visible()
    box = page.evaluate(
        "getComputedStyle(document.querySelector('.checklist li'), '::before').borderStyle"
    )
    assert box == "solid"


@pytest.mark.parametrize(
    ("path", "name"),
    [
        (MODEL, "htm-model"),
        (MODEL + "roller/", "htm-roles"),
        (MODEL + "behov-oppstar/", "htm-phase"),
        (MODEL + "support-lager-og-utstyr/", "htm-group"),
        (AREA, "htm-area"),
    ],
)
def test_htm_pages_have_no_axe_violations(demo_site, page, path, name):
    response = page.goto(demo_site + path)
    assert response.status == 200
    check_page(page, name)
