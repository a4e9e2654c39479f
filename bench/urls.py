"""The portal's URLs with the benchmark's baseline view in front (bench/settings.py)."""

from django.urls import path

from portal.urls import handler400, handler403, handler500
from portal.urls import urlpatterns as portal_urlpatterns

from .views import BASELINE_PATH, baseline

urlpatterns = [path(BASELINE_PATH.strip("/") + "/", baseline), *portal_urlpatterns]

__all__ = ["handler400", "handler403", "handler500", "urlpatterns"]
