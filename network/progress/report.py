"""«Status for <kommune>» (and for the whole region): what the leadership is given, built once
and written both as the print view and as the Word document.

The report holds the 24 tasks with level, responsible role and unit and comment, the rollout
steps, what changed since a chosen date, the charts with their numbers, and the region's next
meetings. It is read in a fixed number of queries whatever the length of the history.
"""

import datetime
from dataclasses import dataclass, field

from django import forms
from django.utils import timezone

from network.meetings.pages import MeetingPage
from network.organisation.models import Municipality
from network.statuses import reference
from network.statuses.base import default_level
from network.statuses.models import (
    RolloutStatus,
    RolloutStatusChange,
    TaskStatus,
    TaskStatusChange,
)
from network.statuses.rollout_overview import municipality_rollout_rows
from network.statuses.task_overview import summarise
from network.statuses.tasks import all_tasks, model_sections
from portal.text import norwegian_sorted

from . import series

DEFAULT_SINCE_DAYS = 90
NEXT_MEETINGS = 5
CHANGES_LIMIT = 200


class SinceForm(forms.Form):
    siden = forms.DateField(
        label="Endringer siden",
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": "Skriv datoen som dd.mm.åååå, for eksempel 01.06.2026."},
        input_formats=["%Y-%m-%d", "%d.%m.%Y"],
    )

    def since(self) -> datetime.date:
        default = timezone.localdate() - datetime.timedelta(days=DEFAULT_SINCE_DAYS)
        if self.is_valid() and self.cleaned_data.get("siden"):
            return min(self.cleaned_data["siden"], timezone.localdate())
        return default


@dataclass
class TaskRow:
    task: object
    level: object
    role: str
    unit: str
    comment: str


@dataclass
class Change:
    when: datetime.datetime
    municipality: str
    subject: str
    old_level: object
    new_level: object
    note: str


@dataclass
class Report:
    title: str
    since: datetime.date
    today: datetime.date
    municipality: Municipality | None = None
    sections: list = field(default_factory=list)  # (title, [TaskRow])
    summary: dict | None = None
    rollout_rows: list = field(default_factory=list)
    region_rows: list = field(default_factory=list)  # (municipality, organised, [levels])
    rollouts: list = field(default_factory=list)
    changes: list[Change] = field(default_factory=list)
    changes_cut: bool = False
    charts: list = field(default_factory=list)  # series.Series
    meetings: list = field(default_factory=list)

    @property
    def task_count(self) -> int:
        return sum(len(rows) for _title, rows in self.sections)


def _start(date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(date, datetime.time.min))


def next_meetings(now=None) -> list:
    return list(
        MeetingPage.objects.live().public().upcoming(now).filter(cancelled=False)[:NEXT_MEETINGS]
    )


def _changes(since, municipality=None) -> tuple[list[Change], bool]:
    tasks = {task.pk: task for task in all_tasks(model_sections())}
    levels = {level.pk: level for level in reference.task_levels()}
    rollout_levels = {
        level.pk: level
        for level in RolloutStatusChange._meta.get_field("new_level").related_model.objects.all()
    }
    task_changes = TaskStatusChange.objects.filter(changed_at__gte=_start(since))
    rollout_changes = RolloutStatusChange.objects.filter(changed_at__gte=_start(since))
    if municipality is not None:
        task_changes = task_changes.filter(status__municipality=municipality)
        rollout_changes = rollout_changes.filter(status__municipality=municipality)
    rows = []
    for change in task_changes.select_related("status__municipality")[: CHANGES_LIMIT + 1]:
        task = tasks.get(change.status.task_id)
        rows.append(
            Change(
                change.changed_at,
                change.status.municipality.name,
                task.workshop_task if task else "",
                levels.get(change.old_level_id),
                levels.get(change.new_level_id),
                change.new_comment if change.new_comment != change.old_comment else "",
            )
        )
    rollout_titles = {r.pk: r.title for r in reference.rollouts()}
    for change in rollout_changes.select_related("status__municipality")[: CHANGES_LIMIT + 1]:
        rows.append(
            Change(
                change.changed_at,
                change.status.municipality.name,
                rollout_titles.get(change.status.rollout_id, ""),
                rollout_levels.get(change.old_level_id),
                rollout_levels.get(change.new_level_id),
                change.new_note if change.new_note != change.old_note else "",
            )
        )
    rows.sort(key=lambda row: row.when, reverse=True)
    return rows[:CHANGES_LIMIT], len(rows) > CHANGES_LIMIT


def municipality_report(municipality, since) -> Report:
    sections = model_sections()
    levels = reference.task_levels()
    default = default_level(levels)
    statuses = {
        status.task_id: status
        for status in TaskStatus.objects.filter(municipality=municipality).select_related(
            "level", "responsible_role"
        )
    }
    report = Report(f"Status for {municipality.name}", since, timezone.localdate(), municipality)
    for section in sections:
        rows = []
        for task in section.tasks:
            status = statuses.get(task.pk)
            rows.append(
                TaskRow(
                    task,
                    status.level if status else default,
                    status.responsible_role.name if status and status.responsible_role else "",
                    status.responsible_unit if status else "",
                    status.comment if status else "",
                )
            )
        report.sections.append((section.title, rows))
    task_count = len(all_tasks(sections))
    report.summary = summarise(
        [statuses.get(t.pk) for t in all_tasks(sections)], levels, task_count
    )
    rollouts = reference.rollouts()
    report.rollout_rows = municipality_rollout_rows(municipality, rollouts)
    report.changes, report.changes_cut = _changes(since, municipality)
    report.charts = [series.municipality_task_series(municipality)]
    report.meetings = next_meetings()
    return report


def region_report(since) -> Report:
    """The same for the whole region: each municipality's count of organised tasks and its
    place in every rollout, the region's charts, all changes since the date."""
    report = Report("Status for kommunene i Nordland", since, timezone.localdate())
    task_ids = [task.pk for task in all_tasks(model_sections())]
    levels = reference.task_levels()
    organised_ids = {level.pk for level in levels if level.counts_as_organised}
    organised = {}
    for municipality_id, level_id in TaskStatus.objects.filter(task_id__in=task_ids).values_list(
        "municipality_id", "level_id"
    ):
        organised[municipality_id] = organised.get(municipality_id, 0) + (level_id in organised_ids)
    rollouts = reference.rollouts()
    report.rollouts = rollouts
    by_key = {
        (s.municipality_id, s.rollout_id): s.level
        for s in RolloutStatus.objects.filter(rollout__in=[r.pk for r in rollouts]).select_related(
            "level"
        )
    }
    for municipality in norwegian_sorted(Municipality.objects.all()):
        report.region_rows.append(
            (
                municipality,
                organised.get(municipality.pk, 0),
                [by_key.get((municipality.pk, r.pk)) for r in rollouts],
            )
        )
    report.summary = {"total": len(task_ids)}
    report.changes, report.changes_cut = _changes(since)
    report.charts = [series.cohort_task_series()] + [
        series.rollout_level_series(rollout) for rollout in rollouts
    ]
    report.meetings = next_meetings()
    return report
