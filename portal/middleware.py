"""Middleware the whole site shares: hostile characters stopped at the door, one
Content-Security-Policy for the public site and another for the Wagtail admin, and
`Cache-Control: private` on everything a member or an editor is served."""

import re

from csp.middleware import CSPMiddleware, PolicyParts
from csp.utils import default_config
from django.conf import settings
from django.http import JsonResponse, QueryDict
from django.utils.cache import patch_cache_control, patch_vary_headers

# Characters XML 1.0 cannot hold (C0 controls other than tab, line feed and carriage
# return; lone surrogates; U+FFFE and U+FFFF). PostgreSQL refuses NUL in text, and the
# news and meeting feeds are XML, so such a character in stored text breaks both.
DISALLOWED = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# Word processors write a manual line break as a vertical tab and a page break as a form
# feed; pasted into a text area they mean a new line.
LINE_BREAKS = str.maketrans({"\x0b": "\n", "\x0c": "\n"})


API_PREFIX = "/api/"
API_REFUSAL = "Ugyldig forespørsel: adressen inneholder tegn som ikke er tillatt."


def has_disallowed(value: str) -> bool:
    return DISALLOWED.search(value) is not None


def clean_text(value: str) -> str:
    return DISALLOWED.sub("", value.translate(LINE_BREAKS))


def querydict_has_disallowed(data: QueryDict) -> bool:
    return any(
        has_disallowed(key) or any(has_disallowed(value) for value in values)
        for key, values in data.lists()
    )


class ControlCharacterMiddleware:
    """Answers 400 (the Norwegian «Ugyldig forespørsel» page) when the address or the query
    string holds a control character, and removes such characters from posted form values.

    An address with NUL in it is never typed by a person: it is refused, because guessing
    what was meant could show another resource. Text posted from a form is what a person
    wrote, often pasted from a word processor that leaves invisible control characters in
    it; dropping those (and turning Word's line and page breaks into new lines) keeps the
    person's text and their save, instead of throwing the form away over characters they
    cannot see.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if has_disallowed(request.path) or querydict_has_disallowed(request.GET):
            return self.refuse(request)
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        # After CsrfViewMiddleware, which has read request.POST already for every POST.
        if request.method != "POST" or not request.content_type.startswith(
            ("application/x-www-form-urlencoded", "multipart/form-data")
        ):
            return None
        if not querydict_has_disallowed(request.POST):
            return None
        cleaned = QueryDict(mutable=True, encoding=request.POST.encoding)
        for key, values in request.POST.lists():
            cleaned.setlist(clean_text(key), [clean_text(value) for value in values])
        cleaned._mutable = False
        request._post = cleaned
        return None

    @staticmethod
    def refuse(request):
        if request.path.startswith(API_PREFIX):
            # Programs reading the open data API get JSON, as every other answer it gives.
            return JsonResponse({"detail": API_REFUSAL}, status=400)
        from .views import bad_request

        return bad_request(request, ValueError("control character in the request"))


# Public site and Wagtail admin ---------------------------------------------------------------


def is_admin_path(path: str) -> bool:
    return path.startswith(settings.ADMIN_URL_PREFIXES)


class PortalCSPMiddleware(CSPMiddleware):
    """django-csp's middleware, with the admin's own policy (ADMIN_CONTENT_SECURITY_POLICY)
    under the Wagtail admin, whose pages carry inline styles the public site never needs."""

    def get_policy_parts(self, request, response, report_only=False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and parts.config is None and is_admin_path(request.path_info):
            parts.config = default_config(settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"])
        return parts


class PrivateCacheMiddleware:
    """`Cache-Control: private` on every response to a logged-in user and on every members'
    address, so that no shared cache or CDN keeps a copy of a member's page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        logged_in = user is not None and user.is_authenticated
        if logged_in or request.path_info.startswith(settings.MEMBER_URL_PREFIXES):
            patch_cache_control(response, private=True)
            patch_vary_headers(response, ("Cookie",))
        return response
