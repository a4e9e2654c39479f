"""Logs and error reports: one line per request with its request id, JSON in production, and
Sentry when SENTRY_DSN is set.

The request id comes from django-guid (its middleware sets it and returns it in the
X-Request-ID header; its log filter puts it on every log record as `request_id`). A proxy in
front may send its own id, so one id follows a request through the proxy's log and ours, but
only when TRUST_REQUEST_ID_HEADER says the proxy sets that header itself; otherwise a client
could write any id it likes into our logs.
"""

import logging
import time

REQUEST_ID_HEADER = "X-Request-ID"
ACCESS_LOGGER = "portal.access"
# The load balancer asks for this every few seconds; a healthy answer is not worth a line.
QUIET_PATHS = frozenset({"/helse/"})


def logging_config(*, json: bool, level: str = "WARNING", access_log: bool = False) -> dict:
    """The LOGGING setting: to stdout, as JSON lines or as plain text, each record with the
    request id of the request it belongs to ("-" outside a request)."""
    if json:
        formatter = {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "format": "%(levelname)s %(name)s %(message)s %(request_id)s",
            "rename_fields": {"levelname": "level", "name": "logger"},
            # ISO 8601 in UTC, whatever the server's time zone.
            "timestamp": "time",
        }
    else:
        formatter = {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"}
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {
            "request_id": {
                "()": "django_guid.log_filters.CorrelationId",
                "correlation_id_field": "request_id",
            },
            "require_debug_false": {"()": "django.utils.log.RequireDebugFalse"},
        },
        "formatters": {"default": formatter},
        "handlers": {
            "console": {
                "class": "logging.StreamHandler",
                "stream": "ext://sys.stdout",
                "formatter": "default",
                "filters": ["request_id"],
            },
            # Django's own: errors by e-mail to ADMINS (when set), never with DEBUG on.
            "mail_admins": {
                "level": "ERROR",
                "class": "django.utils.log.AdminEmailHandler",
                "filters": ["require_debug_false"],
            },
        },
        "root": {"handlers": ["console"], "level": level},
        "loggers": {
            # Replaces Django's default handlers for "django" (a second console handler in
            # development printed every record twice); its records reach ours through the root.
            "django": {"handlers": ["mail_admins"], "level": level},
            ACCESS_LOGGER: {"level": "INFO" if access_log else "WARNING"},
            # django-guid tells at INFO about every id it makes; that is the access line's job.
            "django_guid": {"level": "WARNING"},
        },
    }


def untrusted_request_id_middleware(get_response):
    """Drop a request id sent by the client unless the proxy in front is trusted to set it;
    django-guid then makes a new one."""
    from django.conf import settings

    meta_key = "HTTP_" + REQUEST_ID_HEADER.upper().replace("-", "_")

    def middleware(request):
        if not getattr(settings, "TRUST_REQUEST_ID_HEADER", False):
            request.META.pop(meta_key, None)
        return get_response(request)

    return middleware


def access_log_middleware(get_response):
    """One line per request: method, path (no query string: it may hold what a visitor
    searched for), status and duration. Runs inside django-guid's middleware, so the line
    carries the request id."""
    logger = logging.getLogger(ACCESS_LOGGER)

    def middleware(request):
        started = time.monotonic()
        response = get_response(request)
        if request.path in QUIET_PATHS and response.status_code == 200:
            return response
        logger.info(
            "%s %s %s",
            request.method,
            request.path,
            response.status_code,
            extra={
                "method": request.method,
                "path": request.path,
                "status": response.status_code,
                "duration_ms": round((time.monotonic() - started) * 1000, 1),
            },
        )
        return response

    return middleware


def init_sentry(dsn: str, *, environment: str = "production", release: str = "") -> None:
    """Send unhandled errors to Sentry: no personal data (no cookies, users or addresses) and
    no request bodies (forms hold names and e-mail addresses)."""
    import sentry_sdk
    from sentry_sdk.integrations.django import DjangoIntegration

    sentry_sdk.init(
        dsn=dsn,
        integrations=[DjangoIntegration()],
        environment=environment,
        release=release or None,
        send_default_pii=False,
        max_request_body_size="never",
        traces_sample_rate=0.0,
    )
