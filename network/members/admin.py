"""Members, marks and HTM statuses in the Wagtail admin: lists with filters and exports, the
«Inviter medlem» view, and read-only history. Imported by network/wagtail_hooks.py."""

import django_filters
from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, UpdatedAtColumn
from wagtail.admin.widgets.button import HeaderButton
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import (
    CreateView,
    EditView,
    IndexView,
    SnippetViewSet,
    SnippetViewSetGroup,
)

from . import accounts
from .marks import mark_section
from .models import (
    MemberRole,
    Membership,
    Municipality,
    RelevanceMark,
    TaskStatus,
    TaskStatusChange,
    TaskStatusLevel,
)


class MembershipIndexView(IndexView):
    @property
    def header_buttons(self):
        buttons = list(super().header_buttons)
        if self.request.user.has_perm("network.add_membership"):
            buttons.insert(
                0,
                HeaderButton("Inviter medlem", url=reverse("network_invite"), icon_name="mail"),
            )
        return buttons


class MembershipFilterSet(WagtailFilterSet):
    municipality = django_filters.ModelChoiceFilter(
        label="Kommune", queryset=Municipality.objects.all()
    )
    role = django_filters.ChoiceFilter(label="Rolle", choices=MemberRole.choices)

    class Meta:
        model = Membership
        fields = ["municipality", "role"]


class MembershipViewSet(SnippetViewSet):
    model = Membership
    icon = "user"
    menu_label = "Medlemskap"
    index_view_class = MembershipIndexView
    list_display = [
        "user",
        Column("email", label="E-post", accessor="user.email"),
        "municipality",
        "role",
        "created_at",
    ]
    list_export = ["user", "municipality", "role", "created_at"]
    filterset_class = MembershipFilterSet
    search_fields = ["user__first_name", "user__last_name", "user__email"]
    list_per_page = 50

    def get_queryset(self, request):
        return Membership.objects.select_related("user", "municipality")


class RelevanceMarkFilterSet(WagtailFilterSet):
    municipality = django_filters.ModelChoiceFilter(
        label="Kommune", queryset=Municipality.objects.all()
    )

    class Meta:
        model = RelevanceMark
        fields = ["municipality"]


class RelevanceMarkViewSet(SnippetViewSet):
    model = RelevanceMark
    icon = "tag"
    menu_label = "Markert som relevant"
    list_display = [
        "municipality",
        Column("item_title", label="Side eller dokument"),
        "updated_by",
        UpdatedAtColumn(),
    ]
    list_export = ["municipality", "item_title", "note", "updated_at"]
    filterset_class = RelevanceMarkFilterSet

    def get_queryset(self, request):
        return RelevanceMark.objects.select_related("municipality", "page", "document")


class RecordingCreateView(CreateView):
    """Records the logged-in user in the status history."""

    def save_instance(self):
        self.form.instance._changed_by = self.request.user
        return super().save_instance()


class RecordingEditView(EditView):
    def save_instance(self):
        self.form.instance._changed_by = self.request.user
        return super().save_instance()


class TaskStatusFilterSet(WagtailFilterSet):
    municipality = django_filters.ModelChoiceFilter(
        label="Kommune", queryset=Municipality.objects.all()
    )
    level = django_filters.ModelChoiceFilter(label="Status", queryset=TaskStatusLevel.objects.all())

    class Meta:
        model = TaskStatus
        fields = ["municipality", "level"]


class TaskStatusViewSet(SnippetViewSet):
    model = TaskStatus
    icon = "tasks"
    menu_label = "Status i HTM"
    add_view_class = RecordingCreateView
    edit_view_class = RecordingEditView
    list_display = ["municipality", "task", "level", "updated_by", UpdatedAtColumn()]
    list_export = ["municipality", "task", "level", "responsible_unit", "comment", "updated_at"]
    filterset_class = TaskStatusFilterSet
    list_per_page = 50

    def get_queryset(self, request):
        return TaskStatus.objects.select_related("municipality", "task", "level", "updated_by")


class ReadOnlyPermissionPolicy(ModelPermissionPolicy):
    """History is written by the system, never added, edited or deleted by hand."""

    def user_has_permission(self, user, action):
        if action in {"add", "change", "delete"}:
            return False
        return super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


register_permission_policy(TaskStatusChange, ReadOnlyPermissionPolicy(TaskStatusChange))


class TaskStatusChangeViewSet(SnippetViewSet):
    model = TaskStatusChange
    icon = "history"
    menu_label = "Historikk for status i HTM"
    inspect_view_enabled = True
    list_display = [
        "status",
        Column("old_level", label="Fra"),
        Column("new_level", label="Til"),
        "changed_by",
        "changed_at",
    ]
    list_export = [
        "status",
        "old_level",
        "new_level",
        "old_responsible",
        "new_responsible",
        "changed_by",
        "changed_at",
    ]

    def get_queryset(self, request):
        return TaskStatusChange.objects.select_related(
            "status__municipality", "status__task", "old_level", "new_level", "changed_by"
        )


class TaskStatusLevelViewSet(SnippetViewSet):
    model = TaskStatusLevel
    icon = "list-ol"
    menu_label = "Nivåer for organisering"
    list_display = ["name", "sort_order", "colour", "counts_as_organised", "needs_help"]
    ordering = ["sort_order"]


class MembersViewSetGroup(SnippetViewSetGroup):
    menu_label = "Medlemmer og HTM-status"
    menu_icon = "user"
    menu_order = 255
    items = (
        MembershipViewSet,
        RelevanceMarkViewSet,
        TaskStatusViewSet,
        TaskStatusChangeViewSet,
        TaskStatusLevelViewSet,
    )


register_snippet(MembersViewSetGroup)


@hooks.register("register_admin_urls")
def member_admin_urls():
    return [
        path("medlemmer/inviter/", accounts.invitation_view, name="network_invite"),
        path(
            "medlemmer/<int:pk>/send-invitasjon/",
            accounts.resend_invitation_view,
            name="network_resend_invitation",
        ),
    ]


@hooks.register("htm_item_page_sections")
def relevance_of_htm_item(request, page):
    """«Relevant for kommunene» on every HTM phase and task area (htm does not import network)."""
    return mark_section(request, page, order=50)
