"""The baseline of `make bench`: a plain Django view, no database, no template."""

from django.http import HttpResponse
from django.views.decorators.cache import never_cache

BASELINE_PATH = "/bench/grunnlinje/"
# About 20 KB of HTML-like text (it compresses as a page does when the client asks).
BODY = ("<p>E-helse Nordland, grunnlinje for ytelsesmåling.</p>\n" * 400).encode()[:20_000]


@never_cache
def baseline(request):
    return HttpResponse(BODY, content_type="text/html; charset=utf-8")
