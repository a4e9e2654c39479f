"""Serving a page in a fixed number of queries, however deep it lies in the tree.

Wagtail finds a page by walking the tree one level at a time (two queries a level: the
child, then its specific row), checks view restrictions with two more, and every
`.public()` reads all restrictions first. Here the root page finds the whole chain of pages
in one query that also tells whether any of them is restricted, and `.public()` is a
subquery of the listing's own query. What a visitor is served does not change: routable
pages still answer their own sub-paths before their children, a page that is not live is
still a 404, and a restricted page is still checked the way Wagtail checks it.
"""

import hashlib

from django.db import models
from django.db.models import Exists, F, OuterRef, Q
from django.db.models.functions import Length, Substr
from django.http import Http404
from django.http.request import split_domain_port
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page, PageManager, PageViewRestriction, Site
from wagtail.query import PageQuerySet

from portal.pagecache import data

# What a page's address (Wagtail's url_path and the site) and title read: a list of links
# loads only these, not the pages' own content.
LINK_FIELDS = ("id", "title", "path", "depth", "url_path", "content_type", "locale", "live")


def restricted_q() -> Q:
    """True for a page that lies in a restricted section: a view restriction exists on the
    page itself or on one of its ancestors (whose tree path is a prefix of the page's).

    The first condition does not depend on the page, so the database answers it once: on a
    site without restrictions no page of a long listing is looked at for them."""
    restrictions = PageViewRestriction.objects.annotate(
        prefix=Substr(OuterRef("path"), 1, Length("page__path"))
    ).filter(prefix=F("page__path"))
    return Q(Exists(PageViewRestriction.objects.all())) & Q(Exists(restrictions))


class PortalPageQuerySet(PageQuerySet):
    def private_q(self):
        # The same pages as Wagtail's, without reading every restriction in a query first.
        return restricted_q()


PortalPageManager = PageManager.from_queryset(PortalPageQuerySet)


class PortalPageMixin(models.Model):
    """For every page type: listings whose `.public()` costs no query of its own, and the
    view-restriction check answered by the query that routed the request."""

    objects = PortalPageManager()

    class Meta:
        abstract = True

    def get_view_restrictions(self):
        if getattr(self, "_route_unrestricted", False):
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()


def _resolves(page, path_components) -> bool:
    """Whether a routable page answers this sub-path itself (it then wins over children)."""
    if not page.live or not issubclass(page.specific_class, RoutablePageMixin):
        return False
    path = "/" + "".join(f"{component}/" for component in path_components)
    try:
        page.specific_deferred.resolve_subpage(path)
    except Http404:
        return False
    return True


class TreeRoutingMixin(PortalPageMixin):
    """For the site's root page: find the requested page below it in two queries."""

    class Meta:
        abstract = True

    def route(self, request, path_components):
        if not path_components or _resolves(self, path_components):
            return super().route(request, path_components)
        pages = self._pages_on_the_way(path_components)
        above = [page for page in pages if page.depth <= self.depth]
        chain = [page for page in pages if page.depth > self.depth]
        # A routable page on the way answers a sub-path before its children do.
        for consumed, page in enumerate(chain[:-1], start=1):
            if _resolves(page, path_components[consumed:]):
                chain = chain[:consumed]
                break
        target = chain[-1].specific
        target._cached_parent_obj = chain[-2] if len(chain) > 1 else self
        unrestricted = not any(page.restricted or page.alias_of_id for page in above + chain)
        target._route_unrestricted = unrestricted
        target._route_ancestors = [page for page in above + chain[:-1] if page.depth > 1]
        return target.route(request, path_components[len(chain) :])

    def _pages_on_the_way(self, path_components) -> list[Page]:
        """This page's ancestors and the pages the path names below it, by depth, each
        telling whether a view restriction is set on it: one query, kept in the cache
        (portal/pagecache/data.py) while none of these pages and no view restriction
        changes. A path naming no page below this one is a 404, never kept. When a page
        appears later below the last page found (a path that was a 404 or a routable
        page's sub-path), that page's own route finds it, as Wagtail's does, by a query."""
        steplen = Page.steplen
        prefixes = [
            self.url_path + "".join(f"{c}/" for c in path_components[:n])
            for n in range(1, len(path_components) + 1)
        ]
        own_ancestry = [self.path[:end] for end in range(steplen, len(self.path) + 1, steplen)]

        def build() -> list[Page]:
            pages = list(
                Page.objects.filter(
                    models.Q(path__in=own_ancestry)
                    | models.Q(path__startswith=self.path, url_path__in=prefixes)
                )
                .annotate(
                    restricted=Exists(PageViewRestriction.objects.filter(page=OuterRef("pk")))
                )
                .order_by("depth")
            )
            if not any(page.depth > self.depth for page in pages):
                raise Http404
            return pages

        name = hashlib.sha256(prefixes[-1].encode()).hexdigest()
        return data.remember(f"route:{self.path}:{name}", build)


def route_ancestors(page):
    """The ancestors (below the tree root) the router already read, or None."""
    return getattr(page, "_route_ancestors", None)


def routed_ancestor(page, path: str):
    """The ancestor at `path` as its own page type (its base fields read, the rest on first
    use), when the router already read it; None otherwise."""
    for ancestor in route_ancestors(page) or []:
        if ancestor.path == path:
            return ancestor.specific_deferred
    return None


# Sites -------------------------------------------------------------------------------------


def _all_sites() -> list[Site]:
    """Every site, each with its root page as its own page type (what routing starts from)."""
    sites = list(Site.objects.select_related("root_page").order_by("pk"))
    for site in sites:
        site.root_page = site.root_page.specific
    return sites


def choose_site(sites: list[Site], hostname: str, port: int) -> Site | None:
    """The site Wagtail would choose for hostname and port: the site with both; else the
    default site when it has this hostname; else the only site with this hostname; else the
    default site, or none."""
    named = [site for site in sites if site.hostname == hostname]
    default = next((site for site in sites if site.is_default_site), None)
    for site in named:
        if site.port == port:
            return site
    if default is not None and default.hostname == hostname:
        return default
    if len(named) == 1:
        return named[0]
    return default


class CachedSiteMiddleware:
    """Finds the request's site among the sites kept in the cache (pagecache/data.py), so
    that neither the site nor the root page it routes from costs a query on a page view.
    Wagtail's own lookup reads both from the database for every request."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not hasattr(request, "_wagtail_site"):
            hostname = split_domain_port(request._get_raw_host())[0]
            try:
                port = int(request.get_port())
            except ValueError:
                port = None
            request._wagtail_site = choose_site(data.remember("sites", _all_sites), hostname, port)
        return self.get_response(request)
