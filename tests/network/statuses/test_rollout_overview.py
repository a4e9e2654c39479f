"""The regional overview: municipalities × rollouts, its filter, sorting and downloads."""

import csv
import importlib
import io
import re

import pytest
from django.apps import apps
from openpyxl import load_workbook

from network.models import Cohort, Municipality, RolloutStatus
from tests.network.conftest import give_statuses
from tests.network.factories import CohortFactory, ContactPersonFactory, WorkingGroupPageFactory
from tests.utils import count_queries

OVERVIEW = "/nasjonale-innforingslop/oversikt/"
CSV_URL = "/nasjonale-innforingslop/oversikt/csv/"
XLSX_URL = "/nasjonale-innforingslop/oversikt/xlsx/"


def page_rows(html: str) -> list[list[str]]:
    """[name, number, status…] for each row of the overview table, as the page shows it."""
    table = html[html.index("overview-table") :]
    body = table[table.index("<tbody>") : table.index("</tbody>")]
    rows = []
    for row in body.split("<tr>")[1:]:
        name = re.search(r'<th scope="row">\s*(?:<a[^>]*>)?([^<]+)', row).group(1).strip()
        number = re.search(r"<td>(\d{4})</td>", row).group(1)
        rows.append([name, number, *re.findall(r'data-status="([^"]*)"', row)])
    return rows


def csv_rows(response) -> list[list[str]]:
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:]), delimiter=";"))


def xlsx_rows(response) -> list[list[str]]:
    sheet = load_workbook(io.BytesIO(response.content)).active
    return [[str(value) for value in row] for row in sheet.iter_rows(values_only=True)]


@pytest.fixture
def overview(rollouts, levels, network_page):
    give_statuses(rollouts, levels)
    cohort = CohortFactory(name="Pulje 1", slug="pulje-1-2025", year=2025)
    cohort.municipalities.set(Municipality.objects.filter(name__in=["Vega", "Bø", "Rana"]))
    return cohort


def test_every_cell_has_a_colour_and_a_text(client, overview, rollouts):
    RolloutStatus.objects.filter(municipality__name="Vega", rollout=rollouts[2]).delete()
    html = client.get(OVERVIEW).content.decode()
    rows = page_rows(html)
    assert len(rows) == 41
    assert all(len(row) == 2 + len(rollouts) for row in rows)
    vega = next(row for row in rows if row[0] == "Vega")
    assert vega[-1] == "Ikke registrert"
    cells = re.findall(r'<td data-status="[^"]*">(.*?)</td>', html, re.S)
    assert len(cells) == 41 * 3
    for cell in cells:
        assert re.search(r'class="ds-tag status-tag[^"]*" data-color="[a-z]+">\w', cell), cell
    # Column headers link to sorting, and the municipalities to their pages.
    assert 'href="/nasjonale-innforingslop/oversikt/?sorter=vkp"' in html
    assert 'href="/nettverket/kommuner/vega/"' in html


def test_counts_per_status(client, overview, rollouts, levels):
    html = client.get(OVERVIEW).content.decode()
    counts = html[html.index('id="counts-heading"') :]
    first = counts[counts.index("<tbody>") : counts.index("</tr>", counts.index("<tbody>"))]
    numbers = [int(n) for n in re.findall(r"<td>(\d+)</td>", first)]
    expected = [
        RolloutStatus.objects.filter(rollout=rollouts[0], level=level).count()
        for level in levels.values()
    ]
    assert numbers == [*expected, 0]
    assert sum(numbers) == 41


@pytest.mark.parametrize("value", ["pulje-1-2025", "id"])
def test_filter_by_cohort(client, overview, value):
    value = str(overview.pk) if value == "id" else value
    html = client.get(OVERVIEW, {"kull": value}).content.decode()
    assert sorted(row[0] for row in page_rows(html)) == ["Bø", "Rana", "Vega"]
    assert "3 kommuner i Pulje 1 2025" in html


