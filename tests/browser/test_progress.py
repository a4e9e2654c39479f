"""Progress in Chromium: a member finds «Siden forrige møte» on a demo working meeting, steps
through the projector view with the keyboard, sees the charts with their tables on the
overviews and on the municipality's page, and downloads the Word report. axe on each page;
PNG screenshots of the charts and the projector view under var/screenshots/."""

import re
from pathlib import Path

import pytest
from docx import Document

from tests.browser.helpers import SCREENSHOT_DIR, check_page

pytestmark = pytest.mark.browser

EMAIL = "per.dahl@example.org"  # a member in Vega in the demo
PASSWORD = "et-langt-passord-for-fremdrift"  # noqa: S105
MEETING = "/moter-og-fagdager/regionalt-arbeidsmote-kjernejournal-2026-03/"


def log_in(page, demo_site):
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.get(username=EMAIL)
    user.set_password(PASSWORD)
    user.save()
    # Earlier browser tests may have left failed logins from this address (the live
    # server's committed database keeps them); start from a clean slate.
    from axes.utils import reset

    reset()
    page.goto(demo_site + "/konto/logg-inn/")
    page.get_by_label("E-post eller brukernavn").fill(EMAIL)
    page.get_by_label("Passord").fill(PASSWORD)
    page.get_by_role("button", name="Logg inn").click()
    page.wait_for_url(re.compile(r"/min-kommune/vega/$"))


def shoot(locator, name: str) -> Path:
    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOT_DIR / f"{name}.png"
    locator.screenshot(path=str(path))
    assert path.stat().st_size > 1000
    return path


def chart_is_drawn(page, section) -> None:
    image = section.locator("img.progress-chart__image")
    image.scroll_into_view_if_needed()
    page.wait_for_function(
        "img => img.complete && img.naturalWidth > 0", arg=image.element_handle()
    )
    assert section.locator("table tbody tr").count() > 0


def test_since_the_last_meeting_and_the_projector(demo_site, page):
    log_in(page, demo_site)
    page.goto(demo_site + MEETING)
    section = page.locator("section.since-meeting")
    assert section.get_by_role("heading", name="Siden forrige møte").is_visible()
    rows = section.locator("table tbody tr")
    assert rows.count() > 0  # the demo history spans the meetings
    assert "Gått fram" in section.inner_text()
    check_page(page, "progress-since-meeting")

    section.get_by_role("link", name="Vis på storskjerm, én kommune om gangen").click()
    page.wait_for_url(re.compile(r"/storskjerm/"))
    assert page.locator("h1").inner_text() == "Siden forrige møte"
    check_page(page, "progress-projector-start")
    page.keyboard.press("ArrowRight")
    page.wait_for_url(re.compile(r"nr=1"))
    municipality = page.locator("h1").inner_text()
    assert municipality and municipality != "Siden forrige møte"
    page.screenshot(path=str(SCREENSHOT_DIR / "progress-projector.png"))
    page.keyboard.press("ArrowRight")
    page.wait_for_url(re.compile(r"nr=2"))
    page.keyboard.press("ArrowLeft")
    page.wait_for_url(re.compile(r"nr=1"))
    assert page.locator("h1").inner_text() == municipality
    # Without the script the links step just the same.
    page.get_by_role("link", name="Neste →").click()
    page.wait_for_url(re.compile(r"nr=2"))


def test_the_charts_with_their_tables_and_the_word_report(demo_site, page):
    log_in(page, demo_site)
    page.goto(demo_site + "/htm-status/")
    cohorts = page.locator("section.progress-chart")
    chart_is_drawn(page, cohorts)
    assert cohorts.get_by_role("columnheader", name="Pulje 1 2025").is_visible()
    check_page(page, "progress-htm-overview")
    shoot(cohorts, "progress-chart-cohorts")

    page.goto(demo_site + "/nasjonale-innforingslop/oversikt/?diagram=kjernejournal")
    rollout = page.locator("section.progress-chart")
    chart_is_drawn(page, rollout)
    assert "Kommuner på hvert trinn i Kjernejournal" in rollout.inner_text()
    check_page(page, "progress-rollout-overview")
    shoot(rollout, "progress-chart-rollout")

    page.goto(demo_site + "/nettverket/kommuner/vega/")
    own = page.locator("section.progress-chart")
    chart_is_drawn(page, own)
    shoot(own, "progress-chart-vega")

    page.goto(demo_site + "/min-kommune/vega/")
    page.get_by_role("link", name=re.compile("Status for Vega")).click()
    page.wait_for_url(re.compile(r"/min-kommune/vega/rapport/"))
    check_page(page, "progress-report")
    page.emulate_media(media="print")
    page.pdf(path=str(SCREENSHOT_DIR / "progress-report-a4.pdf"), format="A4")
    page.emulate_media(media="screen")
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Last ned som Word-dokument").click()
    document = Document(download_info.value.path())
    assert document.paragraphs[0].text == "Status for Vega"
    tasks = [
        row.cells[0].text
        for table in document.tables
        if table.rows[0].cells[0].text == "Oppgave"
        for row in table.rows[1:]
    ]
    assert len(tasks) == 24
