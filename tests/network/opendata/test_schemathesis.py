"""Schemathesis generates requests from the API's own OpenAPI document and checks every
answer against it: status codes, content types, and response bodies that match the schema.
The demo site is the data, so the answers are real.

The document is generated here as the endpoint serves it (drf-spectacular, from the same
URLconf), and the requests go to the project's WSGI application in this process, so they
see the demo content of this test's transaction."""

import pytest
import schemathesis
from django.core.wsgi import get_wsgi_application
from drf_spectacular.generators import SchemaGenerator
from hypothesis import HealthCheck, settings

pytestmark = pytest.mark.usefixtures("demo_content", "db")

schema = schemathesis.openapi.from_dict(
    SchemaGenerator(urlconf="network.opendata.api_urls").get_schema(request=None, public=True)
)
schema.app = get_wsgi_application()


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
