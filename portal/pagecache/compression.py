"""Responses compressed as the client asks (django-compression-middleware: zstd, Brotli or
gzip), with one rule against BREACH.

BREACH reads a secret out of a compressed page by reflecting guesses into it and watching the
size. A page served from the page cache holds no secret (no CSRF token, nothing of a
person's: middleware.py stores only such pages), so it is compressed as well as the client
can take. A response that may hold one (a logged-in member's or editor's page, anything
`Cache-Control: private`, or an anonymous form whose CSRF token was used) is compressed with
gzip only, by Django's GZipMiddleware, which pads each response with a random number of bytes
(Heal the BREACH) so the sizes no longer tell. Django masks the CSRF token per response too.
"""

from compression_middleware.middleware import CompressionMiddleware
from django.conf import settings
from django.middleware.gzip import GZipMiddleware

# Text compresses; documents, images and archives are compressed already.
COMPRESSIBLE = (
    "text/",
    "application/json",
    "application/xml",
    "application/rss+xml",
    "application/atom+xml",
    "application/javascript",
    "image/svg+xml",
)


def may_hold_secret(request, response) -> bool:
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return True
    if (
        request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        or settings.CSRF_COOKIE_NAME in response.cookies
    ):
        return True
    return "private" in response.get("Cache-Control", "")


class PortalCompressionMiddleware(CompressionMiddleware):
    gzip = GZipMiddleware(lambda request: None)

    def process_response(self, request, response):
        content_type = response.get("Content-Type", "").lower()
        if not content_type.startswith(COMPRESSIBLE):
            return response
        if may_hold_secret(request, response):
            return self.gzip.process_response(request, response)
        return super().process_response(request, response)
