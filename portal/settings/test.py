"""Tests: fast and predictable."""

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-secret-key-not-used-anywhere-else"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# The page cache is off: tests see each render; tests/portal/pagecache turns it on.
PAGE_CACHE_SECONDS = 0
WAGTAILFRONTENDCACHE = {}
SESSION_ENGINE = "django.contrib.sessions.backends.db"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    # Documents are private as in production, in memory here (portal/storage.py).
    "documents": {"BACKEND": "portal.storage.PrivateInMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
WAGTAILADMIN_BASE_URL = "http://testserver"
# Two-factor as in development (asked of those with an app); its tests switch it on.
TWO_FACTOR_REQUIRED = False
# django-axes stays on; a login without a request (the test client's client.login) skips it.
AUTHENTICATION_BACKENDS = [
    "tests.auth_backends.TestAxesBackend",
    "network.organisation.backends.NetworkModelBackend",
]
