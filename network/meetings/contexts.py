"""The contexts of «Møter og fagdager» and of each meeting page.

Every listing here runs a fixed number of queries, however many meetings there are.
"""

from dataclasses import dataclass, field
from itertools import groupby

from django import forms
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db.models import prefetch_related_objects
from django.utils import timezone
from taggit.models import Tag

from htm.models import TaskAreaPage

from .materials import iter_material_values, restricted_collection_ids
from .models import ContactPerson, MeetingPage, RolloutPage
from .models.meetings import MeetingPageTag, MeetingType, RegistrationStatus
from .permissions import is_network_member

MEETINGS_PER_PAGE = 10
RELATED_MEETINGS = 8


class MeetingFilterForm(forms.Form):
    """The index's filters, as a plain GET form. Unknown values are dropped, not errors."""

    type = forms.ChoiceField(label="Type", required=False)
    ar = forms.TypedChoiceField(label="År", required=False, coerce=int, empty_value=None)
    innforingslop = forms.ChoiceField(label="Innføringsløp", required=False)
    omrade = forms.ChoiceField(label="Område i tjenestemodellen", required=False)
    emneord = forms.ChoiceField(label="Emneord", required=False)

    def __init__(self, data, *, years, rollouts, areas, tags):
        super().__init__(data)
        everything = [("", "Alle")]
        self.fields["type"].choices = everything + list(MeetingType.choices)
        self.fields["ar"].choices = everything + [(str(year), str(year)) for year in years]
        self.fields["innforingslop"].choices = everything + [(r.slug, r.title) for r in rollouts]
        self.fields["omrade"].choices = everything + [(a.slug, a.title) for a in areas]
        self.fields["emneord"].choices = everything + [(t.slug, t.name) for t in tags]
        for form_field in self.fields.values():
            form_field.widget.attrs["class"] = "ds-select"

    def filters(self) -> dict:
        """The valid filters only: a bad value in one field leaves the others working."""
        self.is_valid()
        cleaned = {name: self.cleaned_data.get(name) for name in self.fields}
        lookups = {
            "type": "meeting_type",
            "ar": "start__year",
            "innforingslop": "rollouts__slug",
            "omrade": "htm_areas__slug",
            "emneord": "tags__slug",
        }
        return {lookups[name]: value for name, value in cleaned.items() if value}

    def active(self) -> bool:
        return any(self.cleaned_data.get(name) for name in self.fields)

    def querystring(self) -> str:
        """The valid filters as a query string, to keep them across pages."""
        from urllib.parse import urlencode

        pairs = [(name, self.cleaned_data.get(name)) for name in self.fields]
        return urlencode([(name, value) for name, value in pairs if value])


def meeting_index_context(index_page, request) -> dict:
    now = timezone.now()
    meetings = MeetingPage.objects.child_of(index_page).live().public()
    years = sorted(
        {moment.year for moment in meetings.datetimes("start", "year", "DESC")}, reverse=True
    )
    rollouts = list(
        RolloutPage.objects.live()
        .public()
        .filter(meetings__in=meetings)
        .distinct()
        .order_by("title")
    )
    areas = list(
        TaskAreaPage.objects.live()
        .public()
        .filter(meetings__in=meetings)
        .distinct()
        .order_by("title")
    )
    tags = list(
        Tag.objects.filter(
            pk__in=MeetingPageTag.objects.filter(content_object__in=meetings).values("tag_id")
        ).order_by("name")
    )
    form = MeetingFilterForm(request.GET, years=years, rollouts=rollouts, areas=areas, tags=tags)
    filters = form.filters()
    selected = meetings.filter(**filters) if filters else meetings
    if any("__" in lookup for lookup in filters):  # many-to-many filters may repeat a meeting
        selected = meetings.filter(pk__in=selected.values("pk"))
    ordered = selected.upcoming_then_past(now)

    paginator = Paginator(ordered, MEETINGS_PER_PAGE)
    number = request.GET.get("side", 1)
    try:
        page_of_meetings = paginator.page(number)
    except PageNotAnInteger:
        page_of_meetings = paginator.page(1)
    except EmptyPage:
        page_of_meetings = paginator.page(paginator.num_pages)

    items = list(page_of_meetings.object_list)
    upcoming = [m for m in items if not m.is_past(now)]
    past = [m for m in items if m.is_past(now)]
    past_by_year = [
        (year, list(group))
        for year, group in groupby(past, key=lambda m: timezone.localtime(m.start).year)
    ]
    querystring = form.querystring()
    calendar_query = f"?type={form.cleaned_data['type']}" if form.cleaned_data.get("type") else ""
    return {
        "filter_form": form,
        "filters_active": form.active(),
        "meetings_page": page_of_meetings,
        "upcoming": upcoming,
        "past_by_year": past_by_year,
        "result_count": paginator.count,
        "page_query": f"{querystring}&" if querystring else "",
        "calendar_url": index_page.calendar_url() + calendar_query,
        "calendar_feed_url": request.build_absolute_uri(index_page.calendar_url() + calendar_query),
        "type_feeds": [
            (label, index_page.calendar_url() + f"?type={value}")
            for value, label in MeetingType.choices
        ],
    }


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


