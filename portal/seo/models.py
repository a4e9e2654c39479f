"""The site-wide defaults of what search engines and link previews show, editable under
«Innstillinger» in the admin. Read on every public page, so kept in the cache until saved."""

from django.core.cache import cache
from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

DEFAULT_DESCRIPTION = (
    "E-helse Nordland er nettverket der kommunene i Nordland samarbeider om velferdsteknologi "
    "og e-helse: Helhetlig tjenestemodell, nasjonale innføringsløp, møter og fagdager."
)
CACHE_KEY = "seo:settings:{site_id}"


@register_setting(icon="search")
class SeoSettings(BaseSiteSetting):
    default_description = models.TextField(
        "standardbeskrivelse",
        max_length=300,
        default=DEFAULT_DESCRIPTION,
        help_text="Vises i søkemotorer og når en side deles, for sider uten egen "
        "søkebeskrivelse eller ingress. Best med 120–160 tegn.",
    )

    panels = [FieldPanel("default_description")]

    class Meta:
        verbose_name = "søk og deling"
        verbose_name_plural = "søk og deling"


def default_description(site) -> str:
    """The site's default description, from the cache (no query on a warm cache)."""
    if site is None:
        return DEFAULT_DESCRIPTION
    key = CACHE_KEY.format(site_id=site.pk)
    value = cache.get(key)
    if value is None:
        stored = (
            SeoSettings.objects.filter(site=site)
            .values_list("default_description", flat=True)
            .first()
        )
        value = stored or DEFAULT_DESCRIPTION
        cache.set(key, value, None)
    return value


def forget_settings(sender, instance, **kwargs) -> None:
    cache.delete(CACHE_KEY.format(site_id=instance.site_id))


def connect_signals() -> None:
    from django.db.models.signals import post_delete, post_save

    post_save.connect(forget_settings, sender=SeoSettings, dispatch_uid="seo-settings-save")
    post_delete.connect(forget_settings, sender=SeoSettings, dispatch_uid="seo-settings-delete")
