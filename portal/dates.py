"""Dates and times written as Norwegian public-sector text writes them («tirsdag 24. mars
2026, kl. 09.30»), in Norwegian time.

Django's `date` filter gives the same text, but builds a formatter and looks up translated
month and day names for every value; a list of meetings formats a few hundred values per
page. The portal is in Norwegian only, so the names are fixed here. The test compares these
with the `date` filter for every month, weekday and both sides of a change to summer time.
"""

from datetime import date, datetime

from django.utils import timezone

MONTHS = (
    "januar",
    "februar",
    "mars",
    "april",
    "mai",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "desember",
)
WEEKDAYS = ("mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag")


def local(value: datetime) -> datetime:
    """An aware time in the current (Norwegian) time zone; a naive one as it is."""
    return timezone.localtime(value) if timezone.is_aware(value) else value


def day_month_year(value: date) -> str:
    """«24. mars 2026» (Django's "j. F Y")."""
    return f"{value.day}. {MONTHS[value.month - 1]} {value.year}"


def weekday_day_month_year(value: date) -> str:
    """«tirsdag 24. mars 2026» (Django's "l j. F Y")."""
    return f"{WEEKDAYS[value.weekday()]} {day_month_year(value)}"


def month_year(value: date) -> str:
    """«mars 2026» (Django's "F Y")."""
    return f"{MONTHS[value.month - 1]} {value.year}"


def clock(value: datetime) -> str:
    """«09.30» (Django's "H.i")."""
    return f"{value.hour:02d}.{value.minute:02d}"
