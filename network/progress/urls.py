"""The progress room's URLs (included by network/urls.py)."""

from django.urls import path

from . import views

urlpatterns = [
    path(
        "fremdrift/moter/<int:meeting_id>/storskjerm/",
        views.projector_view,
        name="progress_projector",
    ),
    path("fremdrift/diagram/htm-puljer.svg", views.cohort_chart_view, name="progress_cohort_chart"),
    path(
        "fremdrift/diagram/innforingslop/<int:rollout_id>.svg",
        views.rollout_chart_view,
        name="progress_rollout_chart",
    ),
    path(
        "fremdrift/diagram/kommune/<slug:slug>.svg",
        views.municipality_chart_view,
        name="progress_municipality_chart",
    ),
    path(
        "min-kommune/<slug:slug>/rapport/",
        views.municipality_report_view,
        name="progress_municipality_report",
    ),
    path("fremdrift/rapport/", views.region_report_view, name="progress_region_report"),
]
