"""Runs a program in a fresh interpreter with the test settings, as a new web worker would
start, and returns the JSON its last line prints."""

import json
import subprocess
import sys

from django.conf import settings


def run_fresh(program: str):
    env = {"DJANGO_SETTINGS_MODULE": settings.SETTINGS_MODULE, "PATH": "/usr/bin:/bin"}
    finished = subprocess.run(  # noqa: S603 - this interpreter, our own fixed program
        [sys.executable, "-c", program],
        capture_output=True,
        text=True,
        env=env,
        cwd=settings.BASE_DIR,
        check=True,
        timeout=120,
    )
    return json.loads(finished.stdout.strip().splitlines()[-1])
