"""Small factories for the test suite (factory_boy + wagtail-factories)."""

import factory
import wagtail_factories

from home.models import ContentPage, HomePage


class HomePageFactory(wagtail_factories.PageFactory):
    title = "E-helse Nordland"
    slug = "forside"
    intro_heading = "Sammen om e-helse i Nordland"
    intro = "<p>Det regionale nettverket for e-helse og velferdsteknologi.</p>"

    class Meta:
        model = HomePage


class ContentPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Innholdsside {n}")
    slug = factory.Sequence(lambda n: f"innholdsside-{n}")
    intro = "En kort ingress."
    show_in_menus = True

    class Meta:
        model = ContentPage
