import os
import subprocess
import sys
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings
from django.utils import formats

BASE_DIR = Path(__file__).resolve().parents[2]


def run_manage(*args, **env):
    unset = {"SECRET_KEY", "DEBUG", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    environment = {k: v for k, v in os.environ.items() if k not in unset}
    environment.update(env)
    return subprocess.run(  # noqa: S603 - fixed arguments, our own manage.py
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_refuses_to_start_without_secret_key():
    result = run_manage("check", DJANGO_SETTINGS_MODULE="portal.settings.production")
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def test_production_passes_the_deploy_check_with_its_variables():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DJANGO_SETTINGS_MODULE="portal.settings.production",
        SECRET_KEY="a-long-random-production-secret-" + "x7Q2" * 12,
        ALLOWED_HOSTS="ehelse-nordland.example.org",
    )
    assert result.returncode == 0, result.stderr + result.stdout


def test_production_ssl_redirect_can_be_switched_off_behind_a_proxy():
    code = (
        "import django; from django.conf import settings; django.setup(); "
        "print(settings.SECURE_SSL_REDIRECT, settings.SESSION_COOKIE_SECURE, "
        "settings.SECURE_HSTS_SECONDS > 0, settings.DEBUG)"
    )
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.production",
        "SECRET_KEY": "x" * 60,
        "SECURE_SSL_REDIRECT": "false",
    }
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-c", code], cwd=BASE_DIR, env=environment, capture_output=True, text=True
    )
    assert result.stdout.split() == ["False", "True", "True", "False"], result.stderr


def test_development_defaults_use_sqlite_and_var_without_variables():
    code = (
        "import django; from django.conf import settings; django.setup(); "
        "print(settings.DATABASES['default']['ENGINE'], settings.MEDIA_ROOT, settings.DEBUG)"
    )
    environment = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DATABASE_URL", "MEDIA_ROOT", "DEBUG", "SECRET_KEY"}
    }
    environment["DJANGO_SETTINGS_MODULE"] = "portal.settings.dev"
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-c", code], cwd=BASE_DIR, env=environment, capture_output=True, text=True
    )
    engine, media_root, debug = result.stdout.split()
    assert engine == "django.db.backends.sqlite3"
    assert media_root == str(BASE_DIR / "var" / "media")
    assert debug == "True"


def test_norwegian_language_time_zone_and_date_formats():
    assert settings.LANGUAGE_CODE == "nb"
    assert settings.TIME_ZONE == "Europe/Oslo"
    assert formats.date_format(date(2026, 3, 24)) == "24. mars 2026"
    assert formats.date_format(date(2026, 3, 24), "SHORT_DATE_FORMAT") == "24.03.2026"
    moment = datetime(2026, 3, 24, 9, 30, tzinfo=ZoneInfo("Europe/Oslo"))
    assert formats.time_format(moment) == "09.30"


@pytest.mark.django_db
def test_wagtail_admin_speaks_norwegian(client):
    html = client.get("/admin/login/").content.decode()
    assert 'lang="nb"' in html
    assert "Logg inn" in html
