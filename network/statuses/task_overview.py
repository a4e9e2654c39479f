"""How far the municipalities have come in organising the HTM tasks: a municipality's summary,
the history of its picture, and the region's overview (municipalities × tasks) with its
downloads.

A task without a saved row counts as the default level («Ikke vurdert»), on the page, in the
counts and in the downloads alike. Everything runs a fixed number of queries, whatever the
number of municipalities, tasks and changes.
"""

from collections import Counter
from dataclasses import dataclass, field

from django.urls import reverse
from django.utils import timezone

from network.organisation.models import Municipality
from network.organisation.pages import NetworkPage
from portal.export import Sheet, csv_response, xlsx_response

from .base import default_level
from .models import TaskStatus, TaskStatusChange
from .reference import task_levels
from .rollout_overview import cohort_municipalities
from .tasks import TaskSection, all_tasks, model_sections

# Summaries ---------------------------------------------------------------------------------


def summarise(statuses, levels, task_count) -> dict:
    """Counts per level over the municipality's tasks; a missing row counts as the default."""
    default = default_level(levels)
    present = [status for status in statuses if status is not None]
    counter = Counter(status.level_id for status in present)
    if default is not None:
        counter[default.pk] += max(0, task_count - len(present))
    organised = sum(counter[level.pk] for level in levels if level.counts_as_organised)
    return {
        "counts": [(level, counter.get(level.pk, 0)) for level in levels],
        "organised": organised,
        "total": task_count,
        "percent": round(100 * organised / task_count) if task_count else 0,
    }


def municipality_summary(municipality) -> dict:
    """The municipality's progress for Min kommune and its page (six queries)."""
    task_ids = [task.pk for task in all_tasks(model_sections())]
    levels = task_levels()
    statuses = list(
        TaskStatus.objects.filter(municipality=municipality, task_id__in=task_ids).only(
            "level_id", "task_id"
        )
    )
    summary = summarise(statuses, levels, len(task_ids))
    summary["sheet_url"] = reverse("task_status_sheet", args=[municipality.slug])
    return summary


def history_timeline(changes, tasks, levels) -> list[tuple]:
    """The picture after each day with changes: (day, counts per level), replaying the level
    changes in order."""
    default = default_level(levels)
    current = {task_id: (default.pk if default else None) for task_id in tasks}
    timeline = []
    for change in changes:
        if change.status.task_id in current and change.new_level_id:
            current[change.status.task_id] = change.new_level_id
        day = timezone.localdate(change.changed_at)
        counter = Counter(current.values())
        counts = [counter.get(level.pk, 0) for level in levels]
        if timeline and timeline[-1][0] == day:
            timeline[-1] = (day, counts)
        else:
            timeline.append((day, counts))
    return timeline


def history_context(municipality) -> dict:
    tasks = {task.pk: task for task in all_tasks(model_sections())}
    levels = task_levels()
    changes = list(
        TaskStatusChange.objects.filter(status__municipality=municipality)
        .select_related("status", "old_level", "new_level", "changed_by")
        .order_by("changed_at", "pk")
    )
    for change in changes:
        change.task = tasks.get(change.status.task_id)
    return {
        "levels": levels,
        "timeline": history_timeline(changes, tasks, levels),
        "changes": list(reversed(changes)),
    }


# The regional overview ---------------------------------------------------------------------


@dataclass
class OverviewCell:
    task: object
    level: object

    @property
    def label(self) -> str:
        return self.level.name if self.level else ""


@dataclass
class OverviewRow:
    municipality: Municipality
    cells: list[OverviewCell]
    organised: int = 0
    url: str = ""


@dataclass
class TaskDistribution:
    task: object
    section: str
    counts: list[tuple] = field(default_factory=list)
    needs_help: int = 0
    organised: int = 0

    # As a row of the counts table: the task, its part of the model, and those needing help.
    @property
    def label(self) -> str:
        return self.task.workshop_task

    @property
    def note(self) -> str:
        return self.section

    @property
    def extra(self) -> int:
        return self.needs_help


