"""A web worker settles before its first request: the URLs are loaded and what exists then
is frozen out of the garbage collector's full collections (portal/startup.py)."""

import json
import subprocess
import sys

from django.conf import settings

PROGRAM = """
import gc, json, sys
before = gc.get_freeze_count()
import portal.wsgi
print(json.dumps({
    "before": before,
    "frozen": gc.get_freeze_count(),
    "urls_loaded": "network.urls" in sys.modules and "search.urls" in sys.modules,
    "tracked_after": len(gc.get_objects()),
}))
"""


def start_worker() -> dict:
    env = {"DJANGO_SETTINGS_MODULE": settings.SETTINGS_MODULE, "PATH": "/usr/bin:/bin"}
    finished = subprocess.run(  # noqa: S603 - this interpreter, our own fixed program
        [sys.executable, "-c", PROGRAM],
        capture_output=True,
        text=True,
        env=env,
        cwd=settings.BASE_DIR,
        check=True,
        timeout=120,
    )
    return json.loads(finished.stdout.strip().splitlines()[-1])


def test_the_wsgi_application_loads_the_urls_and_freezes_what_startup_made():
    worker = start_worker()
    assert worker["before"] == 0
    assert worker["urls_loaded"]
    # Everything made while loading Django, the apps and the URLs: far more objects than
    # the collector still tracks afterwards.
    assert worker["frozen"] > 100_000
    assert worker["tracked_after"] < worker["frozen"] / 10
