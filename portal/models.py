"""Site-wide configuration edited in the Wagtail admin (Innstillinger)."""

from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    contact_name = models.CharField("navn på regional kontaktperson", max_length=120, blank=True)
    contact_title = models.CharField(
        "tittel", max_length=120, blank=True, default="Regional kontaktperson e-helse"
    )
    contact_email = models.EmailField("e-post", blank=True)
    contact_phone = models.CharField("telefon", max_length=40, blank=True)
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name="personvernerklæring",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Siden bunnteksten lenker til som «Personvern».",
    )
    accessibility_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name="tilgjengelighetserklæring",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Siden bunnteksten lenker til som «Tilgjengelighetserklæring».",
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("contact_name"),
                FieldPanel("contact_title"),
                FieldPanel("contact_email"),
                FieldPanel("contact_phone"),
            ],
            heading="Regional kontakt i bunnteksten",
        ),
        MultiFieldPanel(
            [FieldPanel("privacy_page"), FieldPanel("accessibility_page")],
            heading="Lenker i bunnteksten",
        ),
    ]

    class Meta:
        verbose_name = "nettstedsinnstillinger"
        verbose_name_plural = "nettstedsinnstillinger"
