"""Addresses for search engines and browsers at the site's root (included by portal/urls.py
before Wagtail's pages)."""

from django.urls import path
from wagtail.contrib.sitemaps.views import sitemap

from . import views

urlpatterns = [
    # Wagtail's sitemap: live pages without a view restriction, with their last publication.
    path("sitemap.xml", sitemap, name="sitemap"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("favicon.ico", views.favicon_ico, name="favicon"),
    path("manifest.webmanifest", views.web_manifest, name="web_manifest"),
]
