"""Bokmål in the admin whatever an admin user stored as their language.

The account form offers bokmål only (WAGTAILADMIN_PERMITTED_LANGUAGES), but a profile saved
another way (an import, the shell, an older version) could still hold «en», and Wagtail would
then switch the whole admin to English for that person. Such a language is not kept."""

from django.conf import settings
from django.db.models.signals import pre_save


def permitted_admin_languages() -> set[str]:
    return {code for code, _name in settings.WAGTAILADMIN_PERMITTED_LANGUAGES}


def forget_unpermitted_language(sender, instance, **kwargs):
    if instance.preferred_language and (
        instance.preferred_language not in permitted_admin_languages()
    ):
        instance.preferred_language = ""


def connect_signals():
    from wagtail.users.models import UserProfile

    pre_save.connect(
        forget_unpermitted_language, sender=UserProfile, dispatch_uid="portal_admin_language"
    )
