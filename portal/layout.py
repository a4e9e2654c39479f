"""The parts of every page's frame that come from the database: the main menu and the footer's
contact and links. They change only when an editor publishes, moves or deletes a page or saves
the site settings, so they are read once and kept in the cache until then; a page view pays
no query for them.

The cache entries are keyed by a token that any such change replaces, so a stale frame can
never be read again, on every app server sharing the cache.
"""

import uuid
from collections.abc import Callable
from typing import NamedTuple

from django.core.cache import cache
from wagtail.models import Page, Site

from .pagecache.local import WorkerMemory

VERSION_KEY = "portal:frame:version"
FRAME_TIMEOUT = 60 * 60 * 24
# A key names one version of one site's frame, which never changes: a worker also keeps the
# frames it read last in its own memory, so that a page view costs one cache read (the
# version) for its frame, not two.
_local_frames = WorkerMemory(16)
# The request attribute that holds the key of the frame version the view was drawn with.
FRAME_KEY_ATTR = "portal_frame_key"


class MenuItem(NamedTuple):
    pk: int
    title: str
    url: str
    path: str  # the tree path, to tell which section the current page lies in


class Frame(NamedTuple):
    menu: list[MenuItem]
    contact_name: str = ""
    contact_title: str = ""
    contact_email: str = ""
    contact_phone: str = ""
    privacy_url: str = ""
    accessibility_url: str = ""


def _version() -> str:
    token = cache.get(VERSION_KEY)
    if token is None:
        cache.add(VERSION_KEY, uuid.uuid4().hex, None)
        token = cache.get(VERSION_KEY)
    return token


def frame_changed(**kwargs) -> None:
    """Forget every cached frame (a signal receiver)."""
    cache.set(VERSION_KEY, uuid.uuid4().hex, None)


def _page_url(page, request) -> str:
    return (page.get_url(request) or "") if page else ""


def _build(site: Site, request) -> Frame:
    from .models import SiteSettings

    menu = [
        MenuItem(page.pk, page.title, page.get_url(request) or "", page.path)
        for page in Page.objects.child_of(site.root_page).live().public().in_menu().order_by("path")
    ]
    settings = (
        SiteSettings.objects.filter(site=site)
        .select_related("privacy_page", "accessibility_page")
        .first()
    )
    if settings is None:
        return Frame(menu)
    return Frame(
        menu,
        contact_name=settings.contact_name,
        contact_title=settings.contact_title,
        contact_email=settings.contact_email,
        contact_phone=settings.contact_phone,
        privacy_url=_page_url(settings.privacy_page, request),
        accessibility_url=_page_url(settings.accessibility_page, request),
    )


def frame_for(request) -> Frame:
    site = Site.find_for_request(request)
    if site is None:
        return Frame([])
    key = f"portal:frame:{_version()}:{site.pk}"
    setattr(request, FRAME_KEY_ATTR, key)
    frame = _local_frames.get(key)
    if frame is not None:
        return frame
    frame = cache.get(key)
    if frame is None:
        frame = _build(site, request)
        cache.set(key, frame, FRAME_TIMEOUT)
    _local_frames.put(key, frame)
    return frame


# The parts of the frame an anonymous reader gets (the head's metadata, the header, the
# breadcrumbs, the footer) are the same on every view of one address while the frame's version
# is unchanged, and any publish, unpublish, move or deletion of a page or change to the site
# settings makes a new version (connect_signals). A worker keeps the parts it drew last in its
# own memory (up to 2 MiB, the least recently used leaving first): drawing them was
# some two milliseconds of every page. Members, editors and previews are drawn as they are.
_parts = WorkerMemory(2 * 1024 * 1024, size=len)


def part_key(request, page, name: str) -> str | None:
    """The key of frame part `name` for this view, or None when it is drawn anew."""
    if request is None or request.method not in ("GET", "HEAD"):
        return None
    if getattr(request, "is_preview", False) or getattr(page, "pk", None) is None:
        return None
    user = getattr(request, "user", None)
    version = getattr(request, FRAME_KEY_ATTR, None)
    if user is None or user.is_authenticated or version is None:
        return None
    address = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
    return f"{name}|{version}|{page.pk}|{address}"


def remembered_part(key: str, draw: Callable[[], str]) -> str:
    """The part kept under key, drawn and kept now when this worker has none."""
    html = _parts.get(key)
    if html is None:
        html = draw()
        _parts.put(key, html)
    return html


def connect_signals() -> None:
    from django.db.models.signals import post_delete, post_save
    from wagtail.signals import page_published, page_unpublished, post_page_move

    from .models import SiteSettings
    from .seo.models import SeoSettings

    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(frame_changed, dispatch_uid=f"portal-frame-{signal!r}")
    post_delete.connect(frame_changed, sender=Page, dispatch_uid="portal-frame-page-delete")
    # SEO settings: the default description in every page's head (a frame part).
    for model in (SiteSettings, SeoSettings, Site):
        post_save.connect(frame_changed, sender=model, dispatch_uid=f"portal-frame-{model}")
        post_delete.connect(frame_changed, sender=model, dispatch_uid=f"portal-frame-d{model}")
