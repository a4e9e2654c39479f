"""The head of every page: description, canonical address, Open Graph and Twitter card tags,
titles of their own for filtered views, and noindex on pages that are not for search engines."""

import datetime

import pytest
from wagtail.models import Site

from portal.seo.models import DEFAULT_DESCRIPTION, SeoSettings
from tests.factories import ContentPageFactory
from tests.network.meetings.factories import MeetingIndexPageFactory, MeetingPageFactory, oslo

from .helpers import head


@pytest.mark.django_db
class TestDescription:
    def test_search_description_first(self, client, home_page):
        page = ContentPageFactory(
            parent=home_page, search_description="Søkebeskrivelsen.", intro="Ingressen."
        )
        parsed = head(client.get(page.url))
        assert parsed.meta["description"] == "Søkebeskrivelsen."
        assert parsed.meta["og:description"] == "Søkebeskrivelsen."
        assert parsed.meta["twitter:description"] == "Søkebeskrivelsen."

    def test_then_the_intro_on_one_line_and_shortened(self, client, home_page):
        intro = "Ingressen\nover to linjer. " + "ord " * 60
        page = ContentPageFactory(parent=home_page, search_description="", intro=intro)
        description = head(client.get(page.url)).meta["description"]
        assert description.startswith("Ingressen over to linjer. ord ord")
        assert description.endswith("…")
        assert len(description) < 220

    def test_a_rich_text_intro_as_plain_text(self, client, home_page):
        home_page.intro = "<p>Nettverket for <b>e-helse</b> &amp; velferdsteknologi.</p>"
        home_page.search_description = ""
        home_page.save_revision().publish()
        description = head(client.get("/")).meta["description"]
        assert description == "Nettverket for e-helse & velferdsteknologi."

    def test_then_the_default_which_editors_can_change(self, client, home_page):
        page = ContentPageFactory(parent=home_page, search_description="", intro="")
        assert head(client.get(page.url)).meta["description"] == DEFAULT_DESCRIPTION

        settings = SeoSettings.for_site(Site.objects.get(is_default_site=True))
        settings.default_description = "Ny standardbeskrivelse fra redaktøren."
        settings.save()
        assert head(client.get(page.url)).meta["description"] == (
            "Ny standardbeskrivelse fra redaktøren."
        )

    def test_open_graph_and_twitter_card(self, client, home_page):
        page = ContentPageFactory(parent=home_page, title="Personvern", slug="personvern")
        parsed = head(client.get(page.url))
        assert parsed.meta["og:title"] == "Personvern"
        assert parsed.meta["og:url"] == "http://localhost/personvern/"
        assert parsed.meta["og:site_name"] == "E-helse Nordland"
        assert parsed.meta["og:locale"] == "nb_NO"
        assert parsed.meta["og:image"] == "http://localhost/static/seo/share.png"
        assert parsed.meta["og:image:alt"]
        assert parsed.meta["twitter:card"] == "summary_large_image"
        assert parsed.meta["twitter:image"] == parsed.meta["og:image"]
        assert "robots" not in parsed.meta


@pytest.mark.django_db
class TestFilteredViews:
    @pytest.fixture
    def index(self, home_page):
        index = MeetingIndexPageFactory(parent=home_page)
        for n in range(25):
            MeetingPageFactory(
                parent=index,
                meeting_type="fagdag" if n % 2 else "nettverksmote",
                start=oslo(2030, 1, 1) + datetime.timedelta(days=n),
            )
        return index

    def test_filtered_view_points_at_the_unfiltered_page_and_names_its_filter(self, client, index):
        plain = head(client.get("/moter-og-fagdager/"))
        filtered = head(client.get("/moter-og-fagdager/?type=fagdag&ukjent=1"))
        assert plain.links["canonical"] == "http://localhost/moter-og-fagdager/"
        assert filtered.links["canonical"] == "http://localhost/moter-og-fagdager/"
        assert plain.title == "Møter og fagdager – E-helse Nordland"
        assert filtered.title == "Møter og fagdager: Fagdag – E-helse Nordland"
        assert filtered.meta["og:title"] == "Møter og fagdager: Fagdag"

    def test_a_later_page_keeps_its_number(self, client, index):
        parsed = head(client.get("/moter-og-fagdager/?type=fagdag&side=2"))
        assert parsed.links["canonical"] == "http://localhost/moter-og-fagdager/?side=2"
        assert parsed.title == "Møter og fagdager: Fagdag – side 2 – E-helse Nordland"

    def test_bad_filter_values_give_no_words_and_no_error(self, client, index):
        parsed = head(client.get("/moter-og-fagdager/?type=%3Cscript%3E&side=x"))
        assert parsed.title == "Møter og fagdager – E-helse Nordland"
        assert parsed.links["canonical"] == "http://localhost/moter-og-fagdager/"


@pytest.mark.django_db
def test_views_below_a_page_do_not_borrow_its_description(client, home_page):
    from tests.network.factories import NetworkPageFactory

    network = NetworkPageFactory(parent=home_page, search_description="Om nettverket.")
    assert head(client.get(network.url)).meta["description"] == "Om nettverket."
    contacts = head(client.get(network.url + "kontaktpersoner/"))
    assert contacts.meta["description"] == DEFAULT_DESCRIPTION
    assert contacts.links["canonical"] == f"http://localhost{network.url}kontaktpersoner/"
    assert "og:title" not in contacts.meta  # the page's title is not this view's


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/konto/logg-inn/", "/sok/?q=htm", "/konto/glemt-passord/"])
def test_pages_not_for_search_engines_say_noindex(client, home_page, url):
    parsed = head(client.get(url))
    assert parsed.meta["robots"] == "noindex"
    assert parsed.meta["description"]
