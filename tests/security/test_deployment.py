"""A deployment that is safe by default: the server entry points run production settings, a
missing setting is named instead of a traceback, e-mail and error recipients come from the
environment, the HTTPS redirect switch only silences the one warning it makes, and the load
balancer's health endpoint really checks the database, the cache and storage."""

import json
import os
import runpy
import subprocess
import sys
import types
from pathlib import Path

import pytest
from django.conf import settings
from django.test import override_settings

BASE_DIR = Path(__file__).resolve().parents[2]
PYTHON = sys.executable
# Reading the settings modules again (as a fresh process would) makes runpy warn about the
# module already imported; that is the point.
pytestmark = pytest.mark.filterwarnings("ignore:'portal.settings.base' found in sys.modules")

SECRET = "x" * 20 + "-deployment-test-key-" + "y" * 20


def run(code: str, **env: str) -> subprocess.CompletedProcess:
    """Python in a fresh process with only the given environment (no DJANGO_SETTINGS_MODULE)."""
    clean = {
        "PATH": os.environ.get("PATH", ""),
        "HOME": os.environ.get("HOME", str(BASE_DIR)),
        **env,
    }
    return subprocess.run(  # noqa: S603 - our own interpreter and code
        [PYTHON, *code.split(" ", 1)] if code.startswith("scripts/") else [PYTHON, "-c", code],
        cwd=BASE_DIR,
        env=clean,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


def settings_module(name: str, monkeypatch, **env: str) -> dict:
    """A settings module's values when read under `env` (on top of the test process's); the
    base settings are read again under it too, as a fresh process would."""
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    base = types.ModuleType("portal.settings.base")
    base.__dict__.update(runpy.run_module("portal.settings.base"))
    monkeypatch.setitem(sys.modules, "portal.settings.base", base)
    return runpy.run_module(f"portal.settings.{name}")


@pytest.mark.parametrize("entry_point", ["portal.wsgi", "portal.asgi"])
def test_server_entry_points_run_production_settings_by_default(entry_point):
    """gunicorn (or an ASGI server) started without DJANGO_SETTINGS_MODULE runs production
    settings: without a secret key it refuses to start, never falls back to DEBUG and the
    development key."""
    refused = run(f"import {entry_point}")
    assert refused.returncode != 0
    assert "SECRET_KEY is not set" in refused.stderr

    started = run(
        f"import {entry_point}; from django.conf import settings; "
        "print(settings.SETTINGS_MODULE, settings.DEBUG)",
        SECRET_KEY=SECRET,
        ALLOWED_HOSTS="ehelse-nordland.example.org",
    )
    assert started.returncode == 0, started.stderr
    assert started.stdout.split()[-2:] == ["portal.settings.production", "False"]


def test_missing_production_environment_is_named_not_a_traceback():
    """Starting production without its settings prints what is missing and how to set it, and
    exits with an error, without a traceback."""
    result = run("scripts/check_environment.py")
    assert result.returncode == 1
    for name in ("SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL", "REDIS_URL"):
        assert f"{name} mangler" in result.stderr
    assert "Eksempel:" in result.stderr
    assert "Traceback" not in result.stderr


def test_complete_production_environment_passes_the_check():
    """With every required setting present and well formed, the check lets production start."""
    result = run(
        "scripts/check_environment.py",
        SECRET_KEY=SECRET,
        ALLOWED_HOSTS="ehelse-nordland.example.org",
        DATABASE_URL="postgres://portal@db.example.org:5432/ehelse",
        REDIS_URL="redis://redis.example.org:6379/0",
        EMAIL_URL="smtp+tls://portal:hemmelig@smtp.example.org:587",
    )
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr


def test_weak_secret_key_and_sqlite_are_refused_in_production():
    """Production refuses the development secret key and an SQLite database."""
    result = run(
        "scripts/check_environment.py",
        SECRET_KEY="django-insecure-development-only-key-for-e-helse-nordland",
        ALLOWED_HOSTS="ehelse-nordland.example.org",
        DATABASE_URL="sqlite:////tmp/db.sqlite3",
        REDIS_URL="redis://redis.example.org:6379/0",
    )
    assert result.returncode == 1
    assert "SECRET_KEY er for svak" in result.stderr
    assert "SQLite er bare for utvikling" in result.stderr


def test_email_is_configured_from_email_url(monkeypatch):
    """EMAIL_URL sets the mail server, its account and TLS; without it mail is written to the
    log, never silently handed to an SMTP server on localhost."""
    configured = settings_module(
        "base", monkeypatch, EMAIL_URL="smtp+tls://portal:hemm%40lig@smtp.example.org:587"
    )
    assert configured["EMAIL_BACKEND"] == "django.core.mail.backends.smtp.EmailBackend"
    assert configured["EMAIL_HOST"] == "smtp.example.org"
    assert configured["EMAIL_PORT"] == 587
    assert configured["EMAIL_HOST_USER"] == "portal"
    assert configured["EMAIL_HOST_PASSWORD"] == "hemm@lig"
    assert configured["EMAIL_USE_TLS"] is True

    monkeypatch.delenv("EMAIL_URL")
    unset = settings_module("base", monkeypatch)
    assert unset["EMAIL_BACKEND"] == "django.core.mail.backends.console.EmailBackend"


def test_admins_and_server_email_come_from_the_environment(monkeypatch):
    """ADMINS ("Navn <adresse>, adresse") and SERVER_EMAIL are read from the environment."""
    values = settings_module(
        "base",
        monkeypatch,
        ADMINS="Ola Nordmann <ola@example.org>, drift@example.org",
        SERVER_EMAIL="feil@ehelse-nordland.example.org",
    )
    assert values["ADMINS"] == [("Ola Nordmann", "ola@example.org"), ("", "drift@example.org")]
    assert values["SERVER_EMAIL"] == "feil@ehelse-nordland.example.org"


@pytest.mark.parametrize("redirect", ["true", "false"])
def test_only_the_redirect_warning_is_silenced_and_only_when_the_proxy_redirects(
    monkeypatch, redirect
):
    """security.W008 is silenced only when SECURE_SSL_REDIRECT is off (the proxy redirects),
    and no other check ever is; the health endpoint is reachable over plain HTTP."""
    values = settings_module(
        "production", monkeypatch, SECRET_KEY=SECRET, SECURE_SSL_REDIRECT=redirect
    )
    silenced = values.get("SILENCED_SYSTEM_CHECKS", [])
    assert silenced == ([] if redirect == "true" else ["security.W008"])
    assert values["SECURE_SSL_REDIRECT"] is (redirect == "true")
    assert values["SECURE_REDIRECT_EXEMPT"] == [r"^helse/$"]


def health(client) -> tuple[int, dict, object]:
    response = client.get("/helse/", HTTP_ACCEPT="text/html")
    return response.status_code, json.loads(response.content), response


@pytest.mark.django_db
def test_health_endpoint_checks_database_cache_and_every_storage(client):
    """/helse/ answers 200 in JSON only when the database, the cache and each file storage
    work, and is never cached."""
    status, body, response = health(client)
    assert status == 200
    assert response["Content-Type"] == "application/json"
    assert "no-store" in response["Cache-Control"]
    storages = [alias for alias in settings.STORAGES if alias != "staticfiles"]
    assert set(body) == {
        "Database(alias='default')",
        "Cache(alias='default')",
        *(f"Storage(alias='{alias}')" for alias in storages),
    }
    assert set(body.values()) == {"OK"}


@pytest.mark.django_db
def test_health_endpoint_fails_when_the_cache_is_down(client):
    """A cache (Redis) that does not answer makes /helse/ fail, so the server is taken out."""
    broken = {"BACKEND": "django_redis.cache.RedisCache", "LOCATION": "redis://127.0.0.1:1/0"}
    with override_settings(CACHES={"default": broken}):
        status, body, _ = health(client)
    assert status == 500
    assert body["Cache(alias='default')"] != "OK"
    assert body["Database(alias='default')"] == "OK"


@pytest.mark.django_db
def test_health_endpoint_fails_when_storage_cannot_be_written(client, tmp_path):
    """A file storage that cannot be written makes /helse/ fail."""
    not_a_folder = tmp_path / "fil"
    not_a_folder.write_text("")
    broken = {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": str(not_a_folder / "media")},
    }
    with override_settings(STORAGES={**settings.STORAGES, "default": broken}):
        status, body, _ = health(client)
    assert status == 500
    assert body["Storage(alias='default')"] != "OK"
