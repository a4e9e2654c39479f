"""Meetings as iCalendar (RFC 5545): one meeting's .ics file, and a feed of the coming
meetings that calendar programs can subscribe to.

- Times carry TZID=Europe/Oslo with a VTIMEZONE, so they stay right across daylight saving.
- UID is the page's translation key, which never changes; SEQUENCE is the meeting's counter,
  raised when time, place or status changes after publishing (MeetingPage.save()).
- A cancelled meeting stays in the feed with STATUS:CANCELLED, so subscribers' calendars
  remove or mark it instead of keeping a meeting that will not happen.
"""

from __future__ import annotations

import datetime
from email.utils import parseaddr
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone
from django.utils.html import strip_tags

from network.choices import MeetingType

if TYPE_CHECKING:
    from icalendar import Calendar, Event

PRODID = "-//E-helse Nordland//Møter og fagdager//NB"
UID_DOMAIN = "ehelse-nordland"
# Subscribers keep meetings of the last weeks: an entry that vanished from the feed the
# moment it began would be removed from their calendars.
FEED_KEEPS_PAST_DAYS = 30
FEED_LIMIT = 500


def meeting_uid(page) -> str:
    return f"{page.translation_key}@{UID_DOMAIN}"


def build_event(page, request=None) -> Event:
    # icalendar (about 9 MiB with what it loads) is imported when a calendar is made, not
    # with every page: most web workers never write one.
    from icalendar import Event, vUri

    zone = ZoneInfo(settings.TIME_ZONE)
    event = Event()
    event.add("uid", meeting_uid(page))
    event.add("dtstamp", timezone.now().astimezone(datetime.UTC))
    event.add("dtstart", page.start.astimezone(zone))
    event.add("dtend", page.end.astimezone(zone))
    event.add("sequence", page.sequence)
    event.add("summary", ("AVLYST: " if page.cancelled else "") + page.title)
    event.add("status", "CANCELLED" if page.cancelled else "CONFIRMED")
    event.add("categories", [page.get_meeting_type_display()])
    # The address the visitor used, so development and test servers link to themselves;
    # the portal's own address in an e-mail (no request).
    if request is None:
        url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + page.url
    else:
        url = request.build_absolute_uri(page.get_url(request))
    event.add("url", vUri(url))
    location = page.location or ("Digitalt" if page.digital_link else "")
    if location:
        event.add("location", location)
    description = [page.intro or strip_tags(page.description)[:500]]
    if page.cancelled and page.cancellation_note:
        description.insert(0, f"Avlyst. {page.cancellation_note}")
    if page.digital_link and not page.digital_link_members_only:
        description.append(f"Digitalt: {page.digital_link}")
    description.append(f"Mer informasjon og påmelding: {url}")
    event.add("description", "\n\n".join(part for part in description if part))
    if page.organiser:
        event.add("x-organiser-name", page.organiser)
    if page.last_published_at:
        event.add("last-modified", page.last_published_at.astimezone(datetime.UTC))
    return event


def build_calendar(pages, request, name: str) -> Calendar:
    from icalendar import Calendar

    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    calendar.add("refresh-interval", datetime.timedelta(hours=6), parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", "PT6H")
    for page in pages:
        calendar.add_component(build_event(page, request))
    if pages:
        # The time zone's rules for the years of these meetings only: a small file.
        first = min(page.start for page in pages).date().replace(month=1, day=1)
        last = max(page.end for page in pages).date().replace(month=12, day=31)
        calendar.add_missing_timezones(first_date=first, last_date=last)
    return calendar


def invitation(page, method: str = "REQUEST") -> str:
    """The meeting as an invitation for an e-mail (RFC 5546): METHOD:REQUEST with the same
    UID and the meeting's current SEQUENCE updates the entry already in a calendar;
    METHOD:CANCEL (for a cancelled meeting) removes it."""
    calendar = build_calendar([page], None, page.title)
    calendar.add("method", method)
    event = calendar.walk("VEVENT")[0]
    if method == "CANCEL":
        event.pop("status", None)
        event.add("status", "CANCELLED")
    if page.organiser:
        # RFC 5546 wants an ORGANIZER on a request; the portal's sender speaks for the organiser.
        event.add("organizer", f"mailto:{_sender_address()}", parameters={"CN": page.organiser})
    return calendar.to_ical().decode()


def _sender_address() -> str:
    return parseaddr(settings.DEFAULT_FROM_EMAIL)[1] or "post@example.org"


def ics_response(calendar: Calendar, filename: str, attachment: bool) -> HttpResponse:
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    disposition = "attachment" if attachment else "inline"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    return response


def meeting_response(page, request) -> HttpResponse:
    calendar = build_calendar([page], request, page.title)
    calendar.add("method", "PUBLISH")
    return ics_response(calendar, f"{page.slug}.ics", attachment=True)


def feed_pages(index_page, meeting_type: str = "", now=None):
    now = now or timezone.now()
    meetings = (
        index_page.meetings()
        .filter(end__gte=now - datetime.timedelta(days=FEED_KEEPS_PAST_DAYS))
        .order_by("start", "pk")
    )
    if meeting_type in MeetingType.values:
        meetings = meetings.filter(meeting_type=meeting_type)
    return meetings[:FEED_LIMIT]


def feed_response(index_page, request) -> HttpResponse:
    meeting_type = request.GET.get("type", "")
    pages = list(feed_pages(index_page, meeting_type))
    name = "E-helse Nordland: møter og fagdager"
    if meeting_type in MeetingType.values:
        name = f"E-helse Nordland: {MeetingType(meeting_type).label.lower()}"
    calendar = build_calendar(pages, request, name)
    suffix = f"-{meeting_type}" if meeting_type in MeetingType.values else ""
    return ics_response(calendar, f"ehelse-nordland-moter{suffix}.ics", attachment=False)
