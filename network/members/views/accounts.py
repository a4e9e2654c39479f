"""Member accounts on the public site: log in and out, forgotten and changed passwords, and
the invitation an editor sends from the admin.

The pages are Django's own auth views with Norwegian templates in the site's look. An invited
person gets an account with an unusable password and a one-time link (Django's
default_token_generator, as for a forgotten password) to choose one. Failed logins are counted
by django-axes (settings: AXES_*), which shows registration/lockout.html after too many.
"""

from axes.backends import AxesStandaloneBackend
from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import AuthenticationForm
from django.contrib.auth.models import Group
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import PermissionDenied
from django.core.mail import send_mail
from django.db import transaction
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import reverse, reverse_lazy
from django.utils.encoding import force_bytes
from django.utils.http import url_has_allowed_host_and_scheme, urlsafe_base64_encode

from .models import MemberRole, Membership, Municipality
from .permissions import MEMBERS_GROUP

TEMPLATES = "network/accounts/"


class LoginForm(AuthenticationForm):
    username = forms.CharField(
        label="E-post eller brukernavn",
        max_length=254,
        widget=forms.TextInput(attrs={"autocomplete": "username", "autofocus": True}),
    )
    password = forms.CharField(
        label="Passord",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    error_messages = {
        "invalid_login": "Feil e-post, brukernavn eller passord. Begge feltene skiller mellom "
        "store og små bokstaver.",
        "inactive": "Kontoen er ikke aktiv.",
    }

    def clean_username(self):
        # Invited members have their e-mail address as username, in lower case.
        username = self.cleaned_data["username"].strip()
        user_model = get_user_model()
        if "@" in username and not user_model.objects.filter(username=username).exists():
            match = user_model.objects.filter(email__iexact=username).first()
            if match is not None:
                return match.get_username()
        return username


class LoginView(auth_views.LoginView):
    template_name = TEMPLATES + "login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True


class LogoutView(auth_views.LogoutView):
    """Logs out on POST only (Django's rule); a GET shows a page with the button."""

    template_name = TEMPLATES + "logged_out.html"
    http_method_names = ["get", "post", "options"]

    def get(self, request, *args, **kwargs):
        return TemplateResponse(request, TEMPLATES + "logout.html", {})


class PasswordResetView(auth_views.PasswordResetView):
    template_name = TEMPLATES + "password_reset_form.html"
    email_template_name = TEMPLATES + "email/password_reset.txt"
    subject_template_name = TEMPLATES + "email/password_reset_subject.txt"
    success_url = reverse_lazy("accounts_password_reset_done")


class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    template_name = TEMPLATES + "password_reset_done.html"


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = TEMPLATES + "password_reset_confirm.html"
    success_url = reverse_lazy("accounts_password_reset_complete")
    extra_context = {"invitation": False}


class InvitationConfirmView(PasswordResetConfirmView):
    """The link in an invitation: the same one-time token, worded as a welcome."""

    reset_url_token = "velg-passord"  # noqa: S105  (a URL segment, not a password)
    extra_context = {"invitation": True}


class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = TEMPLATES + "password_reset_complete.html"


class PasswordChangeView(auth_views.PasswordChangeView):
    template_name = TEMPLATES + "password_change_form.html"
    success_url = reverse_lazy("accounts_password_change_done")


class PasswordChangeDoneView(auth_views.PasswordChangeDoneView):
    template_name = TEMPLATES + "password_change_done.html"


def lockout(request, credentials=None, *args, **kwargs):
    """django-axes' response when a login is locked out (AXES_LOCKOUT_CALLABLE)."""
    # Rendered here: Axes' middleware returns it past the template-response machinery.
    return render(request, TEMPLATES + "lockout.html", {}, status=429)


class TestAxesBackend(AxesStandaloneBackend):
    """For the test settings only: Axes as in production for every request, but a login
    without a request (the test client's `client.login`) passes on to ModelBackend instead of
    failing, so tests written before Axes keep working. Login through the pages still goes
    through Axes, and the lockout tests use the pages."""

    def authenticate(self, request, *args, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, *args, **kwargs)


# Invitations (a view in the Wagtail admin) -----------------------------------------------


class InvitationForm(forms.Form):
    email = forms.EmailField(label="E-post")
    first_name = forms.CharField(label="Fornavn", max_length=150)
    last_name = forms.CharField(label="Etternavn", max_length=150)
    municipality = forms.ModelChoiceField(label="Kommune", queryset=Municipality.objects.all())
    role = forms.ChoiceField(label="Rolle", choices=MemberRole.choices, initial=MemberRole.MEMBER)

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()

    def clean(self):
        cleaned = super().clean()
        email, municipality = cleaned.get("email"), cleaned.get("municipality")
        if email and municipality:
            exists = Membership.objects.filter(
                user__email__iexact=email, municipality=municipality
            ).exists()
            if exists:
                raise forms.ValidationError(
                    "Personen er allerede medlem for %(kommune)s.",
                    params={"kommune": municipality},
                )
        return cleaned


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


def safe_next(request, fallback: str) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return fallback
