"""What the head of every page tells search engines and link previews: the description, the
canonical address, the words a filtered view adds to its title, and whether to index it.

Plain functions of the request, the page and the template context; no queries (the default
description is read from the cache by models.default_description)."""

from functools import cache
from html import unescape

from django.urls import NoReverseMatch, reverse
from django.utils.html import strip_tags
from django.utils.text import Truncator

SITE_NAME = "E-helse Nordland"
DESCRIPTION_WORDS = 35  # about 200 characters: what search engines show, and a little more
PAGE_PARAM = "side"  # the page number of a paginated list; every other parameter filters

# The URLs whose first path segment is not for search engines: the admin, the members'
# accounts and pages, their marks, the members' HTM overview, and the search results.
PRIVATE_URLS = [
    ("wagtailadmin_home", ()),
    ("admin:index", ()),
    ("accounts_login", ()),
    ("min_kommune", ()),
    ("marks_remove", (1,)),
    ("task_status_overview", ()),
    ("search", ()),
]


@cache
def private_prefixes() -> tuple[str, ...]:
    """The path prefixes of PRIVATE_URLS («/konto/», «/min-kommune/», …), in URL order."""
    prefixes = []
    for name, args in PRIVATE_URLS:
        try:
            path = reverse(name, args=args)
        except NoReverseMatch:
            continue
        prefix = "/" + path.strip("/").split("/")[0] + "/"
        if prefix != "//" and prefix not in prefixes:
            prefixes.append(prefix)
    return tuple(prefixes)


def is_private(path: str) -> bool:
    return path.startswith(private_prefixes())


def is_page_view(request, page) -> bool:
    """True when the response is the page's own view (filtered or paginated or not), not a
    sub-route of a routable page such as a municipality under «Nettverket»."""
    if request is None or page is None or not hasattr(page, "get_url"):
        return False
    return request.path == page.get_url(request)


def page_description(page) -> str:
    """The page's search description, else its intro (plain or rich text), as one line of
    plain text; "" when it has neither."""
    text = getattr(page, "search_description", "") or getattr(page, "intro", "") or ""
    text = " ".join(unescape(strip_tags(str(text))).split())
    return Truncator(text).words(DESCRIPTION_WORDS, truncate="…")


def page_number(request) -> int:
    value = request.GET.get(PAGE_PARAM, "") if request is not None else ""
    return int(value) if value.isdigit() and 0 < int(value) < 10_000 else 1


def absolute_url(request, site, path: str) -> str:
    """path on the site's own address (as the sitemap gives it), else on the request's; an
    address that is already absolute (static files on a CDN) as it is."""
    if path.startswith(("http://", "https://")):
        return path
    if site is not None and site.hostname not in ("", "*"):
        return site.root_url + path
    return request.build_absolute_uri(path)


def canonical_url(request, site=None) -> str:
    """The address without filters or sorting, which a filtered or sorted view shares with
    the unfiltered page; a later page of a list keeps its page number."""
    url = absolute_url(request, site, request.path)
    number = page_number(request)
    return f"{url}?{PAGE_PARAM}={number}" if number > 1 else url


def filter_labels(form) -> list[str]:
    """The chosen values of a bound filter form, as the visitor saw them in its drop-downs."""
    if form is None or not getattr(form, "is_bound", False):
        return []
    form.is_valid()
    labels = []
    for name, field in form.fields.items():
        value = form.cleaned_data.get(name)
        if value in (None, "", [], ()):
            continue
        choices = {str(key): label for key, label in getattr(field, "choices", [])}
        labels.append(str(choices.get(str(value), value)))
    return labels


def title_qualifier(context) -> str:
    """What a filtered or paginated view adds to its page's title, so that each address has a
    title of its own: «: Fagdag, 2025» and « – side 2»."""
    labels = filter_labels(context.get("filter_form"))
    qualifier = f": {', '.join(labels)}" if labels else ""
    number = page_number(context.get("request"))
    if number > 1:
        qualifier += f" – side {number}"
    return qualifier
