"""The open datasets, as rows of plain values: the JSON endpoints and the CSV downloads both
read them, so the two always say the same.

Only what the portal already shows the public is here: the municipalities and cohorts, the
rollouts with their steps, each municipality's step in a rollout (as on the rollout pages),
and the HTM statuses counted per task (never one municipality's answer, never anyone's notes
or comments, never who changed what). Each dataset is read in a fixed number of queries.
"""

from collections import Counter

from network.organisation.models import Cohort, Municipality
from network.rollouts.pages import RolloutIndexPage
from network.statuses.models import RolloutStatus, RolloutStatusLevel, TaskStatus, TaskStatusLevel
from network.statuses.tasks import all_tasks, model_sections


def municipalities() -> list[dict]:
    rows = Municipality.objects.prefetch_related("cohorts").order_by("number")
    return [
        {
            "kommunenummer": m.number,
            "navn": m.name,
            "samisk_navn": m.sami_name,
            "adressenavn": m.slug,
            "nettsted": m.website,
            "puljer": [cohort.slug for cohort in m.cohorts.all()],
        }
        for m in rows
    ]


def cohorts() -> list[dict]:
    rows = Cohort.objects.prefetch_related("municipalities")
    return [
        {
            "adressenavn": c.slug,
            "navn": c.name,
            "aar": c.year,
            "program": c.programme,
            "beskrivelse": c.description,
            "kommuner": sorted(m.number for m in c.municipalities.all()),
        }
        for c in rows
    ]


def public_rollouts() -> list:
    index = RolloutIndexPage.objects.live().public().order_by("path").first()
    if index is None:
        return []
    return list(index.rollouts().prefetch_related("steps"))


def rollouts(request=None) -> list[dict]:
    return [
        {
            "adressenavn": r.slug,
            "tittel": r.title,
            "kortnavn": r.short_name,
            "eier": r.get_rollout_owner_display(),
            "adresse": r.get_full_url(request),
            "trinn": [
                {"nummer": number, "tittel": step.title, "beskrivelse": step.description}
                for number, step in enumerate(r.steps.all(), start=1)
            ],
        }
        for r in public_rollouts()
    ]


def step_numbers(rollout_list) -> dict:
    return {
        step.pk: number
        for rollout in rollout_list
        for number, step in enumerate(rollout.steps.all(), start=1)
    }


def rollout_statuses(rollout: str = "", municipality: str = "") -> list[dict]:
    """Each municipality's level and step in each public rollout, optionally for one rollout
    (its adressenavn) or one municipality (its kommunenummer)."""
    rollout_list = public_rollouts()
    if rollout:
        rollout_list = [r for r in rollout_list if r.slug == rollout]
    numbers = step_numbers(rollout_list)
    slugs = {r.pk: r.slug for r in rollout_list}
    statuses = RolloutStatus.objects.filter(rollout__in=list(slugs)).select_related(
        "municipality", "level", "current_step"
    )
    if municipality:
        statuses = statuses.filter(municipality__number=municipality)
    rows = [
        {
            "kommunenummer": s.municipality.number,
            "kommune": s.municipality.name,
            "innforingslop": slugs[s.rollout_id],
            "status": s.level.name,
            "statuskode": s.level.slug,
            "trinn_nummer": numbers.get(s.current_step_id),
            "trinn": s.current_step.title if s.current_step else "",
            "siden": s.since,
        }
        for s in statuses
    ]
    return sorted(rows, key=lambda row: (row["kommunenummer"], row["innforingslop"]))


def rollout_levels() -> list[dict]:
    return [
        {"kode": level.slug, "navn": level.name, "ferdig": level.counts_as_done}
        for level in RolloutStatusLevel.objects.all()
    ]


def task_levels() -> list[dict]:
    return [
        {"kode": level.slug, "navn": level.name, "organisert": level.counts_as_organised}
        for level in TaskStatusLevel.objects.all()
    ]


def task_status_counts(cohort: str = "") -> list[dict]:
    """For each HTM task, how many municipalities stand at each level (all of them, or one
    cohort's by its adressenavn), and how many have registered nothing yet."""
    sections = model_sections()
    levels = list(TaskStatusLevel.objects.all())
    members = Municipality.objects.all()
    if cohort:
        members = members.filter(cohorts__slug=cohort)
    member_ids = set(members.values_list("pk", flat=True))
    counted = Counter(
        TaskStatus.objects.filter(municipality__in=member_ids).values_list("task_id", "level_id")
    )
    rows = []
    for section in sections:
        for task in section.tasks:
            per_level = [
                {"kode": level.slug, "navn": level.name, "antall": counted[(task.pk, level.pk)]}
                for level in levels
            ]
            registered = sum(item["antall"] for item in per_level)
            rows.append(
                {
                    "oppgave_id": task.pk,
                    "oppgave": task.workshop_task or task.title,
                    "side": task.title,
                    "del_av_modellen": section.title,
                    "kommuner": len(member_ids),
                    "ikke_registrert": max(len(member_ids) - registered, 0),
                    "per_nivaa": per_level,
                }
            )
    return rows


def task_count() -> int:
    return len(all_tasks(model_sections()))


# CSV tables: a header row, then one row per item ---------------------------------------


def municipalities_table() -> list[list]:
    header = ["kommunenummer", "navn", "samisk_navn", "adressenavn", "nettsted", "puljer"]
    rows = [[*(m[k] for k in header[:-1]), " ".join(m["puljer"])] for m in municipalities()]
    return [header, *rows]


def cohorts_table() -> list[list]:
    header = ["adressenavn", "navn", "aar", "program", "beskrivelse", "kommuner"]
    rows = [[*(c[k] for k in header[:-1]), " ".join(c["kommuner"])] for c in cohorts()]
    return [header, *rows]


def rollout_statuses_table() -> list[list]:
    header = [
        "kommunenummer",
        "kommune",
        "innforingslop",
        "status",
        "statuskode",
        "trinn_nummer",
        "trinn",
        "siden",
    ]
    rows = [[row[k] if row[k] is not None else "" for k in header] for row in rollout_statuses()]
    return [header, *rows]


def task_status_table() -> list[list]:
    rows = task_status_counts()
    level_names = [item["navn"] for item in rows[0]["per_nivaa"]] if rows else []
    header = ["oppgave", "del_av_modellen", "kommuner", *level_names, "ikke_registrert"]
    table = [header]
    for row in rows:
        counts = [item["antall"] for item in row["per_nivaa"]]
        table.append(
            [
                row["oppgave"],
                row["del_av_modellen"],
                row["kommuner"],
                *counts,
                row["ikke_registrert"],
            ]
        )
    return table


CSV_TABLES = {
    "kommuner": municipalities_table,
    "puljer": cohorts_table,
    "innforingslop-status": rollout_statuses_table,
    "htm-status": task_status_table,
}
