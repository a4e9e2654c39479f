"""The benchmark's data set: the demo content multiplied, on the configured database.

`build(scale, min_pages)` starts from the demo site (`manage.py load_demo_content`) and makes
`scale` times the demo's count of everything that grows with use: content pages, meetings
(with their materials pointing at copied documents), working groups, projects and news,
contact persons, documents with their extracted text, and the history of every status (older
changes, dated back). What a region has one of stays as it is: the HTM model (4 phases,
5 groups, 21 areas), the index pages, the 41 municipalities, the cohorts, and the national
rollouts with their statuses (a national list, so the overviews stay 41 × 24 and 41 × 6).
Then an archive of older news, meetings, projects and content pages, in the demo's
proportions, brings the site to at least `min_pages` pages. The search index is updated
once at the end.
"""

import datetime
import re

from django.core.cache import cache
from django.core.management import call_command
from django.db import connection, transaction
from wagtail.documents import get_document_model
from wagtail.models import Page

from home.models import ContentPage, HomePage
from network.meetings.pages import MeetingPage
from network.news.pages import NewsPage, ProjectPage
from network.organisation.models import ContactPerson
from network.organisation.pages import WorkingGroupPage
from network.statuses.models import (
    RolloutStatus,
    RolloutStatusChange,
    TaskStatus,
    TaskStatusChange,
)

from .clone import clone_pages, clone_rows

# Page types that grow with use, and those an archive of older content is made of.
GROWING = [ContentPage, MeetingPage, WorkingGroupPage, ProjectPage, NewsPage]
ARCHIVE = [NewsPage, MeetingPage, ContentPage, ProjectPage]
# Copies are told from the demo's own pages by their slug: «kjernejournal-b3».
COPY_SLUG = re.compile(r"-b\d+$")
CONTENT_PARENT_SLUG = "om-nettverket"
FIRST_NAMES = ["Ingrid", "Ola", "Kari", "Per", "Siri", "Tor", "Marte", "Eirik", "Åse", "Bjørn"]
LAST_NAMES = ["Hansen", "Johansen", "Olsen", "Berg", "Nilsen", "Løvås", "Strøm", "Dahl", "Ås"]


def counts() -> dict[str, int]:
    """What the data set is measured by: live pages of each growing type and in all, and the
    rows that grow with them."""
    result = {
        f"sider: {model._meta.verbose_name}": model.objects.live().count() for model in GROWING
    }
    result.update(
        {
            "sider i alt": Page.objects.filter(depth__gt=1).count(),
            "kontaktpersoner": ContactPerson.objects.count(),
            "dokumenter": get_document_model().objects.count(),
            "dokumenter med tekst": get_document_model().objects.exclude(extracted_text="").count(),
            "status i innføringsløp": RolloutStatus.objects.count(),
            "historikk i innføringsløp": RolloutStatusChange.objects.count(),
            "status for HTM-oppgaver": TaskStatus.objects.count(),
            "historikk for HTM-oppgaver": TaskStatusChange.objects.count(),
        }
    )
    return result


def database_label() -> str:
    """The configured database's name (a file path for SQLite)."""
    return str(connection.settings_dict.get("NAME") or "")


def is_bench_database(name: str) -> bool:
    """Only a database whose name says it is a benchmark's or a demo's may be filled."""
    base = re.split(r"[\\/]", name)[-1].lower()
    return any(word in base for word in ("bench", "demo"))


def already_built() -> bool:
    return any(COPY_SLUG.search(slug) for slug in Page.objects.values_list("slug", flat=True))


def build(scale: int = 10, min_pages: int = 10_000, log=print, index: bool = True) -> dict:
    if HomePage.objects.count() != 1 or not MeetingPage.objects.exists():
        raise ValueError("Demoinnholdet mangler: kjør «manage.py load_demo_content» først.")
    if already_built():
        raise ValueError("Datasettet for ytelsesmålingen er allerede bygget i denne databasen.")
    with transaction.atomic():
        documents = copy_documents(scale)
        log(f"{len(documents) - len(documents) // scale} dokumenter kopiert")
        people = copy_contact_people(scale)
        log(f"{people} kontaktpersoner kopiert")
        for model in GROWING:
            made = copy_pages(model, range(1, scale), documents, scale)
            log(f"{made} sider av typen {model._meta.verbose_name}")
        for model in (RolloutStatusChange, TaskStatusChange):
            made = copy_history(model, scale)
            log(f"{made} {model._meta.verbose_name_plural} kopiert")
        archive(min_pages, scale, documents, log)
    # The bulk inserts send no signals: nothing the cache holds (pages, reference data, the
    # frame) knows of the new rows until it is emptied.
    cache.clear()
    if index:
        call_command("update_index", verbosity=0)
        log("søkeindeksen oppdatert")
    if connection.vendor == "postgresql":
        # Fresh statistics after the bulk inserts and the new index entries, as autovacuum
        # would give them in time: without them the planner guesses as if the tables were
        # still small (and matches every search entry one by one).
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    return counts()


