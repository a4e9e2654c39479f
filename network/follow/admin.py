"""The follow room in the Wagtail admin and on pages through hooks: the follow button on
rollouts and HTM phases and areas (their pages render hook sections, so htm imports
nothing of ours), the organiser's e-mail to a meeting's participants, and the list of
sent notices for editors."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.ui.menus.pages import PageMenuItem
from wagtail.admin.ui.tables import Column
from wagtail.snippets.views.snippets import SnippetViewSet

from network.meetings.pages import MeetingPage

from .models import Notice
from .organiser import OrganiserEmailForm, participants, send_to_participants


def follow_section(request, page):
    return {
        "order": 1,
        "template": "network/follow/includes/follow_section.html",
        "page": page,
    }


hooks.register("rollout_page_sections", follow_section)


@hooks.register("htm_item_page_sections")
def follow_section_htm(request, page):
    return follow_section(request, page)


@hooks.register("register_admin_urls")
def follow_admin_urls():
    return [
        path(
            "mote/<int:page_id>/e-post/",
            organiser_email_view,
            name="follow_organiser_email",
        )
    ]


def organiser_email_view(request, page_id):
    page = get_object_or_404(MeetingPage, pk=page_id)
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    form = OrganiserEmailForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        count = send_to_participants(
            page, form.cleaned_data["subject"], form.cleaned_data["message"]
        )
        messages.success(request, f"E-posten er lagt i kø til {count} deltakere.")
        return redirect("wagtailadmin_pages:edit", page.pk)
    return TemplateResponse(
        request,
        "network/follow/admin/organiser_email.html",
        {"page": page, "form": form, "count": participants(page).count()},
    )


@hooks.register("register_page_header_buttons")
def organiser_email_button(page, user, view_name, next_url=None):
    """«Send e-post til deltakerne» in the meeting's admin header."""
    if not isinstance(page.specific_deferred, MeetingPage):
        return
    if not page.permissions_for_user(user).can_edit():
        return
    yield PageMenuItem(
        "Send e-post til deltakerne",
        reverse("follow_organiser_email", args=[page.pk]),
        icon_name="mail",
        priority=91,
        page=page,
    )


class NoticeViewSet(SnippetViewSet):
    """What was sent to whom and when (never the body), for editors answering «did the
    e-mail go?»."""

    model = Notice
    icon = "mail"
    menu_label = "Varsler på e-post"
    add_to_admin_menu = False
    inspect_view_enabled = True
    list_display = [
        "subject",
        "email",
        Column("get_status_display", label="Status"),
        "created_at",
        "sent_at",
        "attempts",
    ]
    list_filter = ["status", "kind"]
    search_fields = ["email", "subject"]
    list_per_page = 100
    copy_view_enabled = False
