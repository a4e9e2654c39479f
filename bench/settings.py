"""Production settings plus the benchmark's baseline view (bench/urls.py), for `make bench`
only: the portal's own URLs and settings never include it."""

from portal.settings.production import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
