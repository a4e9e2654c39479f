"""The network's pages in Chromium: axe (WCAG 2.1 AA) on every page type, and a journey
from Nasjonale innføringsløp to a municipality of Pulje 1."""

import re

import pytest

from tests.browser.helpers import check_page

pytestmark = pytest.mark.browser

PAGES = {
    "network-page": "/nettverket/",
    "network-municipalities": "/nettverket/kommuner/",
    "network-municipality": "/nettverket/kommuner/vefsn/",
    "network-contacts": "/nettverket/kontaktpersoner/?q=Storvik",
    "network-working-group": "/nettverket/koordineringsgruppe/",
    "network-rollout-index": "/nasjonale-innforingslop/",
    "network-rollout-overview": "/nasjonale-innforingslop/oversikt/",
    "network-rollout": "/nasjonale-innforingslop/kjernejournal/",
    "network-project-index": "/aktiviteter-og-prosjekter/",
    "network-project": "/aktiviteter-og-prosjekter/felles-kompetanseloft-htm/",
    "network-news": "/aktiviteter-og-prosjekter/pulje-2-er-i-gang/",
    "network-home-with-news": "/",
}


def test_every_network_page_type_passes_axe(demo_site, page):
    for name, path in PAGES.items():
        response = page.goto(demo_site + path)
        assert response.status == 200, path
        check_page(page, name)


def test_from_the_rollouts_to_a_municipality_of_pulje_1(demo_site, page):
    page.goto(demo_site + "/")
    page.get_by_role("navigation", name="Hovedmeny").get_by_role(
        "link", name="Nasjonale innføringsløp"
    ).click()
    page.wait_for_url(re.compile(r"/nasjonale-innforingslop/$"))
    page.get_by_role("link", name=re.compile("Regional oversikt")).click()
    page.wait_for_url(re.compile(r"/oversikt/$"))
    assert page.locator(".overview-table tbody tr").count() == 41

    # Filter without JavaScript: a plain form with a select and a button.
    page.get_by_label("Vis kommunene i").select_option(label="Pulje 1 2025")
    page.get_by_role("button", name="Vis").click()
    page.wait_for_url(re.compile(r"kull=pulje-1-2025"))
    rows = page.locator(".overview-table tbody tr")
    assert rows.count() == 12
    # Every cell says its status in words.
    cells = page.locator(".overview-table tbody td .status-tag")
    assert all(text.strip() for text in cells.all_inner_texts())

    # Sort by a rollout through its column header, keeping the filter.
    page.get_by_role("columnheader").get_by_role("link", name="Kjernejournal", exact=True).click()
    page.wait_for_url(re.compile(r"kull=pulje-1-2025&sorter=kjernejournal"))
    assert page.locator(".overview-table tbody tr").count() == 12

    page.locator(".overview-table tbody").get_by_role("link", name="Vega").click()
    page.wait_for_url(re.compile(r"/nettverket/kommuner/vega/$"))
    assert page.locator("h1").inner_text().startswith("Vega kommune")
    assert "Pulje 1 2025" in page.locator(".fact-list").inner_text()
    check_page(page, "network-journey-vega")
