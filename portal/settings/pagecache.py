"""The page cache for anonymous visitors (portal/pagecache/) and the CDN in front of it."""

import os

# How long a cached page may live, in seconds; it is cleared at once when anything it shows
# changes, so this bounds only what depends on the clock (a meeting passing from «kommende»
# to «tidligere»). 0 turns the page cache off.
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS") or 600)
# The release id (a git hash or version): copies of another release are never served. The
# static manifest's hash is part of the key as well.
PAGE_CACHE_RELEASE = os.environ.get("PAGE_CACHE_RELEASE") or os.environ.get("SENTRY_RELEASE", "")
# Query parameters of the public listings (pages, meeting filters, the status table's order);
# an address with any other parameter is not cached.
PAGE_CACHE_QUERY_PARAMS = [
    name.strip()
    for name in os.environ.get(
        "PAGE_CACHE_QUERY_PARAMS", "side,type,ar,innforingslop,omrade,emneord,kull,sorter"
    ).split(",")
    if name.strip()
]

# A CDN in front (wagtail.contrib.frontend_cache), purged on the same events as the page
# cache: FRONTEND_CACHE_URL for an HTTP purger (Varnish, nginx), or Cloudflare's zone and token.
WAGTAILFRONTENDCACHE = {}
if os.environ.get("FRONTEND_CACHE_URL"):
    WAGTAILFRONTENDCACHE["http"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": os.environ["FRONTEND_CACHE_URL"],
    }
if os.environ.get("CLOUDFLARE_ZONEID") and os.environ.get("CLOUDFLARE_BEARER_TOKEN"):
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "ZONEID": os.environ["CLOUDFLARE_ZONEID"],
        "BEARER_TOKEN": os.environ["CLOUDFLARE_BEARER_TOKEN"],
    }
# Browsers cannot be purged: they keep a page a minute at most. A CDN that is purged keeps
# it as long as the page cache; one that is not, as briefly as a browser.
PAGE_CACHE_BROWSER_SECONDS = int(os.environ.get("PAGE_CACHE_BROWSER_SECONDS") or 60)
PAGE_CACHE_CDN_SECONDS = int(
    os.environ.get("PAGE_CACHE_CDN_SECONDS")
    or (PAGE_CACHE_SECONDS if WAGTAILFRONTENDCACHE else PAGE_CACHE_BROWSER_SECONDS)
)
