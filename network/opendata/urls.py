"""The open data URLs (included by network/urls.py)."""

from django.urls import path
from drf_spectacular.views import SpectacularJSONAPIView

from . import api_urls, views
from .pages_api import router

urlpatterns = [
    *api_urls.urlpatterns,
    path(
        "api/v1/openapi.json",
        SpectacularJSONAPIView.as_view(urlconf="network.opendata.api_urls"),
        name="opendata_schema",
    ),
    path("api/v2/", router.urls),
    path("apne-data/", views.index_view, name="opendata"),
    path("apne-data/<slug:name>.csv", views.csv_view, name="opendata_csv"),
]
