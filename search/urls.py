"""The search page, included by portal/urls.py."""

from django.urls import path

from . import views

urlpatterns = [path("", views.search, name="search")]
