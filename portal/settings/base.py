"""Settings shared by every environment.

This module is already safe for production: no secret in code, DEBUG off, and every
optional service switched on by the presence of its environment variable.
"""

import os
from email.utils import getaddresses
from pathlib import Path

import dj_database_url
import environ

from portal.logs import logging_config

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent
VAR_DIR = BASE_DIR / "var"


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = env_bool("DEBUG")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # Our apps, in the order they may import each other (DESIGN.md, section 2).
    "portal",
    "portal.twofactor",
    # The page cache for anonymous visitors, cleared exactly (portal/pagecache/).
    "portal.pagecache",
    # Sitemap, robots.txt, favicon, and what every page's head tells search engines.
    "portal.seo",
    "home",
    "htm",
    "network",
    "search",
    "wagtail.contrib.forms",
    "wagtail.contrib.search_promotions",
    # Wagtail's redirects, snippets, documents and images, without registering Wagtail's v3
    # API, which the portal does not serve (portal/wagtail_apps.py).
    "portal.wagtail_apps.RedirectsConfig",
    "wagtail.contrib.settings",
    "wagtail.contrib.table_block",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "portal.wagtail_apps.SnippetsConfig",
    "portal.wagtail_apps.DocumentsConfig",
    "portal.wagtail_apps.ImagesConfig",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "csp",
    "axes",
    # The task queue in the database, and its worker `manage.py db_worker`.
    "django_tasks_db",
    # Two-factor for the admin (portal/twofactor/): authenticator apps and recovery codes.
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    # Request ids in logs and responses; the load balancer's health endpoint (/helse/).
    "django_guid",
    "health_check",
    # The open data API (network/opendata/): Wagtail's pages API and our own endpoints on
    # Django REST framework, described by an OpenAPI document.
    "wagtail.api.v2",
    "rest_framework",
    "drf_spectacular",
]

MIDDLEWARE = [
    # First, so that every log line of a request (and its access line) carries its id.
    "portal.logs.untrusted_request_id_middleware",
    "django_guid.middleware.guid_middleware",
    "portal.logs.access_log_middleware",
    "django.middleware.security.SecurityMiddleware",
    # Permissions-Policy on every response, static files and early refusals too.
    "django_permissions_policy.PermissionsPolicyMiddleware",
    # Before anything reads the body: a too large upload gets 413 at once.
    "portal.uploads.UploadSizeLimitMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Anonymous page views from the page cache, before sessions and routing run; copies are
    # stored compressed (the next one is inside it), and see PrivateCacheMiddleware's marks.
    "portal.pagecache.middleware.PageCacheMiddleware",
    # Brotli, zstd or gzip as the client asks; gzip with BREACH padding on private pages.
    "portal.pagecache.compression.PortalCompressionMiddleware",
    # Cache-Control: private on every response to a logged-in user and on members' URLs.
    "portal.middleware.PrivateCacheMiddleware",
    # The request's site from the sites kept in the cache, for Wagtail and the templates.
    "portal.routing.CachedSiteMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Idle sessions end; the admin asks for the password a day after the login.
    "portal.sessions.SessionTimeoutMiddleware",
    # Whether this session gave a two-factor code, then: no page until it has, for those
    # who can reach the admin.
    "django_otp.middleware.OTPMiddleware",
    "portal.twofactor.middleware.TwoFactorMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # django-csp, with the Wagtail admin's own policy (ADMIN_CONTENT_SECURITY_POLICY).
    "portal.middleware.PortalCSPMiddleware",
    # NUL and other control characters: 400 in the address, removed from posted forms
    # (after CsrfViewMiddleware, which reads the form first; inside CSP, so the 400 has it).
    "portal.middleware.ControlCharacterMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks: turns a locked-out login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "portal.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "portal.context_processors.navigation",
            ],
        },
    },
]

WSGI_APPLICATION = "portal.wsgi.application"

# Database: DATABASE_URL, or SQLite under var/ when it is not set.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
# SQLite (development, a small installation): a write-ahead log so readers never block the
# writer; a wait of up to 20 s instead of «database is locked» when two writes meet (an admin
# autosave during a save); and transactions that take the write lock when they begin, since a
# read transaction that later writes fails at once, without waiting, when another has written.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {
        **DATABASES["default"].get("OPTIONS", {}),
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
    }
