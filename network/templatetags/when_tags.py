"""When meetings are and when projects run, as text (see portal/dates.py for why these are
not drawn with Django's `date` filter)."""

from datetime import datetime

from django import template
from django.utils.html import format_html

from portal import dates

register = template.Library()


def _time(value, text: str):
    return format_html('<time datetime="{}">{}</time>', value.isoformat(), text)


@register.simple_tag
def meeting_when(meeting):
    """When the meeting is: «tirsdag 24. mars 2026, kl. 09.30–15.00» for a meeting within one
    day, both dates otherwise, each end in a <time> element."""
    start, end = dates.local(meeting.start), dates.local(meeting.end)
    if meeting.single_day:
        return format_html(
            "{}–{}",
            _time(start, f"{dates.weekday_day_month_year(start)}, kl. {dates.clock(start)}"),
            _time(end, dates.clock(end)),
        )
    return format_html(
        "{}–{}",
        _time(start, f"{dates.day_month_year(start)}, kl. {dates.clock(start)}"),
        _time(end, f"{dates.day_month_year(end)}, kl. {dates.clock(end)}"),
    )


@register.simple_tag
def meeting_previous_time(meeting):
    """The earlier time of a meeting that was moved (and not cancelled), or ""."""
    if not meeting.time_changed or meeting.cancelled:
        return ""
    start, end = dates.local(meeting.previous_start), dates.local(meeting.previous_end)
    return format_html(
        '<span class="meeting-changed">Tidligere tidspunkt: <del>{}, kl. {}–{}</del></span>',
        dates.day_month_year(start),
        dates.clock(start),
        dates.clock(end),
    )


@register.filter
def day_month_year(value) -> str:
    """«24. mars 2026» for a date, or a time in Norwegian time."""
    if isinstance(value, datetime):
        value = dates.local(value)
    return dates.day_month_year(value) if value else ""


@register.filter
def period(item) -> str:
    """«mars 2026–juni 2027», «mars 2026–» while it has no end, "" without a start."""
    if not item.start_date:
        return ""
    end = dates.month_year(item.end_date) if item.end_date else ""
    return f"{dates.month_year(item.start_date)}–{end}"
