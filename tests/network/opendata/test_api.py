"""The open data API and its CSV downloads over the demo site: what each dataset holds, what
it never holds (personal data, notes, one municipality's HTM answers), filters, the rate
limit, the members-only pages Wagtail's pages API must not list, and schemathesis against
the OpenAPI document."""

import csv
import io
import json

import pytest
import schemathesis
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections, connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from drf_spectacular.generators import SchemaGenerator
from hypothesis import HealthCheck, settings
from wagtail.models import Page, PageViewRestriction

from network.organisation.models import ContactPerson, Municipality
from network.statuses.models import RolloutStatus, TaskStatus

pytestmark = pytest.mark.usefixtures("demo_module", "db")

ENDPOINTS = [
    "/api/v1/kommuner/",
    "/api/v1/puljer/",
    "/api/v1/innforingslop/",
    "/api/v1/innforingslop/nivaaer/",
    "/api/v1/innforingslop/status/",
    "/api/v1/htm-status/nivaaer/",
    "/api/v1/htm-status/",
]
# A fixed number of queries per endpoint, whatever the number of rows (the most is the HTM
# counts: the model structure, the levels, the municipalities and the statuses).
MAX_QUERIES = 8


def get_json(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200, (url, response.content[:300])
    assert response["Content-Type"].startswith("application/json")
    return response.json()


def test_every_endpoint_answers_with_json_under_the_open_licence_in_few_queries(client):
    for url in ENDPOINTS:
        client.get(url)  # warm
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200, url
        assert "nlod" in response["Link"], url
        assert len(queries) <= MAX_QUERIES, (url, len(queries))


def test_municipalities_and_cohorts(client):
    municipalities = get_json(client, "/api/v1/kommuner/")
    assert len(municipalities) == Municipality.objects.count() == 41
    bodo = next(m for m in municipalities if m["navn"] == "Bodø")
    assert bodo["kommunenummer"] == "1804"
    cohorts = get_json(client, "/api/v1/puljer/")
    assert cohorts and all(c["kommuner"] for c in cohorts)
    numbers = {m["kommunenummer"] for m in municipalities}
    assert {n for c in cohorts for n in c["kommuner"]} <= numbers


def test_rollouts_carry_their_numbered_steps(client):
    rollouts = get_json(client, "/api/v1/innforingslop/")
    titles = {r["tittel"] for r in rollouts}
    assert {"Kjernejournal", "DigiHelsestasjon"} <= titles
    kjernejournal = next(r for r in rollouts if r["tittel"] == "Kjernejournal")
    assert [s["nummer"] for s in kjernejournal["trinn"]] == list(
        range(1, len(kjernejournal["trinn"]) + 1)
    )
    assert kjernejournal["adresse"].startswith("http")


def test_rollout_statuses_as_the_rollout_pages_show_them_without_notes(client):
    noted = RolloutStatus.objects.order_by("pk").first()
    RolloutStatus.objects.filter(pk=noted.pk).update(note="Intern merknad om budsjettet")
    rows = get_json(client, "/api/v1/innforingslop/status/")
    assert len(rows) == RolloutStatus.objects.count()
    assert all("merknad" not in row and "note" not in row for row in rows)
    assert "Intern merknad" not in json.dumps(rows, ensure_ascii=False)
    one = rows[0]
    only_one = get_json(client, "/api/v1/innforingslop/status/", innforingslop=one["innforingslop"])
    assert only_one and {row["innforingslop"] for row in only_one} == {one["innforingslop"]}
    bodo = get_json(client, "/api/v1/innforingslop/status/", kommune="1804")
    assert bodo and {row["kommune"] for row in bodo} == {"Bodø"}


def test_htm_statuses_are_counts_per_task_never_one_municipalitys_answer(client):
    rows = get_json(client, "/api/v1/htm-status/")
    assert len(rows) == 24
    for row in rows:
        counted = sum(item["antall"] for item in row["per_nivaa"])
        assert counted + row["ikke_registrert"] == row["kommuner"] == 41
        assert "kommunenummer" not in json.dumps(row)
    assert sum(item["antall"] for row in rows for item in row["per_nivaa"]) == (
        TaskStatus.objects.count()
    )
    comments = [s.comment for s in TaskStatus.objects.exclude(comment="")[:20]]
    body = json.dumps(rows, ensure_ascii=False)
    assert not any(comment in body for comment in comments)
    cohort = get_json(client, "/api/v1/puljer/")[0]
    in_cohort = get_json(client, "/api/v1/htm-status/", pulje=cohort["adressenavn"])
    assert {row["kommuner"] for row in in_cohort} == {len(cohort["kommuner"])}


def test_no_personal_data_anywhere_in_the_api(client):
    emails = list(ContactPerson.objects.exclude(email="").values_list("email", flat=True))
    body = "".join(client.get(url).content.decode() for url in ENDPOINTS)
    for offset in range(0, 200, 20):
        params = {"limit": 20, "offset": offset, "fields": "*"}
        body += client.get("/api/v2/sider/", params).content.decode()
    assert emails and not any(email in body for email in emails)
    assert "@" not in body.replace("@context", "")


@pytest.mark.parametrize(
    ("url", "param"),
    [
        ("/api/v1/innforingslop/status/", {"kommune": "Bodø"}),
        ("/api/v1/innforingslop/status/", {"innforingslop": "<script>"}),
        ("/api/v1/htm-status/", {"pulje": "x" * 300}),
        ("/api/v1/kommuner/", {"x": "a\x00b"}),
    ],
)
def test_a_bad_filter_gets_a_norwegian_400_in_json(client, url, param):
    response = client.get(url, param)
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert response.json()["detail"].startswith("Ugyldig")


def test_the_api_is_rate_limited_with_a_norwegian_message(client):
    with override_settings(
        REST_FRAMEWORK={
            "DEFAULT_AUTHENTICATION_CLASSES": [],
            "DEFAULT_THROTTLE_RATES": {"open_data": "3/min"},
        }
    ):
        statuses = [client.get("/api/v1/kommuner/").status_code for _ in range(4)]
        assert statuses == [200, 200, 200, 429]
        response = client.get("/api/v1/puljer/")
        assert response.status_code == 429
        assert "For mange forespørsler" in response.json()["detail"]
        assert client.get("/api/v2/sider/").status_code == 429


def test_the_pages_api_lists_public_live_pages_only(client):
    restricted = Page.objects.live().filter(depth=3).order_by("path").last()
    PageViewRestriction.objects.create(page=restricted, restriction_type="login")
    draft = Page.objects.live().filter(depth=3).order_by("path").first()
    draft.unpublish()
    ids, offset, total = set(), 0, None
    while total is None or offset < total:
        listed = get_json(client, "/api/v2/sider/", limit=20, offset=offset)
        ids |= {item["id"] for item in listed["items"]}
        total, offset = listed["meta"]["total_count"], offset + 20
    assert total == len(ids) > 20
    assert restricted.pk not in ids
    assert not ids & set(restricted.get_descendants().values_list("pk", flat=True))
    assert draft.pk not in ids
    assert client.get(f"/api/v2/sider/{restricted.pk}/").status_code == 404


def test_a_members_session_changes_nothing(client, django_user_model):
    anonymous = client.get("/api/v1/innforingslop/status/").content
    user = django_user_model.objects.create_user("medlem", "medlem@example.org", "x" * 20)
    client.force_login(user)
    assert client.get("/api/v1/innforingslop/status/").content == anonymous


def read_csv(response) -> list[list[str]]:
    text = response.content.decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text), delimiter=";"))


