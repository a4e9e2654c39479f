"""The network in the Wagtail admin: each room's admin module registers its own hooks when
imported here, and the snippets are grouped in the admin menu as editors know them."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from network.follow import admin as follow_admin
from network.meetings import admin as meetings_admin
from network.members import admin as members_admin
from network.news import admin as news_admin  # noqa: F401  (its hooks)
from network.organisation import admin as organisation_admin
from network.progress import admin as progress_admin  # noqa: F401  (its hooks)
from network.statuses import admin as statuses_admin


class NetworkViewSetGroup(SnippetViewSetGroup):
    menu_label = "Nettverket"
    menu_icon = "group"
    menu_order = 250
    items = (
        organisation_admin.MunicipalityViewSet,
        organisation_admin.CohortViewSet,
        organisation_admin.ContactPersonViewSet,
        statuses_admin.RolloutStatusViewSet,
        statuses_admin.RolloutStatusChangeViewSet,
        statuses_admin.RolloutStatusLevelViewSet,
    )


class MembersViewSetGroup(SnippetViewSetGroup):
    menu_label = "Medlemmer og HTM-status"
    menu_icon = "user"
    menu_order = 255
    items = (
        members_admin.MembershipViewSet,
        members_admin.RelevanceMarkViewSet,
        statuses_admin.TaskStatusViewSet,
        statuses_admin.TaskStatusChangeViewSet,
        statuses_admin.TaskStatusLevelViewSet,
    )


register_snippet(NetworkViewSetGroup)
register_snippet(MembersViewSetGroup)
register_snippet(meetings_admin.MeetingRegistrationViewSet)
register_snippet(follow_admin.NoticeViewSet)
