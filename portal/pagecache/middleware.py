"""The page cache in front of Wagtail's page serving, and the headers a CDN needs.

A middleware rather than a `before_serve_page` hook: a copy is found before sessions, users,
CSRF and Wagtail's routing (which alone costs queries) run, so a cached page costs one or two
cache reads and no query. It sits after WhiteNoise and SecurityMiddleware (HTTPS redirects,
security headers, request ids and the access log still apply to every copy served) and
outside the compression middleware (a copy is stored compressed, once per encoding).

Served from the cache: GET and HEAD without a session or messages cookie, outside the admin
and the members' addresses, with no query string or only the known listing parameters
(PAGE_CACHE_QUERY_PARAMS). Stored: a 200 response to such a GET that showed a Wagtail page
to an anonymous visitor, set no cookie, used no CSRF token, is no preview and is not marked
private. Everything else passes through untouched; a response that may hold something of
one person's gets `Cache-Control: private, no-store`.
"""

import hashlib
from dataclasses import dataclass

from compression_middleware.middleware import compressor
from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import DisallowedHost
from django.db import connection
from django.http import HttpResponse
from django.utils.cache import patch_cache_control

from . import frontend
from . import tags as pagetags
from .wagtail_hooks import SERVED_PAGE

KEY_PREFIX = "pagecache:page:"
HIT_HEADER = "X-Page-Cache"
# The Vary values a stored page may have: the portal has one language, so Accept-Language
# (added by LocaleMiddleware) changes nothing a visitor sees.
ALLOWED_VARY = {"cookie", "accept-encoding", "accept-language", ""}
# Headers another middleware sets per request, after this one (never stored).
NOT_STORED = {"set-cookie", "x-request-id", "date"}
MAX_QUERY_LENGTH = 256


@dataclass
class CachedPage:
    status: int
    headers: list[tuple[str, str]]
    content: bytes
    versions: dict[str, str]

    def response(self, head: bool = False) -> HttpResponse:
        response = HttpResponse(b"" if head else self.content, status=self.status)
        for name, value in self.headers:
            response[name] = value
        response["Content-Length"] = str(len(self.content))
        response[HIT_HEADER] = "treff"
        return response


def release() -> str:
    """Part of every key: a new release's pages (templates, hashed static files) never meet
    the old release's copies. The static manifest's hash changes with any static file;
    PAGE_CACHE_RELEASE (the release id) with anything else."""
    from django.contrib.staticfiles.storage import staticfiles_storage

    manifest = getattr(staticfiles_storage, "manifest_hash", "") or ""
    return f"{getattr(settings, 'PAGE_CACHE_RELEASE', '')}:{manifest}"


def seconds() -> int:
    return int(getattr(settings, "PAGE_CACHE_SECONDS", 0) or 0)


def cookie_names() -> set[str]:
    return {settings.SESSION_COOKIE_NAME, "messages"}


def cache_key(request, release: str = "") -> str | None:
    """The copy's key (address, known parameters, encoding), or None for a request the
    cache leaves alone."""
    if request.method not in ("GET", "HEAD"):
        return None
    path = request.path_info
    if path.startswith((*settings.ADMIN_URL_PREFIXES, *settings.MEMBER_URL_PREFIXES)):
        return None
    if cookie_names().intersection(request.COOKIES):
        return None
    query = request.META.get("QUERY_STRING", "")
    if len(query) > MAX_QUERY_LENGTH:
        return None
    allowed = set(getattr(settings, "PAGE_CACHE_QUERY_PARAMS", ()))
    if any(name not in allowed for name in request.GET):
        return None
    params = sorted((name, value) for name, values in request.GET.lists() for value in values)
    try:
        host = request.get_host()
    except DisallowedHost:
        return None
    encoding = compressor(request.META.get("HTTP_ACCEPT_ENCODING", ""))[0] or "identity"
    raw = f"{release}|{request.scheme}://{host}{path}?{params!r}#{encoding}"
    return KEY_PREFIX + hashlib.sha256(raw.encode()).hexdigest()


def storable(request, response) -> bool:
    if request.method != "GET" or response.status_code != 200 or response.streaming:
        return False
    if getattr(request, SERVED_PAGE, None) is None or getattr(request, "is_preview", False):
        return False
    user = getattr(request, "user", None)
    if user is None or user.is_authenticated:
        return False
    if response.cookies or csrf_used(request, response):
        return False
    control = response.get("Cache-Control", "").lower()
    if any(word in control for word in ("private", "no-store", "no-cache")):
        return False
    vary = {part.strip().lower() for part in response.get("Vary", "").split(",")}
    return vary <= ALLOWED_VARY


def csrf_used(request, response) -> bool:
    """Whether the page holds a CSRF token (a form): CsrfViewMiddleware then sets its cookie
    on the response (and clears the flag it set on the request)."""
    return bool(
        request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        or settings.CSRF_COOKIE_NAME in response.cookies
    )


def cdn_headers(response) -> None:
    """Public, briefly in browsers (they cannot be purged), longer in a CDN that is purged."""
    browser = int(getattr(settings, "PAGE_CACHE_BROWSER_SECONDS", 60))
    cdn = int(getattr(settings, "PAGE_CACHE_CDN_SECONDS", browser))
    patch_cache_control(response, public=True, max_age=browser, s_maxage=cdn)
    response["Vary"] = "Cookie, Accept-Encoding"


def private_headers(request, response) -> None:
    """A response that may hold something of one person's is never kept by anyone."""
    control = response.get("Cache-Control", "")
    form_page = getattr(request, SERVED_PAGE, None) is not None and csrf_used(request, response)
    if "private" in control or form_page:
        patch_cache_control(response, private=True, no_store=True)
        response.headers.pop("Expires", None)


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.release = release()

    def __call__(self, request):
        timeout = seconds()
        key = cache_key(request, self.release) if timeout else None
        if key is None:
            response = self.get_response(request)
            if timeout:
                private_headers(request, response)
            return response

        cached = cache.get(key)
        if cached is not None and pagetags.still_valid(cached.versions):
            return cached.response(head=request.method == "HEAD")
        if request.method == "HEAD":
            return self.get_response(request)

        epoch = pagetags.epoch()
        token = pagetags.start()
        try:
            with connection.execute_wrapper(pagetags.record_sql):
                response = self.get_response(request)
            collector = pagetags.current()
        finally:
            pagetags.stop(token)

        if storable(request, response):
            cdn_headers(response)
            self.store(request, response, key, collector, epoch, timeout)
        else:
            private_headers(request, response)
        return response

    def store(self, request, response, key, collector, epoch, timeout) -> None:
        page = getattr(request, SERVED_PAGE)
        tags = collector.tags(page.pk)
        versions = pagetags.versions_for_store(tags)
        if pagetags.epoch() != epoch:
            # Something was cleared while this page rendered: it may show the old rows.
            return
        headers = [
            (name, value)
            for name, value in response.items()
            if name.lower() not in NOT_STORED and name != HIT_HEADER
        ]
        cache.set(key, CachedPage(200, headers, response.content, versions), timeout)
        frontend.remember(request.build_absolute_uri(request.path), tags)
