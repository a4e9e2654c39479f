"""Who must confirm a login with a second factor, and how far they have come."""

from enum import Enum

from django.conf import settings
from django_otp.plugins.otp_totp.models import TOTPDevice


class Step(Enum):
    VERIFY = "verify"
    SETUP = "setup"


def can_reach_admin(user) -> bool:
    """Superusers, staff (the Django admin) and everyone with access to the Wagtail admin."""
    if not user.is_authenticated or not user.is_active:
        return False
    return user.is_superuser or user.is_staff or user.has_perm("wagtailadmin.access_admin")


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
