"""Settings of the open data API (network/opendata/).

The API is read-only and anonymous: no session or basic authentication is accepted, so a
logged-in member's cookie never changes what it answers, and throttling counts per client
address in the default cache (Redis in production, shared by every app server).
"""

import os

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_THROTTLE_RATES": {
        "open_data": os.environ.get("RATELIMIT_OPEN_DATA", "120/min"),
    },
}

SPECTACULAR_SETTINGS = {
    "TITLE": "E-helse Nordland – åpne data",
    "DESCRIPTION": (
        "Offentlige data fra E-helse Nordland: kommunene i nettverket, puljene, de nasjonale "
        "innføringsløpene med trinn, kommunenes status i innføringsløpene og en samlet "
        "oversikt over hvordan kommunene har organisert oppgavene i Helhetlig tjenestemodell. "
        "Ingen personopplysninger og ingen fritekst fra kommunene."
    ),
    "VERSION": "1",
    "LICENSE": {
        "name": "Norsk lisens for offentlige data (NLOD) 2.0",
        "url": "https://data.norge.no/nlod/no/2.0",
    },
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": r"/api/v1",
    "COMPONENT_SPLIT_REQUEST": True,
    # Its deploy check would describe every DRF view of the site, Wagtail's admin API too,
    # which it cannot; the open data document is checked by the test suite (schemathesis).
    "ENABLE_DJANGO_DEPLOY_CHECK": False,
}
