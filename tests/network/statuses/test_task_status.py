# ruff: noqa: F811  (pytest fixtures imported from member_helpers are parameters here)
"""The HTM status of each municipality: history, the one-form sheet with its protection
against concurrent edits, the regional overview in constant queries, and its downloads."""

import csv
import io
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from network.models import Municipality, TaskStatus, TaskStatusChange
from network.statuses.tasks import model_sections
from tests.network.factories import CohortFactory
from tests.network.helpers import sheet_data
from tests.utils import count_queries

SHEET = "/min-kommune/vega/htm-status/"


def test_the_24_tasks_grouped_as_the_model_is(htm_model, htm_tasks):
    sections = model_sections()
    assert len(htm_tasks) == 24
    assert [len(s.tasks) for s in sections] == [4, 10, 2, 2, 4, 2]
    assert sections[0].title == "Tjenesteforløpet"
    assert all(task.title != "Samhandling" for s in sections for task in s.tasks)


class TestHistory:
    def test_every_change_is_kept(self, htm_tasks, task_levels, vega, coordinator, role):
        task = htm_tasks[0]
        status = TaskStatus(municipality=vega, task=task, level=task_levels["ikke-organisert"])
        status.save(changed_by=coordinator)
        assert status.version == 1
        status.level = task_levels["organisert"]
        status.responsible_role = role
        status.responsible_unit = "Tildelingskontoret"
        status.save(changed_by=coordinator)
        assert status.version == 2
        status.save()  # nothing changed: no history, same version
        assert status.version == 2
        changes = list(TaskStatusChange.objects.order_by("pk"))
        assert len(changes) == 2
        assert (changes[1].old_level, changes[1].new_level) == (
            task_levels["ikke-organisert"],
            task_levels["organisert"],
        )
        assert changes[1].new_responsible == "Tjenesteleder / Tildelingskontoret"
        assert changes[1].changed_by == coordinator
        # The role's name was copied: renaming it does not rewrite the history.
        role.name = "Leder"
        role.save()
        changes[1].refresh_from_db()
        assert changes[1].new_responsible.startswith("Tjenesteleder")

    def test_only_phases_and_areas_with_a_task(self, htm_model, task_levels, vega):
        from django.core.exceptions import ValidationError

        model, _phases, areas = htm_model
        samhandling = next(a for a in areas if not a.workshop_task)
        for page in (model, samhandling):
            status = TaskStatus(municipality=vega, task=page, level=task_levels["organisert"])
            with pytest.raises(ValidationError):
                status.full_clean()

    def test_history_page_shows_the_picture_over_time(
        self, client, htm_tasks, task_levels, vega, member
    ):
        for task in htm_tasks[:3]:
            TaskStatus(municipality=vega, task=task, level=task_levels["organisert"]).save()
        client.force_login(member)
        html = client.get(SHEET + "historikk/").content.decode()
        assert "Slik har bildet endret seg" in html
        assert html.count('class="change-item"') == 3
        # After the changes: 3 organised, 21 still not assessed.
        assert re.search(r"<td>21</td>\s*<td>0</td>\s*<td>0</td>\s*<td>3</td>", html)


