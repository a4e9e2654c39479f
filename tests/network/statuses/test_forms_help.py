"""Forms that help: a confirmation after each save, the rollout form's numbered steps and its
refusal of a «Siden» date in the future (keeping what was typed), a history that says what
changed, a confirmation on an HTM page marked as relevant, and a warning (not a block) when
an editor publishes a meeting in the past."""

import datetime

import pytest
from django.contrib.messages import get_messages
from django.contrib.messages.storage.fallback import FallbackStorage
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone
from wagtail import hooks

from network.models import RolloutStatus
from network.statuses.forms import FUTURE_SINCE_MESSAGE
from tests.htm.factories import HtmModelPageFactory, PhasePageFactory
from tests.network.meetings.factories import MeetingIndexPageFactory, MeetingPageFactory


def form_url(rollout, municipality="vega"):
    return reverse("min_kommune_rollout_status", args=[municipality, rollout.pk])


def post_status(client, rollout, levels, **values):
    data = {"level": levels["forberedelse"].pk, "version": 0, "since": "", "note": ""}
    data.update(values)
    return client.post(form_url(rollout), data)


def test_the_steps_are_numbered(client, coordinator, rollouts):
    client.force_login(coordinator)
    html = client.get(form_url(rollouts[0])).content.decode()
    assert ">1. Bestille tilgang</option>" in html
    assert ">2. Forberede</option>" in html
    assert ">3. Ta i bruk</option>" in html
    assert ">. " not in html


def test_a_save_is_confirmed(client, coordinator, rollouts, levels):
    client.force_login(coordinator)
    response = post_status(client, rollouts[0], levels, since="01.02.2026")
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert f"Status i {rollouts[0].title} er oppdatert." in page


def test_a_since_date_in_the_future_is_refused_and_nothing_typed_is_lost(
    client, coordinator, rollouts, levels
):
    client.force_login(coordinator)
    step = rollouts[0].steps.get(title="Forberede")
    future = timezone.localdate() + datetime.timedelta(days=400)
    response = post_status(
        client,
        rollouts[0],
        levels,
        since=future.strftime("%d.%m.%Y"),
        current_step=step.pk,
        note="Avtale med leverandøren er sendt til signering.",
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert FUTURE_SINCE_MESSAGE.replace("«", "&laquo;") in html or FUTURE_SINCE_MESSAGE in html
    assert "Statusen er ikke lagret" in html
    assert future.strftime("%d.%m.%Y") in html
    assert "Avtale med leverandøren er sendt til signering." in html
    assert f'value="{step.pk}" selected' in html
    assert not RolloutStatus.objects.filter(rollout=rollouts[0]).exists()
    # Today is accepted.
    today = timezone.localdate().strftime("%d.%m.%Y")
    assert post_status(client, rollouts[0], levels, since=today).status_code == 302


def test_the_history_says_what_changed(client, coordinator, rollouts, levels):
    client.force_login(coordinator)
    rollout = rollouts[0]
    first, second = list(rollout.steps.order_by("sort_order"))[:2]
    post_status(client, rollout, levels, current_step=first.pk, since="01.02.2026")
    # The same status with another step, date and note.
    post_status(
        client,
        rollout,
        levels,
        version=1,
        current_step=second.pk,
        since="15.03.2026",
        note="Klar for neste trinn.",
    )
    html = client.get(form_url(rollout)).content.decode()
    assert "Trinn: Bestille tilgang → Forberede" in html
    assert "Siden: 01.02.2026 → 15.03.2026" in html
    assert "Merknad: «Klar for neste trinn.»" in html
    assert "Forberedelse → Forberedelse" not in html
    assert "Status: ingen status → Forberedelse" in html


def test_an_htm_page_marked_as_relevant_confirms_it(client, member, vega, home_page):
    phase = PhasePageFactory(parent=HtmModelPageFactory(parent=home_page), number=1)
    client.force_login(member)
    response = client.post(
        reverse("marks_page", args=[phase.pk]),
        {"municipality": vega.pk, "new_tags": "Opplæring", "note": ""},
    )
    assert response.status_code == 302 and response["Location"] == phase.url
    html = client.get(phase.url).content.decode()
    assert f"«{phase.title}» er markert som relevant for Vega." in html
    # Shown once, not again on the next page.
    assert "er markert som relevant for Vega." not in client.get(phase.url).content.decode()


def _publish_hooks(page):
    request = RequestFactory().post("/admin/")
    request.session = {}
    request._messages = FallbackStorage(request)
    for hook in hooks.get_hooks("after_publish_page"):
        hook(request, page)
    return [str(message) for message in get_messages(request)]


def test_publishing_a_meeting_in_the_past_warns_without_blocking(home_page):
    index = MeetingIndexPageFactory(parent=home_page)
    past = MeetingPageFactory(
        parent=index, title="Fagdag i fjor", start=timezone.now() - datetime.timedelta(days=30)
    )
    coming = MeetingPageFactory(
        parent=index, title="Fagdag neste år", start=timezone.now() + datetime.timedelta(days=30)
    )
    warnings = _publish_hooks(past)
    assert any("«Fagdag i fjor» er publisert, men møtet startet" in w for w in warnings)
    assert past.live
    assert not [w for w in _publish_hooks(coming) if "møtet startet" in w]


@pytest.mark.parametrize(
    ("saved", "conflicts", "expected"),
    [
        (1, 0, "Lagret: 1 oppgave er oppdatert."),
        (3, 0, "Lagret: 3 oppgaver er oppdatert."),
        (1, 2, "2 oppgaver ble ikke lagret"),
        (0, 1, "1 oppgave ble ikke lagret"),
    ],
)
def test_the_sheet_confirms_in_whole_words(saved, conflicts, expected):
    from network.statuses.views import report_sheet_save

    request = RequestFactory().post("/")
    request.session = {}
    request._messages = FallbackStorage(request)
    report_sheet_save(request, saved, conflicts)
    text = " ".join(str(m) for m in get_messages(request))
    assert expected in text
    assert "(r)" not in text and "(er)" not in text
