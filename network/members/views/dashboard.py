"""Min kommune: a member's dashboard for their municipality.

Marked items grouped by tag, the municipality's rollout statuses (with a form to update them
for its kommunekoordinator), its HTM status progress, the upcoming meetings it may want
(marked, or about a rollout it is in) and its contact persons. Built in a fixed number of
queries, however many marks, rollouts and meetings there are.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone

from .marks import item_url, marks_with_items
from .models import (
    ContactPerson,
    MeetingPage,
    Municipality,
    RelevanceMark,
    RolloutPage,
    RolloutStatus,
    RolloutStatusLevel,
    RolloutStep,
)
from .overview import norwegian_key
from .permissions import (
    can_edit_statuses,
    can_view_municipality,
    is_regional_editor,
    membership_for,
    memberships,
)

TEMPLATES = "network/accounts/"
NOT_APPLICABLE = "ikke-aktuelt"
UPCOMING_MEETINGS = 8
UNTAGGED = "Uten emneord"


def login_redirect(request):
    return redirect(f"{reverse('accounts_login')}?next={request.get_full_path()}")


def municipality_for_view(request, slug):
    """The municipality of a members' page, or a redirect to log in; 403 for others."""
    if not request.user.is_authenticated:
        return login_redirect(request)
    municipality = get_object_or_404(Municipality, slug=slug)
    if not can_view_municipality(request.user, municipality):
        raise PermissionDenied("Du er ikke medlem for denne kommunen.")
    return municipality


def choose_view(request):
    """/min-kommune/: straight to the member's municipality, or a choice when there are more."""
    if not request.user.is_authenticated:
        return login_redirect(request)
    own = [membership.municipality for membership in memberships(request.user)]
    if len(own) == 1:
        return redirect("min_kommune_dashboard", slug=own[0].slug)
    editor = is_regional_editor(request.user)
    if not own and not editor:
        return TemplateResponse(request, TEMPLATES + "not_member.html", {}, status=403)
    others = []
    if editor:
        others = sorted(
            Municipality.objects.exclude(pk__in=[m.pk for m in own]),
            key=lambda m: norwegian_key(m.name),
        )
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


def task_status_progress(municipality) -> dict:
    from .task_status_views import municipality_summary

    return municipality_summary(municipality)


def dashboard_view(request, slug):
    municipality = municipality_for_view(request, slug)
    if not isinstance(municipality, Municipality):
        return municipality
    user = request.user
    marks = marks_with_items(RelevanceMark.objects.filter(municipality=municipality))
    for mark in marks:
        mark.url = item_url(mark.item, request) if mark.item else ""

    rollouts = list(RolloutPage.objects.live().public().order_by("path"))
    statuses = {
        status.rollout_id: status
        for status in RolloutStatus.objects.filter(municipality=municipality).select_related(
            "level", "current_step"
        )
    }
    in_rollouts = [
        rollout_id for rollout_id, status in statuses.items() if status.level.slug != NOT_APPLICABLE
    ]
    marked_pages = [mark.page_id for mark in marks if mark.page_id]
    meetings = list(
        MeetingPage.objects.live()
        .public()
        .upcoming(timezone.now())
        .filter(Q(pk__in=marked_pages) | Q(rollouts__in=in_rollouts))
        .distinct()
        .prefetch_related("rollouts")[:UPCOMING_MEETINGS]
    )
    marked_set = set(marked_pages)
    for meeting in meetings:
        meeting.is_marked = meeting.pk in marked_set
        meeting.our_rollouts = [r for r in meeting.rollouts.all() if r.pk in in_rollouts]
    membership = membership_for(user, municipality)
    context = {
        "municipality": municipality,
        "membership": membership,
        "is_editor": is_regional_editor(user),
        "can_edit": can_edit_statuses(user, municipality),
        "marks_count": len(marks),
        "tag_groups": marks_by_tag(marks),
        "rollout_rows": [(rollout, statuses.get(rollout.pk)) for rollout in rollouts],
        "task_status": task_status_progress(municipality),
        "meetings": meetings,
        "contacts": list(
            ContactPerson.objects.visible_to(user).with_details().filter(municipality=municipality)
        ),
        "other_municipalities": [
            m.municipality for m in memberships(user) if m.municipality_id != municipality.pk
        ],
    }
    return TemplateResponse(request, TEMPLATES + "dashboard.html", context)


# The rollout status form of the kommunekoordinator ---------------------------------------


class RolloutStatusForm(forms.Form):
    level = forms.ModelChoiceField(
        label="Status", queryset=RolloutStatusLevel.objects.all(), empty_label=None
    )
    current_step = forms.ModelChoiceField(
        label="Nåværende trinn", queryset=RolloutStep.objects.none(), required=False
    )
    since = forms.DateField(
        label="Siden",
        required=False,
        help_text="Dato, for eksempel 15.01.2026.",
        input_formats=["%d.%m.%Y", "%Y-%m-%d"],
        widget=forms.DateInput(format="%d.%m.%Y"),
    )
    note = forms.CharField(
        label="Merknad", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    version = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, rollout, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["current_step"].queryset = rollout.steps.all()
        self.fields["current_step"].empty_label = "Ikke valgt"


def status_version(status) -> str:
    return status.updated_at.isoformat() if status and status.updated_at else ""


def rollout_status_view(request, slug, rollout_id):
    municipality = municipality_for_view(request, slug)
    if not isinstance(municipality, Municipality):
        return municipality
    if not can_edit_statuses(request.user, municipality):
        raise PermissionDenied("Bare kommunekoordinatoren kan oppdatere statusen.")
    rollout = get_object_or_404(RolloutPage.objects.live().public(), pk=rollout_id)
    status = (
        RolloutStatus.objects.filter(municipality=municipality, rollout=rollout)
        .select_related("level", "current_step")
        .first()
    )
    conflict = None
    if request.method == "POST":
        form = RolloutStatusForm(request.POST, rollout=rollout)
        if form.is_valid():
            if form.cleaned_data["version"] != status_version(status):
                # Someone saved in between: nothing is saved, both values are shown.
                conflict = status
                messages.error(
                    request,
                    "Noen andre har endret statusen mens du redigerte. Ingenting er lagret. "
                    "Se den nye verdien under, og lagre på nytt om din skal gjelde.",
                )
                data = request.POST.copy()
                data["version"] = status_version(status)
                form = RolloutStatusForm(data, rollout=rollout)
                form.is_valid()
            else:
                if status is None:
                    status = RolloutStatus(municipality=municipality, rollout=rollout)
                for name in ("level", "current_step", "since", "note"):
                    setattr(status, name, form.cleaned_data[name])
                status.save(changed_by=request.user)
                messages.success(request, f"Status i {rollout.title} er oppdatert.")
                return redirect("min_kommune_dashboard", slug=municipality.slug)
    else:
        initial = {"version": status_version(status)}
        if status is not None:
            initial.update(
                level=status.level,
                current_step=status.current_step,
                since=status.since,
                note=status.note,
            )
        else:
            initial["level"] = RolloutStatusLevel.objects.first()
        form = RolloutStatusForm(initial=initial, rollout=rollout)
    history = []
    if status is not None and status.pk:
        history = list(status.changes.select_related("old_level", "new_level", "changed_by")[:20])
    return TemplateResponse(
        request,
        TEMPLATES + "rollout_status_form.html",
        {
            "municipality": municipality,
            "rollout": rollout,
            "status": status,
            "form": form,
            "conflict": conflict,
            "history": history,
            "dashboard_url": reverse("min_kommune_dashboard", args=[municipality.slug]),
        },
    )
