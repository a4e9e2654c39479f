"""The web's PostgreSQL connections plan no parallel workers (portal/settings/base.py)."""

import pytest
from django.db import connection


@pytest.mark.django_db
@pytest.mark.skipif(connection.vendor != "postgresql", reason="a PostgreSQL setting")
def test_postgresql_connections_plan_no_parallel_workers():
    with connection.cursor() as cursor:
        cursor.execute("SHOW max_parallel_workers_per_gather")
        (value,) = cursor.fetchone()
    assert value == "0"


def test_the_setting_can_be_changed_or_left_to_the_server(monkeypatch):
    from tests.security.test_deployment import settings_module

    values = settings_module(
        "dev",
        monkeypatch,
        DATABASE_URL="postgres://portal@db.example.org:5432/portal",
        PG_PARALLEL_WORKERS_PER_GATHER="2",
    )
    assert values["DATABASES"]["default"]["OPTIONS"]["options"] == (
        "-c max_parallel_workers_per_gather=2"
    )
    values = settings_module(
        "dev",
        monkeypatch,
        DATABASE_URL="postgres://portal@db.example.org:5432/portal",
        PG_PARALLEL_WORKERS_PER_GATHER="",
    )
    assert "options" not in values["DATABASES"]["default"].get("OPTIONS", {})
