"""The contexts of «Møter og fagdager» and of each meeting page.

Every listing here runs a fixed number of queries, however many meetings there are.
"""

import hashlib
from dataclasses import dataclass, field
from itertools import groupby

from django.core.paginator import Paginator
from django.template.loader import render_to_string
from django.utils import timezone
from taggit.models import Tag

from htm.models import TaskAreaPage
from network.choices import MeetingType, RegistrationStatus
from network.organisation import directory
from network.organisation.access import is_network_member, to_login
from network.organisation.models import ContactPerson
from network.rollouts.pages import RolloutPage
from portal.pagecache import data
from portal.routing import LINK_FIELDS

from .forms import MeetingFilterForm, RegistrationForm, retention_days
from .materials import iter_material_values, shown_restricted_collection_ids
from .models import MeetingPageTag

MEETINGS_PER_PAGE = 10
PROGRAMME_TEMPLATE = "network/meetings/includes/programme.html"


# «Møter og fagdager» ------------------------------------------------------------------------


def filter_choices(meetings, key: str) -> dict:
    """What the index's filters offer: only values that some published meeting has, as
    (value, label) pairs. Kept in the cache with the tags of what was read (portal/pagecache/
    data.py): the next meeting published, moved or removed, or a tag, rollout or area
    changed, reads them anew. Four queries over every meeting the index has ever had."""

    def build() -> dict:
        years = sorted({m.year for m in meetings.datetimes("start", "year")}, reverse=True)

        def used_by_meetings(pages) -> list[tuple[str, str]]:
            # The links narrowed to ids first: a DISTINCT over whole page rows compares
            # every column of every link, thousands of them on a site with years of meetings.
            used = pages.filter(meetings__in=meetings).values("pk")
            chosen = pages.live().public().filter(pk__in=used).order_by("title")
            return [(page.slug, page.title) for page in chosen]

        tags = Tag.objects.filter(
            pk__in=MeetingPageTag.objects.filter(content_object__in=meetings).values("tag_id")
        ).order_by("name")
        return {
            "years": years,
            "rollouts": used_by_meetings(RolloutPage.objects),
            "areas": used_by_meetings(TaskAreaPage.objects),
            "tags": [(tag.slug, tag.name) for tag in tags],
        }

    # The years are counted from the meetings without reading one as a page.
    return data.remember(f"meeting-filters:{key}", build, page_types=[meetings.model])


def filter_form(meetings, data, key: str) -> MeetingFilterForm:
    """The index's filters, offering only values that some published meeting has."""
    return MeetingFilterForm(data, **filter_choices(meetings, key))


def filtered(meetings, form: MeetingFilterForm):
    filters = form.filters()
    if not filters:
        return meetings
    selected = meetings.filter(**filters)
    if any("__" in lookup for lookup in filters):  # many-to-many filters may repeat a meeting
        selected = meetings.filter(pk__in=selected.values("pk"))
    return selected


def calendar_links(index_page, request, meeting_type: str) -> dict:
    query = f"?type={meeting_type}" if meeting_type else ""
    url = index_page.calendar_url()
    return {
        "calendar_url": url + query,
        "calendar_feed_url": request.build_absolute_uri(url + query),
        "type_feeds": [(label, f"{url}?type={value}") for value, label in MeetingType.choices],
    }


class ReadPage:
    """One page of a list that was read before, with the list's length, as a sequence a
    paginator can page through again without a query."""

    def __init__(self, items: list, start: int, total: int):
        self.items, self.start, self.total = items, start, total

    def count(self) -> int:
        return self.total

    def __len__(self) -> int:
        return self.total

    def __getitem__(self, index):
        if not isinstance(index, slice) or (index.start or 0) != self.start:
            raise IndexError("Only the page that was read.")
        return self.items


def page_of_meetings(index_page, meetings, querystring: str, number):
    """The page of meetings asked for, with the number of meetings: two queries, kept in
    the cache while no meeting or what the filters read changes, for the minute it was read
    (a meeting that ends moves to the past within the minute). The page number is part of
    the name as typed; a number out of range is kept as the page it led to."""
    minute = data.this_minute()
    asked = hashlib.sha256(f"{querystring}|{str(number)[:20]}".encode()).hexdigest()

    def build() -> tuple[int, list, int]:
        paginator = Paginator(meetings.upcoming_then_past_pages(minute), MEETINGS_PER_PAGE)
        page = paginator.get_page(number)
        return page.number, list(page.object_list), paginator.count

    shown, items, total = data.remember(
        f"meeting-page:{index_page.pk}:{minute.isoformat()}:{asked}",
        build,
        timeout=data.MINUTE_TIMEOUT,
        page_types=[meetings.model],
    )
    start = (shown - 1) * MEETINGS_PER_PAGE
    return Paginator(ReadPage(items, start, total), MEETINGS_PER_PAGE).page(shown)


def meeting_index_context(index_page, request) -> dict:
    now = timezone.now()
    meetings = index_page.meetings()
    form = filter_form(meetings, request.GET, str(index_page.pk))
    chosen = filtered(meetings, form)  # validates the form
    querystring = form.querystring()
    page = page_of_meetings(index_page, chosen, querystring, request.GET.get("side"))
    items = list(page.object_list)
    past = [m for m in items if m.is_past(now)]
    return {
        "filter_form": form,
        "filters_active": form.active(),
        "meetings_page": page,
        "upcoming": [m for m in items if not m.is_past(now)],
        "past_by_year": [
            (year, list(group))
            for year, group in groupby(past, key=lambda m: timezone.localtime(m.start).year)
        ],
        "result_count": page.paginator.count,
        "page_query": f"{querystring}&" if querystring else "",
        **calendar_links(index_page, request, form.cleaned_data.get("type") or ""),
    }


