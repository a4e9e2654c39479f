"""The members' URLs on the public site (included by network/urls.py): accounts, marks and
Min kommune."""

from django.urls import path

from .views import accounts, dashboard, marks, privacy

urlpatterns = [
    # Accounts
    path("konto/logg-inn/", accounts.LoginView.as_view(), name="accounts_login"),
    path("konto/logg-ut/", accounts.LogoutView.as_view(), name="accounts_logout"),
    path(
        "konto/glemt-passord/",
        accounts.PasswordResetView.as_view(),
        name="accounts_password_reset",
    ),
    path(
        "konto/glemt-passord/sendt/",
        accounts.PasswordResetDoneView.as_view(),
        name="accounts_password_reset_done",
    ),
    path(
        "konto/nytt-passord/<uidb64>/<token>/",
        accounts.PasswordResetConfirmView.as_view(),
        name="accounts_password_reset_confirm",
    ),
    path(
        "konto/velkommen/<uidb64>/<token>/",
        accounts.InvitationConfirmView.as_view(),
        name="accounts_invitation",
    ),
    path(
        "konto/nytt-passord/ferdig/",
        accounts.PasswordResetCompleteView.as_view(),
        name="accounts_password_reset_complete",
    ),
    path(
        "konto/endre-passord/",
        accounts.PasswordChangeView.as_view(),
        name="accounts_password_change",
    ),
    path(
        "konto/endre-passord/ferdig/",
        accounts.PasswordChangeDoneView.as_view(),
        name="accounts_password_change_done",
    ),
    # Mine data: what the portal holds about the member, and deleting the account
    path("konto/mine-data/", privacy.my_data_view, name="privacy_my_data"),
    path(
        "konto/mine-data/last-ned/",
        privacy.my_data_download_view,
        name="privacy_my_data_download",
    ),
    path("konto/slett-konto/", privacy.delete_account_view, name="privacy_delete_account"),
    path(
        "konto/slett-konto/ferdig/",
        privacy.account_deleted_view,
        name="privacy_account_deleted",
    ),
    # Relevant for oss
    path("relevant/side/<int:page_id>/", marks.mark_page_view, name="marks_page"),
    path("relevant/dokument/<int:document_id>/", marks.mark_document_view, name="marks_document"),
    path("relevant/<int:mark_id>/fjern/", marks.remove_mark_view, name="marks_remove"),
    # Min kommune
    path("min-kommune/", dashboard.choose_view, name="min_kommune"),
    path("min-kommune/<slug:slug>/", dashboard.dashboard_view, name="min_kommune_dashboard"),
    path(
        "min-kommune/<slug:slug>/emneord/<str:tag>/",
        marks.tag_view,
        name="marks_tag",
    ),
]
