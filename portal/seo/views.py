"""/robots.txt, /favicon.ico and the web manifest: small, public and the same for everyone,
so cached by browsers and the CDN for a day."""

import json
from functools import cache
from pathlib import Path

from django.http import HttpResponse
from django.templatetags.static import static
from django.urls import reverse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET
from wagtail.models import Site

from .metadata import SITE_NAME, absolute_url, private_prefixes

ONE_DAY = 60 * 60 * 24
STATIC = Path(__file__).parent / "static" / "seo"
THEME_COLOR = "#1e2b3c"


@require_GET
@cache_control(public=True, max_age=ONE_DAY)
def robots_txt(request):
    lines = ["User-agent: *"]
    lines += [f"Disallow: {prefix}" for prefix in private_prefixes()]
    sitemap = absolute_url(request, Site.find_for_request(request), reverse("sitemap"))
    lines += ["", f"Sitemap: {sitemap}", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


@cache
def _favicon() -> bytes:
    return (STATIC / "favicon.ico").read_bytes()


@require_GET
@cache_control(public=True, max_age=ONE_DAY)
def favicon_ico(request):
    """Browsers ask for /favicon.ico whatever the page links to."""
    return HttpResponse(_favicon(), content_type="image/vnd.microsoft.icon")


@require_GET
@cache_control(public=True, max_age=ONE_DAY)
def web_manifest(request):
    manifest = {
        "name": SITE_NAME,
        "short_name": SITE_NAME,
        "description": "Nettverket for e-helse og velferdsteknologi i kommunene i Nordland.",
        "lang": "nb",
        "start_url": "/",
        "scope": "/",
        "display": "browser",
        "background_color": "#ffffff",
        "theme_color": THEME_COLOR,
        "icons": [
            {"src": static("seo/favicon.svg"), "type": "image/svg+xml", "sizes": "any"},
            {"src": static("seo/icon-192.png"), "type": "image/png", "sizes": "192x192"},
            {"src": static("seo/icon-512.png"), "type": "image/png", "sizes": "512x512"},
        ],
    }
    return HttpResponse(
        json.dumps(manifest, ensure_ascii=False, indent=2),
        content_type="application/manifest+json; charset=utf-8",
    )
