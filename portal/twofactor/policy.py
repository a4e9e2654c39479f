"""Who must confirm a login with a second factor, and how far they have come."""

from enum import Enum

from django.conf import settings
from django.contrib.auth.models import Permission
from django.db.models import Q
from django_otp.plugins.otp_totp.models import TOTPDevice


class Step(Enum):
    VERIFY = "verify"
    SETUP = "setup"


def read_permissions(user) -> set[str]:
    """The permissions of an active user who is not a superuser, read in one query.

    ModelBackend (the only backend here that grants permissions: Axes grants none) reads the
    user's own permissions and the groups' in two queries. This reads both at once and keeps
    them where ModelBackend keeps them for the request, so the user bar's and every later
    `has_perm` answer without a query."""
    if not hasattr(user, "_perm_cache"):
        rows = Permission.objects.filter(Q(user=user) | Q(group__user=user)).values_list(
            "content_type__app_label", "codename"
        )
        user._perm_cache = {f"{app_label}.{codename}" for app_label, codename in rows}
    return user._perm_cache


def can_reach_admin(user) -> bool:
    """Superusers, staff (the Django admin) and everyone with access to the Wagtail admin."""
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser or user.is_staff:
        return True
    return "wagtailadmin.access_admin" in read_permissions(user)


def is_required() -> bool:
    return bool(getattr(settings, "TWO_FACTOR_REQUIRED", True))


def has_authenticator(user) -> bool:
    return TOTPDevice.objects.devices_for_user(user, confirmed=True).exists()


def is_verified(user) -> bool:
    """True when this session's login was confirmed with a code (django-otp's middleware)."""
    verified = getattr(user, "is_verified", None)
    return bool(verified and verified())


def pending_step(user) -> Step | None:
    """What the user must do before any other page: give a code, set up an app, or nothing.

    Members who cannot reach the admin are never asked; the cheap checks come first so that
    a plain member costs no query beyond the permission lookup the user bar makes anyway."""
    if not user.is_authenticated or is_verified(user) or not can_reach_admin(user):
        return None
    if has_authenticator(user):
        return Step.VERIFY
    if is_required():
        return Step.SETUP
    return None


def can_reset(actor, target) -> bool:
    """Who may remove another user's two-factor devices: those who may change users in the
    Wagtail admin, and only a superuser may do it for a superuser."""
    if actor.is_superuser:
        return True
    model = type(target)._meta
    may_change = actor.has_perm(f"{model.app_label}.change_{model.model_name}")
    return may_change and not target.is_superuser
