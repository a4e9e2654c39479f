"""The CDN in front (wagtail.contrib.frontend_cache), purged on the events that clear the page
cache: the addresses stored under a tag are purged when the tag is cleared.

Only kept when WAGTAILFRONTENDCACHE is configured. The address lists are read and written
without a lock, so two pages stored at the same moment may lose one address: that copy then
lives in the CDN until its s-maxage (PAGE_CACHE_CDN_SECONDS) runs out, never longer.
The purge itself is a task (Wagtail queues it), run by the worker.
"""

from django.conf import settings
from django.core.cache import cache

from .tags import FRAME, version_key

URLS_PREFIX = "pagecache:urls:"
MAX_URLS_PER_TAG = 500


def enabled() -> bool:
    return bool(getattr(settings, "WAGTAILFRONTENDCACHE", None))


def _urls_key(tag: tuple) -> str:
    return URLS_PREFIX + version_key(tag)


def remember(url: str, tags) -> None:
    """Notes that the CDN may hold url, under each of its tags."""
    if not enabled():
        return
    # The frame is on every page: a change to it purges every page (purge_tags), no list.
    keys = [_urls_key(tag) for tag in tags if tag != FRAME]
    found = cache.get_many(keys)
    updates = {}
    for key in keys:
        urls = found.get(key) or []
        if url not in urls:
            updates[key] = [*urls, url][-MAX_URLS_PER_TAG:]
    if updates:
        cache.set_many(updates, None)


def purge_tags(tags) -> None:
    if not enabled():
        return
    from wagtail.contrib.frontend_cache.utils import purge_pages_from_cache, purge_urls_from_cache
    from wagtail.models import Page

    if FRAME in tags:
        purge_pages_from_cache(Page.objects.live().public().specific())
    keys = [_urls_key(tag) for tag in tags]
    found = cache.get_many(keys)
    urls = sorted({url for urls in found.values() for url in urls})
    cache.delete_many(keys)
    purge_urls_from_cache(urls)
