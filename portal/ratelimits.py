"""Limits on how often one client address, and everyone together, may do what costs an
e-mail or a password check: meeting registration, password reset and logging in.

The counters live in the default cache (local memory in development and tests, Redis in
production, so every app server shares them), counted by django-ratelimit. The rates are
settings (`RATELIMITS`, from the environment). A refused request gets status 429 and its
form back with what was typed and a Norwegian message, never an error page.

`client_ip` is the one place that reads the client's address: django-axes
(`AXES_CLIENT_IP_CALLABLE`) and django-ratelimit (`RATELIMIT_IP_META_KEY`) both call it, so a
lockout and a rate limit always see the same address.
"""

import hashlib
import ipaddress

from django.conf import settings
from django.forms.utils import ErrorDict
from django_ratelimit.core import is_ratelimited

LIMITED_MESSAGE = (
    "Det har kommet for mange forsøk på kort tid. Vent noen minutter og prøv igjen. "
    "Det du skrev, står fortsatt i skjemaet."
)

# Used when a scope or a key is missing from settings.RATELIMITS: "count/period", where the
# period is s, m, h or d, optionally with a number in front ("10/10m": ten in ten minutes).
DEFAULT_RATES = {
    "registration": {"address": "10/10m", "email": "3/h", "global": "300/h"},
    "password_reset": {"address": "5/h", "email": "3/h", "global": "100/h"},
    "login": {"address": "30/10m", "global": "600/10m"},
}
# Addresses in one IPv6 network of this size count as one client (one home or office).
IPV6_PREFIX = 64


def client_ip(request) -> str | None:
    """The client's address, or None when the request has none (a login made in code).

    Behind AXES_IPWARE_PROXY_COUNT proxies that each append the address they were contacted
    from to X-Forwarded-For, the client is the entry that many places from the right;
    entries further left were written by the client and are not trusted. Without the
    setting (or with a header too short to hold the client), the connecting address."""
    remote = request.META.get("REMOTE_ADDR") or ""
    proxies = getattr(settings, "AXES_IPWARE_PROXY_COUNT", None) or 0
    if proxies > 0:
        forwarded = [
            part.strip()
            for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
            if part.strip()
        ]
        if len(forwarded) >= proxies:
            candidate = _parse(forwarded[-proxies])
            if candidate:
                return candidate
    # None, not a placeholder: django-axes stores it in an address column.
    return _parse(remote) or None


def limiter_ip(request) -> str:
    """client_ip for django-ratelimit's own "ip" key (RATELIMIT_IP_META_KEY), which needs an
    address: requests without one share the unspecified address."""
    return client_ip(request) or "0.0.0.0"  # noqa: S104  (a key, nothing listens on it)


def _parse(value: str) -> str:
    """The address in value as text, or "" when it is none (ports and brackets removed)."""
    value = value.strip()
    if value.startswith("["):  # [IPv6]:port
        value = value[1 : value.find("]")] if "]" in value else value[1:]
    elif value.count(":") == 1:  # IPv4:port
        value = value.split(":", 1)[0]
    try:
        return str(ipaddress.ip_address(value))
    except ValueError:
        return ""


def address_key(group, request) -> str:
    """The rate-limit key of the client: its address, or its IPv6 network."""
    address = limiter_ip(request)
    try:
        parsed = ipaddress.ip_address(address)
    except ValueError:
        return address
    if parsed.version == 6:
        return str(ipaddress.ip_network(f"{parsed}/{IPV6_PREFIX}", strict=False))
    return str(parsed)


def rates(scope: str) -> dict:
    configured = getattr(settings, "RATELIMITS", {}).get(scope, {})
    return {**DEFAULT_RATES.get(scope, {}), **configured}


def _hashed(value: str) -> str:
    # The cache never holds an e-mail address in clear.
    return hashlib.sha256(value.strip().lower().encode()).hexdigest()


def is_limited(request, scope: str, email: str = "") -> bool:
    """Count this request in scope, and say whether it is over a limit: per client address,
    per e-mail address (when given and the scope has an "email" rate) and for everyone.

    The shared budget is counted only for requests within their own limits, so one client
    over its limit cannot use up everyone else's.
    """
    scope_rates = rates(scope)
    personal = [("address", lambda group, request: address_key(group, request))]
    if email and scope_rates.get("email"):
        personal.append(("email", lambda group, request: _hashed(email)))
    over = False
    for name, key in personal:
        rate = scope_rates.get(name)
        if rate and is_ratelimited(
            request, group=f"{scope}:{name}", key=key, rate=rate, increment=True
        ):
            over = True
    if over:
        return True
    rate = scope_rates.get("global")
    return bool(
        rate
        and is_ratelimited(
            request,
            group=f"{scope}:global",
            key=lambda group, request: "everyone",
            rate=rate,
            increment=True,
        )
    )


def email_is_limited(request, scope: str, email: str) -> bool:
    """Count a request that will send an e-mail to email, and say whether that address has
    had its share: for forms where a typing mistake should not use up the address's share."""
    rate = rates(scope).get("email")
    return bool(
        rate
        and email
        and is_ratelimited(
            request,
            group=f"{scope}:email",
            key=lambda group, request: _hashed(email),
            rate=rate,
            increment=True,
        )
    )


def refuse_form(form) -> None:
    """Show the limit's message on a bound form without validating it: validating a login
    form would try the password, which is what the limit refuses."""
    form.cleaned_data = {}
    form._errors = ErrorDict()
    form.add_error(None, LIMITED_MESSAGE)
