import pytest

from network.models import Municipality, RolloutStatus, RolloutStatusLevel
from tests.network.helpers import (  # noqa: F401  (fixtures for every network test)
    coordinator,
    editor,
    htm_model,
    htm_tasks,
    member,
    other_coordinator,
    plain_user,
    rana,
    role,
    task_levels,
    vega,
)

from .factories import (
    NetworkPageFactory,
    ProjectIndexPageFactory,
    RolloutIndexPageFactory,
    RolloutPageFactory,
    RolloutStepFactory,
)


@pytest.fixture
def levels(db):
    return {level.slug: level for level in RolloutStatusLevel.objects.all()}


@pytest.fixture
def network_page(home_page):
    return NetworkPageFactory(parent=home_page)


@pytest.fixture
def rollout_index(home_page):
    return RolloutIndexPageFactory(parent=home_page)


@pytest.fixture
def rollouts(rollout_index):
    pages = []
    for title, slug in [
        ("Kjernejournal", "kjernejournal"),
        ("DigiHelse", "digihelse"),
        ("VKP", "vkp"),
    ]:
        page = RolloutPageFactory(parent=rollout_index, title=title, slug=slug)
        for n, step in enumerate(["Bestille tilgang", "Forberede", "Ta i bruk"]):
            RolloutStepFactory(rollout=page, title=step, sort_order=n)
        pages.append(page)
    return pages


@pytest.fixture
def project_index(home_page):
    return ProjectIndexPageFactory(parent=home_page)


def give_statuses(rollouts, levels):
    """Every municipality gets a status in every rollout, spread over the scale."""
    scale = list(levels.values())
    municipalities = list(Municipality.objects.order_by("number"))
    for i, municipality in enumerate(municipalities):
        for j, rollout in enumerate(rollouts):
            RolloutStatus.objects.create(
                municipality=municipality, rollout=rollout, level=scale[(i + j) % len(scale)]
            )
