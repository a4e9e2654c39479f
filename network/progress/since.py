"""«Siden forrige møte»: what changed in the statuses a meeting concerns since the previous
meeting of its kind — who moved forward, who moved back, whose status has stood still for a
long time, and the notes they left.

A regional working meeting or national theme meeting concerns the statuses of its rollouts
and of its HTM task areas. The previous meeting is the last earlier one of the same type that
was not cancelled, preferably one about the same rollouts or areas. The window ends when the
meeting starts (for a meeting held, what it reviewed) or now (for a coming one).

Everything is read in a fixed number of queries, however long the history is.
"""

import datetime
from dataclasses import dataclass, field

from django.db.models import Max, Q
from django.utils import timezone

from network.choices import MeetingType
from network.statuses.models import (
    RolloutStatus,
    RolloutStatusChange,
    TaskStatus,
    TaskStatusChange,
)
from network.statuses.reference import rollout_levels, task_levels
from portal.text import norwegian_key

MEETING_TYPES = (MeetingType.REGIONAL_WORK, MeetingType.NATIONAL_THEME)
# With no earlier meeting of the kind, the list covers this many days before the meeting.
DEFAULT_WINDOW_DAYS = 90
# A status not changed for this long (and not done) is «uendret lenge».
STALE_DAYS = 180

FORWARD, BACK, OTHER, NOTE, NEW = "fram", "tilbake", "endret", "merknad", "ny"
DIRECTION_LABELS = {
    FORWARD: "Gått fram",
    BACK: "Gått tilbake",
    OTHER: "Endret",
    NOTE: "Ny merknad",
    NEW: "Registrert",
}


@dataclass
class Movement:
    """The net change of one status within the window."""

    municipality: object
    subject: str
    old_level: object | None
    new_level: object | None
    direction: str
    changed_at: datetime.datetime
    notes: list[str] = field(default_factory=list)

    @property
    def direction_label(self) -> str:
        return DIRECTION_LABELS[self.direction]


@dataclass
class Stale:
    municipality: object
    subject: str
    level: object
    last_change: datetime.datetime | None


@dataclass
class MunicipalityChanges:
    municipality: object
    movements: list[Movement] = field(default_factory=list)

    def of(self, direction):
        return [m for m in self.movements if m.direction == direction]

    @property
    def forward(self):
        return self.of(FORWARD)

    @property
    def back(self):
        return self.of(BACK)

    @property
    def notes(self):
        return [m for m in self.movements if m.notes]


@dataclass
class SubjectChanges:
    """The same, for one rollout or task: the projector's «one task at a time»."""

    subject: str
    movements: list[Movement] = field(default_factory=list)
    stale: list[Stale] = field(default_factory=list)


@dataclass
class MeetingChanges:
    meeting: object
    previous: object | None
    since: datetime.datetime
    until: datetime.datetime
    subjects: list[str]
    municipalities: list[MunicipalityChanges]
    stale: list[Stale] = field(default_factory=list)

    @property
    def movements(self) -> list[Movement]:
        return [m for group in self.municipalities for m in group.movements]

    def count(self, direction) -> int:
        return sum(1 for m in self.movements if m.direction == direction)

    @property
    def forward_count(self) -> int:
        return self.count(FORWARD)

    @property
    def back_count(self) -> int:
        return self.count(BACK)

    @property
    def note_count(self) -> int:
        return sum(1 for m in self.movements if m.notes)

    @property
    def stale_count(self) -> int:
        return len(self.stale)

    @property
    def is_empty(self) -> bool:
        return not self.municipalities and not self.stale

    def by_subject(self) -> list[SubjectChanges]:
        subjects = {name: SubjectChanges(name) for name in self.subjects}
        for group in self.municipalities:
            for movement in group.movements:
                subjects.setdefault(movement.subject, SubjectChanges(movement.subject))
                subjects[movement.subject].movements.append(movement)
        for stale in self.stale:
            subjects.setdefault(stale.subject, SubjectChanges(stale.subject))
            subjects[stale.subject].stale.append(stale)
        return [s for s in subjects.values() if s.movements or s.stale]


def concerns_progress(meeting) -> bool:
    return meeting.meeting_type in MEETING_TYPES


def previous_meeting(meeting):
    """The last earlier meeting of the same type, not cancelled; one about the same rollouts or
    task areas if there is one."""
    earlier = (
        type(meeting)
        .objects.live()
        .filter(meeting_type=meeting.meeting_type, start__lt=meeting.start, cancelled=False)
        .exclude(pk=meeting.pk)
        .order_by("-start")
    )
    rollout_ids = [r.pk for r in meeting.rollouts.all()]
    area_ids = [a.pk for a in meeting.htm_areas.all()]
    same_subject = earlier.filter(Q(rollouts__in=rollout_ids) | Q(htm_areas__in=area_ids))
    return same_subject.first() or earlier.first()


