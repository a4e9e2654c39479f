"""Progress over time, replayed from the status history: what the charts, their tables and the
report show.

Every change record holds the level after the change, so the picture at any moment is the
last change of each status before it. Each function reads the history in one query (plus the
few small lists it needs) and replays it in Python, so the number of queries stays the same
however long the history grows.
"""

import datetime
from dataclasses import dataclass, field

from django.utils import timezone

from network.organisation import directory
from network.statuses.base import default_level
from network.statuses.models import (
    RolloutStatusChange,
    TaskStatusChange,
)
from network.statuses.reference import rollout_levels, task_levels
from network.statuses.tasks import all_tasks, model_sections

MAX_MONTHS = 18
MONTHS = [
    *("jan.", "feb.", "mars", "apr.", "mai", "juni"),
    *("juli", "aug.", "sep.", "okt.", "nov.", "des."),
]


@dataclass
class Line:
    """One line of a chart: its name and a value for every point in time."""

    name: str
    values: list
    dash: str = ""  # a stroke pattern, so lines differ by more than colour
    colour: str = ""  # a StatusColour role, for a line that stands for a status level


@dataclass
class Series:
    """A chart's data: the points in time, the lines, and how to read the values."""

    title: str
    description: str
    moments: list[datetime.date]
    lines: list[Line]
    unit: str = ""  # "%" or "" (a count)
    value_heading: str = ""
    summary: str = ""
    maximum: int | None = None
    extra: dict = field(default_factory=dict)

    @property
    def labels(self) -> list[str]:
        return [month_label(moment) for moment in self.moments]

    def rows(self) -> list[list]:
        """The table next to the chart: one row per point in time."""
        return [
            [label, *[line.values[index] for line in self.lines]]
            for index, label in enumerate(self.labels)
        ]

    @property
    def is_empty(self) -> bool:
        return not self.moments or not self.lines


def month_label(moment: datetime.date) -> str:
    return f"{MONTHS[moment.month - 1]} {moment.year}"


