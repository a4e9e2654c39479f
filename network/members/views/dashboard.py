"""Min kommune: a member's dashboard for their municipality.

Marked items grouped by tag, the municipality's rollout statuses (with a form to update them
for its kommunekoordinator), its HTM status progress, the upcoming meetings it may want
(marked, or about a rollout it is in) and its contact persons. Built in a fixed number of
queries, however many marks, rollouts and meetings there are.
"""

from django.db.models import Q
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone

from network.meetings.pages import MeetingPage
from network.organisation.access import (
    can_edit_statuses,
    is_regional_editor,
    membership_for,
    memberships,
    municipality_view,
    to_login,
    visible_contacts,
)
from network.organisation.models import Municipality
from network.statuses.reference import rollouts
from network.statuses.rollout_overview import municipality_rollout_rows
from network.statuses.task_overview import municipality_summary
from portal.text import norwegian_key, norwegian_sorted

from ..marks import item_url, marks_with_items
from ..models import RelevanceMark

TEMPLATES = "network/members/accounts/"
NOT_APPLICABLE = "ikke-aktuelt"
UPCOMING_MEETINGS = 8
UNTAGGED = "Uten emneord"


def choose_view(request):
    """/min-kommune/: straight to the member's municipality, or a choice when there are more."""
    if not request.user.is_authenticated:
        return to_login(request)
    own = [membership.municipality for membership in memberships(request.user)]
    if len(own) == 1:
        return redirect("min_kommune_dashboard", slug=own[0].slug)
    editor = is_regional_editor(request.user)
    if not own and not editor:
        return TemplateResponse(request, TEMPLATES + "not_member.html", {}, status=403)
    others = []
    if editor:
        others = norwegian_sorted(Municipality.objects.exclude(pk__in=[m.pk for m in own]))
    return TemplateResponse(request, TEMPLATES + "choose.html", {"own": own, "others": others})


def marks_by_tag(marks) -> list[tuple[str, str, list]]:
    """(tag name, tag slug, marks) for each tag in alphabetical order, untagged last."""
    groups: dict[str, tuple[str, list]] = {}
    untagged = []
    for mark in marks:
        tags = list(mark.tags.all())
        if not tags:
            untagged.append(mark)
        for tag in tags:
            groups.setdefault(tag.name, (tag.slug, []))[1].append(mark)
    result = [
        (name, slug, items)
        for name, (slug, items) in sorted(groups.items(), key=lambda i: norwegian_key(i[0]))
    ]
    if untagged:
        result.append((UNTAGGED, "", untagged))
    return result


def upcoming_meetings(marked_pages, in_rollouts) -> list:
    """The coming meetings the municipality marked, or that are about a rollout it is in."""
    meetings = list(
        MeetingPage.objects.live()
        .public()
        .upcoming(timezone.now())
        .filter(Q(pk__in=marked_pages) | Q(rollouts__in=in_rollouts))
        .distinct()
        .prefetch_related("rollouts")[:UPCOMING_MEETINGS]
    )
    marked = set(marked_pages)
    for meeting in meetings:
        meeting.is_marked = meeting.pk in marked
        meeting.our_rollouts = [r for r in meeting.rollouts.all() if r.pk in in_rollouts]
    return meetings


@municipality_view()
def dashboard_view(request, municipality):
    user = request.user
    marks = marks_with_items(RelevanceMark.objects.filter(municipality=municipality))
    for mark in marks:
        mark.url = item_url(mark.item, request) if mark.item else ""
    rollout_rows = municipality_rollout_rows(municipality, rollouts())
    in_rollouts = [
        rollout.pk
        for rollout, status in rollout_rows
        if status is not None and status.level.slug != NOT_APPLICABLE
    ]
    context = {
        "municipality": municipality,
        "membership": membership_for(user, municipality),
        "is_editor": is_regional_editor(user),
        "can_edit": can_edit_statuses(user, municipality),
        "marks_count": len(marks),
        "tag_groups": marks_by_tag(marks),
        "rollout_rows": rollout_rows,
        "task_status": municipality_summary(municipality),
        "meetings": upcoming_meetings([m.page_id for m in marks if m.page_id], in_rollouts),
        "contacts": [p for p in visible_contacts(user) if p.municipality_id == municipality.pk],
        "other_municipalities": [
            m.municipality for m in memberships(user) if m.municipality_id != municipality.pk
        ],
    }
    return TemplateResponse(request, TEMPLATES + "dashboard.html", context)
