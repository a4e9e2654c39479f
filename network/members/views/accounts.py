"""Member accounts on the public site: log in and out, forgotten and changed passwords, and
choosing a password from an invitation (members/views/invitations.py sends those).

The pages are Django's own auth views with Norwegian templates in the site's look. Failed
logins are counted by django-axes (settings: AXES_*), which shows the lockout page after
too many. Logging in and asking for a reset link are also rate-limited per client address,
per e-mail address and for everyone (portal/ratelimits.py, settings: RATELIMITS).
"""

from django.contrib.auth import views as auth_views
from django.shortcuts import render
from django.template.response import TemplateResponse
from django.urls import reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme

from portal import ratelimits
from portal.seo.login import leads_to_login

from ..forms import LoginForm

TEMPLATES = "network/members/accounts/"


class RateLimitedPostMixin:
    """A POST over the scope's rate limit gets the form back, as typed, with the limit's
    message and status 429; it never reaches the form's validation (nor the password check,
    nor the e-mail)."""

    ratelimit_scope = ""
    ratelimit_email_field = ""

    def post(self, request, *args, **kwargs):
        email = (
            request.POST.get(self.ratelimit_email_field, "") if self.ratelimit_email_field else ""
        )
        if ratelimits.is_limited(request, self.ratelimit_scope, email=str(email)):
            form = self.get_form()
            ratelimits.refuse_form(form)
            return self.render_to_response(self.get_context_data(form=form), status=429)
        return super().post(request, *args, **kwargs)


class LoginView(RateLimitedPostMixin, auth_views.LoginView):
    ratelimit_scope = "login"
    template_name = TEMPLATES + "login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True

    def get_redirect_url(self):
        """The ?next= address, except one back to the login (or out): that would show the
        login again, and each login page would link to one with a longer `next`."""
        url = super().get_redirect_url()
        return "" if leads_to_login(url) else url


class LogoutView(auth_views.LogoutView):
    """Logs out on POST only (Django's rule); a GET shows a page with the button."""

    template_name = TEMPLATES + "logged_out.html"
    http_method_names = ["get", "post", "options"]

    def get(self, request, *args, **kwargs):
        return TemplateResponse(request, TEMPLATES + "logout.html", {})


class PasswordResetView(RateLimitedPostMixin, auth_views.PasswordResetView):
    ratelimit_scope = "password_reset"
    ratelimit_email_field = "email"
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


def safe_next(request, fallback: str) -> str:
    """The ?next= address when it stays on this site, else the fallback."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return fallback
