"""Statuses are a municipality's data, not content: saving one adds nothing to Wagtail's
reference index (which would list it as a use of the rollout page and the level)."""

import pytest
from wagtail.models import ReferenceIndex

from network.models import Municipality, RolloutStatus, RolloutStatusLevel
from tests.network.factories import RolloutPageFactory

pytestmark = pytest.mark.django_db


def test_saving_a_status_and_its_history_adds_no_reference(rollout_index):
    rollout = RolloutPageFactory(parent=rollout_index)
    before = ReferenceIndex.objects.count()
    levels = list(RolloutStatusLevel.objects.order_by("sort_order")[:2])
    status = RolloutStatus(
        municipality=Municipality.objects.get(slug="vega"), rollout=rollout, level=levels[0]
    )
    status.save()
    status.level = levels[1]
    status.save()
    assert status.changes.count() >= 1
    assert ReferenceIndex.objects.count() == before
    assert (
        not ReferenceIndex.get_references_to(rollout)
        .filter(base_content_type__model__in=["rolloutstatus", "rolloutstatuschange"])
        .exists()
    )
