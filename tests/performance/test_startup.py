"""A web worker settles before its first request: the URLs are loaded and what exists then
is frozen out of the garbage collector's full collections (portal/startup.py)."""

from tests.performance.fresh import run_fresh

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


def test_the_wsgi_application_loads_the_urls_and_freezes_what_startup_made():
    worker = run_fresh(PROGRAM)
    assert worker["before"] == 0
    assert worker["urls_loaded"]
    # Everything made while loading Django, the apps and the URLs: far more objects than
    # the collector still tracks afterwards.
    assert worker["frozen"] > 100_000
    assert worker["tracked_after"] < worker["frozen"] / 10