# PostgreSQL: no parallel plans for the web's queries. A page view runs a few small queries
# while other workers do the same on the same cores; starting parallel workers for one of
# them (the search's page query on ten times the demo content) made it take 25–70 ms instead
# of 18 ms. PG_PARALLEL_WORKERS_PER_GATHER sets another value; empty keeps the server's
# (behind PgBouncer, which does not pass startup options on, set it on the database instead:
# DEPLOYMENT.md).
PG_PARALLEL_WORKERS_PER_GATHER = os.environ.get("PG_PARALLEL_WORKERS_PER_GATHER", "0").strip()
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql" and (
    PG_PARALLEL_WORKERS_PER_GATHER
):
    DATABASES["default"]["OPTIONS"] = {
        **DATABASES["default"].get("OPTIONS", {}),
        "options": f"-c max_parallel_workers_per_gather={int(PG_PARALLEL_WORKERS_PER_GATHER)}",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache and sessions: Redis when REDIS_URL is set, local memory otherwise.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "ehelse",
        }
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Sessions (portal/sessions.py): a login without a request for SESSION_IDLE_TIMEOUT seconds
# ends (sliding; the stored session and cookie expire with it), and the admin asks for the
# password again ADMIN_REAUTHENTICATE_AFTER seconds after the login.
SESSION_IDLE_TIMEOUT = int(os.environ.get("SESSION_IDLE_TIMEOUT") or 2 * 60 * 60)
SESSION_COOKIE_AGE = SESSION_IDLE_TIMEOUT
ADMIN_REAUTHENTICATE_AFTER = int(os.environ.get("ADMIN_REAUTHENTICATE_AFTER") or 24 * 60 * 60)

# Two-factor (portal/twofactor/): everyone who can reach the admin gives a code from an
# authenticator app after the password. Required unless TWO_FACTOR_REQUIRED=false, which only
# development uses; production.py requires it whatever the environment says.
TWO_FACTOR_REQUIRED = env_bool("TWO_FACTOR_REQUIRED", default=True)
OTP_TOTP_ISSUER = "E-helse Nordland"
# The Django admin lists django-otp's devices; it must not show a secret or a QR code to
# anyone, superusers included (a copied secret is a second factor).
OTP_ADMIN_HIDE_SENSITIVE_DATA = True

# Passwords of at least 12 characters; portal.passwords words the length rule in Norwegian.
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "portal.passwords.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Norwegian bokmål throughout, in the site and in the Wagtail admin.
LANGUAGE_CODE = "nb"
LANGUAGES = [("nb", "Norsk bokmål")]
WAGTAILADMIN_PERMITTED_LANGUAGES = [("nb", "Norsk bokmål")]
WAGTAIL_CONTENT_LANGUAGES = [("nb", "Norsk bokmål")]
TIME_ZONE = "Europe/Oslo"
USE_I18N = True
USE_TZ = True
FORMAT_MODULE_PATH = ["portal.formats"]
# Our own catalogues (locale/nb) first: what Django's and Wagtail's nb translations lack.
LOCALE_PATHS = [BASE_DIR / "locale"]

# Static files: our own under static/, Designsystemet copied by `npm run build` to var/assets.
STATICFILES_DIRS = [BASE_DIR / "static", VAR_DIR / "assets"]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", VAR_DIR / "static"))
STATIC_URL = "/static/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
MEDIA_URL = os.environ.get("MEDIA_URL", "/media/")

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
if os.environ.get("AWS_STORAGE_BUCKET_NAME"):
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": os.environ["AWS_STORAGE_BUCKET_NAME"],
            "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL") or None,
            "default_acl": "private",
            "querystring_auth": True,
            "file_overwrite": False,
        },
    }

