"""The public address the feedback form posts to (included by portal/urls.py)."""

from django.urls import path

from . import views

urlpatterns = [
    path("tilbakemelding/", views.submit_view, name="page_feedback"),
]
