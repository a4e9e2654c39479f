"""Where the municipalities are in the national rollouts: the region's overview
(municipalities × rollouts, with the status in every cell), its downloads, and the status
table and history on a rollout's page.

Built in Python from a fixed number of queries, whatever the number of municipalities, so
the page, the CSV and the Excel file show the same values.
"""

from collections import Counter
from dataclasses import dataclass, field

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import mark_safe

from network.organisation import directory
from network.organisation.access import is_network_member
from network.organisation.contexts import contacts_section_html
from network.organisation.models import Cohort, Municipality
from network.organisation.pages import NetworkPage
from portal.export import Sheet, csv_response, xlsx_response
from portal.pagecache import data
from portal.pagecache import tags as pagetags
from portal.text import norwegian_key, norwegian_sorted

from .models import RolloutStatus, RolloutStatusChange, RolloutStatusLevel
from .reference import rollout_levels

NOT_REGISTERED = "Ikke registrert"
SORT_BY_NAME = "navn"
SORT_BY_NUMBER = "nummer"
UNREGISTERED_LAST = 10**6
HISTORY_LENGTH = 50


@dataclass
class Cell:
    rollout: object
    status: object | None

    @property
    def level(self):
        return self.status.level if self.status else None

    @property
    def label(self) -> str:
        return self.status.level.name if self.status else NOT_REGISTERED

    @property
    def colour(self) -> str:
        return self.status.level.colour if self.status else "neutral"


@dataclass
class Row:
    municipality: Municipality
    cells: list[Cell]
    url: str = ""


@dataclass
class Column:
    rollout: object
    sort_key: str
    counts: list[tuple[object, int]] = field(default_factory=list)
    not_registered: int = 0
    sort_url: str = ""

    @property
    def title(self) -> str:
        return self.rollout.title

    # As a row of the counts table: the rollout, and how many have not registered.
    label = title
    note = ""

    @property
    def extra(self) -> int:
        return self.not_registered


@dataclass
class Overview:
    columns: list[Column]
    rows: list[Row]
    levels: list[RolloutStatusLevel]
    cohorts: list[Cohort]
    cohort: Cohort | None
    sort: str = SORT_BY_NAME

    def table(self) -> list[list[str]]:
        """Header and one row per municipality, as text: what CSV and Excel contain."""
        header = ["Kommune", "Kommunenummer", *[c.rollout.title for c in self.columns]]
        body = [
            [row.municipality.name, row.municipality.number, *[cell.label for cell in row.cells]]
            for row in self.rows
        ]
        return [header, *body]

    def sort_rows(self, sort: str) -> None:
        """By name (the default), by number, or by a rollout's column in the order of the
        status scale, municipalities without a status last, then by name."""
        keys = [column.sort_key for column in self.columns]
        if sort == SORT_BY_NUMBER:
            self.rows.sort(key=lambda row: row.municipality.number)
        elif sort in keys:
            index = keys.index(sort)

            def by_level(row):
                status = row.cells[index].status
                rank = status.level.sort_order if status else UNREGISTERED_LAST
                return rank, norwegian_key(row.municipality.name)

            self.rows.sort(key=by_level)
        else:
            sort = SORT_BY_NAME
        self.sort = sort


def find_cohort(cohorts, value: str | None):
    """The cohort named by ?kull= (its id or slug), or None for any other value."""
    value = (value or "").strip()
    if not value:
        return None
    return next((c for c in cohorts if value in (c.slug, str(c.pk))), None)


def cohort_municipalities(params) -> tuple[list, object, list]:
    """(every cohort, the cohort chosen by ?kull=, its municipalities in Norwegian order)."""
    cohorts = directory.cohorts()
    cohort = find_cohort(cohorts, params.get("kull"))
    if cohort is None:
        return cohorts, None, directory.municipalities()
    return cohorts, cohort, norwegian_sorted(cohort.municipalities.all())


def build_overview(rollouts, params) -> Overview:
    rollouts = list(rollouts)
    cohorts, cohort, municipalities = cohort_municipalities(params)
    levels = rollout_levels()
    statuses = RolloutStatus.objects.filter(
        rollout__in=[r.pk for r in rollouts], municipality__in=[m.pk for m in municipalities]
    ).select_related("level", "current_step")
    by_key = {(s.municipality_id, s.rollout_id): s for s in statuses}
    rows = [Row(m, [Cell(r, by_key.get((m.pk, r.pk))) for r in rollouts]) for m in municipalities]
    columns = []
    for index, rollout in enumerate(rollouts):
        cells = [row.cells[index] for row in rows]
        counter = Counter(cell.status.level_id for cell in cells if cell.status)
        columns.append(
            Column(
                rollout=rollout,
                sort_key=rollout.slug,
                counts=[(level, counter.get(level.pk, 0)) for level in levels],
                not_registered=len(rows) - sum(counter.values()),
            )
        )
    overview = Overview(columns, rows, levels, cohorts, cohort)
    overview.sort_rows(params.get("sorter") or SORT_BY_NAME)
    return overview


