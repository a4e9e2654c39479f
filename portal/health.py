"""The load balancer's health endpoint (/helse/): the database, the cache and every file
storage the portal writes to answer, or the answer is 500 and the server is taken out.

Always JSON (a check name and "OK" or what failed), never cached: the view of
django-health-check adds the no-cache headers itself.
"""

from django.conf import settings
from health_check import Cache, Database, Storage
from health_check.views import HealthCheckView


def storage_aliases() -> list[str]:
    """Every storage that holds uploaded files (read at request time, so a private storage
    added to STORAGES is checked too); static files are built, not written."""
    return [alias for alias in settings.STORAGES if alias != "staticfiles"]


class HealthView(HealthCheckView):
    def get_checks(self):
        yield Database()
        yield Cache()
        for alias in storage_aliases():
            yield Storage(alias=alias)

    def render_to_response(self, context, **response_kwargs):
        # A probe sends any Accept header (or none): answer in JSON, not the package's HTML.
        return self.render_to_response_json(response_kwargs.get("status", 200))
