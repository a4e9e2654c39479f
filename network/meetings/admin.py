"""The meetings in the Wagtail admin and on other pages: registrations with export (the
viewset is registered by network/wagtail_hooks.py), the next meetings on the home page, the
meetings of an HTM area and of a rollout on their pages, and members-only files."""

import django_filters
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.menus.pages import PageMenuItem
from wagtail.admin.ui.tables import Column
from wagtail.snippets.views.snippets import SnippetViewSet

from htm.models import TaskAreaPage
from network.choices import RegistrationStatus
from network.organisation.access import is_network_member
from network.organisation.models import Municipality
from portal.export import SafeExportSnippetIndexView
from portal.pagecache import data
from portal.sections import RENDERED_SECTION

from .materials import restricted_collection_ids
from .models import MeetingRegistration
from .pages import MeetingIndexPage, MeetingPage

HOME_MEETINGS_COUNT = 3


class RegistrationFilterSet(WagtailFilterSet):
    meeting = django_filters.ModelChoiceFilter(
        label="Møte", queryset=MeetingPage.objects.order_by("-start")
    )
    status = django_filters.ChoiceFilter(label="Status", choices=RegistrationStatus.choices)
    municipality = django_filters.ModelChoiceFilter(
        label="Kommune", queryset=Municipality.objects.all()
    )

    class Meta:
        model = MeetingRegistration
        fields = ["meeting", "status", "municipality"]


class MeetingRegistrationViewSet(SnippetViewSet):
    """The organiser's list of registrations, filtered by meeting, exported as CSV or Excel."""

    model = MeetingRegistration
    icon = "clipboard-list"
    menu_label = "Påmeldinger"
    menu_order = 260
    add_to_admin_menu = True
    index_view_class = SafeExportSnippetIndexView
    list_display = [
        "name",
        "email",
        Column("workplace", label="Arbeidssted"),
        "meeting",
        "status",
        "created_at",
    ]
    list_export = [
        "meeting",
        "name",
        "email",
        "workplace",
        "comments",
        "status",
        "created_at",
    ]
    export_headings = {
        "meeting": "Møte",
        "name": "Navn",
        "email": "E-post",
        "workplace": "Arbeidssted",
        "comments": "Kommentar",
        "status": "Status",
        "created_at": "Påmeldt",
    }
    export_filename = "pameldinger"
    filterset_class = RegistrationFilterSet
    search_fields = ["name", "email", "organisation"]
    list_per_page = 100
    ordering = ["meeting", "created_at"]

    def get_queryset(self, request):
        return MeetingRegistration.objects.select_related("meeting", "municipality")


@hooks.register("register_page_header_buttons")
def registrations_button(page, user, view_name, next_url=None):
    """«Påmeldinger» in the meeting's admin header, to its filtered list."""
    if not isinstance(page.specific_deferred, MeetingPage) or not user.has_perm(
        "network.view_meetingregistration"
    ):
        return
    url = reverse("wagtailsnippets_network_meetingregistration:list")
    yield PageMenuItem(
        "Påmeldinger",
        f"{url}?meeting={page.pk}",
        icon_name="clipboard-list",
        priority=90,
        page=page,
    )


def _next_meetings(minute):
    meetings = list(MeetingPage.objects.live().public().upcoming(minute)[:HOME_MEETINGS_COUNT])
    index = MeetingIndexPage.objects.live().public().first() if meetings else None
    return meetings, index


@hooks.register("home_page_sections")
def next_meetings_section(request, home_page):
    """The next meetings on the home page, kept in the cache while no meeting page changes
    (portal/pagecache/data.py), for the minute they were read: a meeting that ends leaves
    the list within a minute."""
    minute = data.this_minute()
    meetings, index = data.remember(
        f"home:next-meetings:{minute.isoformat()}",
        lambda: _next_meetings(minute),
        timeout=data.MINUTE_TIMEOUT,
        page_types=[MeetingPage],
    )
    if not meetings:
        return None
    return {
        "order": 10,
        "template": "network/meetings/includes/home_meetings.html",
        "meetings": meetings,
        "index_url": index.get_url(request) if index else "",
    }


RELATED_TEMPLATE = "network/meetings/includes/related_meetings.html"


def related_meetings_section(request, relation: str, page, heading: str) -> dict | None:
    """The meetings linked to a page through `relation`, upcoming then past, as a section.
    Its HTML is kept in the cache for the minute it was read while no meeting or page it
    read changes: nothing in it depends on who reads it."""
    minute = data.this_minute()

    def render() -> str:
        meetings = MeetingPage.objects.filter(**{relation: page}).related_listing(minute)
        if not meetings:
            return ""
        section = {"meetings": meetings, "heading": heading}
        return str(render_to_string(RELATED_TEMPLATE, {"section": section, "request": request}))

    html = data.remember_html(
        f"related-meetings:{relation}:{page.pk}:{minute.isoformat()}",
        render,
        timeout=data.MINUTE_TIMEOUT,
    )
    if not html:
        return None
    return {"order": 10, "template": RENDERED_SECTION, "html": html}


@hooks.register("htm_item_page_sections")
def meetings_of_task_area(request, page):
    """The meetings about an HTM task area, on its page (htm does not import network)."""
    if not isinstance(page, TaskAreaPage):
        return None
    return related_meetings_section(request, "htm_areas", page, "Møter og fagdager om området")


@hooks.register("rollout_page_sections")
def meetings_of_rollout(request, page):
    """The meetings of a rollout, on its page."""
    return related_meetings_section(request, "rollouts", page, "Møter i innføringsløpet")


@hooks.register("before_serve_document")
def refuse_non_members(document, request):
    """Members-only files: Wagtail's own check sends anonymous visitors to the login page
    (the collection's LOGIN restriction); this one also refuses logged-in users who are not
    network members."""
    if not request.user.is_authenticated:
        return None  # Wagtail's check_view_restrictions redirects to the login page
    if document.collection_id in restricted_collection_ids() and not is_network_member(
        request.user
    ):
        raise PermissionDenied("Dokumentet er bare for nettverksmedlemmer.")
    return None


PAST_MEETING_WARNING = (
    "«{title}» er publisert, men møtet startet {start}, som har vært. Sjekk at datoen er "
    "riktig; et møte som alt er holdt, kan stå som det er."
)


@hooks.register("after_publish_page")
def warn_when_meeting_is_in_the_past(request, page):
    """A warning, not a block: publishing a past meeting is sometimes right (its materials are
    published afterwards), but a wrong year is a common slip."""
    page = page.specific
    if isinstance(page, MeetingPage) and page.start and page.start < timezone.now():
        start = timezone.localtime(page.start).strftime("%d.%m.%Y kl. %H.%M")
        messages.warning(request, PAST_MEETING_WARNING.format(title=page.title, start=start))
