"""What a web worker loads: the libraries only an export, a chart or a calendar file needs
are loaded by the view that makes one, not with the URLs, so a worker serving pages stays
small (each of pygal, python-docx and icalendar holds several MiB once imported)."""

import json
import subprocess
import sys

from django.conf import settings

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
    loaded = set(json.loads(finished.stdout.strip().splitlines()[-1]))
    assert "wagtail" in loaded  # the program did load the portal
    assert loaded.isdisjoint(LOADED_ON_USE), sorted(loaded & set(LOADED_ON_USE))