def meeting_context(page, request, form=None) -> dict:
    from .registration import RegistrationForm, retention_days

    member = is_network_member(request.user)
    now = timezone.now()

    # The streams load their documents and contact persons in bulk; the persons'
    # municipalities come in one more query.
    people = [p for item in page.programme for p in item.value["presenters"] if p]
    values = list(iter_material_values(page))
    people += [value["presenter"] for value in values if value.get("presenter")]
    prefetch_related_objects(people, "municipality")
    restricted = restricted_collection_ids() if values else set()

    def presenter(person):
        return Presenter(person, show_name=person.publish or member)

    def material(value, item=None):
        document = value["document"]
        if document is None:
            return None
        by = [presenter(value["presenter"])] if value.get("presenter") else []
        if not by and item is not None:
            by = [presenter(p) for p in item.value["presenters"] if p]
        return Material(
            value=value,
            members_only=bool(value.get("members_only")) or document.collection_id in restricted,
            presenters=by,
            item_title=item.value["title"] if item is not None else "",
        )

    programme = []
    all_materials = []
    for item in page.programme:
        item_materials = [m for m in (material(v, item) for v in item.value["materials"]) if m]
        all_materials += item_materials
        programme.append(
            ProgrammeItem(
                value=item.value,
                presenters=[presenter(p) for p in item.value["presenters"] if p],
                materials=item_materials,
            )
        )
    other_materials = [m for m in (material(block.value) for block in page.materials) if m]
    all_materials += other_materials

    registration = None
    if page.registration_open:
        confirmed = page.registrations.filter(status=RegistrationStatus.CONFIRMED).count()
        free = None if page.capacity is None else max(page.capacity - confirmed, 0)
        registration = {
            "open": page.registration_is_open(now),
            "free": free,
            "full": free == 0,
            "waiting_list": page.waiting_list,
            "closes": page.registration_closes,
            "form": form or RegistrationForm(),
            "action": page.url + page.reverse_subpage("register"),
            "retention_days": retention_days(),
        }

    index = page.get_parent()
    return {
        "is_member": member,
        "is_past": page.is_past(now),
        "programme": programme,
        "materials": all_materials,
        "any_members_only": any(m.members_only for m in all_materials),
        "other_materials": other_materials,
        "registration": registration,
        "related_rollouts": list(page.rollouts.live().public().order_by("title")),
        "related_areas": list(page.htm_areas.live().public().order_by("title")),
        "tags": list(page.tags.all()),
        "calendar_url": page.calendar_url(),
        "index_page": index,
        "login_url": login_url(request),
    }


def login_url(request) -> str:
    """Where a visitor logs in: Wagtail's front-end login setting, so issue 6 can switch it."""
    from django.conf import settings
    from django.contrib.auth.views import redirect_to_login
    from django.shortcuts import resolve_url

    target = getattr(settings, "WAGTAIL_FRONTEND_LOGIN_URL", None) or "wagtailcore_login"
    return redirect_to_login(request.get_full_path(), resolve_url(target))["Location"]


def related_meetings(queryset, now=None) -> list:
    """Upcoming meetings soonest first, then the latest past ones: for rollouts and HTM
    areas. One query (two with the privacy check)."""
    return list(queryset.live().public().upcoming_then_past(now)[:RELATED_MEETINGS])
