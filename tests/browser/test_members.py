"""Members in Chromium: a member logs in, marks a rollout relevant with a new tag, finds it
on Min kommune, updates two HTM statuses and sees them in the regional overview; axe on every
new page."""

import re

import pytest

from tests.browser.helpers import check_page

pytestmark = pytest.mark.browser

EMAIL = "ingrid.vegesen@example.org"  # the demo's kommunekoordinator for Vega
PASSWORD = "et-langt-passord-for-nettleseren"  # noqa: S105


def set_password():
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.get(username=EMAIL)
    user.set_password(PASSWORD)
    user.save()
    return user


def log_in(page, demo_site):
    # Earlier browser tests may have left failed logins from this address (the live
    # server's committed database keeps them); start from a clean slate.
    from axes.utils import reset

    reset()
    page.goto(demo_site + "/")
    page.get_by_role("navigation", name="Konto").get_by_role("link", name="Logg inn").click()
    page.wait_for_url(re.compile(r"/konto/logg-inn/"))
    page.get_by_label("E-post eller brukernavn").fill(EMAIL)
    page.get_by_label("Passord").fill(PASSWORD)
    page.get_by_role("button", name="Logg inn").click()
    page.wait_for_url(re.compile(r"/min-kommune/vega/$"))


def test_member_journey(demo_site, page):
    set_password()
    log_in(page, demo_site)
    assert page.locator("h1").inner_text() == "Min kommune: Vega"

    # Mark DigiHelse relevant with a new tag.
    page.goto(demo_site + "/nasjonale-innforingslop/digihelse/")
    page.get_by_role("link", name="Marker som relevant for Vega").click()
    page.get_by_label("Nye emneord").fill("Velferdsteknologi 2026")
    page.get_by_label("Notat (valgfritt)").fill("Tas opp på neste ledermøte.")
    page.get_by_role("button", name="Marker som relevant").click()
    page.wait_for_url(re.compile(r"/nasjonale-innforingslop/digihelse/$"))
    panel = page.locator(".relevance-panel")
    assert "Markert som relevant for Vega" in panel.inner_text()
    assert "Velferdsteknologi 2026" in panel.inner_text()

    # Find it on Min kommune, under its tag.
    page.get_by_role("navigation", name="Konto").get_by_role("link", name="Min kommune").click()
    page.wait_for_url(re.compile(r"/min-kommune/vega/$"))
    group = page.locator(".tag-group", has=page.get_by_role("link", name="Velferdsteknologi 2026"))
    assert group.get_by_role("link", name="DigiHelse").count() == 1

    # Update two HTM statuses in the one form.
    page.get_by_role("link", name="Oppdater statusen for oppgavene").click()
    page.wait_for_url(re.compile(r"/min-kommune/vega/htm-status/$"))
    rows = page.locator("fieldset.task-row")
    assert rows.count() == 24
    first, second = rows.nth(0), rows.nth(10)
    first_task = first.locator(".task-row__task").inner_text()
    second_task = second.locator(".task-row__task").inner_text()
    first.get_by_label("Status").select_option(label="Ikke aktuelt")
    second.get_by_label("Status").select_option(label="Ikke organisert")
    second.get_by_label("Kommentar").fill("Trenger hjelp fra regionen")
    page.get_by_role("button", name="Lagre statusen").click()
    page.wait_for_url(re.compile(r"/min-kommune/vega/htm-status/$"))
    assert "Lagret: 2 oppgaver er oppdatert." in page.locator(".member-messages").inner_text()

    # See them in the regional overview.
    page.get_by_role("link", name="Regional oversikt").first.click()
    page.wait_for_url(re.compile(r"/htm-status/$"))
    headers = page.locator(".heatmap thead .heatmap__task").all_inner_texts()
    row = page.locator(".heatmap tbody tr", has=page.get_by_role("link", name="Vega", exact=True))
    cells = row.locator(".heatmap__cell").all_inner_texts()
    values = dict(zip([h.strip() for h in headers], [c.strip() for c in cells], strict=True))
    assert values[first_task] == "Ikke aktuelt"
    assert values[second_task] == "Ikke organisert"
    page.get_by_label("Vis kommunene i").select_option(label="Pulje 1 2025")
    page.get_by_role("button", name="Vis").click()
    page.wait_for_url(re.compile(r"kull=pulje-1-2025"))
    assert page.locator(".heatmap tbody tr").count() == 12


MEMBER_PAGES = {
    "members-dashboard": "/min-kommune/vega/",
    "members-sheet": "/min-kommune/vega/htm-status/",
    "members-history": "/min-kommune/vega/htm-status/historikk/",
    "members-overview": "/htm-status/",
    "members-tag": "/min-kommune/vega/emneord/innføring-2026/",
    "members-rollout-status": None,  # filled in below: needs the rollout's id
    "members-mark-form": None,
    "members-rollout-with-panel": "/nasjonale-innforingslop/kjernejournal/",
    "members-htm-area-with-panel": (
        "/helhetlig-tjenestemodell/vedlikehold-og-videreutvikling-av-tjenesten/opplaering/"
    ),
    "members-municipality-summary": "/nettverket/kommuner/vega/",
    "members-password-change": "/konto/endre-passord/",
    "members-logout": "/konto/logg-ut/",
}
PUBLIC_PAGES = {
    "accounts-login": "/konto/logg-inn/",
    "accounts-password-reset": "/konto/glemt-passord/",
    "accounts-password-reset-done": "/konto/glemt-passord/sendt/",
    "accounts-invalid-link": "/konto/nytt-passord/MQ/ugyldig-lenke/",
    "accounts-rollout-anonymous-panel": "/nasjonale-innforingslop/kjernejournal/",
}


def test_every_new_page_passes_axe(demo_site, page):
    from network.models import Municipality, RolloutPage

    for name, path in PUBLIC_PAGES.items():
        response = page.goto(demo_site + path)
        assert response.status == 200, path
        check_page(page, name)

    set_password()
    log_in(page, demo_site)
    rollout = RolloutPage.objects.get(slug="kjernejournal")
    vega = Municipality.objects.get(slug="vega")
    pages = dict(MEMBER_PAGES)
    pages["members-rollout-status"] = f"/min-kommune/vega/innforingslop/{rollout.pk}/"
    pages["members-mark-form"] = f"/relevant/side/{rollout.pk}/?kommune={vega.pk}"
    for name, path in pages.items():
        response = page.goto(demo_site + path)
        assert response.status == 200, path
        check_page(page, name)


def test_lockout_page_passes_axe(demo_site, page, settings):
    set_password()
    page.goto(demo_site + "/konto/logg-inn/")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        page.get_by_label("E-post eller brukernavn").fill(EMAIL)
        page.get_by_label("Passord").fill("feil-passord")
        page.get_by_role("button", name="Logg inn").click()
        page.wait_for_load_state()
    assert "For mange mislykkede innlogginger" in page.locator("h1").inner_text()
    check_page(page, "accounts-lockout")
