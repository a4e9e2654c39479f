"""Abstract mixins shared by page types of every app, each bringing its own panels."""

from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.search import index


class IntroMixin(models.Model):
    """A short lead paragraph under the title."""

    intro = models.TextField("ingress", blank=True, help_text="Én eller to setninger.")

    panels = [FieldPanel("intro")]
    search_fields = [index.SearchField("intro")]

    class Meta:
        abstract = True