@pytest.mark.parametrize(
    ("name", "rows", "first_column"),
    [
        ("kommuner", 41, "kommunenummer"),
        ("puljer", None, "adressenavn"),
        ("innforingslop-status", None, "kommunenummer"),
        ("htm-status", 24, "oppgave"),
    ],
)
def test_csv_downloads_hold_the_same_data(client, name, rows, first_column):
    response = client.get(f"/apne-data/{name}.csv")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    table = read_csv(response)
    assert table[0][0] == first_column
    if rows is not None:
        assert len(table) - 1 == rows


def test_unknown_csv_is_a_404(client):
    assert client.get("/apne-data/brukere.csv").status_code == 404


def test_every_page_links_to_the_open_data_in_its_footer(client):
    html = client.get("/").content.decode()
    assert 'href="/apne-data/">Åpne data</a>' in html


def test_the_open_data_page_describes_the_api_in_norwegian(client):
    response = client.get("/apne-data/")
    assert response.status_code == 200
    html = response.content.decode()
    for text in ("Åpne data", "NLOD", "/api/v1/openapi.json", "/apne-data/htm-status.csv"):
        assert text in html
    for url in ENDPOINTS:
        assert url in html


def test_the_openapi_document_describes_every_endpoint_and_the_licence(client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    schema = response.json()
    assert schema["openapi"].startswith("3.")
    assert "NLOD" in schema["info"]["license"]["name"]
    assert set(schema["paths"]) == set(ENDPOINTS)


# Schemathesis -------------------------------------------------------------------------------
# It generates requests from the API's own OpenAPI document and checks every answer against
# it: status codes, content types and bodies. The document is generated here as the endpoint
# serves it (drf-spectacular, from the same URLconf), and the requests go to the project's
# WSGI application in this process, so they see the demo content of this test's transaction.


class InProcessApplication:
    """The project's WSGI application, keeping the test's database connection open across
    requests as Django's test client does (the real handler closes it when a request ends,
    which would end the test's transaction)."""

    def __init__(self):
        self.application = get_wsgi_application()

    def __call__(self, environ, start_response):
        signals.request_started.disconnect(close_old_connections)
        signals.request_finished.disconnect(close_old_connections)
        try:
            response = self.application(environ, start_response)
            # Read the body while the signals are off: request_finished fires on close().
            body = list(response)
            response.close()
            return body
        finally:
            signals.request_started.connect(close_old_connections)
            signals.request_finished.connect(close_old_connections)


schema = schemathesis.openapi.from_dict(
    SchemaGenerator(urlconf="network.opendata.api_urls").get_schema(request=None, public=True)
)
schema.app = InProcessApplication()


@schema.parametrize()
@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_the_api_keeps_to_its_openapi_document(case):
    # The in-process WSGI client does not decode Brotli or gzip, which the portal would
    # otherwise send to a client that asks for them (every HTTP library does).
    case.call_and_validate(base_url="http://localhost", headers={"Accept-Encoding": "identity"})


def test_the_served_document_is_the_one_tested(client):
    served = client.get("/api/v1/openapi.json").json()
    assert served["paths"].keys() == schema.raw_schema["paths"].keys()
