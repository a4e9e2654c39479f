"""The JSON endpoints alone: the OpenAPI document is generated from this URLconf, so it
describes exactly these (Wagtail's pages API has its own conventions and is described on
the open data page)."""

from django.urls import path

from . import views

urlpatterns = [
    path(f"api/v1/{route}/", view.as_view(), name=f"opendata_{route.replace('/', '_')}")
    for route, view, _title in views.ENDPOINTS
]