# A meeting ---------------------------------------------------------------------------------


@dataclass
class Presenter:
    """A presenter as the visitor may see them: the name only with consent or for members."""

    person: ContactPerson
    show_name: bool

    @property
    def label(self) -> str:
        role = self.person.get_role_display()
        organisation = self.person.organisation
        if self.show_name:
            return f"{self.person.name} ({role.lower()}, {organisation})"
        return f"{role}, {organisation}"


@dataclass
class Material:
    value: object  # MaterialBlock's StructValue
    members_only: bool
    presenters: list = field(default_factory=list)
    item_title: str = ""

    @property
    def document(self):
        return self.value["document"]

    @property
    def title(self) -> str:
        return self.value.display_title


@dataclass
class ProgrammeItem:
    value: object
    presenters: list
    materials: list


class MaterialReader:
    """Turns a meeting's programme and material blocks into what the page shows, for one
    reader: presenters named only with consent or for members, and which files are
    members-only. The streams load their documents and contact persons in bulk; the
    persons' municipalities come in one more query."""

    def __init__(self, page, member: bool):
        self.member = member
        values = list(iter_material_values(page))
        people = [p for item in page.programme for p in item.value["presenters"] if p]
        people += [value["presenter"] for value in values if value.get("presenter")]
        municipalities = {m.pk: m for m in directory.municipalities()}
        for person in people:
            person.municipality = municipalities.get(person.municipality_id)
        self.restricted = shown_restricted_collection_ids() if values else set()

    def presenter(self, person) -> Presenter:
        return Presenter(person, show_name=person.publish or self.member)

    def material(self, value, item=None) -> Material | None:
        document = value["document"]
        if document is None:
            return None
        by = [self.presenter(value["presenter"])] if value.get("presenter") else []
        if not by and item is not None:
            by = [self.presenter(p) for p in item.value["presenters"] if p]
        return Material(
            value=value,
            members_only=bool(value.get("members_only"))
            or document.collection_id in self.restricted,
            presenters=by,
            item_title=item.value["title"] if item is not None else "",
        )

    def materials(self, values, item=None) -> list[Material]:
        return [m for m in (self.material(value, item) for value in values) if m]

    def programme_item(self, item) -> ProgrammeItem:
        return ProgrammeItem(
            value=item.value,
            presenters=[self.presenter(p) for p in item.value["presenters"] if p],
            materials=self.materials(item.value["materials"], item),
        )


def registration_context(page, form, now, user=None) -> dict | None:
    if not page.registration_open:
        return None
    confirmed = page.registrations.filter(status=RegistrationStatus.CONFIRMED).count()
    free = None if page.capacity is None else max(page.capacity - confirmed, 0)
    return {
        "open": page.registration_is_open(now),
        "free": free,
        "full": free == 0,
        "waiting_list": page.waiting_list,
        "closes": page.registration_closes,
        # A member's form is filled in from the account.
        "form": form or RegistrationForm(user=user),
        "action": page.url + page.reverse_subpage("register"),
        "retention_days": retention_days(),
    }


def visible_related(page, name: str) -> list:
    """The live, public pages of a page's many-to-many relation `name`, by title, kept in
    the cache while nothing they read changes. In an editor's preview the relation holds the
    form's unsaved choices in memory, not a query, and is read as it is."""
    pages = getattr(page, name).all()
    if not hasattr(pages, "live"):
        return sorted((p for p in pages if p.live), key=lambda p: p.title)

    # Only what a link needs: the pages' own content would be read and kept for nothing.
    return data.remember(
        f"meeting-links:{page.pk}:{name}",
        lambda: list(pages.live().public().order_by("title").only(*LINK_FIELDS)),
        page_types=[pages.model],
    )


def programme_html(page, request, member: bool, login_url: str) -> str:
    """The programme and the materials as HTML for this kind of reader, kept in the cache
    while the meeting and what they read (documents, persons, restrictions) are unchanged.
    An editor's preview is drawn as it is."""

    def render() -> str:
        reader = MaterialReader(page, member)
        programme = [reader.programme_item(item) for item in page.programme]
        other_materials = reader.materials(block.value for block in page.materials)
        materials = [m for item in programme for m in item.materials] + other_materials
        context = {
            "page": page,
            "programme": programme,
            "materials": materials,
            "any_members_only": any(m.members_only for m in materials),
            "is_member": member,
            "login_url": login_url,
            "request": request,
        }
        return str(render_to_string(PROGRAMME_TEMPLATE, context))

    readers = "members" if member else "public"
    login = hashlib.sha256(login_url.encode()).hexdigest()[:16]
    return data.page_section_html(
        request, page, f"meeting-programme:{page.pk}:{readers}:{login}", render
    )


def meeting_context(page, request, form=None) -> dict:
    member = is_network_member(request.user)
    now = timezone.now()
    login_url = to_login(request)["Location"]
    return {
        "is_member": member,
        "is_past": page.is_past(now),
        "programme_html": programme_html(page, request, member, login_url),
        "registration": registration_context(page, form, now, request.user),
        "related_rollouts": visible_related(page, "rollouts"),
        "related_areas": visible_related(page, "htm_areas"),
        "tags": list(page.tags.all()),
        "calendar_url": page.calendar_url(),
        "index_page": page.get_parent(),
        "login_url": login_url,
    }
