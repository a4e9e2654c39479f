"""Mounted at /admin/2fa/ by portal/urls.py, before the Wagtail admin."""

from django.urls import path

from . import views

app_name = "twofactor"

urlpatterns = [
    path("", views.devices_view, name="devices"),
    path("bekreft/", views.verify_view, name="verify"),
    path("oppsett/", views.setup_view, name="setup"),
    path("reservekoder/", views.recovery_codes_view, name="recovery_codes"),
    path("tilbakestill/<int:user_id>/", views.reset_user_view, name="reset_user"),
]
