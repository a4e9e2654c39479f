"""Fixtures and helpers for the tests of members, marks and statuses.

The fixtures are available to every test under tests/network/ through its conftest.py.
"""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from htm.models import TaskAreaPage
from network.choices import MemberRole
from network.models import Membership, Municipality, TaskStatusLevel
from network.organisation.access import EDITORS_GROUP
from network.statuses.base import default_level
from tests.htm.factories import (
    HtmModelPageFactory,
    PhasePageFactory,
    RoleFactory,
    TaskAreaPageFactory,
    TaskGroupPageFactory,
)

# The model's shape: 4 phases, and groups of 11, 2, 2, 4 and 2 areas, one without a task.
GROUP_SIZES = [11, 2, 2, 4, 2]
PASSWORD = "et-langt-passord-for-test"  # noqa: S105


def build_htm_model(home):
    """The model as KS draws it: 24 workshop tasks (Samhandling has none)."""
    model = HtmModelPageFactory(parent=home)
    phases = [PhasePageFactory(parent=model, number=n) for n in range(1, 5)]
    areas = []
    for group_number, size in enumerate(GROUP_SIZES, start=1):
        group = TaskGroupPageFactory(parent=model, number=group_number)
        for number in range(1, size + 1):
            no_task = group_number == 1 and number == 2
            areas.append(
                TaskAreaPageFactory(
                    parent=group,
                    number=number,
                    workshop_task="" if no_task else f"Oppgave {group_number}.{number}",
                    title="Samhandling" if no_task else f"Område {group_number}.{number}",
                    slug="samhandling" if no_task else f"omrade-{group_number}-{number}",
                )
            )
    return model, phases, areas


@pytest.fixture
def htm_model(home_page):
    return build_htm_model(home_page)


@pytest.fixture
def htm_tasks(htm_model):
    _model, phases, areas = htm_model
    return [*phases, *[area for area in areas if area.workshop_task]]


@pytest.fixture
def task_levels(db):
    return {level.slug: level for level in TaskStatusLevel.objects.all()}


@pytest.fixture
def role(db):
    return RoleFactory(name="Tjenesteleder")


def make_user(username, **extra):
    user = get_user_model().objects.create_user(
        username, f"{username}@example.org", PASSWORD, first_name=username.title(), **extra
    )
    return user


def make_member(username="medlem", municipality=None, role=MemberRole.MEMBER):
    """A network member: a user with a membership of a municipality (Vefsn unless named)."""
    user = make_user(username)
    municipality = municipality or Municipality.objects.get(slug="vefsn")
    Membership.objects.create(user=user, municipality=municipality, role=role)
    return user


@pytest.fixture
def vega(db):
    return Municipality.objects.get(slug="vega")


@pytest.fixture
def rana(db):
    return Municipality.objects.get(slug="rana")


@pytest.fixture
def member(vega):
    return make_member("medlem", vega)


@pytest.fixture
def coordinator(vega):
    return make_member("koordinator", vega, MemberRole.COORDINATOR)


@pytest.fixture
def other_coordinator(rana):
    return make_member("rana-koordinator", rana, MemberRole.COORDINATOR)


@pytest.fixture
def editor(db):
    user = make_user("redaktor")
    user.groups.add(Group.objects.get(name=EDITORS_GROUP))
    return user


@pytest.fixture
def plain_user(db):
    """Logged in, but member of no municipality and no editor."""
    return make_user("uten-kommune")


def task_areas():
    return TaskAreaPage.objects.exclude(workshop_task="")


def sheet_data(tasks, statuses=None, levels=None, changes=None):
    """The POST data of the sheet as it was shown (nothing changed), then `changes`:
    {task: {field: value}}."""
    from network.statuses.forms import fingerprint

    statuses = statuses or {}
    default = default_level(list(TaskStatusLevel.objects.all()))
    data = {}
    for task in tasks:
        status = statuses.get(task.pk)
        prefix = f"t{task.pk}"
        values = {
            "level": status.level_id if status else default.pk,
            "responsible_unit": status.responsible_unit if status else "",
            "responsible_role": status.responsible_role_id if status else "",
            "comment": status.comment if status else "",
        }
        data[f"{prefix}-version"] = status.version if status else 0
        data[f"{prefix}-shown"] = fingerprint(
            values["level"],
            values["responsible_unit"],
            values["responsible_role"] or None,
            values["comment"],
        )
        for name, value in values.items():
            data[f"{prefix}-{name}"] = "" if value is None else value
    for task, fields in (changes or {}).items():
        for name, value in fields.items():
            data[f"t{task.pk}-{name}"] = value
    return data