class TestSheet:
    def test_coordinator_updates_two_tasks_in_one_form(
        self, client, htm_tasks, task_levels, coordinator, role
    ):
        client.force_login(coordinator)
        html = client.get(SHEET).content.decode()
        assert html.count('<fieldset class="task-row') == 24
        assert "Lagre statusen" in html
        data = sheet_data(
            htm_tasks,
            changes={
                htm_tasks[0]: {"level": task_levels["organisert"].pk, "responsible_role": role.pk},
                htm_tasks[5]: {
                    "level": task_levels["delvis-organisert"].pk,
                    "comment": "Mangler rutiner",
                },
            },
        )
        response = client.post(SHEET, data)
        assert response.status_code == 302
        statuses = {s.task_id: s for s in TaskStatus.objects.all()}
        assert set(statuses) == {htm_tasks[0].pk, htm_tasks[5].pk}  # untouched rows not saved
        assert statuses[htm_tasks[0].pk].responsible_role == role
        assert statuses[htm_tasks[5].pk].comment == "Mangler rutiner"
        assert statuses[htm_tasks[5].pk].updated_by == coordinator
        assert TaskStatusChange.objects.count() == 2

    def test_a_member_reads_but_cannot_save(self, client, htm_tasks, task_levels, member):
        client.force_login(member)
        html = client.get(SHEET).content.decode()
        assert "Lagre statusen" not in html and "Kommunekoordinatoren" in html
        changes = {htm_tasks[0]: {"level": task_levels["organisert"].pk}}
        data = sheet_data(htm_tasks, changes=changes)
        assert client.post(SHEET, data).status_code == 403
        assert not TaskStatus.objects.exists()

    def test_crafted_post_for_another_municipality_is_refused(
        self, client, htm_tasks, task_levels, coordinator, rana
    ):
        client.force_login(coordinator)
        changes = {htm_tasks[0]: {"level": task_levels["organisert"].pk}}
        data = sheet_data(htm_tasks, changes=changes)
        assert client.post("/min-kommune/rana/htm-status/", data).status_code == 403
        assert not TaskStatus.objects.filter(municipality=rana).exists()

    def test_concurrent_edit_is_never_silently_overwritten(
        self, client, htm_tasks, task_levels, coordinator, editor, vega
    ):
        task = htm_tasks[2]
        status = TaskStatus(municipality=vega, task=task, level=task_levels["ikke-organisert"])
        status.save()
        # Both open the sheet now.
        seen = sheet_data(htm_tasks, statuses={task.pk: status})
        # The editor saves first.
        client.force_login(editor)
        first = dict(seen)
        first[f"t{task.pk}-level"] = task_levels["organisert"].pk
        first[f"t{task.pk}-comment"] = "Redaktøren var først"
        assert client.post(SHEET, first).status_code == 302
        # The coordinator saves the same task from the old page, and one other task.
        client.force_login(coordinator)
        second = dict(seen)
        second[f"t{task.pk}-level"] = task_levels["delvis-organisert"].pk
        second[f"t{task.pk}-comment"] = "Min versjon"
        other = htm_tasks[3]
        second[f"t{other.pk}-level"] = task_levels["organisert"].pk
        response = client.post(SHEET, second)
        assert response.status_code == 200
        html = response.content.decode()
        assert "ble ikke lagret fordi noen andre endret dem" in html
        status.refresh_from_db()
        assert status.comment == "Redaktøren var først"  # nothing saved for that row
        assert status.level == task_levels["organisert"]
        # Both are shown: theirs in the message, mine kept in the fields.
        row = html[html.index(f'id="oppgave-{task.pk}"') :]
        row = row[: row.index("</fieldset>")]
        assert "Redaktøren var først" in row and "Min versjon" in row
        assert f'value="{task_levels["delvis-organisert"].pk}" selected' in row
        # The other task was saved.
        assert TaskStatus.objects.get(task=other).level == task_levels["organisert"]
        # Saving again from the conflict page is now deliberate and goes through.
        version = re.search(rf'name="t{task.pk}-version" value="(\d+)"', html).group(1)
        assert version == str(status.version)
        again = sheet_data(htm_tasks, statuses={s.task_id: s for s in TaskStatus.objects.all()})
        again[f"t{task.pk}-level"] = task_levels["delvis-organisert"].pk
        again[f"t{task.pk}-comment"] = "Min versjon"
        assert client.post(SHEET, again).status_code == 302
        status.refresh_from_db()
        assert status.comment == "Min versjon"

    def test_a_row_someone_else_changed_but_i_did_not_touch_is_no_conflict(
        self, client, htm_tasks, task_levels, coordinator, editor, vega
    ):
        seen = sheet_data(htm_tasks)
        client.force_login(editor)
        first = dict(seen)
        first[f"t{htm_tasks[0].pk}-level"] = task_levels["organisert"].pk
        client.post(SHEET, first)
        client.force_login(coordinator)
        second = dict(seen)
        second[f"t{htm_tasks[1].pk}-level"] = task_levels["organisert"].pk
        assert client.post(SHEET, second).status_code == 302
        assert TaskStatus.objects.get(task=htm_tasks[0]).level == task_levels["organisert"]
        assert TaskStatus.objects.count() == 2

    def test_sheet_queries_are_constant(self, client, htm_tasks, task_levels, coordinator, vega):
        client.force_login(coordinator)
        empty = count_queries(client, SHEET)
        for task in htm_tasks:
            TaskStatus(municipality=vega, task=task, level=task_levels["organisert"]).save()
        assert count_queries(client, SHEET) == empty


