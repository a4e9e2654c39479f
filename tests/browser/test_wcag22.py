"""WCAG 2.2 AA, not only 2.1: axe with the wcag22aa rules (target size among them) on every
page type, public and member, on a phone; focus never hidden under the HTM sheet's sticky
«Lagre» bar; the same help in the same place on every page; selects styled by Designsystemet.

One browser context per visitor for the whole module."""

import pytest

from tests.browser.fixtures import LOCALE, TIMEOUT_MS
from tests.browser.helpers import format_violations

pytestmark = pytest.mark.browser

PHONE = {"width": 320, "height": 640}
MEMBER = "hanne.lie@example.org"  # the demo's kommunekoordinator for Vefsn
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]

TASK_GROUP = "/helhetlig-tjenestemodell/vedlikehold-og-videreutvikling-av-tjenesten/"
PUBLIC_PAGE_TYPES = {
    "home": "/",
    "content": "/om-nettverket/",
    "search": "/sok/?q=oppl%C3%A6ring",
    "not found": "/finnes-ikke/",
    "HTM model": "/helhetlig-tjenestemodell/",
    "HTM roles": "/helhetlig-tjenestemodell/roller/",
    "phase": "/helhetlig-tjenestemodell/behov-oppstar/",
    "task group": TASK_GROUP,
    "task area": TASK_GROUP + "opplaering/",
    "rollout index": "/nasjonale-innforingslop/",
    "rollout overview": "/nasjonale-innforingslop/oversikt/",
    "rollout": "/nasjonale-innforingslop/kjernejournal/",
    "network": "/nettverket/",
    "municipalities": "/nettverket/kommuner/",
    "municipality": "/nettverket/kommuner/vefsn/",
    "contact persons": "/nettverket/kontaktpersoner/",
    "working group": "/nettverket/koordineringsgruppe/",
    "meetings": "/moter-og-fagdager/",
    "meeting with registration": "/moter-og-fagdager/fagdag-velferdsteknologi-og-samhandling/",
    "projects": "/aktiviteter-og-prosjekter/",
    "project": "/aktiviteter-og-prosjekter/felles-kompetanseloft-htm/",
    "news": "/aktiviteter-og-prosjekter/digihelsestasjon-i-flere-kommuner/",
    "HTM status overview": "/htm-status/",
    "login": "/konto/logg-inn/",
    "password reset": "/konto/glemt-passord/",
}
MEMBER_PAGE_TYPES = {
    "Min kommune": "/min-kommune/vefsn/",
    "HTM sheet": "/min-kommune/vefsn/htm-status/",
    "HTM history": "/min-kommune/vefsn/htm-status/historikk/",
    "my data": "/konto/mine-data/",
    "change password": "/konto/endre-passord/",
}


def axe_source() -> str:
    from pathlib import Path

    import axe_playwright_python

    return (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text()


def axe(page) -> list[dict]:
    """Run axe-core with the WCAG 2.2 AA rules on the page as it is now.

    Axe is loaded into every page of the context by an init script (new_page() below),
    once per module instead of once per page as axe-playwright-python does, which halves the
    time. Init scripts run outside the page's Content-Security-Policy."""
    options = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}
    return page.evaluate(
        "(options) => axe.run(document, options).then((r) => r.violations)", options
    )


def violations_on(page, base: str, pages: dict) -> list[str]:
    """Axe on each page, with the main menu open so that its links are checked too."""
    found = []
    for path in pages.values():
        page.goto(base + path)
        page.evaluate("document.querySelector('[data-site-menu]')?.setAttribute('open', '')")
        violations = axe(page)
        if violations:
            found.append(format_violations(path, violations))
    return found


def new_page(browser, viewport, cookies=()):
    context = browser.new_context(viewport=viewport, locale=LOCALE)
    context.set_default_timeout(TIMEOUT_MS)
    context.add_init_script(axe_source())
    if cookies:
        context.add_cookies(list(cookies))
    return context.new_page()


@pytest.fixture(scope="module")
def phone(browser, demo_site):
    page = new_page(browser, PHONE)
    yield page
    page.context.close()


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
    cookie = {"name": settings.SESSION_COOKIE_NAME, "value": session, "url": demo_site}
    page = new_page(browser, PHONE, [cookie])
    yield page
    page.context.close()


def test_public_page_types_meet_wcag22_aa(phone, demo_site):
    found = violations_on(phone, demo_site, PUBLIC_PAGE_TYPES)
    assert not found, "\n".join(found)


def test_member_pages_meet_wcag22_aa(member_phone, demo_site):
    page = member_phone
    pages = dict(MEMBER_PAGE_TYPES)
    page.goto(demo_site + MEMBER_PAGE_TYPES["Min kommune"])
    pages["rollout status form"] = page.locator('a[href*="/innforingslop/"]').first.get_attribute(
        "href"
    )
    found = violations_on(page, demo_site, pages)
    assert not found, "\n".join(found)
    assert page.locator("h1").count() == 1


def test_focus_is_never_hidden_under_the_sticky_save_bar(member_phone, demo_site):
    """WCAG 2.4.11: Tab through the HTM sheet on a phone; each control that gets focus is
    shown above the sticky «Lagre» bar, not under it."""
    page = member_phone
    page.goto(demo_site + MEMBER_PAGE_TYPES["HTM sheet"])
    page.locator("fieldset.task-row select").first.focus()
    hidden = []
    for _ in range(30):
        page.keyboard.press("Tab")
        where = page.evaluate(
            """() => {
                const el = document.activeElement;
                const bar = document.querySelector('.task-sheet__submit');
                if (!el || bar.contains(el)) return null;
                const box = el.getBoundingClientRect();
                return {
                    name: el.name || el.tagName,
                    bottom: box.bottom,
                    barTop: bar.getBoundingClientRect().top,
                };
            }"""
        )
        if where and where["bottom"] > where["barTop"]:
            hidden.append(where)
    assert not hidden, f"focused controls hidden under the «Lagre» bar: {hidden}"


def test_help_is_in_the_same_place_on_every_page(phone, demo_site):
    """WCAG 3.2.6: the footer's «Kontakt» comes first in the footer on every page, with the
    same e-mail address."""
    seen = {}
    for path in ["/", "/om-nettverket/", "/sok/?q=htm", "/finnes-ikke/", "/konto/logg-inn/"]:
        phone.goto(demo_site + path)
        seen[path] = phone.evaluate(
            """() => {
                const first = document.querySelector('footer section');
                const mail = first && first.querySelector('a[href^="mailto:"]');
                return first && [first.querySelector('h2').textContent.trim(),
                                 mail && mail.getAttribute('href')];
            }"""
        )
    assert len({tuple(value or ()) for value in seen.values()}) == 1, seen
    assert seen["/"][0] == "Kontakt" and seen["/"][1].startswith("mailto:"), seen


def test_selects_are_styled_by_designsystemet(phone, demo_site):
    """Designsystemet 1.22 styles a select with ds-input: 16 px text and a target well over
    24 px high, not the browser's 13 px default."""
    phone.goto(demo_site + PUBLIC_PAGE_TYPES["meeting with registration"])
    select = phone.locator("form select").first
    assert select.count(), "the registration form has a select"
    size = select.evaluate(
        "(el) => [parseFloat(getComputedStyle(el).fontSize), el.getBoundingClientRect().height]"
    )
    assert size[0] >= 16 and size[1] >= 24, f"font size and height in px: {size}"
