from django.conf import settings
from django.contrib import admin
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls

from portal.health import HealthView
from portal.views import security_txt

# Norwegian error pages in the site frame (portal/views.py).
handler400 = "portal.views.bad_request"
handler403 = "portal.views.permission_denied"
handler500 = "portal.views.server_error"

urlpatterns = [
    path("helse/", HealthView.as_view(), name="health"),
    path(".well-known/security.txt", security_txt, name="security_txt"),
    path("django-admin/", admin.site.urls),
    # Two-factor pages, before the Wagtail admin whose catch-all would take them.
    path("admin/2fa/", include("portal.twofactor.urls")),
    path("admin/", include(wagtailadmin_urls)),
    # Documents: Wagtail's serve view, with no-store on members-only files.
    path("dokumenter/", include("portal.documents")),
    path("sok/", include("search.urls")),
    # «Var denne siden nyttig?»: the answers from the foot of every page.
    path("", include("portal.feedback.urls")),
    # /sitemap.xml, /robots.txt, /favicon.ico and the web manifest.
    path("", include("portal.seo.urls")),
    path("", include("network.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [path("", include(wagtail_urls))]