class TestOverview:
    def fill(self, task_levels, tasks, municipalities):
        scale = list(task_levels.values())
        rows = [
            TaskStatus(
                municipality=m, task=t, level=scale[(i + j) % len(scale)], responsible_unit="X"
            )
            for i, m in enumerate(municipalities)
            for j, t in enumerate(tasks)
        ]
        TaskStatus.objects.bulk_create(rows)

    def test_41_by_24_in_a_constant_number_of_queries(
        self, client, htm_tasks, task_levels, member, network_page
    ):
        client.force_login(member)
        municipalities = list(Municipality.objects.all())
        assert len(municipalities) == 41
        self.fill(task_levels, htm_tasks[:2], municipalities[:3])
        small = count_queries(client, "/htm-status/")
        self.fill(task_levels, htm_tasks[2:], municipalities)
        with CaptureQueriesContext(connection) as queries:
            response = client.get("/htm-status/")
        assert len(queries) == small <= 20
        html = response.content.decode()
        assert html.count('class="heatmap__cell"') == 41 * 24

    def test_the_downloads_match_the_page(self, client, htm_tasks, task_levels, member):
        municipalities = list(Municipality.objects.all())
        self.fill(task_levels, htm_tasks[::2], municipalities[::3])
        client.force_login(member)
        html = client.get("/htm-status/").content.decode()
        body = html[html.index("<tbody>") : html.index("</tbody>")]
        page_rows = []
        for row in re.findall(r"<tr>(.*?)</tr>", body, re.S):
            name = re.sub(r"<[^>]+>", "", re.search(r"<th[^>]*>(.*?)</th>", row, re.S).group(1))
            cells = re.findall(r'class="heatmap__cell"[^>]*>([^<]*)</td>', row)
            page_rows.append([name.strip(), *cells])
        assert len(page_rows) == 41

        content = client.get("/htm-status/csv/").content.decode("utf-8-sig")
        table = list(csv.reader(io.StringIO(content), delimiter=";"))
        assert table[0][:2] == ["Kommune", "Kommunenummer"]
        assert table[0][2:] == [task.workshop_task for task in htm_tasks]
        assert [[r[0], *r[2:]] for r in table[1:]] == page_rows

        workbook = load_workbook(io.BytesIO(client.get("/htm-status/xlsx/").content))
        sheet_rows = [[str(v) for v in row] for row in workbook.active.iter_rows(values_only=True)]
        assert sheet_rows == table

    def test_filter_by_cohort_and_distribution(self, client, htm_tasks, task_levels, member):
        cohort = CohortFactory(slug="pulje-test")
        chosen = list(Municipality.objects.order_by("number")[:4])
        cohort.municipalities.set(chosen)
        for m in chosen:
            TaskStatus.objects.create(
                municipality=m, task=htm_tasks[7], level=task_levels["ikke-organisert"]
            )
        client.force_login(member)
        html = client.get("/htm-status/?kull=pulje-test").content.decode()
        assert "4 kommuner i" in html
        csv_text = client.get("/htm-status/csv/?kull=pulje-test").content.decode("utf-8-sig")
        assert len(csv_text.strip().splitlines()) == 5
        distribution = html[html.index('id="distribution-heading"') :]
        first_task = re.search(r"<tbody>\s*<tr>\s*<th scope=\"row\">\s*([^<]+?)\s*<", distribution)
        assert first_task.group(1) == htm_tasks[7].workshop_task

    def test_anonymous_and_non_members_are_refused(self, client, htm_tasks, plain_user):
        for url in ("/htm-status/", "/htm-status/csv/", "/htm-status/xlsx/"):
            assert client.get(url)["Location"].startswith("/konto/logg-inn/")
        client.force_login(plain_user)
        for url in ("/htm-status/", "/htm-status/csv/", "/htm-status/xlsx/"):
            assert client.get(url).status_code == 403


def test_municipality_page_shows_the_summary_to_members_only(
    client, htm_tasks, task_levels, vega, member, plain_user, network_page
):
    TaskStatus.objects.create(municipality=vega, task=htm_tasks[0], level=task_levels["organisert"])
    url = network_page.url + "kommuner/vega/"
    assert "Status i Helhetlig tjenestemodell" not in client.get(url).content.decode()
    client.force_login(plain_user)
    assert "Status i Helhetlig tjenestemodell" not in client.get(url).content.decode()
    client.force_login(member)
    html = client.get(url).content.decode()
    assert "Status i Helhetlig tjenestemodell" in html
    assert "1 av 24</strong> oppgaver er organisert" in html
    assert reverse("task_status_sheet", args=["vega"]) in html


def test_the_summary_runs_the_same_queries_for_none_and_all_tasks(
    htm_tasks, task_levels, vega, django_assert_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from network.statuses.task_overview import municipality_summary

    with CaptureQueriesContext(connection) as empty:
        municipality_summary(vega)
    for task in htm_tasks:
        TaskStatus.objects.create(municipality=vega, task=task, level=task_levels["organisert"])
    with django_assert_num_queries(len(empty)):
        summary = municipality_summary(vega)
    assert summary["organised"] == len(htm_tasks)
