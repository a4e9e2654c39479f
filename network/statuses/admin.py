"""Both statuses in the Wagtail admin, written once: the status lists with filters and
exports, edit forms that refuse to save over a newer version, the read-only history and the
level scales; and the statuses on a municipality's page (Wagtail hooks).

The viewsets are grouped in the admin menu by network/wagtail_hooks.py.
"""

import django_filters
from django.urls import reverse
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import ObjectList
from wagtail.admin.ui.tables import Column, UpdatedAtColumn
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.views.snippets import CreateView, EditView, SnippetViewSet

from network.organisation.access import can_view_municipality, is_network_member
from network.organisation.models import Municipality
from portal.export import SafeExportSnippetIndexView

from .base import CONFLICT_MESSAGE, StatusConflict
from .forms import StatusAdminForm
from .models import (
    RolloutStatus,
    RolloutStatusChange,
    RolloutStatusLevel,
    TaskStatus,
    TaskStatusChange,
    TaskStatusLevel,
)
from .rollout_overview import municipality_rollout_rows
from .task_overview import municipality_summary

# Editing a status -------------------------------------------------------------------------


class RecordingMixin:
    """Records the logged-in user in the history; a save over someone else's newer version
    shows the form again with a warning instead of overwriting it."""

    def save_instance(self):
        self.form.instance._changed_by = self.request.user
        return super().save_instance()

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except StatusConflict:
            # Found only at save time, when another save won the race after the form was
            # validated: shown like any validation error.
            form.add_error(None, CONFLICT_MESSAGE)
            self.produced_error_code = "validation_error"
            self.produced_error_message = self.get_error_message()
            return self.form_invalid(form)


class StatusCreateView(RecordingMixin, CreateView):
    pass


class StatusEditView(RecordingMixin, EditView):
    pass


def municipality_filter():
    return django_filters.ModelChoiceFilter(label="Kommune", queryset=Municipality.objects.all())


class StatusViewSet(SnippetViewSet):
    """What both status lists share."""

    icon = "tasks"
    add_view_class = StatusCreateView
    edit_view_class = StatusEditView
    index_view_class = SafeExportSnippetIndexView
    list_per_page = 50

    def get_edit_handler(self):
        return ObjectList(self.model.panels, base_form_class=StatusAdminForm).bind_to_model(
            self.model
        )


class RolloutStatusFilterSet(WagtailFilterSet):
    municipality = municipality_filter()
    level = django_filters.ModelChoiceFilter(
        label="Status", queryset=RolloutStatusLevel.objects.all()
    )

    class Meta:
        model = RolloutStatus
        fields = ["municipality", "rollout", "level"]


class RolloutStatusViewSet(StatusViewSet):
    model = RolloutStatus
    menu_label = "Status i innføringsløp"
    list_display = ["municipality", "rollout", "level", "since", UpdatedAtColumn()]
    filterset_class = RolloutStatusFilterSet
    list_export = ["municipality", "rollout", "level", "since", "current_step", "note"]


class TaskStatusFilterSet(WagtailFilterSet):
    municipality = municipality_filter()
    level = django_filters.ModelChoiceFilter(label="Status", queryset=TaskStatusLevel.objects.all())

    class Meta:
        model = TaskStatus
        fields = ["municipality", "level"]


class TaskStatusViewSet(StatusViewSet):
    model = TaskStatus
    menu_label = "Status i HTM"
    list_display = ["municipality", "task", "level", "updated_by", UpdatedAtColumn()]
    list_export = ["municipality", "task", "level", "responsible_unit", "comment", "updated_at"]
    filterset_class = TaskStatusFilterSet

    def get_queryset(self, request):
        return TaskStatus.objects.select_related("municipality", "task", "level", "updated_by")


# The history, read only -------------------------------------------------------------------


class ReadOnlyPermissionPolicy(ModelPermissionPolicy):
    """History is written by the system, never added, edited or deleted by hand."""

    def user_has_permission(self, user, action):
        if action in {"add", "change", "delete"}:
            return False
        return super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


class ChangeViewSet(SnippetViewSet):
    """What both history lists share: who changed the level from what to what, and when."""

    icon = "history"
    inspect_view_enabled = True
    index_view_class = SafeExportSnippetIndexView
    list_display = [
        "status",
        Column("old_level", label="Fra"),
        Column("new_level", label="Til"),
        "changed_by",
        "changed_at",
    ]

    status_item = ""  # what the status is about, shown in its name

    def get_queryset(self, request):
        return self.model.objects.select_related(
            "status__municipality", self.status_item, "old_level", "new_level", "changed_by"
        )


class RolloutStatusChangeViewSet(ChangeViewSet):
    model = RolloutStatusChange
    menu_label = "Statushistorikk"
    status_item = "status__rollout"
    list_export = [
        "status",
        "old_level",
        "new_level",
        "old_step",
        "new_step",
        "changed_by",
        "changed_at",
    ]


class TaskStatusChangeViewSet(ChangeViewSet):
    model = TaskStatusChange
    menu_label = "Historikk for status i HTM"
    status_item = "status__task"
    list_export = [
        "status",
        "old_level",
        "new_level",
        "old_responsible",
        "new_responsible",
        "changed_by",
        "changed_at",
    ]


for change_model in (RolloutStatusChange, TaskStatusChange):
    register_permission_policy(change_model, ReadOnlyPermissionPolicy(change_model))


# The scales -------------------------------------------------------------------------------


class RolloutStatusLevelViewSet(SnippetViewSet):
    model = RolloutStatusLevel
    icon = "list-ol"
    menu_label = "Statusnivåer"
    list_display = ["name", "sort_order", "colour", "counts_as_done"]
    ordering = ["sort_order"]


class TaskStatusLevelViewSet(SnippetViewSet):
    model = TaskStatusLevel
    icon = "list-ol"
    menu_label = "Nivåer for organisering"
    list_display = ["name", "sort_order", "colour", "counts_as_organised", "needs_help"]
    ordering = ["sort_order"]


# On a municipality's page -----------------------------------------------------------------


@hooks.register("municipality_page_sections")
def rollout_statuses_of_municipality(request, network_page, municipality):
    rollouts = RolloutStatus.rollout_pages().order_by("path")
    return {
        "order": 10,
        "template": "network/statuses/includes/municipality_rollouts.html",
        "rollout_rows": municipality_rollout_rows(municipality, rollouts),
    }


@hooks.register("municipality_page_sections")
def task_status_of_municipality(request, network_page, municipality):
    """The municipality's HTM status: for members and editors only."""
    if not is_network_member(request.user):
        return None
    summary = municipality_summary(municipality)
    summary["overview_url"] = reverse("task_status_overview")
    summary["own"] = can_view_municipality(request.user, municipality)
    return {
        "order": 20,
        "template": "network/statuses/includes/municipality_section.html",
        "summary": summary,
    }