def rank_of(levels, done_flag: str):
    """A level's place on the way to done, or None for a level beside it (sorted after the
    first done level without being done, as «Ikke aktuelt»): moving there is neither
    forward nor back."""
    ranks, past_done = {}, False
    for position, level in enumerate(levels):
        done = getattr(level, done_flag)
        ranks[level.pk] = None if past_done and not done else position
        past_done = past_done or done
    return ranks


def direction(ranks, old_id, new_id) -> str:
    old, new = ranks.get(old_id), ranks.get(new_id)
    if old_id is None:
        return NEW  # the municipality recorded the status for the first time
    if old_id == new_id:
        return NOTE
    if old is None or new is None:
        return OTHER
    return FORWARD if new > old else BACK


def net_movements(changes, levels, ranks, subject_of, note_field) -> list[Movement]:
    """One Movement per status: from its first change's old level to its last's new level,
    with the notes written on the way. `changes` are in time order."""
    by_status: dict[int, list] = {}
    for change in changes:
        by_status.setdefault(change.status_id, []).append(change)
    movements = []
    for group in by_status.values():
        first, last = group[0], group[-1]
        notes = []
        for change in group:
            new = getattr(change, f"new_{note_field}")
            if new and new != getattr(change, f"old_{note_field}"):
                notes.append(new)
        way = direction(ranks, first.old_level_id, last.new_level_id)
        if way == NOTE and not notes:
            continue  # only the unit, the step or the date changed
        movements.append(
            Movement(
                municipality=last.status.municipality,
                subject=subject_of(last.status),
                old_level=levels.get(first.old_level_id),
                new_level=levels.get(last.new_level_id),
                direction=way,
                changed_at=last.changed_at,
                notes=notes,
            )
        )
    return movements


def stale_statuses(queryset, until, ranks, done_ids, subject_of) -> list[Stale]:
    """Statuses not changed for STALE_DAYS, leaving out those done and those deliberately
    beside the scale («Ikke aktuelt»)."""
    cutoff = until - datetime.timedelta(days=STALE_DAYS)
    beside = [pk for pk, rank in ranks.items() if rank is None]
    rows = (
        queryset.exclude(level_id__in=[*done_ids, *beside])
        .annotate(last_change=Max("changes__changed_at"))
        .filter(Q(last_change__lt=cutoff) | Q(last_change__isnull=True))
        .select_related("municipality", "level")
    )
    return [Stale(row.municipality, subject_of(row), row.level, row.last_change) for row in rows]


def meeting_changes(meeting, now=None) -> MeetingChanges:
    now = now or timezone.now()
    previous = previous_meeting(meeting)
    until = min(meeting.start, now)
    since = previous.start if previous else until - datetime.timedelta(days=DEFAULT_WINDOW_DAYS)
    rollouts = {r.pk: r.title for r in meeting.rollouts.all()}
    areas = {a.pk: a.workshop_task or a.title for a in meeting.htm_areas.all()}
    movements, stale = [], []
    if rollouts:
        levels = rollout_levels()
        ranks = rank_of(levels, "counts_as_done")
        changes = (
            RolloutStatusChange.objects.filter(
                status__rollout_id__in=rollouts, changed_at__gt=since, changed_at__lte=until
            )
            .select_related("status__municipality")
            .order_by("changed_at", "pk")
        )
        movements += net_movements(
            changes,
            {level.pk: level for level in levels},
            ranks,
            lambda status: rollouts[status.rollout_id],
            "note",
        )
        stale += stale_statuses(
            RolloutStatus.objects.filter(rollout_id__in=rollouts),
            until,
            ranks,
            [level.pk for level in levels if level.counts_as_done],
            lambda status: rollouts[status.rollout_id],
        )
    if areas:
        levels = task_levels()
        ranks = rank_of(levels, "counts_as_organised")
        changes = (
            TaskStatusChange.objects.filter(
                status__task_id__in=areas, changed_at__gt=since, changed_at__lte=until
            )
            .select_related("status__municipality")
            .order_by("changed_at", "pk")
        )
        movements += net_movements(
            changes,
            {level.pk: level for level in levels},
            ranks,
            lambda status: areas[status.task_id],
            "comment",
        )
        stale += stale_statuses(
            TaskStatus.objects.filter(task_id__in=areas),
            until,
            ranks,
            [level.pk for level in levels if level.counts_as_organised],
            lambda status: areas[status.task_id],
        )
    groups: dict[int, MunicipalityChanges] = {}
    for movement in movements:
        group = groups.setdefault(
            movement.municipality.pk, MunicipalityChanges(movement.municipality)
        )
        group.movements.append(movement)
    ordered = sorted(groups.values(), key=lambda g: norwegian_key(g.municipality.name))
    stale.sort(key=lambda s: (norwegian_key(s.municipality.name), s.subject))
    subjects = [*rollouts.values(), *areas.values()]
    return MeetingChanges(meeting, previous, since, until, subjects, ordered, stale)
