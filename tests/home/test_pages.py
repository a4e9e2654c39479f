import pytest
from django.core.exceptions import ValidationError
from wagtail.blocks import StructBlockValidationError
from wagtail.documents import get_document_model
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from home.models import ContentPage, HomePage
from htm.models import HtmModelPage
from portal.blocks import ImageBlock, LinkBlock
from tests.factories import ContentPageFactory, HomePageFactory
from tests.utils import count_queries


class TestTreeRules(WagtailPageTestCase):
    def test_home_page_only_under_root(self):
        from wagtail.models import Page

        self.assertAllowedParentPageTypes(HomePage, {Page})

    def test_home_page_children(self):
        from network.models import (
            MeetingIndexPage,
            NetworkPage,
            ProjectIndexPage,
            RolloutIndexPage,
        )

        self.assertAllowedSubpageTypes(
            HomePage,
            {
                ContentPage,
                HtmModelPage,
                NetworkPage,
                RolloutIndexPage,
                ProjectIndexPage,
                MeetingIndexPage,
            },
        )

    def test_content_page_parents_and_children(self):
        self.assertAllowedParentPageTypes(ContentPage, {HomePage, ContentPage})
        self.assertAllowedSubpageTypes(ContentPage, {ContentPage})

    def test_only_one_home_page(self):
        from wagtail.models import Page

        root = Page.get_first_root_node()
        self.assertCanCreateAt(Page, HomePage)
        HomePageFactory(parent=root)
        self.assertFalse(HomePage.can_create_at(root))

    def test_editor_can_create_content_page_with_blocks(self):
        from wagtail.models import Page

        self.login()
        home = HomePageFactory(parent=Page.get_first_root_node())
        self.assertCanCreate(
            home,
            ContentPage,
            nested_form_data(
                {
                    "title": "Om nettverket",
                    "slug": "om-nettverket",
                    "intro": "Kort om nettverket.",
                    "body": streamfield(
                        [
                            ("heading", {"text": "Hvem er med", "level": "h2"}),
                            ("paragraph", rich_text("<p>Alle 41 kommunene.</p>")),
                        ]
                    ),
                    "tags": "",
                }
            ),
        )
        page = ContentPage.objects.get(slug="om-nettverket")
        # The blocks really were saved: the names exist in the StreamField.
        self.assertEqual([block.block_type for block in page.body], ["heading", "paragraph"])


