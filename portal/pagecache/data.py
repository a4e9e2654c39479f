"""Reference data that many pages read and editors seldom change (the sites, the HTM model's
structure, status levels, municipalities and cohorts, the contact persons), kept in the
configured cache so that a page view pays no query for it.

An entry is kept as the page cache keeps a page (tags.py): with the tags of everything it
read and the versions those tags had. It is used only while every one of those versions is
unchanged, so a change to anything it read (a contact person saved, a rollout published)
is seen by the very next reader on every app server sharing the cache, while changes to
what it did not read (a municipality's status) leave it in place. A value read while
something changed is not kept (the epoch check, as for pages), and neither is one read in a
transaction that has changed rows and could still be rolled back.

The entry's tags are added to the page rendering now, so that a cached page that showed
reference data is cleared exactly as if it had read it from the database itself.
"""

import logging
import pickle
from collections.abc import Callable, Iterable
from datetime import datetime
from typing import TypeVar

from django.core.cache import cache
from django.db import connection
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe

from . import tags as pagetags
from .local import WorkerMemory

logger = logging.getLogger(__name__)

KEY_PREFIX = "pagecache:data:"
# Only to free the memory of entries no longer asked for; validity is the tags' business.
TIMEOUT = 60 * 60 * 24
# For entries named by the minute they were read for (this_minute()).
MINUTE_TIMEOUT = 120

T = TypeVar("T")

# A worker also keeps the entries it read last in its own memory (up to LOCAL_BYTES, the
# least recently used leaving first): a hit then costs one cache read, the versions of its
# tags, instead of two, and the value is not sent again. It is used under exactly the rule
# the shared entry is: every version it was stored with is still the version in the shared
# cache. An entry without tags has nothing to be checked against and is not kept here.
LOCAL_BYTES = 4 * 1024 * 1024
_local = WorkerMemory(LOCAL_BYTES, size=lambda entry: len(entry[0]))


def _local_put(key: str, value, tags: set, versions: dict) -> None:
    if versions:
        _local.put(key, (pickle.dumps(value, pickle.HIGHEST_PROTOCOL), tags, versions))


def forget_local() -> None:
    """Empty this worker's own copies (tests that change the cache behind its back)."""
    _local.clear()


def _build(build: Callable[[], T]) -> tuple[T, set[tuple]]:
    """build()'s value and the tags of everything it read."""
    token = pagetags.start()
    try:
        with connection.execute_wrapper(pagetags.record_sql):
            value = build()
        tags = pagetags.current().tags(None)
    finally:
        pagetags.stop(token)
    # Every page has the frame's tag of its own; the data does not depend on the menu.
    tags.discard(pagetags.FRAME)
    return value, tags


def this_minute() -> datetime:
    """Now, to the minute: the time a list that depends on the clock (upcoming meetings) is
    read for, and named by, so that it is kept for that minute only."""
    return timezone.now().replace(second=0, microsecond=0)


def remember(
    name: str,
    build: Callable[[], T],
    timeout: int = TIMEOUT,
    page_types: Iterable[type] = (),
) -> T:
    """The value build() returns, read from the cache while nothing it read has changed.

    name must say everything the value depends on besides the content (a site, a path, the
    minute a time-dependent list was read for: give such entries MINUTE_TIMEOUT).
    The value is a fresh copy on each call: callers may change it freely. A cache that does
    not answer costs the queries, never the page: the value is then read from the database.

    Pages are tagged by the instances read; a count or a list that may be empty reads none,
    so the page types it lists are named in page_types: the next page of such a type
    published clears the value.
    """
    key = KEY_PREFIX + name
    try:
        local = _local.get(key)
        if local is not None:
            blob, tags, versions = local
            if pagetags.still_valid(versions):
                pagetags.add(*tags)
                return pickle.loads(blob)  # noqa: S301 - pickled by this worker itself
        entry = cache.get(key)
        if entry is not None:
            value, tags, versions = entry
            if pagetags.still_valid(versions):
                _local_put(key, value, tags, versions)
                pagetags.add(*tags)
                return value
        epoch = pagetags.epoch()
    except Exception:  # noqa: BLE001 - any failure of the cache backend (Redis down)
        logger.warning("The cache did not answer; %s is read from the database.", name)
        return build()
    value, tags = _build(build)
    tags.update(("pagetype", pagetags.label_of(model)) for model in page_types)
    if not pagetags.changed_in_open_transaction():
        try:
            versions = pagetags.versions_for_store(tags)
            if pagetags.epoch() == epoch:
                cache.set(key, (value, tags, versions), timeout)
                _local_put(key, value, tags, versions)
        except Exception:  # noqa: BLE001 - as above: the value is simply not kept
            logger.warning("The cache did not answer; %s is not kept.", name)
    pagetags.add(*tags)
    return value


def remember_html(name: str, render: Callable[[], str], **options) -> SafeString:
    """HTML our own templates rendered (autoescaped), kept as remember() keeps a value."""
    return mark_safe(remember(name, render, **options))  # noqa: S308 - see above


def page_section_html(request, page, name: str, render: Callable[[], str], **options) -> SafeString:
    """HTML of a section of `page`, kept as remember_html() keeps it. The page's own fields
    are read from the page served, not by a query, so its tag is added: its next publish
    clears the section. An editor's preview (or a page not saved yet) is drawn as it is and
    never kept."""
    if getattr(request, "is_preview", False) or page.pk is None:
        return mark_safe(render())  # noqa: S308 - our own template's output, autoescaped

    def drawn() -> str:
        pagetags.add(("page", page.pk))
        return render()

    return remember_html(name, drawn, **options)
