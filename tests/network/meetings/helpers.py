"""Helpers shared by the meeting tests."""

import datetime

from django.utils import timezone

from tests.network.meetings.factories import MeetingPageFactory

NOW = timezone.now()


def days(n: int) -> datetime.datetime:
    """A time n days from now (negative: in the past), at 10:00 Norwegian time."""
    local = timezone.localtime(NOW) + datetime.timedelta(days=n)
    return local.replace(hour=10, minute=0, second=0, microsecond=0)


def meeting(index, start, **kwargs):
    return MeetingPageFactory(
        parent=index, start=start, end=start + datetime.timedelta(hours=2), **kwargs
    )


def listblock(values) -> dict:
    """ListBlock form data, as the admin posts it."""
    data = {
        str(index): {"value": value, "deleted": "", "order": str(index), "id": ""}
        for index, value in enumerate(values)
    }
    return {**data, "count": str(len(values))}


def titles(html: str, candidates) -> list[str]:
    """The candidate titles in the order they appear in the page."""
    found = [(html.index(title), title) for title in candidates if title in html]
    return [title for _, title in sorted(found)]
