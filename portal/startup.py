"""What a web worker does once, before its first request.

The URLconf is loaded now rather than by the first visitor. Then every object that exists
at that point (modules, classes, compiled URL patterns: about a quarter of a million) is
moved out of the garbage collector's reach with gc.freeze(). They live as long as the
process, yet each full collection would walk them all again: on ten times the demo content
a full collection took about 180 ms, and the network page paid one every ten requests.
Frozen before a fork (gunicorn --preload), they also stay shared with the master instead
of being copied when the collector touches them.
"""

import gc

from django.urls import get_resolver


def settle() -> None:
    get_resolver().url_patterns  # noqa: B018 - imports every URL module now
    gc.collect()
    gc.freeze()
