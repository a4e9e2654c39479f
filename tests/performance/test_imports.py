"""What a web worker loads: the libraries only an export, a chart or a calendar file needs
are loaded by the view that makes one, not with the URLs, so a worker serving pages stays
small (each of pygal, python-docx and icalendar holds several MiB once imported)."""

from tests.performance.fresh import run_fresh

LOADED_ON_USE = ["pygal", "docx", "icalendar", "openpyxl", "pypdf"]

PROGRAM = """
import json, sys
import django
django.setup()
from django.core.handlers.wsgi import WSGIHandler
from django.urls import resolve
WSGIHandler()
resolve("/")
print(json.dumps(sorted({name.split(".")[0] for name in sys.modules})))
"""


def test_a_web_worker_loads_no_export_chart_or_calendar_library_until_asked():
    loaded = set(run_fresh(PROGRAM))
    assert "wagtail" in loaded  # the program did load the portal
    assert loaded.isdisjoint(LOADED_ON_USE), sorted(loaded & set(LOADED_ON_USE))
