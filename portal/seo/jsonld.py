"""Structured data for search engines (schema.org as JSON-LD): the organisation on the home
page, an event on every meeting page, and the breadcrumb trail everywhere.

The builders take plain values and objects and return dicts; `script` turns one into the
`<script type="application/ld+json">` element. A meeting is recognised by its fields (start,
end, location, digital link, cancelled, organiser), so this module imports no app above portal.
"""

import json

from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import SafeString

from .metadata import SITE_NAME, page_description

SCHEMA = "https://schema.org"
REGION = "Nordland"

# Escaped inside the script element, as Django's json_script does, so no text can end it.
JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def script(data: dict) -> SafeString:
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":")).translate(JSON_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', SafeString(text))


def organization(url: str, logo_url: str, *, email: str = "", phone: str = "") -> dict:
    data = {
        "@context": SCHEMA,
        "@type": "Organization",
        "name": SITE_NAME,
        "url": url,
        "logo": logo_url,
        "areaServed": {"@type": "AdministrativeArea", "name": REGION},
    }
    contact = {key: value for key, value in (("email", email), ("telephone", phone)) if value}
    if contact:
        data["contactPoint"] = {"@type": "ContactPoint", "contactType": "kontaktperson", **contact}
    return data


def breadcrumb_list(items: list[tuple[str, str]]) -> dict:
    """items: (name, absolute URL) from the home page to the current page."""
    return {
        "@context": SCHEMA,
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": position, "name": name, "item": url}
            for position, (name, url) in enumerate(items, start=1)
        ],
    }


def is_event(page) -> bool:
    return all(hasattr(page, name) for name in ("start", "end", "location", "digital_link"))


def _iso(moment) -> str:
    """An aware datetime as ISO 8601 in Norwegian time, with its offset (+01:00 or +02:00)."""
    return timezone.localtime(moment).isoformat()


def event(page, url: str, image_url: str) -> dict:
    """A meeting page as a schema.org Event: start and end with their offset, the place and/or
    the online meeting, the attendance mode, cancelled or moved, and the organiser."""
    online = bool(page.digital_link)
    in_person = bool(page.location)
    locations = []
    if in_person:
        locations.append({"@type": "Place", "name": page.location, "address": page.location})
    if online:
        # A members-only link is not published: the meeting page (where members log in) is.
        hidden = getattr(page, "digital_link_members_only", False)
        locations.append({"@type": "VirtualLocation", "url": url if hidden else page.digital_link})
    if in_person and online:
        mode = "MixedEventAttendanceMode"
    elif online:
        mode = "OnlineEventAttendanceMode"
    else:
        mode = "OfflineEventAttendanceMode"
    data = {
        "@context": SCHEMA,
        "@type": "Event",
        "name": page.title,
        "url": url,
        "startDate": _iso(page.start),
        "endDate": _iso(page.end),
        "eventAttendanceMode": f"{SCHEMA}/{mode}",
        "eventStatus": f"{SCHEMA}/EventScheduled",
        "location": locations[0] if len(locations) == 1 else locations,
        "image": [image_url],
        "inLanguage": "nb",
        "organizer": {
            "@type": "Organization",
            "name": getattr(page, "organiser", "") or SITE_NAME,
        },
    }
    if not locations:  # neither place nor link given yet: the region, as the best we know
        data["location"] = {"@type": "Place", "name": REGION, "address": REGION}
    description = page_description(page)
    if description:
        data["description"] = description
    if getattr(page, "cancelled", False):
        data["eventStatus"] = f"{SCHEMA}/EventCancelled"
    elif getattr(page, "time_changed", False):
        data["eventStatus"] = f"{SCHEMA}/EventRescheduled"
        if getattr(page, "previous_start", None):
            data["previousStartDate"] = _iso(page.previous_start)
    return data
