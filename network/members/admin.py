"""Members and their marks in the Wagtail admin: memberships with the «Inviter medlem» view,
and the marks, with filters and exports (grouped in the admin menu by
network/wagtail_hooks.py); and the «Relevant for kommunene» panel on HTM pages."""

import django_filters
from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column, UpdatedAtColumn
from wagtail.admin.widgets.button import HeaderButton
from wagtail.snippets.views.snippets import SnippetViewSet

from network.choices import MemberRole
from network.organisation.models import Membership, Municipality
from portal.export import SafeExportSnippetIndexView

from .marks import mark_section
from .models import RelevanceMark
from .views import invitations, privacy


class MembershipIndexView(SafeExportSnippetIndexView):
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
    index_view_class = SafeExportSnippetIndexView
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


@hooks.register("register_admin_urls")
def member_admin_urls():
    return [
        path("medlemmer/inviter/", invitations.invitation_view, name="network_invite"),
        path(
            "medlemmer/<int:pk>/send-invitasjon/",
            invitations.resend_invitation_view,
            name="network_resend_invitation",
        ),
        path(
            "personvern/slett-person/", privacy.erase_person_admin_view, name="network_erase_person"
        ),
    ]


class ErasePersonMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perms(privacy.ERASE_PERMISSIONS)


@hooks.register("register_settings_menu_item")
def erase_person_menu_item():
    return ErasePersonMenuItem(
        "Slett person", reverse("network_erase_person"), icon_name="bin", order=900
    )


@hooks.register("htm_item_page_sections")
def relevance_of_htm_item(request, page):
    """«Relevant for kommunene» on every HTM phase and task area (htm does not import network)."""
    section = mark_section(request, page, order=50)
    if section is not None:
        # HTM pages show no messages of their own: the panel confirms a mark there.
        section["show_messages"] = True
    return section
