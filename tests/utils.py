from django.db import connection
from django.test.utils import CaptureQueriesContext


def count_queries(client, url: str) -> int:
    """The number of SQL queries a GET of url runs, after a warm-up request.

    The warm-up lets one-off work (site settings created on first access, caches) happen
    first, so the figure is what every later visitor costs.
    """
    assert client.get(url).status_code == 200
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)
