"""The member's HTM sheet: all 24 workshop tasks in one form, one row each, saved together.

Each row posts the version it showed and a fingerprint of its values. A row the person did
not touch is skipped; a touched row is saved over the version it showed only (statuses/
base.py); a row someone else saved meanwhile becomes a conflict that shows both values and
keeps what the person typed, while the other rows are saved.
"""

from dataclasses import dataclass

from django.db import transaction

from .base import StatusConflict, default_level
from .forms import TaskStatusForm
from .models import TaskStatus


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


@dataclass
class Sheet:
    """The rows of one municipality's sheet, grouped as the model is."""

    grouped: list  # [(TaskSection, [SheetRow])]
    levels: list
    roles: list

    @property
    def rows(self) -> list[SheetRow]:
        return [row for _section, rows in self.grouped for row in rows]

    def row_form(self, prefix: str, data=None, initial=None) -> TaskStatusForm:
        return TaskStatusForm(
            data,
            initial=initial,
            prefix=prefix,
            level_choices=[(level.pk, level.name) for level in self.levels],
            role_choices=[(role.pk, role.name) for role in self.roles],
        )

    def is_valid(self) -> bool:
        return all([row.form.is_valid() for row in self.rows])


def load_statuses(municipality) -> dict:
    queryset = TaskStatus.objects.filter(municipality=municipality).select_related(
        "level", "responsible_role", "updated_by"
    )
    return {status.task_id: status for status in queryset}


def build_sheet(sections, statuses, levels, roles, data=None) -> Sheet:
    default = default_level(levels)
    sheet = Sheet([], levels, roles)
    for section in sections:
        rows = []
        for task in section.tasks:
            status = statuses.get(task.pk)
            initial = TaskStatusForm.values_of(status, default)
            initial["shown"] = TaskStatusForm.fingerprint_of(initial)
            form = sheet.row_form(f"t{task.pk}", data, initial)
            rows.append(SheetRow(task=task, status=status, form=form))
        sheet.grouped.append((section, rows))
    return sheet


def save_row(row: SheetRow, municipality, current, levels_by_id, user) -> bool:
    """Save one touched row; True when saved, False when it became a conflict."""
    data = row.form.cleaned_data
    status = current.get(row.task.pk) or TaskStatus(municipality=municipality, task_id=row.task.pk)
    status.level = levels_by_id[data["level"]]
    status.responsible_unit = data["responsible_unit"].strip()
    status.responsible_role_id = data["responsible_role"]
    status.comment = data["comment"].strip()
    status.expect_version(data["version"])
    try:
        status.save(changed_by=user)
    except StatusConflict as conflict:
        row.conflict = row.status = conflict.current
        return False
    row.status, row.saved = status, True
    return True


def save_sheet(sheet: Sheet, municipality, user) -> tuple[int, int]:
    """Save the rows that changed; return (saved, conflicts)."""
    saved = conflicts = 0
    levels_by_id = {level.pk: level for level in sheet.levels}
    with transaction.atomic():
        current = load_statuses(municipality)
        for row in sheet.rows:
            posted = row.form.posted_fingerprint()
            if posted == row.form.cleaned_data["shown"]:
                continue  # untouched by this person
            status = current.get(row.task.pk)
            if status is not None and posted == TaskStatusForm.fingerprint_of(
                TaskStatusForm.values_of(status, None)
            ):
                continue  # already what this person wants
            if save_row(row, municipality, current, levels_by_id, user):
                saved += 1
            else:
                conflicts += 1
    return saved, conflicts


def rebase_after_save(sheet: Sheet, post_data) -> None:
    """After a save with conflicts: a conflicting row keeps what the person typed on top of
    the other person's version (saving again is then deliberate); a saved row shows what
    was saved."""
    for row in sheet.rows:
        prefix = row.form.prefix
        if row.conflict is not None:
            data = post_data.copy()
            data[f"{prefix}-version"] = row.conflict.version
            values = TaskStatusForm.values_of(row.conflict, None)
            data[f"{prefix}-shown"] = TaskStatusForm.fingerprint_of(values)
            row.form = sheet.row_form(prefix, data)
            row.form.is_valid()
        elif row.saved:
            initial = TaskStatusForm.values_of(row.status, None)
            initial["shown"] = TaskStatusForm.fingerprint_of(initial)
            row.form = sheet.row_form(prefix, initial=initial)
