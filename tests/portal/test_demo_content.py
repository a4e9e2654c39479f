import io

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.management import call_command
from wagtail.models import Page, Site

from home.models import ContentPage, HomePage
from portal.models import SiteSettings


def counts() -> dict[str, int]:
    return {
        model._meta.label: model.objects.count()
        for model in apps.get_models()
        if model._meta.app_label in {"portal", "home", "htm", "network", "wagtailcore"}
        and not model._meta.label.startswith("wagtailcore.ModelLogEntry")
    }


@pytest.mark.django_db
def test_demo_content_twice_leaves_the_same_counts():
    call_command("load_demo_content", stdout=io.StringIO())
    first = counts()
    output = io.StringIO()
    call_command("load_demo_content", stdout=output)
    assert counts() == first
    assert "ingenting endret" in output.getvalue()


@pytest.mark.django_db
def test_demo_content_builds_the_site(client):
    call_command("load_demo_content", stdout=io.StringIO())
    home = HomePage.objects.get()
    assert Site.objects.get(is_default_site=True).root_page.specific == home
    # Wagtail's welcome page is gone: the home page is the only page under the root.
    assert Page.get_first_root_node().get_children().count() == 1
    titles = set(ContentPage.objects.values_list("title", flat=True))
    assert {
        "Om nettverket",
        "Oppdragsbrev",
        "Koordineringsgruppe",
        "Samstyringsstruktur",
        "Personvern",
        "Tilgjengelighetserklæring",
    } <= titles
    oppdragsbrev = ContentPage.objects.get(slug="oppdragsbrev")
    headings = [b.value["text"] for b in oppdragsbrev.body if b.block_type == "heading"]
    assert any("Felles innføring" in h for h in headings)
    assert any("Nettverk e-helse" in h for h in headings)
    samstyring = ContentPage.objects.get(slug="samstyringsstruktur")
    assert "Fag- og prioriteringsutvalg" in str(samstyring.body)

    footer_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    assert footer_settings.contact_email.endswith("@example.org")
    html = client.get("/").content.decode()
    assert 'href="/personvern/">Personvern' in html
    assert 'href="/tilgjengelighetserklaering/">Tilgjengelighetserklæring' in html
    for page in ContentPage.objects.live():
        assert client.get(page.url).status_code == 200, page.url


@pytest.mark.django_db
def test_demo_admin_is_created_once(settings):
    settings.DEBUG = True
    output = io.StringIO()
    call_command("create_demo_admin", stdout=output)
    call_command("create_demo_admin", stdout=output)
    assert get_user_model().objects.filter(is_superuser=True).count() == 1
    assert "brukernavn «admin»" in output.getvalue()


@pytest.mark.django_db
def test_demo_admin_is_refused_outside_development(settings):
    from django.core.management.base import CommandError

    settings.DEBUG = False
    with pytest.raises(CommandError):
        call_command("create_demo_admin", stdout=io.StringIO())
    assert not get_user_model().objects.exists()
