"""Demo content of the statuses: the HTM status sheets of the twelve municipalities of
Pulje 1 with some history, and the dating of every demo status's history. Creates only what
is missing."""

import datetime
import zlib

from django.utils import timezone

from htm.models import PhasePage, TaskAreaPage
from network.organisation.models import Cohort

from .models import (
    RolloutStatus,
    RolloutStatusChange,
    RolloutStatusLevel,
    TaskStatus,
    TaskStatusChange,
    TaskStatusLevel,
)

PULJE_1 = "pulje-1-2025"


def backdate(status, date, latest_only=False) -> None:
    """Give the demo history (all of it, or its latest change) the date it would have had."""
    changes = status.changes.order_by("-pk")
    if latest_only:
        changes = changes[:1]
    moment = timezone.make_aware(datetime.datetime.combine(date, datetime.time(10, 0)))
    status.changes.filter(pk__in=[c.pk for c in changes]).update(changed_at=moment)
    type(status).objects.filter(pk=status.pk).update(updated_at=moment)


def demo_level_slugs(municipality, task) -> tuple[str, str]:
    """(first, now) for one municipality and task: a spread that looks like a real region."""
    seed = zlib.crc32(f"{municipality.number}-{task.slug}".encode())
    now = ["ikke-organisert", "delvis-organisert", "delvis-organisert", "organisert", "organisert"]
    first = ["ikke-vurdert", "ikke-organisert", "ikke-organisert"]
    current = now[seed % len(now)]
    if seed % 17 == 0:
        current = "ikke-aktuelt"
    return first[(seed // 7) % len(first)], current


def ensure_task_statuses(context, users) -> None:
    """`users` are the demo coordinators by municipality name, recorded as the editors."""
    cohort = Cohort.objects.filter(slug=PULJE_1).first()
    if cohort is None:
        return
    levels = {level.slug: level for level in TaskStatusLevel.objects.all()}
    if not {"ikke-vurdert", "organisert"} <= levels.keys():
        return  # an editor changed the scale: leave the statuses to them
    tasks = [
        *PhasePage.objects.live().exclude(workshop_task="").order_by("path"),
        *TaskAreaPage.objects.live().exclude(workshop_task="").order_by("path"),
    ]
    roles = {}
    for task in tasks:
        link = task.role_links.filter(responsibility="ansvarlig").select_related("role").first()
        roles[task.pk] = link.role if link else None
    existing = set(
        TaskStatus.objects.filter(municipality__cohorts=cohort).values_list(
            "municipality_id", "task_id"
        )
    )
    start = datetime.date(2025, 9, 15)
    for municipality in cohort.municipalities.all():
        user = users.get(municipality.name)
        for task in tasks:
            if (municipality.pk, task.pk) in existing:
                continue
            first, now = demo_level_slugs(municipality, task)
            status = TaskStatus(municipality=municipality, task=task, level=levels[first])
            status.save(changed_by=user)
            backdate(status, start)
            if now != first:
                status.level = levels[now]
                if now in {"organisert", "delvis-organisert"}:
                    status.responsible_role = roles.get(task.pk)
                status.save(changed_by=user)
                offset = zlib.crc32(task.slug.encode()) % 120
                backdate(status, start + datetime.timedelta(days=60 + offset), latest_only=True)
            context.count("status for oppgaver i HTM")
    ensure_history(context, users, cohort, levels, tasks, roles)


# History across the meetings ---------------------------------------------------------------
# After the first statuses, the demo region keeps moving: some municipalities move forward,
# a few back, some leave notes, on dates spread over the meetings of 2026, so that every
# working meeting has a «Siden forrige møte» and the charts have a line. A status gets this
# history only while its latest change is older than the history's first date, so a second
# run of the loader changes nothing.

PULJE_2 = "pulje-2-2026"
ROLLOUT_DATES = [
    datetime.date(2025, 12, 10),
    datetime.date(2026, 1, 20),
    datetime.date(2026, 2, 25),
    datetime.date(2026, 4, 15),
    datetime.date(2026, 6, 10),
    datetime.date(2026, 8, 25),
    datetime.date(2026, 10, 5),
    datetime.date(2026, 11, 10),
]
TASK_DATES = ROLLOUT_DATES[3:]
PULJE_2_START = datetime.date(2026, 2, 2)
ROLLOUT_WAY = ["ikke-startet", "forberedelse", "innforing", "i-drift"]
TASK_WAY = ["ikke-vurdert", "ikke-organisert", "delvis-organisert", "organisert"]
ROLLOUT_NOTES = [
    "Avtalen med leverandøren er signert.",
    "Opplæring av ansatte i hjemmetjenesten er planlagt.",
    "Venter på tilgang fra Norsk helsenett.",
    "Tatt i bruk i sykehjemmene, hjemmetjenesten følger etter.",
]
ROLLOUT_BACK_NOTE = "Satt på vent: ny avtale med leverandøren må forhandles."
TASK_COMMENTS = [
    "Ansvaret er lagt til tildelingskontoret.",
    "Rutine er skrevet og godkjent i ledermøtet.",
    "Interkommunalt samarbeid med nabokommunene.",
]
TASK_BACK_COMMENT = "Den ansvarlige har sluttet. Ansvaret må fordeles på nytt."


def _seed(*parts) -> int:
    return zlib.crc32(":".join(str(part) for part in parts).encode())


def _latest_changes(model, statuses) -> dict:
    """The latest change of each status, by status id (one query)."""
    rows = model.objects.filter(status__in=statuses).values_list("status_id", "changed_at")
    latest = {}
    for status_id, changed_at in rows:
        if status_id not in latest or changed_at > latest[status_id]:
            latest[status_id] = changed_at
    return latest


def _before(date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(date, datetime.time(0, 0)))


def _moves(seed, dates, today, count) -> list[datetime.date]:
    usable = [date for date in dates if date < today]
    if not usable:
        return []
    first = seed % len(usable)
    picked = [usable[first]]
    if count > 1 and first + 2 < len(usable):
        picked.append(usable[first + 2])
    return picked


def ensure_history(context, users, cohort, task_levels, tasks, roles) -> None:
    today = datetime.date.today()
    _rollout_history(context, today, RolloutStatus, RolloutStatusChange, RolloutStatusLevel)
    _pulje_2_statuses(context, users, cohort, task_levels, tasks, today)
    _task_history(context, users, task_levels, roles, today)


def _rollout_history(context, today, status_model, change_model, level_model) -> None:
    levels = {level.slug: level for level in level_model.objects.all()}
    if not set(ROLLOUT_WAY) <= levels.keys():
        return
    statuses = list(
        status_model.objects.select_related("municipality", "rollout", "level").order_by("pk")
    )
    latest = _latest_changes(change_model, statuses)
    start = _before(ROLLOUT_DATES[0])
    steps_of = {}
    for status in statuses:
        seed = _seed(status.municipality.number, status.rollout.slug, "historikk")
        if seed % 100 >= 40 or latest.get(status.pk, start) >= start:
            continue
        if status.level.slug not in ROLLOUT_WAY:
            continue
        if status.rollout_id not in steps_of:
            steps_of[status.rollout_id] = list(status.rollout.steps.all())
        steps = steps_of[status.rollout_id]
        for number, date in enumerate(_moves(seed, ROLLOUT_DATES, today, 1 + seed % 2)):
            place = ROLLOUT_WAY.index(status.level.slug)
            back = seed % 5 == 0 and place >= 2 and number == 0
            if back:
                slug, note = ROLLOUT_WAY[place - 1], ROLLOUT_BACK_NOTE
            elif place + 1 < len(ROLLOUT_WAY):
                slug = ROLLOUT_WAY[place + 1]
                note = ROLLOUT_NOTES[seed % len(ROLLOUT_NOTES)] if seed % 3 == 0 else status.note
            else:
                slug, note = status.level.slug, ROLLOUT_NOTES[(seed // 3) % len(ROLLOUT_NOTES)]
            if slug != status.level.slug:
                status.since = date
            status.level, status.note = levels[slug], note
            step = {
                "forberedelse": steps[1] if len(steps) > 1 else None,
                "innforing": steps[-2] if len(steps) > 1 else None,
                "i-drift": steps[-1] if steps else None,
            }.get(slug)
            status.current_step = step
            status.save()
            backdate(status, date, latest_only=True)
            context.count("endringer i historikken for innføringsløp")


def _pulje_2_statuses(context, users, pulje_1, levels, tasks, today) -> None:
    """The municipalities of Pulje 2 that were not in Pulje 1 start on the sheet in 2026."""
    cohort = Cohort.objects.filter(slug=PULJE_2).first()
    if cohort is None or today <= PULJE_2_START:
        return
    existing = set(
        TaskStatus.objects.filter(municipality__cohorts=cohort).values_list(
            "municipality_id", "task_id"
        )
    )
    for municipality in cohort.municipalities.exclude(cohorts=pulje_1):
        for task in tasks:
            if (municipality.pk, task.pk) in existing:
                continue
            status = TaskStatus(municipality=municipality, task=task, level=levels["ikke-vurdert"])
            status.save(changed_by=users.get(municipality.name))
            backdate(status, PULJE_2_START)
            context.count("status for oppgaver i HTM")


def _task_history(context, users, levels, roles, today) -> None:
    if not set(TASK_WAY) <= levels.keys():
        return
    statuses = list(TaskStatus.objects.select_related("municipality", "level").order_by("pk"))
    latest = _latest_changes(TaskStatusChange, statuses)
    start = _before(TASK_DATES[0])
    for status in statuses:
        seed = _seed(status.municipality.number, status.task_id, "historikk")
        if seed % 100 >= 45 or latest.get(status.pk, start) >= start:
            continue
        if status.level.slug not in TASK_WAY:
            continue
        user = users.get(status.municipality.name)
        for number, date in enumerate(_moves(seed, TASK_DATES, today, 1 + seed % 2)):
            place = TASK_WAY.index(status.level.slug)
            if seed % 5 == 0 and place == len(TASK_WAY) - 1 and number == 0:
                slug, comment = TASK_WAY[place - 1], TASK_BACK_COMMENT
            elif place + 1 < len(TASK_WAY):
                slug = TASK_WAY[place + 1]
                comment = TASK_COMMENTS[seed % len(TASK_COMMENTS)] if seed % 4 == 0 else ""
                comment = comment or status.comment
            else:
                continue
            status.level, status.comment = levels[slug], comment
            if slug in {"organisert", "delvis-organisert"} and status.responsible_role_id is None:
                status.responsible_role = roles.get(status.task_id)
            status.save(changed_by=user)
            backdate(status, date, latest_only=True)
            context.count("endringer i historikken for oppgaver i HTM")
