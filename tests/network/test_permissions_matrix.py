# ruff: noqa: F811  (pytest fixtures imported from member_helpers are parameters here)
"""Every role against every members' action, allowed and refused, including crafted POSTs
for another municipality's id (Vega's people acting on Rana)."""

import pytest
from django.urls import reverse

from network.models import RelevanceMark, RolloutStatus, TaskStatus
from tests.network.helpers import sheet_data

ROLES = ["anonymous", "plain_user", "member", "coordinator", "editor"]
# For each action: what each role gets (302 to login, 403 refused, 200/302 allowed).
LOGIN, REFUSED, OK = "login", "refused", "ok"


@pytest.fixture
def users(request, member, coordinator, plain_user, editor):
    return {
        "anonymous": None,
        "plain_user": plain_user,
        "member": member,
        "coordinator": coordinator,
        "editor": editor,
    }


def outcome(response):
    if response.status_code == 302 and response["Location"].startswith("/konto/logg-inn/"):
        return LOGIN
    if response.status_code == 403:
        return REFUSED
    assert response.status_code in (200, 302), response.status_code
    return OK


EXPECTED = {
    # action: anonymous, plain user, member (Vega), coordinator (Vega), editor
    "min_kommune_own": [LOGIN, REFUSED, OK, OK, OK],
    "min_kommune_other": [LOGIN, REFUSED, REFUSED, REFUSED, OK],
    "mark_own": [LOGIN, REFUSED, OK, OK, OK],
    "mark_other": [LOGIN, REFUSED, REFUSED, REFUSED, OK],
    "remove_other_mark": [LOGIN, REFUSED, REFUSED, REFUSED, OK],
    "sheet_view_own": [LOGIN, REFUSED, OK, OK, OK],
    "sheet_save_own": [LOGIN, REFUSED, REFUSED, OK, OK],
    "sheet_save_other": [LOGIN, REFUSED, REFUSED, REFUSED, OK],
    "rollout_status_own": [LOGIN, REFUSED, REFUSED, OK, OK],
    "rollout_status_other": [LOGIN, REFUSED, REFUSED, REFUSED, OK],
    "regional_overview": [LOGIN, REFUSED, OK, OK, OK],
    "overview_csv": [LOGIN, REFUSED, OK, OK, OK],
    "history_other": [LOGIN, REFUSED, REFUSED, REFUSED, OK],
}


def perform(action, client, context):
    rollout, vega, rana, tasks, levels = (
        context["rollout"],
        context["vega"],
        context["rana"],
        context["tasks"],
        context["levels"],
    )
    change = {tasks[0]: {"level": levels["organisert"].pk}}
    rollout_form = {"level": context["rollout_level"].pk, "note": "Ny", "version": ""}
    if action == "min_kommune_own":
        return client.get("/min-kommune/vega/")
    if action == "min_kommune_other":
        return client.get("/min-kommune/rana/")
    if action == "mark_own":
        return client.post(
            reverse("marks_page", args=[rollout.pk]), {"municipality": vega.pk, "next": "/"}
        )
    if action == "mark_other":
        return client.post(
            reverse("marks_page", args=[rollout.pk]), {"municipality": rana.pk, "next": "/"}
        )
    if action == "remove_other_mark":
        mark, _ = RelevanceMark.objects.get_or_create(municipality=rana, page=rollout)
        return client.post(reverse("marks_remove", args=[mark.pk]), {"next": "/"})
    if action == "sheet_view_own":
        return client.get("/min-kommune/vega/htm-status/")
    if action == "sheet_save_own":
        return client.post("/min-kommune/vega/htm-status/", sheet_data(tasks, changes=change))
    if action == "sheet_save_other":
        return client.post("/min-kommune/rana/htm-status/", sheet_data(tasks, changes=change))
    if action == "rollout_status_own":
        return client.post(f"/min-kommune/vega/innforingslop/{rollout.pk}/", rollout_form)
    if action == "rollout_status_other":
        return client.post(f"/min-kommune/rana/innforingslop/{rollout.pk}/", rollout_form)
    if action == "regional_overview":
        return client.get("/htm-status/")
    if action == "overview_csv":
        return client.get("/htm-status/csv/")
    if action == "history_other":
        return client.get("/min-kommune/rana/htm-status/historikk/")
    raise AssertionError(action)


@pytest.mark.parametrize("action", list(EXPECTED))
def test_every_role_against_every_action(
    client, users, action, rollouts, htm_tasks, task_levels, vega, rana, levels
):
    context = {
        "rollout": rollouts[0],
        "vega": vega,
        "rana": rana,
        "tasks": htm_tasks,
        "levels": task_levels,
        "rollout_level": levels["innforing"],
    }
    for role, expected in zip(ROLES, EXPECTED[action], strict=True):
        client.logout()
        if users[role] is not None:
            client.force_login(users[role])
        got = outcome(perform(action, client, context))
        assert got == expected, f"{role} → {action}: {got}, expected {expected}"
    # What was refused left no trace on Rana (only the editor may act there).
    if action in {"mark_other", "sheet_save_other", "rollout_status_other"}:
        touched = (
            RelevanceMark.objects.filter(municipality=rana, page=rollouts[0]).count()
            + TaskStatus.objects.filter(municipality=rana).count()
            + RolloutStatus.objects.filter(municipality=rana).count()
        )
        assert touched == 1  # the editor's


def test_rollout_status_form_records_history_and_detects_conflicts(
    client, coordinator, rollouts, levels, vega
):
    rollout = rollouts[0]
    url = f"/min-kommune/vega/innforingslop/{rollout.pk}/"
    client.force_login(coordinator)
    assert client.get(url).status_code == 200
    response = client.post(url, {"level": levels["innforing"].pk, "note": "I gang", "version": ""})
    assert response.status_code == 302
    status = RolloutStatus.objects.get(municipality=vega, rollout=rollout)
    assert status.changes.get().changed_by == coordinator
    # A second person's form from before that save is refused, with the new value shown.
    stale = client.post(url, {"level": levels["i-drift"].pk, "note": "Eldre", "version": ""})
    assert stale.status_code == 200
    assert "Noen andre har endret statusen" in stale.content.decode()
    status.refresh_from_db()
    assert status.level == levels["innforing"] and status.note == "I gang"


def test_the_regional_editor_uploads_documents_and_a_member_cannot(client, editor, member):
    """Wagtail checks document permissions on its own Document model: the editors' group
    must hold those, not only the portal document's."""
    from django.core.files.uploadedfile import SimpleUploadedFile
    from wagtail.documents import get_document_model

    from tests.security.test_uploads import pdf_bytes

    add_url = reverse("wagtaildocs:add")
    client.force_login(member)
    assert client.get(add_url).status_code == 302  # no admin access: sent to the login
    client.force_login(editor)
    assert client.get(add_url).status_code == 200
    upload = SimpleUploadedFile("referat.pdf", pdf_bytes(), content_type="application/pdf")
    response = client.post(add_url, {"title": "Referat", "file": upload, "collection": 1})
    assert response.status_code == 302, response.content.decode()[:2000]
    assert get_document_model().objects.filter(title="Referat").exists()
