"""Demo content of the statuses: the HTM status sheets of the twelve municipalities of
Pulje 1 with some history, and the dating of every demo status's history. Creates only what
is missing."""

import datetime
import zlib

from django.utils import timezone

from htm.models import PhasePage, TaskAreaPage
from network.organisation.models import Cohort

from .models import TaskStatus, TaskStatusLevel

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