def overview_params(request) -> dict:
    return {key: request.GET.get(key, "") for key in ("kull", "sorter")}


def overview_context(index_page, request) -> dict:
    overview = build_overview(index_page.rollouts(), overview_params(request))
    municipality_url = NetworkPage.municipality_urls()
    for row in overview.rows:
        row.url = municipality_url(row.municipality)
    base = index_page.url + index_page.reverse_subpage("overview")
    kull = f"kull={overview.cohort.slug}&" if overview.cohort else ""
    for column in overview.columns:
        column.sort_url = f"{base}?{kull}sorter={column.sort_key}"
    query = f"?kull={overview.cohort.slug}" if overview.cohort else ""
    return {
        "overview": overview,
        "overview_url": base,
        "sort_name_url": f"{base}?{kull}sorter={SORT_BY_NAME}",
        "sort_number_url": f"{base}?{kull}sorter={SORT_BY_NUMBER}",
        "csv_url": index_page.url + index_page.reverse_subpage("overview_csv") + query,
        "xlsx_url": index_page.url + index_page.reverse_subpage("overview_xlsx") + query,
    }


def export_filename(overview, extension: str) -> str:
    cohort = f"-{overview.cohort.slug}" if overview.cohort else ""
    return f"innforingslop{cohort}-{timezone.localdate():%Y-%m-%d}.{extension}"


def overview_csv(index_page, request):
    overview = build_overview(index_page.rollouts(), overview_params(request))
    return csv_response(overview.table(), export_filename(overview, "csv"))


def overview_xlsx(index_page, request):
    overview = build_overview(index_page.rollouts(), overview_params(request))
    sheet = Sheet("Innføringsløp", overview.table(), widths={"A": 18, "B": 16}, freeze="C2")
    return xlsx_response([sheet], export_filename(overview, "xlsx"))


# On a rollout's page ------------------------------------------------------------------------


STATUS_TEMPLATE = "network/statuses/includes/rollout_status.html"


def rollout_status_tables(page, show_who: bool) -> dict:
    """The status of every municipality in the rollout, the counts per level and the latest
    changes (who made them only for network members)."""
    municipality_url = NetworkPage.municipality_urls()
    statuses = list(
        RolloutStatus.objects.filter(rollout=page).select_related(
            "municipality", "level", "current_step"
        )
    )
    statuses = norwegian_sorted(statuses, key=lambda status: status.municipality.name)
    for status in statuses:
        status.municipality.page_url = municipality_url(status.municipality)
    related = ["status__municipality", "old_level", "new_level"]
    history = list(
        RolloutStatusChange.objects.filter(status__rollout=page).select_related(
            *related, *(["changed_by"] if show_who else [])
        )[:HISTORY_LENGTH]
    )
    levels = rollout_levels()
    counter = Counter(status.level_id for status in statuses)
    return {
        "page": page,
        "statuses": statuses,
        "status_counts": [(level, counter.get(level.pk, 0)) for level in levels],
        "history": history,
        "show_who": show_who,
    }


def rollout_status_sections(page, show_who: bool) -> str:
    """The status and history sections as HTML. The public's copy is kept in the cache with
    the tags of what it read (pagecache/data.py), so the next save of one of the rollout's
    statuses, a level or a municipality renders it anew: about forty rows and fifty changes
    cost most of a rollout page's time, and they change far less often than they are read.
    Members' copy names who made each change (users are not tracked): rendered each time."""

    def render() -> str:
        # The caption names the rollout: its next publish renders the sections anew.
        pagetags.add(("page", page.pk))
        return str(render_to_string(STATUS_TEMPLATE, rollout_status_tables(page, show_who)))

    html = render() if show_who else data.remember(f"rollout-status:{page.pk}", render)
    return mark_safe(html)  # noqa: S308 - our own template's output, autoescaped


def rollout_status_context(page, request) -> dict:
    """The rollout's status sections and its contact persons."""
    return {
        "status_sections": rollout_status_sections(page, is_network_member(request.user)),
        "contacts_html": contacts_section_html(
            request,
            f"rollout:{page.pk}",
            lambda person: page.pk in {rollout.pk for rollout in person.rollouts.all()},
        ),
    }


def municipality_rollout_rows(municipality, rollouts) -> list[tuple]:
    """(rollout, its status or None) for each rollout, for one municipality (one query)."""
    statuses = {
        status.rollout_id: status
        for status in RolloutStatus.objects.filter(municipality=municipality).select_related(
            "level", "current_step"
        )
    }
    return [(rollout, statuses.get(rollout.pk)) for rollout in rollouts]