@pytest.mark.django_db
class TestRendering:
    def test_home_page_renders_intro_and_featured_links(self, client, home_page):
        target = ContentPageFactory(parent=home_page, title="Om nettverket", slug="om")
        home_page.featured_links = [
            ("link", {"title": "", "page": target, "url": "", "description": "Alt om oss."})
        ]
        home_page.save_revision().publish()
        response = client.get("/")
        html = response.content.decode()
        assert response.status_code == 200
        assert '<html lang="nb"' in html
        assert "Sammen om e-helse i Nordland" in html
        assert 'href="/om/"' in html and "Alt om oss." in html

    def test_content_page_renders_every_block(self, client, home_page):
        image = Image.objects.create(title="Kart", file=get_test_image_file())
        document = get_document_model().objects.create(title="Oppdragsbrev 2026")
        document.file.save("oppdragsbrev.pdf", __import__("io").BytesIO(b"%PDF-1.4 test"))
        page = ContentPageFactory(
            parent=home_page,
            title="Oppdragsbrev",
            slug="oppdragsbrev",
            body=[
                ("heading", {"text": "Felles innføring", "level": "h2"}),
                ("paragraph", "<p>Kommunene innfører <b>sammen</b>.</p>"),
                ("image", {"image": image, "alt_text": "Kart over Nordland", "caption": "Kart"}),
                ("callout", {"variant": "warning", "title": "Frist", "text": "<p>1. mars</p>"}),
                (
                    "links",
                    {
                        "heading": "Les mer",
                        "links": [{"title": "KS", "url": "https://www.ks.no/", "page": None}],
                    },
                ),
                ("documents", {"heading": "Dokumenter", "documents": [document]}),
                (
                    "table",
                    {
                        "data": [["Kommune", "Pulje"], ["Vega", "1"]],
                        "first_row_is_table_header": True,
                        "first_col_is_header": False,
                        "table_caption": "Puljer",
                    },
                ),
            ],
        )
        response = client.get(page.url)
        html = response.content.decode()
        assert response.status_code == 200
        assert "<h2" in html and "Felles innføring" in html
        assert "<b>sammen</b>" in html
        assert 'alt="Kart over Nordland"' in html
        assert 'data-color="warning"' in html and "Frist" in html
        assert 'href="https://www.ks.no/"' in html and "(eksternt nettsted)" in html
        assert "Oppdragsbrev 2026" in html and "(PDF" in html
        assert "<caption>Puljer</caption>" in html and '<th scope="col"' in html

    def test_breadcrumbs_show_the_way_home(self, client, home_page):
        parent = ContentPageFactory(parent=home_page, title="Om nettverket", slug="om")
        child = ContentPageFactory(parent=parent, title="Oppdragsbrev", slug="oppdragsbrev")
        html = client.get(child.url).content.decode()
        crumbs = html[html.index('aria-label="Brødsmulesti"') :]
        crumbs = crumbs[: crumbs.index("</nav>")]
        assert crumbs.index("Forside") < crumbs.index("Om nettverket") < crumbs.index("Oppdrag")
        assert 'aria-current="page">Oppdragsbrev' in crumbs

    def test_main_navigation_comes_from_the_tree(self, client, home_page):
        ContentPageFactory(parent=home_page, title="Om nettverket", slug="om")
        ContentPageFactory(parent=home_page, title="Skjult", slug="skjult", show_in_menus=False)
        html = client.get("/").content.decode()
        nav = html[html.index('aria-label="Hovedmeny"') :]
        nav = nav[: nav.index("</nav>")]
        assert "Om nettverket" in nav and "Skjult" not in nav

    def test_content_page_queries_do_not_grow_with_content(self, client, home_page):
        page = ContentPageFactory(parent=home_page, title="Om nettverket", slug="om")
        page.tags.add("nettverk")
        page.save()
        small = count_queries(client, page.url)
        for n in range(10):
            ContentPageFactory(parent=home_page)  # more menu items
            ContentPageFactory(parent=page)  # more children
            page.tags.add(f"emne-{n}")
        page.save()
        large = count_queries(client, page.url)
        assert small == large
        assert large <= 12

    def test_home_page_queries_do_not_grow_with_menu(self, client, home_page):
        small = count_queries(client, "/")
        for _ in range(10):
            ContentPageFactory(parent=home_page)
        assert count_queries(client, "/") == small


@pytest.mark.django_db
class TestLinkBlock:
    def test_page_or_url_but_not_both(self, home_page):
        block = LinkBlock()
        value = block.to_python({"page": home_page.pk, "url": "https://www.ks.no/"})
        with pytest.raises(StructBlockValidationError) as both:
            block.clean(value)
        assert "ikke begge" in str(both.value.block_errors["url"])

    def test_neither_is_refused(self):
        block = LinkBlock()
        with pytest.raises(StructBlockValidationError) as neither:
            block.clean(block.to_python({"title": "Tom"}))
        assert "Velg en side" in str(neither.value.block_errors["page"])

    def test_external_link_needs_text(self):
        block = LinkBlock()
        with pytest.raises(StructBlockValidationError) as error:
            block.clean(block.to_python({"url": "https://www.ks.no/"}))
        assert "lenketekst" in str(error.value.block_errors["title"])

    def test_valid_external_link(self):
        block = LinkBlock()
        value = block.clean(block.to_python({"title": "KS", "url": "https://www.ks.no/"}))
        assert value.href == "https://www.ks.no/" and value.is_external


@pytest.mark.django_db
def test_image_block_requires_alt_text():
    block = ImageBlock()
    image = Image.objects.create(title="Kart", file=get_test_image_file())
    with pytest.raises((StructBlockValidationError, ValidationError)):
        block.clean(block.to_python({"image": image.pk, "alt_text": "", "caption": ""}))
