"""Invitations, a view in the Wagtail admin: an editor invites a person to a municipality.

An invited person gets an account with an unusable password and a one-time link (Django's
default_token_generator, as for a forgotten password) to choose one.
"""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import PermissionDenied
from django.core.mail import send_mail
from django.db import transaction
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from network.organisation.access import MEMBERS_GROUP
from network.organisation.models import Membership

from ..forms import InvitationForm

TEMPLATES = "network/members/accounts/"


def invitation_link(request, user) -> str:
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    return request.build_absolute_uri(reverse("accounts_invitation", args=[uid, token]))


def send_invitation(request, membership) -> None:
    user = membership.user
    context = {
        "user": user,
        "membership": membership,
        "link": invitation_link(request, user),
        "invited_by": request.user.get_full_name() or request.user.get_username(),
        "login_url": request.build_absolute_uri(reverse("accounts_login")),
        "has_password": user.has_usable_password(),
    }
    subject = f"Invitasjon til E-helse Nordland for {membership.municipality.name} kommune"
    body = render_to_string(TEMPLATES + "email/invitation.txt", context)
    send_mail(subject, body, None, [user.email])


@transaction.atomic
def invite(request, data) -> Membership:
    """Create (or reuse) the user and the membership; the e-mail goes after the commit."""
    user_model = get_user_model()
    user = user_model.objects.filter(email__iexact=data["email"]).first()
    if user is None:
        user = user_model(
            username=data["email"],
            email=data["email"],
            first_name=data["first_name"],
            last_name=data["last_name"],
        )
        user.set_unusable_password()
        user.save()
    group, _ = Group.objects.get_or_create(name=MEMBERS_GROUP)
    user.groups.add(group)
    membership = Membership.objects.create(
        user=user, municipality=data["municipality"], role=data["role"], invited_by=request.user
    )
    transaction.on_commit(lambda: send_invitation(request, membership))
    return membership


def invitation_view(request):
    """«Inviter medlem» in the admin: for users who may add memberships."""
    if not request.user.has_perm("network.add_membership"):
        raise PermissionDenied
    if request.method == "POST":
        form = InvitationForm(request.POST)
        if form.is_valid():
            membership = invite(request, form.cleaned_data)
            messages.success(
                request,
                f"Invitasjonen er sendt til {membership.user.email} "
                f"({membership.municipality.name}).",
            )
            return redirect("wagtailsnippets_network_membership:list")
    else:
        initial = {}
        if request.GET.get("kommune", "").isdigit():
            initial["municipality"] = request.GET["kommune"]
        form = InvitationForm(initial=initial)
    return TemplateResponse(
        request,
        TEMPLATES + "admin/invite.html",
        {"form": form, "page_title": "Inviter medlem", "header_icon": "mail"},
    )


def resend_invitation_view(request, pk):
    """Send the link again (POST), for an invited person who has not chosen a password."""
    if not request.user.has_perm("network.change_membership"):
        raise PermissionDenied
    membership = Membership.objects.select_related("user", "municipality").filter(pk=pk).first()
    if membership is None or request.method != "POST":
        return redirect("wagtailsnippets_network_membership:list")
    send_invitation(request, membership)
    messages.success(request, f"Invitasjonen er sendt på nytt til {membership.user.email}.")
    return redirect("wagtailsnippets_network_membership:list")
