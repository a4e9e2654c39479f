"""The follow room's URLs on the public site (included by network/urls.py)."""

from django.urls import path

from . import views

urlpatterns = [
    path("folg/", views.follow_view, name="follow"),
    path("folg/bekreft/<str:token>/", views.confirm_view, name="follow_confirm"),
    path("folg/avslutt/<str:token>/", views.unsubscribe_view, name="follow_unsubscribe"),
    path("folg/<int:pk>/slutt/", views.unfollow_view, name="follow_remove"),
    path("folg/<int:pk>/hyppighet/", views.frequency_view, name="follow_frequency"),
    path("pamelding/<str:token>/", views.registration_view, name="registration_manage"),
]
