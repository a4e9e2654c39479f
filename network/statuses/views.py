"""The HTM status of each municipality: the member's sheet (all 24 workshop tasks in one form,
grouped as the model is), its history, and the region's overview with downloads.

The tasks are read with htm.structure.load_model_structure (four queries), so the sheet and the
overview run a fixed number of queries whatever the number of municipalities and tasks.

A task without a saved row counts as the default level («Ikke vurdert»), on the page, in the
counts and in the downloads alike.
"""

import csv
import hashlib
import io
from collections import Counter
from dataclasses import dataclass, field

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone

from htm.models import HtmModelPage, Role
from htm.structure import ModelStructure

from .min_kommune import login_redirect, municipality_for_view
from .models import Cohort, Municipality, TaskStatus, TaskStatusChange, TaskStatusLevel
from .overview import find_cohort, norwegian_key
from .permissions import can_edit_statuses, can_view_municipality, can_view_regional_overview

TEMPLATES = "network/task_status/"
PHASES_HEADING = "Tjenesteforløpet"
PHASES_DESCRIPTION = (
    "Oppgaver for å gi teknologi til bruker, ivareta respons, utrykning og evaluering"
)


# The tasks, grouped as the model is --------------------------------------------------------


@dataclass
class TaskSection:
    title: str
    description: str
    tasks: list


def model_sections() -> list[TaskSection]:
    """The workshop tasks in model order: the phases, then each group's areas (four queries).

    Areas without a workshop task (Samhandling) are left out.
    """
    model_page = HtmModelPage.objects.live().order_by("path").first()
    if model_page is None:
        return []
    structure = ModelStructure.for_model_page(model_page)
    sections = [
        TaskSection(
            PHASES_HEADING,
            PHASES_DESCRIPTION,
            [phase for phase in structure.phases if phase.workshop_task],
        )
    ]
    for group in structure.groups:
        tasks = [area for area in group.areas if area.workshop_task]
        if tasks:
            sections.append(TaskSection(group.page.title, group.page.intro, tasks))
    return [section for section in sections if section.tasks]


def all_tasks(sections) -> list:
    return [task for section in sections for task in section.tasks]


# The sheet -------------------------------------------------------------------------------


def fingerprint(level_id, unit, role_id, comment) -> str:
    """A short digest of the values a row showed, posted back with the form: a row the
    person did not touch is never a conflict, even if someone else changed it meanwhile."""
    text = "\x1f".join(str(v or "") for v in (level_id, unit.strip(), role_id, comment.strip()))
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def status_fingerprint(status, default_level) -> str:
    if status is None:
        return fingerprint(default_level.pk if default_level else "", "", "", "")
    return fingerprint(
        status.level_id, status.responsible_unit, status.responsible_role_id, status.comment
    )


