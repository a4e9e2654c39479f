"""The world of the progress tests, built once for the package and rolled back after it (each
test runs in its own transaction inside): the HTM model with its 24 tasks, three rollouts, two
regional working meetings on Kjernejournal and a fagdag, statuses with a history dated around
them, two cohorts and the users.

Vega moves forward with a note and Rana back between the meetings, Bodø has not moved since
June 2025, and Vefsn moves after the March meeting. Vega organises 12 tasks in January 2026,
Rana all 24 in February. A test that changes a status loads it anew (`fresh`), since the
objects here are shared."""

import datetime
from types import SimpleNamespace

import pytest
from django.contrib.auth.models import Group
from django.db import transaction
from wagtail.models import Page, Site

from network.choices import MeetingType, MemberRole
from network.models import (
    Municipality,
    RolloutStatus,
    RolloutStatusChange,
    RolloutStatusLevel,
    TaskStatus,
    TaskStatusChange,
    TaskStatusLevel,
)
from network.organisation.access import EDITORS_GROUP
from network.statuses.demo import backdate
from tests.factories import HomePageFactory
from tests.htm.factories import RoleFactory
from tests.network.factories import (
    CohortFactory,
    NetworkPageFactory,
    RolloutIndexPageFactory,
    RolloutPageFactory,
    RolloutStepFactory,
)
from tests.network.helpers import build_htm_model, make_member, make_user
from tests.network.meetings.factories import MeetingIndexPageFactory, MeetingPageFactory, oslo


def on(status, date: datetime.date, **values):
    """Save the status with these values, and date the change."""
    for name, value in values.items():
        setattr(status, name, value)
    status.save()
    backdate(status, date, latest_only=True)
    return status


def fresh(status):
    return type(status).objects.get(pk=status.pk)


def grow_history(factor: int = 10):
    """Make every status's history `factor` times as long: copies of each change record, a
    second apart, in two bulk inserts."""
    for model in (RolloutStatusChange, TaskStatusChange):
        rows = list(model.objects.all())
        copies = []
        for row in rows:
            for number in range(1, factor):
                copy = model(
                    **{f.attname: getattr(row, f.attname) for f in model._meta.concrete_fields}
                )
                copy.pk = None
                copy.changed_at = row.changed_at + datetime.timedelta(seconds=number)
                copies.append(copy)
        model.objects.bulk_create(copies)
        assert model.objects.count() == factor * len(rows)


def organise(municipality, tasks, level, date):
    for task in tasks:
        status = TaskStatus.objects.filter(municipality=municipality, task=task).first()
        on(status or TaskStatus(municipality=municipality, task=task), date, level=level)


def home_site():
    root = Page.get_first_root_node()
    home = HomePageFactory(parent=root)
    site = Site.objects.get(is_default_site=True)
    old_root = site.root_page
    site.root_page = home
    site.save()
    if old_root.pk != home.pk and old_root.specific_class is Page:
        old_root.delete()
    return home


def meeting(index, title, slug, kind, day, rollouts=()):
    page = MeetingPageFactory(
        parent=index,
        title=title,
        slug=slug,
        meeting_type=kind,
        start=oslo(*day, 9),
        end=oslo(*day, 11),
    )
    page.rollouts = list(rollouts)
    page.save_revision().publish()
    return page


def build_world():
    home = home_site()
    _model, phases, areas = build_htm_model(home)
    tasks = [*phases, *[area for area in areas if area.workshop_task]]
    index = RolloutIndexPageFactory(parent=home)
    rollouts = []
    for title, slug in [
        ("Kjernejournal", "kjernejournal"),
        ("DigiHelse", "digihelse"),
        ("VKP", "vkp"),
    ]:
        page = RolloutPageFactory(parent=index, title=title, slug=slug)
        for n, step in enumerate(["Bestille tilgang", "Forberede", "Ta i bruk"]):
            RolloutStepFactory(rollout=page, title=step, sort_order=n)
        rollouts.append(page)
    kjernejournal = rollouts[0]
    meeting_index = MeetingIndexPageFactory(parent=home)
    meetings = (
        meeting(meeting_index, "Arbeidsmøte januar", "arbeidsmote-januar",
                MeetingType.REGIONAL_WORK, (2026, 1, 10), [kjernejournal]),
        meeting(meeting_index, "Arbeidsmøte mars", "arbeidsmote-mars",
                MeetingType.REGIONAL_WORK, (2026, 3, 5), [kjernejournal]),
        meeting(meeting_index, "Fagdag", "fagdag", MeetingType.FAGDAG, (2026, 3, 6)),
    )  # fmt: skip
    levels = {level.slug: level for level in RolloutStatusLevel.objects.all()}
    task_levels = {level.slug: level for level in TaskStatusLevel.objects.all()}
    place = {
        m.slug: m for m in Municipality.objects.filter(slug__in=["vega", "rana", "bodo", "vefsn"])
    }

    def status(slug, level, date):
        return on(
            RolloutStatus(municipality=place[slug], rollout=kjernejournal),
            date,
            level=levels[level],
        )

    vega = status("vega", "forberedelse", datetime.date(2025, 6, 1))
    on(vega, datetime.date(2026, 2, 1), level=levels["innforing"], note="Avtalen er signert.")
    rana = status("rana", "innforing", datetime.date(2025, 6, 1))
    on(rana, datetime.date(2026, 2, 15), level=levels["forberedelse"])
    status("bodo", "forberedelse", datetime.date(2025, 6, 1))
    vefsn = status("vefsn", "forberedelse", datetime.date(2025, 12, 1))
    on(vefsn, datetime.date(2026, 3, 20), level=levels["i-drift"])

    organise(place["vega"], tasks[:12], task_levels["organisert"], datetime.date(2026, 1, 15))
    organise(place["rana"], tasks, task_levels["organisert"], datetime.date(2026, 2, 10))
    role = RoleFactory(name="Tjenesteleder")
    first = TaskStatus.objects.get(municipality=place["vega"], task=tasks[0])
    first.responsible_role, first.responsible_unit = role, "Tildelingskontoret"
    first.comment = "Rutinen er vedtatt."
    first.save()
    cohort_1 = CohortFactory(name="Pulje 1", year=2025, slug="pulje-1")
    cohort_1.municipalities.set([place["vega"], place["rana"]])
    cohort_2 = CohortFactory(name="Pulje 2", year=2026, slug="pulje-2")
    cohort_2.municipalities.set([place["rana"], place["bodo"]])

    editor = make_user("redaktor")
    editor.groups.add(Group.objects.get(name=EDITORS_GROUP))
    return SimpleNamespace(
        home=home,
        tasks=tasks,
        rollouts=rollouts,
        kjernejournal=kjernejournal,
        meeting_index=meeting_index,
        network_page=NetworkPageFactory(parent=home),
        meetings=meetings,
        levels=levels,
        task_levels=task_levels,
        statuses={"vega": vega, "rana": rana},
        vega=place["vega"],
        rana=place["rana"],
        cohorts=[cohort_1, cohort_2],
        member=make_member("medlem", place["vega"]),
        other_coordinator=make_member("rana-koordinator", place["rana"], MemberRole.COORDINATOR),
        editor=editor,
        plain_user=make_user("uten-kommune"),
    )


@pytest.fixture(scope="package")
def _world(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        yield build_world()
        transaction.set_rollback(True)


@pytest.fixture
def world(_world, db):
    return _world
