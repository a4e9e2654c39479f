"""Logs in production: JSON lines on stdout, each with the id of its request, the same id the
response carries in X-Request-ID; errors to Sentry without personal data."""

import io
import json
import logging.config
import runpy
import sys
import types
import uuid

import pytest
import sentry_sdk
from django.conf import settings
from django.test import override_settings

# Reading the settings modules again (as a fresh process would) makes runpy warn about the
# module already imported; that is the point.
pytestmark = pytest.mark.filterwarnings("ignore:'portal.settings.base' found in sys.modules")

SECRET = "z" * 25 + "-logging-test-key-" + "w" * 25


def production_settings(monkeypatch, **env: str) -> dict:
    """The production settings as a fresh process would read them under `env`."""
    monkeypatch.setenv("SECRET_KEY", SECRET)
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    base = types.ModuleType("portal.settings.base")
    base.__dict__.update(runpy.run_module("portal.settings.base"))
    monkeypatch.setitem(sys.modules, "portal.settings.base", base)
    return runpy.run_module("portal.settings.production")


@pytest.fixture
def production_log(monkeypatch):
    """Production's LOGGING, writing to a buffer instead of stdout; the test settings' logging
    is put back afterwards."""
    config = production_settings(monkeypatch)["LOGGING"]
    buffer = io.StringIO()
    config["handlers"]["console"]["stream"] = buffer
    logging.config.dictConfig(config)
    yield buffer
    logging.config.dictConfig(settings.LOGGING)


@pytest.mark.django_db
def test_every_log_line_of_a_request_is_json_with_its_request_id(client, production_log):
    response = client.get("/finnes-ikke/")
    assert response.status_code == 404
    request_id = response["X-Request-ID"]
    assert len(request_id) == 32

    lines = [json.loads(line) for line in production_log.getvalue().splitlines()]
    access = [line for line in lines if line["logger"] == "portal.access"]
    assert len(access) == 1
    assert access[0]["request_id"] == request_id
    assert access[0]["status"] == 404
    assert access[0]["path"] == "/finnes-ikke/"
    assert {"time", "level", "message", "duration_ms"} <= set(access[0])
    not_found = [line for line in lines if line["logger"] == "django.request"]
    assert not_found and not_found[0]["request_id"] == request_id


@pytest.mark.django_db
def test_access_line_leaves_out_the_query_string(client, production_log):
    client.get("/finnes-ikke/", {"q": "Ola Nordmann"})
    assert "Ola Nordmann" not in production_log.getvalue()


@pytest.mark.django_db
def test_a_clients_request_id_is_ignored_unless_the_proxy_is_trusted(client):
    sent = uuid.uuid4().hex
    assert client.get("/helse/", HTTP_X_REQUEST_ID=sent)["X-Request-ID"] != sent
    with override_settings(TRUST_REQUEST_ID_HEADER=True):
        assert client.get("/helse/", HTTP_X_REQUEST_ID=sent)["X-Request-ID"] == sent


def test_sentry_gets_errors_without_personal_data_when_dsn_is_set(monkeypatch):
    calls = []
    monkeypatch.setattr(sentry_sdk, "init", lambda **options: calls.append(options))
    production_settings(monkeypatch)
    assert calls == []

    production_settings(monkeypatch, SENTRY_DSN="https://key@sentry.example.org/1")
    assert len(calls) == 1
    assert calls[0]["dsn"] == "https://key@sentry.example.org/1"
    assert calls[0]["send_default_pii"] is False
    assert calls[0]["max_request_body_size"] == "never"