def copy_documents(scale: int) -> dict:
    """(demo document id, copy number) → copy; number 0 is the demo's own document."""
    model = get_document_model()
    originals = list(model.objects.order_by("pk"))
    result = {(doc.pk, 0): doc for doc in originals}
    sources = [(doc, n) for n in range(1, scale) for doc in originals]
    clones = clone_rows(
        model,
        [doc for doc, _ in sources],
        lambda doc, i: {"title": f"{doc.title} ({sources[i][1] + 1})"},
    )
    for (doc, n), clone in zip(sources, clones, strict=True):
        result[(doc.pk, n)] = clone
    return result


def copy_contact_people(scale: int) -> int:
    originals = list(ContactPerson.objects.order_by("pk"))
    sources = [person for _ in range(1, scale) for person in originals]

    def changes(person, i):
        first = FIRST_NAMES[i % len(FIRST_NAMES)]
        last = LAST_NAMES[(i // len(FIRST_NAMES)) % len(LAST_NAMES)]
        local = f"{first}.{last}.{i}".lower().replace("å", "aa").replace("ø", "o")
        return {
            "name": f"{first} {last}",
            "email": f"{local}@example.org",
            "latest_revision_id": None,
        }

    return len(clone_rows(ContactPerson, sources, changes))


def copy_pages(model, numbers, documents, scale: int) -> int:
    """Copies number `numbers` of each demo page of `model`, under its parent (content pages
    under «Om nettverket», so the home page's menu stays as it is)."""
    originals = [
        page for page in model.objects.live().order_by("path") if not COPY_SLUG.search(page.slug)
    ]
    by_parent = {}
    content_parent = ContentPage.objects.filter(slug=CONTENT_PARENT_SLUG).first()
    for page in originals:
        parent = content_parent if model is ContentPage and content_parent else page.get_parent()
        by_parent.setdefault(parent.pk, (parent, []))[1].extend(
            (page, changes_for(page, n, documents, scale)) for n in numbers
        )
    made = 0
    for parent, copies in by_parent.values():
        pages, _ = clone_pages(parent, copies)
        made += len(pages)
    return made


def changes_for(page, number: int, documents, scale: int) -> dict:
    """A copy's own title and slug, dated back in time as an archive would be."""
    back = datetime.timedelta(days=30 * number)
    changes = {
        "title": f"{page.title} ({number + 1})",
        "slug": f"{page.slug}-b{number}",
        "show_in_menus": False,
    }
    if page.first_published_at:
        changes["first_published_at"] = page.first_published_at - back
        changes["last_published_at"] = page.first_published_at - back
    if isinstance(page, MeetingPage):
        changes["start"], changes["end"] = page.start - back, page.end - back
        changes["registration_open"] = False
        changes["materials"] = [
            remap_material(block, documents, number % scale) for block in page.materials.raw_data
        ]
    return changes


def remap_material(block: dict, documents, number: int) -> dict:
    value = dict(block.get("value") or {})
    if value.get("document") is not None:
        copy = documents.get((value["document"], number))
        value["document"] = copy.pk if copy else value["document"]
    return {**block, "value": value}


def copy_history(change_model, scale: int) -> int:
    """Older rounds of each status's history: `scale` times the demo's changes."""
    rows = list(change_model.objects.order_by("pk"))
    sources = [(row, n) for n in range(1, scale) for row in rows]

    def changes(row, i):
        return {"changed_at": row.changed_at - datetime.timedelta(days=180 * sources[i][1])}

    return len(clone_rows(change_model, [row for row, _ in sources], changes))


def archive(min_pages: int, scale: int, documents, log) -> None:
    """Older news, meetings, content pages and projects, until the site has `min_pages`."""
    missing = min_pages - Page.objects.filter(depth__gt=1).count()
    if missing <= 0:
        return
    per_round = {
        model: sum(1 for p in model.objects.live().only("slug") if not COPY_SLUG.search(p.slug))
        for model in ARCHIVE
    }
    rounds = -(-missing // sum(per_round.values()))
    numbers = range(scale, scale + rounds)
    for model in ARCHIVE:
        made = copy_pages(model, numbers, documents, scale)
        log(f"arkiv: {made} sider av typen {model._meta.verbose_name}")
