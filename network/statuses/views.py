"""The members' status pages: a municipality's HTM sheet and its history, the region's HTM
overview with its downloads, and the kommunekoordinator's form for a rollout status.

Access is decided by the decorators of organisation/access.py; a refused member gets the
portal's Norwegian 403 page.
"""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse

from htm.models import Role
from network.organisation.access import (
    can_edit_statuses,
    municipality_view,
    network_member_required,
)

from . import task_overview
from .base import CONFLICT_MESSAGE, StatusConflict, default_level
from .forms import RolloutStatusForm
from .models import RolloutStatus
from .reference import rollout_levels, rollouts, task_levels
from .sheet import build_sheet, load_statuses, rebase_after_save, save_sheet
from .tasks import model_sections

TEMPLATES = "network/statuses/"
ROLLOUT_HISTORY_LENGTH = 20


def member_links(municipality) -> dict:
    return {
        "dashboard_url": reverse("min_kommune_dashboard", args=[municipality.slug]),
        "sheet_url": reverse("task_status_sheet", args=[municipality.slug]),
        "history_url": reverse("task_status_history", args=[municipality.slug]),
        "overview_url": reverse("task_status_overview"),
    }


def count_of(number: int, one: str, many: str) -> str:
    return f"{number} {one if number == 1 else many}"


def report_sheet_save(request, saved: int, conflicts: int) -> None:
    if conflicts:
        messages.error(
            request,
            f"{count_of(conflicts, 'oppgave', 'oppgaver')} ble ikke lagret fordi noen andre "
            "endret dem mens du redigerte. Der ser du den nye verdien ved siden av din. "
            + (
                f"{count_of(saved, 'annen endring', 'andre endringer')} ble lagret. "
                if saved
                else ""
            )
            + "Lagre på nytt om din verdi skal gjelde.",
        )
    elif saved:
        messages.success(request, f"Lagret: {count_of(saved, 'oppgave', 'oppgaver')} er oppdatert.")
    else:
        messages.info(request, "Lagret: ingen endringer å lagre.")


@municipality_view(edit_to_write=True)
def sheet_view(request, municipality):
    levels = task_levels()
    data = request.POST if request.method == "POST" else None
    sheet = build_sheet(
        model_sections(), load_statuses(municipality), levels, list(Role.objects.all()), data
    )
    if data is not None:
        if sheet.is_valid():
            saved, conflicts = save_sheet(sheet, municipality, request.user)
            report_sheet_save(request, saved, conflicts)
            if not conflicts:
                return redirect("task_status_sheet", slug=municipality.slug)
            rebase_after_save(sheet, request.POST)
        else:
            messages.error(request, "Skjemaet har feil. Se merknadene ved oppgavene.")
    statuses = [row.status for row in sheet.rows]
    return TemplateResponse(
        request,
        TEMPLATES + "sheet.html",
        {
            "municipality": municipality,
            "grouped": sheet.grouped,
            "can_edit": can_edit_statuses(request.user, municipality),
            "levels": levels,
            "summary": task_overview.summarise(statuses, levels, len(statuses)),
            **member_links(municipality),
        },
    )


@municipality_view()
def history_view(request, municipality):
    context = task_overview.history_context(municipality)
    context.update(municipality=municipality, **member_links(municipality))
    return TemplateResponse(request, TEMPLATES + "history.html", context)


@network_member_required
def overview_view(request):
    context = task_overview.overview_context(request.GET)
    return TemplateResponse(request, TEMPLATES + "overview.html", context)


@network_member_required
def overview_csv_view(request):
    return task_overview.overview_csv(request.GET)


@network_member_required
def overview_xlsx_view(request):
    return task_overview.overview_xlsx(request.GET)


# The rollout status of a municipality -----------------------------------------------------


def initial_rollout_values(status) -> dict:
    if status is None:
        return {"version": 0, "level": default_level(rollout_levels())}
    return {
        "version": status.version,
        "level": status.level,
        "current_step": status.current_step,
        "since": status.since,
        "note": status.note,
    }


def _date(value) -> str:
    return value.strftime("%d.%m.%Y") if value else "ingen dato"


def _short(text: str, length: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= length else text[: length - 1] + "…"


def what_changed(change) -> list[str]:
    """What one saved change altered, in words: status, step, date and note; never a
    «Forberedelse → Forberedelse» for a save that changed only the step or the note."""
    parts = []
    if change.old_level_id != change.new_level_id:
        old = change.old_level.name if change.old_level else "ingen status"
        parts.append(f"Status: {old} → {change.new_level.name if change.new_level else '–'}")
    if change.old_step != change.new_step:
        parts.append(
            f"Trinn: {change.old_step or 'ikke valgt'} → {change.new_step or 'ikke valgt'}"
        )
    if change.old_since != change.new_since:
        parts.append(f"Siden: {_date(change.old_since)} → {_date(change.new_since)}")
    if change.old_note != change.new_note:
        parts.append(
            f"Merknad: «{_short(change.new_note)}»" if change.new_note else "Merknaden er fjernet"
        )
    return parts or ["Lagret uten endringer"]


def save_rollout_status(request, form, status, municipality, rollout):
    """Save what the form holds over the version it showed; the conflicting status, if
    someone else saved in between, else None."""
    status = status or RolloutStatus(municipality=municipality, rollout=rollout)
    for name in ("level", "current_step", "since", "note"):
        setattr(status, name, form.cleaned_data[name])
    status.expect_version(form.seen_version())
    try:
        status.save(changed_by=request.user)
    except StatusConflict as conflict:
        return conflict.current
    return None


@municipality_view(edit=True)
def rollout_status_view(request, municipality, rollout_id):
    rollout = next((r for r in rollouts() if r.pk == rollout_id), None)
    if rollout is None:
        raise Http404("Ukjent innføringsløp.")
    status = (
        RolloutStatus.objects.filter(municipality=municipality, rollout=rollout)
        .select_related("level", "current_step")
        .first()
    )
    conflict = None
    if request.method == "POST":
        form = RolloutStatusForm(request.POST, rollout=rollout)
        if form.is_valid():
            conflict = save_rollout_status(request, form, status, municipality, rollout)
            if conflict is None:
                messages.success(request, f"Status i {rollout.title} er oppdatert.")
                return redirect("min_kommune_dashboard", slug=municipality.slug)
            # Nothing is saved; both values are shown, and saving again is deliberate.
            messages.error(request, CONFLICT_MESSAGE)
            data = request.POST.copy()
            data["version"] = conflict.version
            form = RolloutStatusForm(data, rollout=rollout)
            form.is_valid()
            status = conflict
        else:
            # Nothing is lost: the form comes back with what the person wrote.
            messages.error(request, "Statusen er ikke lagret. Se merknaden ved feltet.")
    else:
        form = RolloutStatusForm(initial=initial_rollout_values(status), rollout=rollout)
    history = []
    if status is not None and status.pk:
        history = list(
            status.changes.select_related("old_level", "new_level", "changed_by")[
                :ROLLOUT_HISTORY_LENGTH
            ]
        )
        for change in history:
            change.described = what_changed(change)
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
