"""Fixtures for the follow room's tests: a rollout and a meeting to follow, members and a
visitor who follow them, and the rendered e-mails kept under var/emails/ as examples."""

import datetime
from pathlib import Path

import pytest
from django.conf import settings
from django.core import mail
from django.utils import timezone

from network.follow.models import Frequency, Subscription, TargetKind
from tests.network.factories import RolloutPageFactory
from tests.network.helpers import make_member
from tests.network.meetings.factories import (
    MeetingIndexPageFactory,
    MeetingPageFactory,
    make_document,
)

EXAMPLES = Path(settings.BASE_DIR) / "var" / "emails"


@pytest.fixture(autouse=True)
def _keep_examples():
    """One rendered example of each kind of e-mail (the X-Ehelse-Nordland-Varsel header),
    as .eml (headers and attachments) and .html, for people to look at."""
    yield
    EXAMPLES.mkdir(parents=True, exist_ok=True)
    for message in mail.outbox:
        kind = message.extra_headers.get("X-Ehelse-Nordland-Varsel")
        if not kind:
            continue
        raw = message.message().as_bytes()
        (EXAMPLES / f"{kind}.eml").write_bytes(raw)
        for body, mimetype in getattr(message, "alternatives", []):
            if mimetype == "text/html":
                (EXAMPLES / f"{kind}.html").write_text(body, encoding="utf-8")


def publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def follow(email_address, page=None, *, user=None, frequency=Frequency.IMMEDIATE, **target):
    kind = TargetKind.PAGE if page is not None else target.pop("kind")
    return Subscription.objects.create(
        user=user,
        email=email_address,
        kind=kind,
        page=page,
        frequency=frequency,
        confirmed_at=timezone.now(),
        **target,
    )


def by_kind(kind):
    return [m for m in mail.outbox if m.extra_headers.get("X-Ehelse-Nordland-Varsel") == kind]


@pytest.fixture
def rollout(rollout_index):
    return RolloutPageFactory(parent=rollout_index, title="Kjernejournal", slug="kjernejournal")


@pytest.fixture
def meeting_index(home_page):
    return MeetingIndexPageFactory(parent=home_page)


@pytest.fixture
def upcoming_meeting(meeting_index):
    start = timezone.now().replace(microsecond=0) + datetime.timedelta(days=20)
    return MeetingPageFactory(
        parent=meeting_index,
        title="Fagdag om velferdsteknologi",
        start=start,
        end=start + datetime.timedelta(hours=4),
        registration_open=True,
        capacity=1,
        organiser="E-helse Nordland",
    )


@pytest.fixture
def member(db):
    return make_member("kari")


@pytest.fixture
def document(db):
    return make_document("Veileder for kjernejournal")


def resources(*documents):
    return [("documents", {"heading": "", "documents": list(documents)})]
