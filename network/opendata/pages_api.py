"""Wagtail's own API v2 for the public pages (live, public pages only; members-only pages and
drafts are never listed), rate-limited as the rest of the open data."""

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet

from .throttles import OpenDataThrottle


class PublicPagesAPIViewSet(PagesAPIViewSet):
    authentication_classes = []
    throttle_classes = [OpenDataThrottle]


router = WagtailAPIRouter("wagtailapi")
router.register_endpoint("sider", PublicPagesAPIViewSet)
