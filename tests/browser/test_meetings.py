"""Meetings in Chromium: axe (WCAG 2.1 AA) on every new page type, and a visitor who finds
the next fagdag, puts it in the calendar and registers."""

import re
from pathlib import Path

import pytest
from icalendar import Calendar

from tests.browser.helpers import check_page

pytestmark = pytest.mark.browser

PAGES = {
    "meetings-index": "/moter-og-fagdager/",
    "meetings-index-filtered": "/moter-og-fagdager/?type=fagdag&ar=2026",
    "meetings-fagdag-with-materials": "/moter-og-fagdager/fagdag-usht-24-03-26/",
    "meetings-moved-with-registration": "/moter-og-fagdager/regionalt-arbeidsmote-vkp-og-pll/",
    "meetings-cancelled": "/moter-og-fagdager/nettverksmote-kontaktpersoner/",
    "meetings-on-home": "/",
    "meetings-on-rollout": "/nasjonale-innforingslop/kjernejournal/",
    "meetings-on-task-area": "/helhetlig-tjenestemodell/"
    "vedlikehold-og-videreutvikling-av-tjenesten/samhandling/",
}


def test_every_meeting_page_type_passes_axe(demo_site, page):
    for name, path in PAGES.items():
        response = page.goto(demo_site + path)
        assert response.status == 200, path
        check_page(page, name)


def test_a_visitor_finds_the_next_fagdag_adds_it_to_the_calendar_and_registers(demo_site, page):
    page.goto(demo_site + "/")
    page.get_by_role("navigation", name="Hovedmeny").get_by_role(
        "link", name="Møter og fagdager"
    ).click()
    page.wait_for_url(re.compile(r"/moter-og-fagdager/$"))

    # Filter without JavaScript: a plain GET form.
    page.get_by_label("Type").select_option(label="Fagdag")
    page.get_by_role("button", name="Vis").click()
    page.wait_for_url(re.compile(r"type=fagdag"))
    upcoming = page.locator("section", has=page.get_by_role("heading", name="Kommende"))
    upcoming.get_by_role("link").first.click()
    page.wait_for_url(re.compile(r"/fagdag-velferdsteknologi-og-samhandling/$"))
    assert "Fagdag om velferdsteknologi og samhandling" in page.locator("h1").inner_text()

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Legg i kalenderen (.ics)").click()
    download = download_info.value
    assert download.suggested_filename == "fagdag-velferdsteknologi-og-samhandling.ics"
    calendar = Calendar.from_ical(Path(download.path()).read_bytes())
    (event,) = calendar.walk("VEVENT")
    assert str(event["SUMMARY"]) == "Fagdag om velferdsteknologi og samhandling"
    assert event["DTSTART"].params["TZID"] == "Europe/Oslo"
    assert (event.start.hour, event.start.minute) == (9, 30)

    page.get_by_role("link", name="Meld deg på").click()
    # First without an e-mail address: the error is shown, and what was typed is kept.
    page.get_by_label("Navn").fill("Berit Prøvesen")
    page.get_by_label("Kommune", exact=True).select_option(label="Vefsn")
    page.get_by_label("Kommentar (valgfritt)").fill("Vegetar")
    page.get_by_role("button", name="Meld meg på").click()
    assert "Påmeldingen ble ikke sendt" in page.get_by_role("alert").inner_text()
    assert page.get_by_label("Navn").input_value() == "Berit Prøvesen"
    assert page.get_by_label("Kommentar (valgfritt)").input_value() == "Vegetar"
    check_page(page, "meetings-registration-errors")

    page.get_by_label("E-post").fill("berit.provesen@example.org")
    page.get_by_role("button", name="Meld meg på").click()
    page.wait_for_url(re.compile(r"/fagdag-velferdsteknologi-og-samhandling/#pamelding$"))
    status = page.get_by_role("status").filter(has_text="bekrefte")
    assert "Vi har sendt en e-post til berit.provesen@example.org" in status.inner_text()

    # The seat is taken once the address is confirmed with the link in the e-mail.
    from django.core import mail

    link = re.search(r"http://[^/\s]+(/\S+/pamelding/bekreft/\?kode=\S+)", mail.outbox[-1].body)
    page.goto(demo_site + link.group(1))
    check_page(page, "meetings-confirm-registration")
    page.get_by_role("button", name="Bekreft påmeldingen").click()
    page.wait_for_url(re.compile(r"/fagdag-velferdsteknologi-og-samhandling/#pamelding$"))
    status = page.get_by_role("status").filter(has_text="påmeldt")
    assert "Du er påmeldt." in status.inner_text()
    check_page(page, "meetings-registered")

    # Reloading and sending again does not register twice.
    page.get_by_label("Navn").fill("Berit Prøvesen")
    page.get_by_label("E-post").fill("Berit.Provesen@example.org")
    page.get_by_label("Kommune", exact=True).select_option(label="Vefsn")
    page.get_by_role("button", name="Meld meg på").click()
    assert "allerede påmeldt" in page.locator(".meeting__messages").inner_text()

    from network.models import MeetingRegistration

    registrations = MeetingRegistration.objects.filter(email__iexact="berit.provesen@example.org")
    assert registrations.count() == 1


def test_members_only_material_asks_an_anonymous_visitor_to_log_in(demo_site, page):
    page.goto(demo_site + "/moter-og-fagdager/fagdag-usht-24-03-26/")
    link = page.get_by_role("link", name="Workshopkort – status på organisering av oppgavene")
    href = link.first.get_attribute("href")
    assert href.startswith("/dokumenter/")
    response = page.goto(demo_site + href)
    # The login page (WAGTAIL_FRONTEND_LOGIN_URL), which brings the member back to the file.
    assert response.status == 200
    assert "next=/dokumenter/" in page.url
    assert page.locator("input[type=password]").count() == 1
