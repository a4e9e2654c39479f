#!/usr/bin/env python3
"""Check the environment production needs before anything starts, and say in plain words
what is missing and how to set it, instead of a traceback from the settings.

    .venv/bin/python scripts/check_environment.py [--connect]

Reads `.env` in the project root when present, as the entry points do. With --connect it also
opens a connection to PostgreSQL and Redis. Exit status 0 when production can start (warnings
are printed), 1 when something is missing or wrong. It does not import the settings, so it
works when they would refuse to load.
"""

import argparse
import os
import sys
from dataclasses import dataclass, field
from email.utils import getaddresses
from pathlib import Path
from urllib.parse import urlsplit

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))

from portal.env import DOTENV, load_dotenv  # noqa: E402

HOW = f"Sett den i miljøet eller i {DOTENV} (se .env.example og DEPLOYMENT.md)."
NEW_KEY = 'python3 -c "import secrets; print(secrets.token_urlsafe(50))"'


@dataclass
class Report:
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def missing(self, name: str, what: str, example: str) -> None:
        self.errors.append(f"{name} mangler: {what}\n    {HOW}\n    Eksempel: {example}")


def check_secret_key(report: Report) -> None:
    key = os.environ.get("SECRET_KEY", "")
    example = f"SECRET_KEY=$({NEW_KEY})"
    if not key:
        report.missing("SECRET_KEY", "en lang, tilfeldig og hemmelig nøkkel.", example)
    elif len(key) < 50 or len(set(key)) < 5 or key.startswith("django-insecure"):
        report.errors.append(
            "SECRET_KEY er for svak: minst 50 tegn, tilfeldig, og ikke utviklingsnøkkelen.\n"
            f"    Lag en ny med: {NEW_KEY}"
        )


def check_hosts(report: Report) -> None:
    hosts = [host.strip() for host in os.environ.get("ALLOWED_HOSTS", "").split(",")]
    if not any(hosts):
        report.missing(
            "ALLOWED_HOSTS",
            "vertsnavnene portalen svarer på, skilt med komma.",
            "ALLOWED_HOSTS=ehelse-nordland.example.org",
        )
    if not os.environ.get("WAGTAILADMIN_BASE_URL"):
        report.warnings.append(
            "WAGTAILADMIN_BASE_URL er ikke satt: lenker i e-post peker til http://127.0.0.1:8000."
        )


def check_database(report: Report) -> None:
    url = os.environ.get("DATABASE_URL", "")
    if not url:
        report.missing(
            "DATABASE_URL",
            "adressen til PostgreSQL-databasen.",
            "DATABASE_URL=postgres://bruker:passord@db.example.org:5432/ehelse_nordland",
        )
    elif urlsplit(url).scheme not in {"postgres", "postgresql", "pgsql"}:
        report.errors.append(
            "DATABASE_URL peker ikke til PostgreSQL (postgres://…). SQLite er bare for utvikling."
        )


def check_redis(report: Report) -> None:
    url = os.environ.get("REDIS_URL", "")
    if not url:
        report.missing(
            "REDIS_URL",
            "adressen til Redis (hurtigbuffer, økter og grenser for misbruk, delt av alle "
            "app-servere).",
            "REDIS_URL=redis://redis.example.org:6379/0",
        )
    elif urlsplit(url).scheme not in {"redis", "rediss", "unix"}:
        report.errors.append("REDIS_URL må begynne med redis://, rediss:// eller unix://.")


def check_email(report: Report) -> None:
    import environ

    url = os.environ.get("EMAIL_URL", "")
    if not url:
        report.warnings.append(
            "EMAIL_URL er ikke satt: e-post (glemt passord, påmeldinger) skrives bare til loggen.\n"
            "    Eksempel: EMAIL_URL=smtp+tls://bruker:passord@smtp.example.org:587"
        )
    else:
        try:
            environ.Env.email_url_config(url)
        except Exception:  # environ raises ImproperlyConfigured or ValueError
            schemes = ", ".join(sorted(environ.Env.EMAIL_SCHEMES))
            report.errors.append(f"EMAIL_URL kan ikke leses. Kjente former: {schemes}.")
    admins = os.environ.get("ADMINS", "")
    if admins and not all(address for _, address in getaddresses([admins])):
        report.errors.append(
            'ADMINS må være e-postadresser: "Navn <a@example.org>, b@example.org".'
        )


def check_integers(report: Report) -> None:
    names = [
        "DB_CONN_MAX_AGE",
        "AXES_FAILURE_LIMIT",
        "AXES_IPWARE_PROXY_COUNT",
        "EMAIL_TIMEOUT",
        "MEETING_REGISTRATION_RETENTION_DAYS",
    ]
    for name in names:
        value = os.environ.get(name)
        if value is not None and value.strip() and not value.strip().isdigit():
            report.errors.append(f"{name} må være et heltall (nå: {value!r}).")


def connect(report: Report) -> None:
    """Open a connection to each service, so an unreachable one is named here."""
    if os.environ.get("DATABASE_URL") and not report.errors:
        import dj_database_url
        import psycopg2

        db = dj_database_url.parse(os.environ["DATABASE_URL"])
        try:
            psycopg2.connect(
                dbname=db["NAME"],
                user=db.get("USER") or None,
                password=db.get("PASSWORD") or None,
                host=db.get("HOST") or None,
                port=db.get("PORT") or None,
                connect_timeout=5,
            ).close()
        except psycopg2.Error as error:
            first_line = str(error).strip().splitlines()[0] if str(error).strip() else ""
            report.errors.append(f"PostgreSQL svarer ikke på DATABASE_URL: {first_line}")
    if os.environ.get("REDIS_URL") and not report.errors:
        import redis

        try:
            redis.Redis.from_url(os.environ["REDIS_URL"], socket_connect_timeout=5).ping()
        except redis.RedisError as error:
            report.errors.append(f"Redis svarer ikke på REDIS_URL: {error}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--connect", action="store_true", help="koble til PostgreSQL og Redis")
    args = parser.parse_args(argv)
    load_dotenv()
    report = Report()
    for check in (check_secret_key, check_hosts, check_database, check_redis, check_email):
        check(report)
    check_integers(report)
    if args.connect:
        connect(report)
    for warning in report.warnings:
        print(f"Advarsel: {warning}", file=sys.stderr)
    if report.errors:
        print("Produksjonsinnstillingene kan ikke starte:\n", file=sys.stderr)
        for error in report.errors:
            print(f"- {error}\n", file=sys.stderr)
        return 1
    print("Miljøet er klart for produksjon.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
