"""Inside Django (bench settings, the bench database): which addresses to measure, how many
SQL queries each costs on a warm request, and a logged-in member's session for wrk.

    DJANGO_SETTINGS_MODULE=bench.settings … .venv/bin/python -m bench.probe OUT.json

Queries are counted with Django's test client against the same database and cache the
server uses, with the page cache off: the second of two requests, so what a warm worker runs.
Writes JSON (stdout carries the production log lines).
"""

import json
import sys


def addresses() -> list[dict]:
    from wagtail.models import Page

    from bench.dataset import COPY_SLUG
    from home.models import ContentPage, HomePage
    from htm.models import HtmModelPage, PhasePage, TaskAreaPage, TaskGroupPage
    from network.meetings.pages import MeetingIndexPage, MeetingPage
    from network.news.pages import NewsPage, ProjectIndexPage, ProjectPage
    from network.organisation.pages import NetworkPage, WorkingGroupPage
    from network.rollouts.pages import RolloutIndexPage, RolloutPage

    def first(model, slug=None) -> Page | None:
        pages = model.objects.live().public().order_by("path")
        if slug and pages.filter(slug=slug).exists():
            return pages.get(slug=slug)
        return pages.exclude(slug__regex=COPY_SLUG.pattern).first()

    pages = [
        ("Forside", first(HomePage)),
        ("HTM-oversikt", first(HtmModelPage)),
        ("Fase", first(PhasePage)),
        ("Oppgavegruppe", first(TaskGroupPage)),
        ("Oppgaveområde (Opplæring)", first(TaskAreaPage, "opplaering")),
        ("Innføringsløp, oversikt", first(RolloutIndexPage)),
        ("Innføringsløp (Kjernejournal)", first(RolloutPage, "kjernejournal")),
        ("Møter og fagdager", first(MeetingIndexPage)),
        ("Møte", first(MeetingPage)),
        ("Nettverket", first(NetworkPage)),
        ("Arbeidsgruppe", first(WorkingGroupPage)),
        ("Innholdsside (Om nettverket)", first(ContentPage, "om-nettverket")),
        ("Aktiviteter og prosjekter", first(ProjectIndexPage)),
        ("Prosjekt", first(ProjectPage)),
        ("Nyhet", first(NewsPage)),
    ]
    rows = [{"label": label, "path": page.url, "kind": "page"} for label, page in pages if page]
    for query in ("opplæring", "kjernejournalen", "velferdsteknologi"):
        rows.append({"label": f"Søk «{query}»", "path": f"/sok/?q={query}", "kind": "search"})
    return rows


def member_addresses(slug: str, rollouts_url: str) -> list[dict]:
    return [
        {"label": "Min kommune", "path": f"/min-kommune/{slug}/", "kind": "member"},
        {"label": "HTM-skjema", "path": f"/min-kommune/{slug}/htm-status/", "kind": "member"},
        {"label": "HTM-status i regionen (41 × 24)", "path": "/htm-status/", "kind": "member"},
        {
            "label": "Innføringsløp i regionen (41 × 6)",
            "path": f"{rollouts_url}oversikt/",
            "kind": "member",
        },
    ]


def count_queries(client, path: str) -> tuple[int, int, int]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(path)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    return response.status_code, len(queries), len(response.content)


def main(out: str) -> int:
    import django

    django.setup()
    from django.conf import settings
    from django.test import Client

    from network.organisation.models import Membership
    from network.rollouts.pages import RolloutIndexPage

    if getattr(settings, "PAGE_CACHE_SECONDS", 0):
        raise SystemExit("Spørringene telles uten sidebuffer: PAGE_CACHE_SECONDS=0.")
    rows = addresses()
    membership = (
        Membership.objects.select_related("user", "municipality")
        .order_by("role", "pk")
        .filter(municipality__task_statuses__isnull=False)
        .first()
    )
    member = Client()
    session = ""
    if membership:
        member.force_login(membership.user)
        name = settings.SESSION_COOKIE_NAME
        session = f"{name}={member.cookies[name].value}"
        rollouts = RolloutIndexPage.objects.live().first()
        rows += member_addresses(membership.municipality.slug, rollouts.url if rollouts else "/")
    anonymous = Client()
    for row in rows:
        client = member if row["kind"] == "member" else anonymous
        row["status"], row["queries"], row["bytes"] = count_queries(client, row["path"])
    with open(out, "w") as file:
        json.dump({"rows": rows, "session": session}, file, ensure_ascii=False, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