# Documents (members-only ones and public ones) are kept where nothing serves them directly:
# under PRIVATE_MEDIA_ROOT, never inside MEDIA_ROOT or STATIC_ROOT (check portal.E010), or under
# `private/` in a bucket with a private ACL. Only the document view delivers them, after
# collection privacy is checked (portal/storage.py). Images stay public in MEDIA_ROOT.
PRIVATE_MEDIA_ROOT = Path(os.environ.get("PRIVATE_MEDIA_ROOT", VAR_DIR / "private"))
STORAGES["documents"] = {
    "BACKEND": "portal.storage.PrivateFileSystemStorage",
    "OPTIONS": {"location": str(PRIVATE_MEDIA_ROOT)},
}
if os.environ.get("AWS_STORAGE_BUCKET_NAME"):
    STORAGES["documents"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            **STORAGES["default"]["OPTIONS"],
            "bucket_name": os.environ.get("AWS_PRIVATE_STORAGE_BUCKET_NAME")
            or os.environ["AWS_STORAGE_BUCKET_NAME"],
            "location": "private",
            "querystring_expire": 60,
        },
    }

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# E-mail from EMAIL_URL (django-environ's schemes: smtp+tls://user:password@host:587,
# smtp+ssl://…:465, consolemail://, memorymail://, dummymail://). Without it, mail is written to
# the log instead of being handed to an SMTP server on localhost that may not exist; production
# needs it set (scripts/check_environment.py says so).
EMAIL_URL = os.environ.get("EMAIL_URL", "")
_email = environ.Env.email_url_config(EMAIL_URL or "consolemail://")
EMAIL_BACKEND = _email["EMAIL_BACKEND"]
EMAIL_HOST = _email["EMAIL_HOST"] or "localhost"
EMAIL_PORT = _email["EMAIL_PORT"] or 25
EMAIL_HOST_USER = _email["EMAIL_HOST_USER"] or ""
EMAIL_HOST_PASSWORD = _email["EMAIL_HOST_PASSWORD"] or ""
EMAIL_USE_TLS = _email.get("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = _email.get("EMAIL_USE_SSL", False)
# A stuck mail server must not hold a web or task worker for ever.
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT") or 10)
DEFAULT_FROM_EMAIL = os.environ.get(
    "DEFAULT_FROM_EMAIL", "E-helse Nordland <post@ehelse-nordland.example.org>"
)
# Who gets the error reports ("Navn <a@example.org>, b@example.org"), and from which address.
ADMINS = [
    (name, address) for name, address in getaddresses([os.environ.get("ADMINS", "")]) if address
]
SERVER_EMAIL = os.environ.get("SERVER_EMAIL") or DEFAULT_FROM_EMAIL
# Following (network/follow/): at most this many e-mails a minute from the task worker, hours a
# visitor's confirmation link works, days sent notices are kept (delete_old_registrations).
FOLLOW_EMAILS_PER_MINUTE = int(os.environ.get("FOLLOW_EMAILS_PER_MINUTE") or 60)
FOLLOW_OPT_IN_HOURS = int(os.environ.get("FOLLOW_OPT_IN_HOURS") or 48)
FOLLOW_NOTICE_RETENTION_DAYS = int(os.environ.get("FOLLOW_NOTICE_RETENTION_DAYS") or 90)

# Wagtail
WAGTAIL_SITE_NAME = "E-helse Nordland"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
# Search: Wagtail's database backend, extended by search/backends/. On PostgreSQL it stems
# with the `norwegian` text-search configuration ("opplæringen" finds "opplæring"); on SQLite
# (FTS5) the portal writes the same Snowball stems into the index itself. Both index the
# parts of compound words. After changing SEARCH_CONFIG, run `manage.py update_index`.
WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": "search.backends",
        "SEARCH_CONFIG": "norwegian",
    }
}
# The document form tells editors whether the text inside an uploaded file could be read.
WAGTAILDOCS_DOCUMENT_FORM_BASE = "search.forms.PortalDocumentForm"
# Background tasks (search index updates; text extraction from documents, queued when the
# upload's transaction commits) use Wagtail's task framework, django_tasks. They are queued in
# the database and run by the worker, `manage.py db_worker` (django-tasks-db), beside the web
# server; never inside a request. Text extraction is also bounded in a child process
# (search/extraction.py; SEARCH_EXTRACTION_LIMITS changes the bounds, and a document
# «venter» longer than SEARCH_EXTRACTION_STUCK_MINUTES (30) is shown as stuck).
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
# Uploaded documents: only these types, checked by content (magic bytes, and the inside of
# Office and OpenDocument packages) as well as by name, without macros (portal/uploads.py).
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "pptx", "xlsx", "odt", "odp"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = int(os.environ.get("UPLOAD_MAX_MB") or 50) * 1024 * 1024
# A request body larger than a document plus its form is refused with 413 before it is read
# (portal.uploads.UploadSizeLimitMiddleware). The proxy in front should refuse it first
# (nginx: client_max_body_size 51m).
UPLOAD_MAX_REQUEST_SIZE = WAGTAILDOCS_MAX_UPLOAD_SIZE + 1024 * 1024
# Documents are always served through Django, so that collection privacy (members-only
# materials) is enforced and no private file has a public media URL.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_DOCUMENT_MODEL = "portal.PortalDocument"
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp", "avif"]
WAGTAIL_DATE_FORMAT = "%d.%m.%Y"
WAGTAIL_DATETIME_FORMAT = "%d.%m.%Y %H:%M"
WAGTAIL_TIME_FORMAT = "%H:%M"
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_PASSWORD_RESET_ENABLED = True
WAGTAILADMIN_RICH_TEXT_EDITORS = {
    "default": {
        "WIDGET": "wagtail.admin.rich_text.DraftailRichTextArea",
        "OPTIONS": {
            "features": ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"]
        },
    }
}

# The open data API: read-only, rate-limited, described by OpenAPI.
from .api import *  # noqa: E402, F403

# The page cache (PAGE_CACHE_SECONDS) and the CDN purged with it (FRONTEND_CACHE_URL, Cloudflare).
from .pagecache import *  # noqa: E402, F403

# Security headers, logins, lockouts and rate limits.
from .security import *  # noqa: E402, F403

# Logs to stdout, each line with the request id (portal/logs.py); production writes JSON lines.
# A proxy in front that sets X-Request-ID itself (and replaces the client's) makes its id ours:
# TRUST_REQUEST_ID_HEADER=true. Otherwise a client's X-Request-ID is ignored.
TRUST_REQUEST_ID_HEADER = env_bool("TRUST_REQUEST_ID_HEADER")
DJANGO_GUID = {
    "GUID_HEADER_NAME": "X-Request-ID",
    "RETURN_HEADER": True,
    "EXPOSE_HEADER": False,
}
LOG_LEVEL = os.environ.get("LOG_LEVEL") or "WARNING"
LOGGING = logging_config(json=env_bool("LOG_JSON"), level=LOG_LEVEL)
