"""Rate limits of the open data API, per client address as the rest of the portal counts
them (portal.ratelimits.client_ip: the same reading of X-Forwarded-For behind proxies)."""

from rest_framework.settings import api_settings
from rest_framework.throttling import SimpleRateThrottle

from portal.ratelimits import client_ip


class OpenDataThrottle(SimpleRateThrottle):
    scope = "open_data"

    def get_rate(self):
        # Read when asked, not once at import, so the rate follows the settings in force.
        return api_settings.DEFAULT_THROTTLE_RATES[self.scope]

    def get_cache_key(self, request, view):
        return self.cache_format % {"scope": self.scope, "ident": client_ip(request) or "-"}
