"""Signed links in the follow e-mails (django.core.signing): nothing to store, and a link
altered by hand does not work."""

import datetime

from django.core import signing

from .models import opt_in_hours

UNSUBSCRIBE_SALT = "network.follow.unsubscribe"
OPT_IN_SALT = "network.follow.opt-in"


BROKEN_LINK = "Lenken virker ikke. Sjekk at du har med hele lenken fra e-posten."


class LinkError(Exception):
    """A link that does not work, with the Norwegian message to show."""


def unsubscribe_token(subscription) -> str:
    # The address is part of the token, so a link stops working if the row is reused.
    # No timestamp: the same link in the body and the header, and it never expires.
    data = {"s": subscription.pk, "e": subscription.email.lower()}
    return signing.Signer(salt=UNSUBSCRIBE_SALT).sign_object(data)


def opt_in_token(subscription) -> str:
    return signing.TimestampSigner(salt=OPT_IN_SALT).sign_object(
        {"s": subscription.pk, "e": subscription.email.lower()}
    )


def _found(queryset, data):
    if not isinstance(data, dict):
        return None
    subscription = queryset.filter(pk=data.get("s")).first()
    if subscription is None or subscription.email.lower() != data.get("e"):
        return None
    return subscription


def subscription_to_unsubscribe(queryset, token: str):
    """The subscription the link ends, or None when it is already gone."""
    try:
        data = signing.Signer(salt=UNSUBSCRIBE_SALT).unsign_object(token)
    except signing.BadSignature:
        raise LinkError(BROKEN_LINK) from None
    return _found(queryset, data)


def subscription_to_confirm(queryset, token: str):
    max_age = datetime.timedelta(hours=opt_in_hours())
    try:
        data = signing.TimestampSigner(salt=OPT_IN_SALT).unsign_object(token, max_age=max_age)
    except signing.SignatureExpired:
        raise LinkError(
            f"Lenken er eldre enn {opt_in_hours()} timer og virker ikke lenger. "
            "Velg «Følg» igjen, så får du en ny lenke."
        ) from None
    except signing.BadSignature:
        raise LinkError(BROKEN_LINK) from None
    subscription = _found(queryset, data)
    if subscription is None:
        raise LinkError("Lenken virker ikke lenger: abonnementet finnes ikke.")
    return subscription
