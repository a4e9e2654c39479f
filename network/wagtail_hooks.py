"""The network's snippets in the admin, and its section on the home page."""

import django_filters
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, UpdatedAtColumn
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import (
    CreateView,
    EditView,
    SnippetViewSet,
    SnippetViewSetGroup,
)

from .models import (
    Cohort,
    ContactPerson,
    Municipality,
    NewsPage,
    ProjectIndexPage,
    RolloutStatus,
    RolloutStatusChange,
    RolloutStatusLevel,
)

HOME_NEWS_COUNT = 3


class MunicipalityViewSet(SnippetViewSet):
    model = Municipality
    icon = "home"
    menu_label = "Kommuner"
    list_display = ["name", "number", "sami_name"]
    search_fields = ["name", "number"]
    list_export = ["name", "number", "sami_name", "website", "note"]
    ordering = ["name"]


class CohortViewSet(SnippetViewSet):
    model = Cohort
    icon = "group"
    menu_label = "Puljer"
    list_display = ["name", "year", "programme"]


class ContactPersonViewSet(SnippetViewSet):
    model = ContactPerson
    icon = "user"
    menu_label = "Kontaktpersoner"
    list_display = ["name", "role", "organisation", "publish"]
    list_filter = ["role", "organisation_type", "publish", "regional_team"]
    list_export = ["name", "role", "organisation", "email", "phone", "publish"]
    search_fields = ["name", "title", "organisation_name"]


class RolloutStatusLevelViewSet(SnippetViewSet):
    model = RolloutStatusLevel
    icon = "list-ol"
    menu_label = "Statusnivåer"
    list_display = ["name", "sort_order", "colour", "counts_as_done"]
    ordering = ["sort_order"]


class RecordingCreateView(CreateView):
    """Records the logged-in user in the status history."""

    def save_instance(self):
        self.form.instance._changed_by = self.request.user
        return super().save_instance()


class RecordingEditView(EditView):
    def save_instance(self):
        self.form.instance._changed_by = self.request.user
        return super().save_instance()


class RolloutStatusFilterSet(WagtailFilterSet):
    municipality = django_filters.ModelChoiceFilter(
        label="Kommune", queryset=Municipality.objects.all()
    )
    level = django_filters.ModelChoiceFilter(
        label="Status", queryset=RolloutStatusLevel.objects.all()
    )

    class Meta:
        model = RolloutStatus
        fields = ["municipality", "rollout", "level"]


class RolloutStatusViewSet(SnippetViewSet):
    model = RolloutStatus
    icon = "tasks"
    menu_label = "Status i innføringsløp"
    add_view_class = RecordingCreateView
    edit_view_class = RecordingEditView
    list_display = ["municipality", "rollout", "level", "since", UpdatedAtColumn()]
    filterset_class = RolloutStatusFilterSet
    list_export = ["municipality", "rollout", "level", "since", "current_step", "note"]
    list_per_page = 50


class ReadOnlyPermissionPolicy(ModelPermissionPolicy):
    """History is written by the system, never added, edited or deleted by hand."""

    def user_has_permission(self, user, action):
        if action in {"add", "change", "delete"}:
            return False
        return super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


register_permission_policy(RolloutStatusChange, ReadOnlyPermissionPolicy(RolloutStatusChange))


class RolloutStatusChangeViewSet(SnippetViewSet):
    model = RolloutStatusChange
    icon = "history"
    menu_label = "Statushistorikk"
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
        "old_step",
        "new_step",
        "changed_by",
        "changed_at",
    ]


class NetworkViewSetGroup(SnippetViewSetGroup):
    menu_label = "Nettverket"
    menu_icon = "group"
    menu_order = 250
    items = (
        MunicipalityViewSet,
        CohortViewSet,
        ContactPersonViewSet,
        RolloutStatusViewSet,
        RolloutStatusChangeViewSet,
        RolloutStatusLevelViewSet,
    )


register_snippet(NetworkViewSetGroup)


@hooks.register("home_page_sections")
def latest_news_section(request, home_page):
    """The newest news items on the home page: one query."""
    news = list(NewsPage.objects.live().public().order_by("-date", "-pk")[:HOME_NEWS_COUNT])
    if not news:
        return None
    index = ProjectIndexPage.objects.live().public().first()
    return {
        "order": 20,
        "template": "network/includes/home_news.html",
        "news": news,
        "index_url": index.get_url(request) if index else "",
    }


# Meetings (issue #5), and members, marks and HTM statuses (issue #6), register their own
# hooks and admin views.
from . import meeting_hooks, member_hooks  # noqa: E402, F401
