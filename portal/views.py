"""The site's error pages (400, 403, CSRF failure and 500, in Norwegian with the site frame)
and /.well-known/security.txt (RFC 9116)."""

import logging
from datetime import timedelta
from email.utils import parseaddr

from django.conf import settings
from django.http import HttpResponse, HttpResponseNotAllowed
from django.template import loader
from django.utils import timezone
from django.views.decorators.csrf import requires_csrf_token

logger = logging.getLogger(__name__)


def render_error(request, template_name: str, status: int, context=None) -> HttpResponse:
    """The error page in the site frame; the plain frame when the full one cannot be drawn.

    The full frame reads the site (navigation, footer settings) from the request's host,
    and a 400 is often about exactly that host (DisallowedHost) or about a broken database.
    An error page must never fail itself.
    """
    context = context or {}
    try:
        body = loader.render_to_string(template_name, context, request=request)
    except Exception:
        logger.warning("Error page %s drawn without the site frame", template_name, exc_info=True)
        body = loader.render_to_string("portal/error_plain.html", {"status": status, **context})
    return HttpResponse(body, status=status)


@requires_csrf_token
def bad_request(request, exception=None):
    return render_error(request, "400.html", 400)


@requires_csrf_token
def permission_denied(request, exception=None):
    message = str(exception) if exception is not None else ""
    return render_error(request, "403.html", 403, {"exception": message})


def csrf_failure(request, reason=""):
    """CSRF_FAILURE_VIEW: a form that failed the CSRF check (usually a page left open for a
    long time, or cookies turned off); the person is told how to send it again."""
    logger.info("CSRF failure on %s: %s", request.path, reason)
    return render_error(request, "403_csrf.html", 403)


def server_error(request):
    # Drawn without the request: the database or the site settings may be what failed.
    return HttpResponse(loader.render_to_string("500.html"), status=500)


# security.txt --------------------------------------------------------------------------------


def security_contacts(request) -> list[str]:
    """SECURITY_TXT_CONTACT when set, else the regional contact's e-mail in the site
    settings, else the address the portal sends from."""
    configured = [c.strip() for c in settings.SECURITY_TXT_CONTACT.split(",") if c.strip()]
    if configured:
        return configured
    from .models import SiteSettings

    try:
        email = SiteSettings.for_request(request).contact_email
    except Exception:
        logger.warning("security.txt without site settings", exc_info=True)
        email = ""
    email = email or parseaddr(settings.DEFAULT_FROM_EMAIL)[1]
    return [f"mailto:{email}"]


def security_expires() -> str:
    """SECURITY_TXT_EXPIRES when set, else 180 days ahead (RFC 9116 asks for less than a
    year, so a file nobody looks after expires instead of pointing at a stale contact)."""
    if settings.SECURITY_TXT_EXPIRES:
        return settings.SECURITY_TXT_EXPIRES
    expires = timezone.now().replace(hour=0, minute=0, second=0, microsecond=0)
    return (expires + timedelta(days=180)).strftime("%Y-%m-%dT%H:%M:%SZ")


def security_txt(request):
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET", "HEAD"])
    lines = [f"Contact: {contact}" for contact in security_contacts(request)]
    lines += [
        f"Expires: {security_expires()}",
        "Preferred-Languages: no, en",
        f"Canonical: https://{request.get_host()}/.well-known/security.txt",
    ]
    return HttpResponse(
        "\n".join(lines) + "\n", content_type="text/plain; charset=utf-8", status=200
    )
