"""The members' status pages (included by network/urls.py)."""

from django.urls import path

from . import views

urlpatterns = [
    path(
        "min-kommune/<slug:slug>/innforingslop/<int:rollout_id>/",
        views.rollout_status_view,
        name="min_kommune_rollout_status",
    ),
    path("min-kommune/<slug:slug>/htm-status/", views.sheet_view, name="task_status_sheet"),
    path(
        "min-kommune/<slug:slug>/htm-status/historikk/",
        views.history_view,
        name="task_status_history",
    ),
    path("htm-status/", views.overview_view, name="task_status_overview"),
    path("htm-status/csv/", views.overview_csv_view, name="task_status_csv"),
    path("htm-status/xlsx/", views.overview_xlsx_view, name="task_status_xlsx"),
]