@pytest.mark.parametrize(
    "params",
    [
        {"kull": "finnes-ikke"},
        {"kull": "99999"},
        {"kull": "<script>"},
        {"kull": ""},
        {"sorter": "ukjent"},
        {"sorter": "'; drop table"},
        {"kull": "1.5", "sorter": ""},
    ],
)
def test_bad_values_give_the_unfiltered_page(client, overview, params):
    response = client.get(OVERVIEW, params)
    assert response.status_code == 200
    assert len(page_rows(response.content.decode())) == 41
    assert client.get(CSV_URL, params).status_code == 200


def test_sorting(client, overview, rollouts, levels):
    by_name = [row[0] for row in page_rows(client.get(OVERVIEW).content.decode())]
    assert by_name[:2] == ["Alstahaug", "Andøy"]
    # Norwegian order: æ, ø, å last.
    assert by_name.index("Værøy") < by_name.index("Vågan") and by_name[-1] == "Øksnes"
    by_number = page_rows(client.get(OVERVIEW, {"sorter": "nummer"}).content.decode())
    assert [row[1] for row in by_number] == sorted(row[1] for row in by_number)
    by_vkp = page_rows(client.get(OVERVIEW, {"sorter": "vkp"}).content.decode())
    order = {level.name: level.sort_order for level in levels.values()}
    vkp = [order[row[-1]] for row in by_vkp]
    assert vkp == sorted(vkp)


@pytest.mark.parametrize("kull", ["", "pulje-1-2025"])
def test_downloads_have_the_same_values_as_the_page(client, overview, rollouts, kull):
    params = {"kull": kull} if kull else {}
    shown = page_rows(client.get(OVERVIEW, params).content.decode())
    header = ["Kommune", "Kommunenummer", *[r.title for r in rollouts]]

    response = client.get(CSV_URL, params)
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert ".csv" in response["Content-Disposition"]
    assert csv_rows(response) == [header, *shown]

    response = client.get(XLSX_URL, params)
    assert ".xlsx" in response["Content-Disposition"]
    assert xlsx_rows(response) == [header, *shown]
    assert len(shown) == (3 if kull else 41)


def use_municipalities(count: int) -> None:
    """Keep `count` municipalities (Vefsn among them) and give them statuses."""
    keep = list(Municipality.objects.exclude(slug="vefsn").order_by("number")[: count - 1])
    Municipality.objects.exclude(pk__in=[m.pk for m in keep]).exclude(slug="vefsn").delete()
    assert Municipality.objects.count() == count


def fill(rollouts, levels, count):
    use_municipalities(count)
    RolloutStatus.objects.all().delete()
    give_statuses(rollouts, levels)
    cohort = Cohort.objects.get(slug="pulje-1-2025")
    cohort.municipalities.set(Municipality.objects.all())
    vefsn = Municipality.objects.get(slug="vefsn")
    for _ in range(count // 5 + 1):
        ContactPersonFactory(organisation_type="kommune", municipality=vefsn, regional_team=True)


@pytest.mark.parametrize(
    "url",
    [
        OVERVIEW,
        OVERVIEW + "?kull=pulje-1-2025&sorter=vkp",
        CSV_URL,
        XLSX_URL,
        "/nettverket/",
        "/nettverket/kommuner/",
        "/nettverket/kommuner/vefsn/",
        "/nettverket/kontaktpersoner/?q=Person",
        "/nasjonale-innforingslop/",
        "/nasjonale-innforingslop/kjernejournal/",
    ],
)
def test_queries_do_not_grow_with_the_municipalities(
    client, overview, network_page, rollouts, levels, url
):
    WorkingGroupPageFactory(parent=network_page)
    fill(rollouts, levels, 5)
    small = count_queries(client, url)
    load_all_municipalities()
    fill(rollouts, levels, 41)
    large = count_queries(client, url)
    print(f"QUERIES {url}: {small} with 5 municipalities, {large} with 41")
    assert small == large, (small, large)
    assert large <= 35


def load_all_municipalities():
    """Put back the municipalities use_municipalities() removed, as the migration made them."""
    migration = importlib.import_module("network.migrations.0002_load_nordland_municipalities")
    migration.load(apps, None)