def month_ends(first: datetime.date, last: datetime.date) -> list[datetime.date]:
    """The last day of each month from first's month to last's (last itself for its own month),
    at most MAX_MONTHS, the latest kept."""
    moments = []
    year, month = first.year, first.month
    while (year, month) <= (last.year, last.month):
        following = datetime.date(year + month // 12, month % 12 + 1, 1)
        moments.append(min(following - datetime.timedelta(days=1), last))
        year, month = following.year, following.month
    return moments[-MAX_MONTHS:]


def replay(changes, moments, key_of):
    """The state after each moment: a dict key → level id per moment. `changes` are rows
    (…, new_level_id, changed_at) in time order; key_of(row) gives the status's key."""
    states, state, index = [], {}, 0
    for moment in moments:
        end = timezone.make_aware(datetime.datetime.combine(moment, datetime.time.max))
        while index < len(changes) and changes[index][-1] <= end:
            row = changes[index]
            if row[-2] is not None:
                state[key_of(row)] = row[-2]
            index += 1
        states.append(dict(state))
    return states


def percent(part: int, whole: int) -> int:
    return round(100 * part / whole) if whole else 0


def first_moment(changes, today) -> datetime.date:
    return timezone.localdate(changes[0][-1]) if changes else today


DASHES = ["", "8 4", "2 4", "12 4 2 4", "4 4", "1 3"]


# The HTM tasks, per cohort --------------------------------------------------------------------


def cohort_task_series(cohorts=None, today=None, tasks=None, levels=None) -> Series:
    """The share of the tasks organised in each cohort (Pulje 1 against Pulje 2), month by
    month. A task without a status counts as not organised. A page that has read the
    cohorts, tasks and levels already passes them in. One query: the history."""
    today = today or timezone.localdate()
    cohorts = list(cohorts if cohorts is not None else directory.cohorts())
    # The cohorts' members as the directory holds them (one read for any cohorts given).
    known = {cohort.pk: cohort for cohort in directory.cohorts()}
    members = {
        cohort.pk: {m.pk for m in known[cohort.pk].municipalities.all()}
        if cohort.pk in known
        else set()
        for cohort in cohorts
    }
    task_ids = {task.pk for task in (tasks if tasks is not None else all_tasks(model_sections()))}
    levels = levels if levels is not None else task_levels()
    organised = {level.pk for level in levels if level.counts_as_organised}
    everyone = set().union(*members.values()) if members else set()
    changes = list(
        TaskStatusChange.objects.filter(
            status__municipality_id__in=everyone, status__task_id__in=task_ids
        )
        .order_by("changed_at", "pk")
        .values_list("status__municipality_id", "status__task_id", "new_level_id", "changed_at")
    )
    moments = month_ends(first_moment(changes, today), today)
    states = replay(changes, moments, key_of=lambda row: (row[0], row[1]))
    lines = []
    for index, cohort in enumerate(cohorts):
        whole = len(members[cohort.pk]) * len(task_ids)
        values = [
            percent(
                sum(
                    1
                    for (m, _t), level in state.items()
                    if m in members[cohort.pk] and level in organised
                ),
                whole,
            )
            for state in states
        ]
        lines.append(Line(str(cohort), values, DASHES[index % len(DASHES)]))
    series = Series(
        title="Andel oppgaver organisert per pulje",
        description="Andelen av de 24 oppgavene i Helhetlig tjenestemodell som kommunene i "
        "hver pulje har organisert, ved utgangen av hver måned.",
        moments=moments,
        lines=lines,
        unit="%",
        value_heading="Andel organisert",
        maximum=100,
    )
    series.summary = summarise(series)
    return series


# The rollouts -----------------------------------------------------------------------------


def rollout_level_series(rollout, today=None, levels=None, municipality_count=None) -> Series:
    """How many municipalities were at each level of the rollout, month by month. A
    municipality without a status counts at the scale's default level. The overview passes
    the levels and the number of municipalities it has read: then this is one query."""
    today = today or timezone.localdate()
    levels = list(levels if levels is not None else rollout_levels())
    if municipality_count is None:
        municipality_count = len(directory.municipalities())
    changes = list(
        RolloutStatusChange.objects.filter(status__rollout_id=rollout.pk)
        .order_by("changed_at", "pk")
        .values_list("status__municipality_id", "new_level_id", "changed_at")
    )
    moments = month_ends(first_moment(changes, today), today)
    states = replay(changes, moments, key_of=lambda row: row[0])
    default = default_level(levels)
    lines = []
    for index, level in enumerate(levels):
        values = []
        for state in states:
            count = sum(1 for value in state.values() if value == level.pk)
            if level == default:
                count += municipality_count - len(state)
            values.append(count)
        lines.append(Line(level.name, values, DASHES[index % len(DASHES)], level.colour))
    series = Series(
        title=f"Kommuner på hvert trinn i {rollout.title}",
        description=f"Antall kommuner på hvert trinn i innføringen av {rollout.title}, ved "
        "utgangen av hver måned.",
        moments=moments,
        lines=lines,
        value_heading="Antall kommuner",
        maximum=municipality_count,
    )
    series.summary = summarise(series)
    return series


# One municipality -------------------------------------------------------------------------


def municipality_task_series(municipality, today=None) -> Series:
    """How many of its tasks the municipality has organised, month by month."""
    today = today or timezone.localdate()
    task_ids = {task.pk for task in all_tasks(model_sections())}
    organised = {level.pk for level in task_levels() if level.counts_as_organised}
    changes = list(
        TaskStatusChange.objects.filter(
            status__municipality=municipality, status__task_id__in=task_ids
        )
        .order_by("changed_at", "pk")
        .values_list("status__task_id", "new_level_id", "changed_at")
    )
    moments = month_ends(first_moment(changes, today), today)
    states = replay(changes, moments, key_of=lambda row: row[0])
    values = [sum(1 for level in state.values() if level in organised) for state in states]
    series = Series(
        title=f"Oppgaver organisert i {municipality.name}",
        description=f"Antall av de {len(task_ids)} oppgavene i Helhetlig tjenestemodell som "
        f"{municipality.name} har organisert, ved utgangen av hver måned.",
        moments=moments,
        lines=[Line(municipality.name, values)],
        value_heading="Oppgaver organisert",
        maximum=len(task_ids),
    )
    series.summary = summarise(series)
    return series


def summarise(series: Series) -> str:
    """One sentence per line: where it is now and where it started."""
    if series.is_empty:
        return "Det finnes ingen historikk ennå."
    unit = " %" if series.unit == "%" else ""
    first, last = series.labels[0], series.labels[-1]
    sentences = []
    for line in series.lines:
        start, now = line.values[0], line.values[-1]
        if now == start:
            trend = f"uendret siden {first}"
        else:
            trend = f"{'opp' if now > start else 'ned'} fra {start}{unit} i {first}"
        sentences.append(f"{line.name}: {now}{unit} i {last}, {trend}.")
    return " ".join(sentences)
