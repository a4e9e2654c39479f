"""The two-factor pages: give a code after the password, set up an authenticator app, see
one's devices and make new recovery codes, and an administrator's reset of another user.

Every page is for users who can reach the admin; others get the 403 page."""

import logging
from functools import wraps
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST
from django_otp import login as otp_login

from . import devices, policy
from .forms import CodeForm

logger = logging.getLogger(__name__)

LOGIN_URL = "wagtailadmin_login"
TEMPLATES = "twofactor/"
APP_HELP = "Den sekssifrede koden appen viser nå."


def next_url(request) -> str:
    """The ?next= address when it stays on this site, else the admin's dashboard."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse("wagtailadmin_home")


def with_next(name: str, request) -> str:
    return f"{reverse(name)}?{urlencode({'next': next_url(request)})}"


def admin_user_required(view):
    @wraps(view)
    @login_required(login_url=LOGIN_URL)
    def wrapped(request, *args, **kwargs):
        if not policy.can_reach_admin(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapped


def private(response):
    """Pages that show a secret or a recovery code are kept by no cache."""
    add_never_cache_headers(response)
    return response


def complete_login(request, device) -> None:
    otp_login(request, device)
    # A new session key once the login is complete, as Django does after the password.
    request.session.cycle_key()


def refusal(locked_until) -> str:
    if locked_until is not None:
        until = timezone.localtime(locked_until).strftime("%H:%M:%S")
        return f"For mange feil koder på rad. Vent til klokken {until}, og prøv igjen."
    return "Koden stemmer ikke. Prøv igjen."


@admin_user_required
def verify_view(request):
    user = request.user
    if policy.is_verified(user):
        return redirect(next_url(request))
    if not policy.has_authenticator(user):
        return redirect(with_next("twofactor:setup", request))
    form = CodeForm(
        request.POST or None,
        help_text="Koden fra autentiseringsappen, eller en av reservekodene dine.",
    )
    if request.method == "POST" and form.is_valid():
        result = devices.check_code(user, form.cleaned_data["code"])
        if result.device is not None:
            complete_login(request, result.device)
            if result.is_recovery_code:
                left = devices.remaining_recovery_codes(user)
                messages.warning(
                    request,
                    f"Du logget inn med en reservekode. Du har {left} ubrukte reservekoder "
                    "igjen; lag nye under «Totrinnsbekreftelse» på kontosiden din.",
                )
            return redirect(next_url(request))
        logger.info("Wrong two-factor code for user %s", user.pk)
        form.add_error("code", refusal(result.locked_until))
    return render(request, TEMPLATES + "verify.html", {"form": form, "next": next_url(request)})


@admin_user_required
def setup_view(request):
    user = request.user
    replacing = policy.has_authenticator(user)
    if replacing and not policy.is_verified(user):
        # A password alone may never add a device to an account that has one.
        return redirect(with_next("twofactor:verify", request))
    device = devices.pending_authenticator(user)
    form = CodeForm(request.POST or None, help_text=APP_HELP)
    if request.method == "POST" and form.is_valid():
        result = devices.try_code(user, device, form.cleaned_data["code"])
        if result.device is not None:
            devices.confirm_authenticator(device)
            codes = devices.new_recovery_codes(user)
            complete_login(request, device)
            context = {"codes": codes, "next": next_url(request), "first_time": True}
            return private(render(request, TEMPLATES + "recovery_codes.html", context))
        form.add_error("code", refusal(result.locked_until))
    context = {
        "form": form,
        "qr_code": devices.qr_code_svg(device),
        "secret": devices.secret_text(device),
        "next": next_url(request),
        "required": policy.is_required(),
        "replacing": replacing,
    }
    return private(render(request, TEMPLATES + "setup.html", context))


@admin_user_required
def devices_view(request):
    user = request.user
    context = {
        "app": devices.authenticator(user),
        "remaining": devices.remaining_recovery_codes(user),
        "required": policy.is_required(),
    }
    return render(request, TEMPLATES + "devices.html", context)


@require_POST
@admin_user_required
def recovery_codes_view(request):
    """New recovery codes replace the old ones; only after a code was given this session."""
    user = request.user
    if not (policy.has_authenticator(user) and policy.is_verified(user)):
        return redirect("twofactor:devices")
    codes = devices.new_recovery_codes(user)
    context = {"codes": codes, "next": reverse("twofactor:devices"), "first_time": False}
    return private(render(request, TEMPLATES + "recovery_codes.html", context))


@admin_user_required
def reset_user_view(request, user_id):
    """An administrator removes a user's app and recovery codes (a lost phone); the user sets
    up a new app at the next login."""
    target = get_object_or_404(get_user_model(), pk=user_id)
    if not policy.can_reset(request.user, target):
        raise PermissionDenied
    if request.method == "POST":
        count = devices.reset(target)
        logger.warning(
            "Two-factor reset for user %s by user %s (%s devices)",
            target.pk,
            request.user.pk,
            count,
        )
        messages.success(
            request,
            f"Totrinnsbekreftelsen til {target.get_full_name() or target.get_username()} er "
            "tilbakestilt. Brukeren setter opp en ny app ved neste innlogging.",
        )
        return redirect("wagtailusers_users:index")
    context = {"target": target, "has_authenticator": policy.has_authenticator(target)}
    return render(request, TEMPLATES + "reset_confirm.html", context)