@dataclass
class TaskOverview:
    sections: list[TaskSection]
    tasks: list
    rows: list[OverviewRow]
    levels: list
    cohorts: list
    cohort: object | None
    distribution: list[TaskDistribution] = field(default_factory=list)

    def table(self) -> list[list[str]]:
        """Header and one row per municipality, as text: what CSV and Excel contain."""
        header = ["Kommune", "Kommunenummer", *[task.workshop_task for task in self.tasks]]
        body = [
            [row.municipality.name, row.municipality.number, *[c.label for c in row.cells]]
            for row in self.rows
        ]
        return [header, *body]

    def distribution_table(self) -> list[list]:
        header = ["Oppgave", "Del av modellen", *[lvl.name for lvl in self.levels]]
        body = [
            [item.task.workshop_task, item.section, *[n for _l, n in item.counts], item.needs_help]
            for item in self.distribution
        ]
        return [[*header, "Trenger hjelp"], *body]


def overview_rows(municipalities, tasks, levels) -> list[OverviewRow]:
    by_id = {level.pk: level for level in levels}
    default = default_level(levels)
    values = TaskStatus.objects.filter(
        task_id__in=[task.pk for task in tasks],
        municipality_id__in=[m.pk for m in municipalities],
    ).values_list("municipality_id", "task_id", "level_id")
    by_key = {(m_id, t_id): by_id.get(l_id) for m_id, t_id, l_id in values}
    rows = []
    for municipality in municipalities:
        cells = [OverviewCell(t, by_key.get((municipality.pk, t.pk), default)) for t in tasks]
        organised = sum(1 for cell in cells if cell.level and cell.level.counts_as_organised)
        rows.append(OverviewRow(municipality, cells, organised))
    return rows


def task_distribution(overview: TaskOverview) -> list[TaskDistribution]:
    """For each task, how many municipalities are at each level; those most in need of
    help first."""
    section_of = {task.pk: s.title for s in overview.sections for task in s.tasks}
    helped = [level for level in overview.levels if level.needs_help]
    organised = [level for level in overview.levels if level.counts_as_organised]
    distribution = []
    for index, task in enumerate(overview.tasks):
        cells = [row.cells[index] for row in overview.rows]
        counter = Counter(cell.level.pk for cell in cells if cell.level)
        distribution.append(
            TaskDistribution(
                task=task,
                section=section_of[task.pk],
                counts=[(level, counter.get(level.pk, 0)) for level in overview.levels],
                needs_help=sum(counter.get(level.pk, 0) for level in helped),
                organised=sum(counter.get(level.pk, 0) for level in organised),
            )
        )
    distribution.sort(key=lambda d: (-d.needs_help, d.organised))
    return distribution


def build_task_overview(params) -> TaskOverview:
    """Municipalities × tasks in nine queries, whatever their number."""
    sections = model_sections()
    tasks = all_tasks(sections)
    cohorts, cohort, municipalities = cohort_municipalities(params)
    levels = task_levels()
    rows = overview_rows(municipalities, tasks, levels)
    overview = TaskOverview(sections, tasks, rows, levels, cohorts, cohort)
    overview.distribution = task_distribution(overview)
    return overview


def overview_context(params) -> dict:
    overview = build_task_overview(params)
    municipality_url = NetworkPage.municipality_urls()
    for row in overview.rows:
        row.url = municipality_url(row.municipality)
    query = f"?kull={overview.cohort.slug}" if overview.cohort else ""
    return {
        "overview": overview,
        "csv_url": reverse("task_status_csv") + query,
        "xlsx_url": reverse("task_status_xlsx") + query,
        "overview_url": reverse("task_status_overview"),
    }


def export_filename(overview, extension: str) -> str:
    cohort = f"-{overview.cohort.slug}" if overview.cohort else ""
    return f"htm-status{cohort}-{timezone.localdate():%Y-%m-%d}.{extension}"


def overview_csv(params):
    overview = build_task_overview(params)
    return csv_response(overview.table(), export_filename(overview, "csv"))


def overview_xlsx(params):
    overview = build_task_overview(params)
    sheets = [
        Sheet(
            "Status i HTM",
            overview.table(),
            widths={"A": 18, "B": 14},
            freeze="C2",
            wrap_header=True,
        ),
        Sheet("Fordeling per oppgave", overview.distribution_table()),
    ]
    return xlsx_response(sheets, export_filename(overview, "xlsx"))
