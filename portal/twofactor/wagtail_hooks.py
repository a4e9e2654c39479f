"""The admin's way to two-factor: an item on the account page, and a reset action on each
user in the user list."""

from django.urls import reverse
from wagtail import hooks
from wagtail.admin.widgets.button import Button

from . import policy


@hooks.register("register_account_menu_item")
def two_factor_account_item(request):
    if not policy.can_reach_admin(request.user):
        return None
    return {
        "url": reverse("twofactor:devices"),
        "label": "Totrinnsbekreftelse",
        "help_text": "Autentiseringsappen og reservekodene dine.",
    }


@hooks.register("register_user_listing_buttons")
def two_factor_reset_button(user, request_user):
    if policy.can_reset(request_user, user):
        yield Button(
            "Tilbakestill totrinnsbekreftelse",
            reverse("twofactor:reset_user", args=[user.pk]),
            icon_name="key",
            priority=60,
        )
