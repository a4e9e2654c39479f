"""The regional overview: municipalities × rollouts, with the status in every cell.

Built once in Python from five queries, whatever the number of municipalities, so the
page, the CSV and the Excel file show the same values.
"""

from collections import Counter
from dataclasses import dataclass, field

from .models import Cohort, Municipality, RolloutStatus, RolloutStatusLevel

NOT_REGISTERED = "Ikke registrert"
SORT_BY_NAME = "navn"
SORT_BY_NUMBER = "nummer"


@dataclass
class Cell:
    rollout: object
    status: object | None

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


@dataclass
class Overview:
    columns: list[Column]
    rows: list[Row]
    levels: list[RolloutStatusLevel]
    cohorts: list[Cohort]
    cohort: Cohort | None
    sort: str

    def table(self) -> list[list[str]]:
        """Header and one row per municipality, as text: what CSV and Excel contain."""
        header = ["Kommune", "Kommunenummer", *[c.rollout.title for c in self.columns]]
        body = [
            [row.municipality.name, row.municipality.number, *[cell.label for cell in row.cells]]
            for row in self.rows
        ]
        return [header, *body]


_NORWEGIAN_ORDER = str.maketrans({"æ": "z~1", "ø": "z~2", "å": "z~3", "é": "e"})


def norwegian_key(text: str) -> str:
    """A sort key that puts æ, ø and å last, as in the Norwegian alphabet, on any database."""
    return text.lower().translate(_NORWEGIAN_ORDER)


def find_cohort(cohorts, value: str | None):
    """The cohort named by ?kull= (its id or slug), or None for any other value."""
    value = (value or "").strip()
    if not value:
        return None
    for cohort in cohorts:
        if value == cohort.slug or value == str(cohort.pk):
            return cohort
    return None


def build_overview(rollouts, params) -> Overview:
    rollouts = list(rollouts)
    cohorts = list(Cohort.objects.all())
    cohort = find_cohort(cohorts, params.get("kull"))
    municipalities = Municipality.objects.all()
    if cohort is not None:
        municipalities = municipalities.filter(cohorts=cohort)
    municipalities = sorted(municipalities, key=lambda m: norwegian_key(m.name))
    levels = list(RolloutStatusLevel.objects.all())
    all_statuses = RolloutStatus.objects.filter(
        rollout__in=[r.pk for r in rollouts], municipality__in=[m.pk for m in municipalities]
    ).select_related("level", "current_step")
    by_key = {(s.municipality_id, s.rollout_id): s for s in all_statuses}

    rows = [Row(m, [Cell(r, by_key.get((m.pk, r.pk))) for r in rollouts]) for m in municipalities]
    columns = []
    for index, rollout in enumerate(rollouts):
        statuses = [row.cells[index].status for row in rows if row.cells[index].status]
        counter = Counter(status.level_id for status in statuses)
        columns.append(
            Column(
                rollout=rollout,
                sort_key=rollout.slug,
                counts=[(level, counter.get(level.pk, 0)) for level in levels],
                not_registered=len(rows) - len(statuses),
            )
        )

    sort = params.get("sorter") or SORT_BY_NAME
    if sort == SORT_BY_NUMBER:
        rows.sort(key=lambda row: row.municipality.number)
    elif sort in {c.sort_key for c in columns}:
        index = next(i for i, c in enumerate(columns) if c.sort_key == sort)
        # In the order of the status scale; municipalities without a status last; then by name.
        rows.sort(
            key=lambda row: (
                row.cells[index].status.level.sort_order if row.cells[index].status else 10**6,
                norwegian_key(row.municipality.name),
            )
        )
    else:
        sort = SORT_BY_NAME
    return Overview(columns, rows, levels, cohorts, cohort, sort)
