"""Keeps a user who can reach the admin away from every page until the login is confirmed
with a code, or until an authenticator app is set up when two-factor is required.

Install after django_otp's OTPMiddleware, which tells whether this session gave a code."""

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.urls import Resolver404, resolve, reverse

from .policy import Step, pending_step

# Pages an unconfirmed user may still open: logging out, and what the admin's page frame
# loads (icons, the admin's translations) around the two-factor pages.
ALLOWED_VIEWS = {
    "wagtailadmin_logout",
    "wagtailadmin_sprite",
    "wagtailadmin_javascript_catalog",
    "accounts_logout",
    "admin:logout",
}
STEP_URLS = {Step.VERIFY: "twofactor:verify", Step.SETUP: "twofactor:setup"}


def is_allowed(request) -> bool:
    if request.path_info.startswith(settings.STATIC_URL):
        return True
    try:
        match = resolve(request.path_info)
    except Resolver404:
        return False
    return match.namespace == "twofactor" or match.view_name in ALLOWED_VIEWS


class TwoFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        step = pending_step(user) if user is not None else None
        if step is not None and not is_allowed(request):
            return redirect_to_login(request.get_full_path(), reverse(STEP_URLS[step]))
        return self.get_response(request)