class TaskStatusForm(forms.Form):
    level = forms.TypedChoiceField(label="Status", coerce=int)
    responsible_unit = forms.CharField(
        label="Ansvarlig enhet eller person", max_length=200, required=False
    )
    responsible_role = forms.TypedChoiceField(
        label="Ansvarlig rolle", coerce=int, required=False, empty_value=None
    )
    comment = forms.CharField(
        label="Kommentar",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)
    shown = forms.CharField(widget=forms.HiddenInput, max_length=64, required=False)

    def __init__(self, *args, level_choices, role_choices, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["level"].choices = level_choices
        self.fields["responsible_role"].choices = [("", "Ingen rolle valgt"), *role_choices]

    def posted_fingerprint(self) -> str:
        data = self.cleaned_data
        return fingerprint(
            data["level"], data["responsible_unit"], data["responsible_role"], data["comment"]
        )


@dataclass
class SheetRow:
    task: object
    status: object | None
    form: TaskStatusForm
    conflict: object | None = None  # the other person's saved row, on a conflict
    saved: bool = False

    @property
    def level(self):
        return self.status.level if self.status else None


def build_rows(sections, statuses, levels, roles, data=None):
    default = next((lvl for lvl in levels if lvl.is_default), levels[0] if levels else None)
    level_choices = [(level.pk, level.name) for level in levels]
    role_choices = [(role.pk, role.name) for role in roles]
    grouped = []
    for section in sections:
        rows = []
        for task in section.tasks:
            status = statuses.get(task.pk)
            initial = {
                "level": status.level_id if status else (default.pk if default else None),
                "responsible_unit": status.responsible_unit if status else "",
                "responsible_role": status.responsible_role_id if status else None,
                "comment": status.comment if status else "",
                "version": status.version if status else 0,
                "shown": status_fingerprint(status, default),
            }
            form = TaskStatusForm(
                data,
                initial=initial,
                prefix=f"t{task.pk}",
                level_choices=level_choices,
                role_choices=role_choices,
            )
            rows.append(SheetRow(task=task, status=status, form=form))
        grouped.append((section, rows))
    return grouped


def load_statuses(municipality, lock=False) -> dict:
    queryset = TaskStatus.objects.filter(municipality=municipality).select_related(
        "level", "responsible_role", "updated_by"
    )
    if lock:
        queryset = queryset.select_for_update(of=("self",))
    return {status.task_id: status for status in queryset}


def save_sheet(request, municipality, grouped) -> tuple[int, int]:
    """Save the rows that changed; return (saved, conflicts). Rows are locked while compared,
    so two saves at the same moment are serialised and the second sees the first."""
    saved = conflicts = 0
    levels = {level.pk: level for level in TaskStatusLevel.objects.all()}
    with transaction.atomic():
        current = load_statuses(municipality, lock=True)
        for _section, rows in grouped:
            for row in rows:
                data = row.form.cleaned_data
                posted = row.form.posted_fingerprint()
                if posted == data["shown"]:
                    continue  # untouched by this person
                status = current.get(row.task.pk)
                if status is not None and posted == status_fingerprint(status, None):
                    continue  # already what this person wants
                current_version = status.version if status else 0
                if data["version"] != current_version:
                    row.conflict = status
                    row.status = status
                    conflicts += 1
                    continue
                if status is None:
                    status = TaskStatus(municipality=municipality, task_id=row.task.pk)
                status.level = levels[data["level"]]
                status.responsible_unit = data["responsible_unit"].strip()
                status.responsible_role_id = data["responsible_role"]
                status.comment = data["comment"].strip()
                try:
                    with transaction.atomic():
                        status.save(changed_by=request.user)
                except IntegrityError:
                    # Created by someone else after we read: a conflict like any other.
                    row.conflict = TaskStatus.objects.get(
                        municipality=municipality, task_id=row.task.pk
                    )
                    conflicts += 1
                    continue
                row.status = status
                row.saved = True
                saved += 1
    return saved, conflicts


def sheet_view(request, slug):
    municipality = municipality_for_view(request, slug)
    if not isinstance(municipality, Municipality):
        return municipality
    can_edit = can_edit_statuses(request.user, municipality)
    sections = model_sections()
    levels = list(TaskStatusLevel.objects.all())
    roles = list(Role.objects.all())
    if request.method == "POST":
        if not can_edit:
            raise PermissionDenied("Bare kommunekoordinatoren kan endre statusen.")
        grouped = build_rows(sections, load_statuses(municipality), levels, roles, request.POST)
        forms_valid = all(row.form.is_valid() for _s, rows in grouped for row in rows)
        if forms_valid:
            saved, conflicts = save_sheet(request, municipality, grouped)
            if not conflicts:
                if saved:
                    messages.success(request, f"Lagret: {saved} oppgave(r) er oppdatert.")
                else:
                    messages.info(request, "Ingen endringer å lagre.")
                return redirect("task_status_sheet", slug=municipality.slug)
            messages.error(
                request,
                f"{conflicts} oppgave(r) ble ikke lagret fordi noen andre endret dem mens du "
                "redigerte. Der ser du den nye verdien ved siden av din. "
                + (f"{saved} andre endring(er) ble lagret. " if saved else "")
                + "Lagre på nytt om din verdi skal gjelde.",
            )
            # Show the conflicting rows with the other person's version as the new base.
            for _section, rows in grouped:
                for row in rows:
                    if row.conflict is not None:
                        data = request.POST.copy()
                        prefix = row.form.prefix
                        data[f"{prefix}-version"] = row.conflict.version
                        data[f"{prefix}-shown"] = status_fingerprint(row.conflict, None)
                        row.form = TaskStatusForm(
                            data,
                            prefix=prefix,
                            level_choices=row.form.fields["level"].choices,
                            role_choices=row.form.fields["responsible_role"].choices[1:],
                        )
                        row.form.is_valid()
                    elif row.saved:
                        row.form = TaskStatusForm(
                            initial={
                                "level": row.status.level_id,
                                "responsible_unit": row.status.responsible_unit,
                                "responsible_role": row.status.responsible_role_id,
                                "comment": row.status.comment,
                                "version": row.status.version,
                                "shown": status_fingerprint(row.status, None),
                            },
                            prefix=row.form.prefix,
                            level_choices=row.form.fields["level"].choices,
                            role_choices=row.form.fields["responsible_role"].choices[1:],
                        )
        else:
            messages.error(request, "Skjemaet har feil. Se merknadene ved oppgavene.")
    else:
        grouped = build_rows(sections, load_statuses(municipality), levels, roles)
    statuses = [row.status for _s, rows in grouped for row in rows]
    return TemplateResponse(
        request,
        TEMPLATES + "sheet.html",
        {
            "municipality": municipality,
            "grouped": grouped,
            "can_edit": can_edit,
            "levels": levels,
            "summary": summarise(statuses, levels, len(statuses)),
            "dashboard_url": reverse("min_kommune_dashboard", args=[municipality.slug]),
            "history_url": reverse("task_status_history", args=[municipality.slug]),
            "overview_url": reverse("task_status_overview"),
        },
    )


# Summaries ---------------------------------------------------------------------------------


def summarise(statuses, levels, task_count) -> dict:
    """Counts per level over the municipality's tasks; a missing row counts as the default."""
    default = next((lvl for lvl in levels if lvl.is_default), levels[0] if levels else None)
    counter = Counter(status.level_id for status in statuses if status is not None)
    missing = sum(1 for status in statuses if status is None) + max(0, task_count - len(statuses))
    if default is not None:
        counter[default.pk] += missing
    organised = sum(counter[level.pk] for level in levels if level.counts_as_organised)
    return {
        "counts": [(level, counter.get(level.pk, 0)) for level in levels],
        "organised": organised,
        "total": task_count,
        "percent": round(100 * organised / task_count) if task_count else 0,
    }


def municipality_summary(municipality) -> dict:
    """The municipality's progress for Min kommune and its page (six queries)."""
    sections = model_sections()
    task_ids = [task.pk for task in all_tasks(sections)]
    levels = list(TaskStatusLevel.objects.all())
    statuses = list(
        TaskStatus.objects.filter(municipality=municipality, task_id__in=task_ids).only(
            "level_id", "task_id"
        )
    )
    summary = summarise(statuses, levels, len(task_ids))
    summary["sheet_url"] = reverse("task_status_sheet", args=[municipality.slug])
    return summary


def summary_for_page(request, municipality) -> dict | None:
    """The summary on the municipality's public page: for members and editors only."""
    if not can_view_regional_overview(request.user):
        return None
    summary = municipality_summary(municipality)
    summary["overview_url"] = reverse("task_status_overview")
    summary["own"] = can_view_municipality(request.user, municipality)
    return summary


# History -----------------------------------------------------------------------------------


def history_view(request, slug):
    municipality = municipality_for_view(request, slug)
    if not isinstance(municipality, Municipality):
        return municipality
    sections = model_sections()
    tasks = {task.pk: task for task in all_tasks(sections)}
    levels = list(TaskStatusLevel.objects.all())
    changes = list(
        TaskStatusChange.objects.filter(status__municipality=municipality)
        .select_related("status", "old_level", "new_level", "changed_by")
        .order_by("changed_at", "pk")
    )
    # The picture after each day with changes: replay the level changes in order.
    default = next((lvl for lvl in levels if lvl.is_default), levels[0] if levels else None)
    current = {task_id: (default.pk if default else None) for task_id in tasks}
    timeline = []
    for change in changes:
        if change.status.task_id in current and change.new_level_id:
            current[change.status.task_id] = change.new_level_id
        day = timezone.localdate(change.changed_at)
        counter = Counter(current.values())
        counts = [counter.get(level.pk, 0) for level in levels]
        if timeline and timeline[-1][0] == day:
            timeline[-1] = (day, counts)
        else:
            timeline.append((day, counts))
    for change in changes:
        change.task = tasks.get(change.status.task_id)
    return TemplateResponse(
        request,
        TEMPLATES + "history.html",
        {
            "municipality": municipality,
            "levels": levels,
            "timeline": timeline,
            "changes": list(reversed(changes)),
            "sheet_url": reverse("task_status_sheet", args=[municipality.slug]),
            "dashboard_url": reverse("min_kommune_dashboard", args=[municipality.slug]),
        },
    )


# The regional overview ---------------------------------------------------------------------


@dataclass
class OverviewCell:
    task: object
    level: object

    @property
    def label(self) -> str:
        return self.level.name if self.level else ""


@dataclass
class OverviewRow:
    municipality: Municipality
    cells: list[OverviewCell]
    organised: int = 0
    url: str = ""


@dataclass
class TaskDistribution:
    task: object
    section: str
    counts: list[tuple] = field(default_factory=list)
    needs_help: int = 0
    organised: int = 0


@dataclass
class TaskOverview:
    sections: list[TaskSection]
    tasks: list
    rows: list[OverviewRow]
    levels: list
    cohorts: list
    cohort: object | None
    distribution: list[TaskDistribution]

    def table(self) -> list[list[str]]:
        """Header and one row per municipality, as text: what CSV and Excel contain."""
        header = ["Kommune", "Kommunenummer", *[task.workshop_task for task in self.tasks]]
        body = [
            [row.municipality.name, row.municipality.number, *[c.label for c in row.cells]]
            for row in self.rows
        ]
        return [header, *body]


def build_task_overview(params) -> TaskOverview:
    """Municipalities × tasks in nine queries, whatever their number."""
    sections = model_sections()
    tasks = all_tasks(sections)
    cohorts = list(Cohort.objects.all())
    cohort = find_cohort(cohorts, params.get("kull"))
    municipalities = Municipality.objects.all()
    if cohort is not None:
        municipalities = municipalities.filter(cohorts=cohort)
    municipalities = sorted(municipalities, key=lambda m: norwegian_key(m.name))
    levels = list(TaskStatusLevel.objects.all())
    by_id = {level.pk: level for level in levels}
    default = next((lvl for lvl in levels if lvl.is_default), levels[0] if levels else None)
    values = TaskStatus.objects.filter(
        task_id__in=[task.pk for task in tasks],
        municipality_id__in=[m.pk for m in municipalities],
    ).values_list("municipality_id", "task_id", "level_id")
    by_key = {(m_id, t_id): by_id.get(l_id) for m_id, t_id, l_id in values}
    rows = []
    for municipality in municipalities:
        cells = [
            OverviewCell(task, by_key.get((municipality.pk, task.pk), default)) for task in tasks
        ]
        organised = sum(1 for cell in cells if cell.level and cell.level.counts_as_organised)
        rows.append(OverviewRow(municipality, cells, organised))
    section_of = {task.pk: section.title for section in sections for task in section.tasks}
    distribution = []
    for index, task in enumerate(tasks):
        counter = Counter(row.cells[index].level.pk for row in rows if row.cells[index].level)
        distribution.append(
            TaskDistribution(
                task=task,
                section=section_of[task.pk],
                counts=[(level, counter.get(level.pk, 0)) for level in levels],
                needs_help=sum(counter.get(level.pk, 0) for level in levels if level.needs_help),
                organised=sum(
                    counter.get(level.pk, 0) for level in levels if level.counts_as_organised
                ),
            )
        )
    distribution.sort(key=lambda d: (-d.needs_help, d.organised))
    return TaskOverview(sections, tasks, rows, levels, cohorts, cohort, distribution)


def overview_allowed(request):
    if not request.user.is_authenticated:
        return login_redirect(request)
    if not can_view_regional_overview(request.user):
        raise PermissionDenied("Oversikten er for medlemmer av nettverket.")
    return None


def overview_view(request):
    refusal = overview_allowed(request)
    if refusal is not None:
        return refusal
    overview = build_task_overview(request.GET)
    query = f"?kull={overview.cohort.slug}" if overview.cohort else ""
    network_page = _network_page()
    for row in overview.rows:
        if network_page is not None:
            row.url = network_page.url + network_page.reverse_subpage(
                "municipality", args=[row.municipality.slug]
            )
    return TemplateResponse(
        request,
        TEMPLATES + "overview.html",
        {
            "overview": overview,
            "csv_url": reverse("task_status_csv") + query,
            "xlsx_url": reverse("task_status_xlsx") + query,
            "overview_url": reverse("task_status_overview"),
        },
    )


def _network_page():
    from .models import NetworkPage

    return NetworkPage.objects.live().public().first()


def export_filename(overview, extension: str) -> str:
    cohort = f"-{overview.cohort.slug}" if overview.cohort else ""
    return f"htm-status{cohort}-{timezone.localdate():%Y-%m-%d}.{extension}"


def overview_csv_view(request):
    """CSV for Norwegian Excel: UTF-8 with a byte-order mark, semicolon as separator."""
    refusal = overview_allowed(request)
    if refusal is not None:
        return refusal
    overview = build_task_overview(request.GET)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{export_filename(overview, "csv")}"'
    response.write("\ufeff")
    csv.writer(response, delimiter=";").writerows(overview.table())
    return response


def overview_xlsx_view(request):
    refusal = overview_allowed(request)
    if refusal is not None:
        return refusal
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    overview = build_task_overview(request.GET)
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Status i HTM"
    for row in overview.table():
        sheet.append(row)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "C2"
    sheet.column_dimensions["A"].width = 18
    sheet.column_dimensions["B"].width = 14
    distribution = workbook.create_sheet("Fordeling per oppgave")
    distribution.append(
        ["Oppgave", "Del av modellen", *[lvl.name for lvl in overview.levels], "Trenger hjelp"]
    )
    for item in overview.distribution:
        distribution.append(
            [
                item.task.workshop_task,
                item.section,
                *[count for _level, count in item.counts],
                item.needs_help,
            ]
        )
    for cell in distribution[1]:
        cell.font = Font(bold=True)
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = HttpResponse(
        buffer.getvalue(),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f'attachment; filename="{export_filename(overview, "xlsx")}"'
    return response
