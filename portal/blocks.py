"""StreamField blocks shared by every page type."""

from django.forms.utils import ErrorList
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label="Tekst", max_length=200)
    level = blocks.ChoiceBlock(
        label="Nivå",
        choices=[("h2", "Overskrift 2"), ("h3", "Overskrift 3"), ("h4", "Overskrift 4")],
        default="h2",
        help_text="Bruk nivåene i rekkefølge: 2 under sidetittelen, 3 under en 2-er.",
    )

    class Meta:
        icon = "title"
        label = "Overskrift"
        template = "portal/blocks/heading_block.html"
        description = "En mellomoverskrift som deler opp teksten."
        preview_value = {"text": "Slik kommer dere i gang", "level": "h2"}


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label="Bilde")
    alt_text = blocks.CharBlock(
        label="Alternativ tekst",
        max_length=250,
        help_text="Beskriv hva bildet viser for dem som ikke ser det. Påkrevd (WCAG 1.1.1).",
    )
    caption = blocks.CharBlock(label="Bildetekst", required=False, max_length=250)

    class Meta:
        icon = "image"
        label = "Bilde"
        template = "portal/blocks/image_block.html"
        description = "Et bilde med alternativ tekst og valgfri bildetekst."


class CalloutBlock(blocks.StructBlock):
    variant = blocks.ChoiceBlock(
        label="Type",
        choices=[
            ("info", "Informasjon"),
            ("success", "Godt tips"),
            ("warning", "Viktig"),
            ("danger", "Advarsel"),
        ],
        default="info",
    )
    title = blocks.CharBlock(label="Tittel", required=False, max_length=150)
    text = blocks.RichTextBlock(label="Tekst", features=["bold", "italic", "link", "ul"])

    class Meta:
        icon = "warning"
        label = "Faktaboks"
        template = "portal/blocks/callout_block.html"
        description = "En uthevet boks for det leseren ikke må gå glipp av."
        preview_value = {
            "variant": "info",
            "title": "Husk",
            "text": "<p>Påmeldingsfristen er en uke før møtet.</p>",
        }


class LinkStructValue(blocks.StructValue):
    """The href and text of a link that is either an internal page or an external URL."""

    @property
    def href(self) -> str:
        page = self.get("page")
        if page is not None:
            return page.url or ""
        return self.get("url") or ""

    @property
    def text(self) -> str:
        page = self.get("page")
        return self.get("title") or (page.title if page is not None else self.get("url", ""))

    @property
    def is_external(self) -> bool:
        return self.get("page") is None and bool(self.get("url"))


class LinkBlock(blocks.StructBlock):
    """A link to a page on the portal or to a URL elsewhere, never both."""

    title = blocks.CharBlock(
        label="Lenketekst",
        required=False,
        max_length=200,
        help_text="Tom lenketekst bruker sidens tittel. Påkrevd for eksterne lenker.",
    )
    page = blocks.PageChooserBlock(label="Side på portalen", required=False)
    url = blocks.URLBlock(label="Ekstern adresse", required=False)

    def clean(self, value):
        value = super().clean(value)
        errors = {}
        has_page, has_url = value.get("page") is not None, bool(value.get("url"))
        if has_page and has_url:
            message = "Velg enten en side eller en ekstern adresse, ikke begge."
            errors["page"] = ErrorList([message])
            errors["url"] = ErrorList([message])
        elif not has_page and not has_url:
            errors["page"] = ErrorList(["Velg en side eller skriv inn en ekstern adresse."])
        elif has_url and not value.get("title"):
            errors["title"] = ErrorList(["Eksterne lenker trenger en lenketekst."])
        if errors:
            raise blocks.StructBlockValidationError(block_errors=errors)
        return value

    class Meta:
        icon = "link"
        label = "Lenke"
        value_class = LinkStructValue
        template = "portal/blocks/link_block.html"
        form_classname = "link-block"


class LinkListBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label="Overskrift", required=False, max_length=150)
    links = blocks.ListBlock(LinkBlock(), label="Lenker", min_num=1)

    class Meta:
        icon = "list-ul"
        label = "Lenkeliste"
        template = "portal/blocks/link_list_block.html"
        description = "En liste med lenker til sider på portalen eller andre nettsteder."
        preview_value = {
            "heading": "Les mer",
            "links": [{"title": "KS: Helhetlig tjenestemodell", "url": "https://www.ks.no/"}],
        }


class DocumentListBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label="Overskrift", required=False, max_length=150)
    documents = blocks.ListBlock(DocumentChooserBlock(label="Dokument"), label="Dokumenter")

    class Meta:
        icon = "doc-full"
        label = "Dokumentliste"
        template = "portal/blocks/document_list_block.html"
        description = "Dokumenter fra dokumentbiblioteket, med filtype og størrelse."


class TableStreamBlock(TableBlock):
    class Meta:
        icon = "table"
        label = "Tabell"
        description = "En enkel tabell. Marker første rad som overskrift og gi tabellen en tittel."


class RichTextBlock(blocks.RichTextBlock):
    class Meta:
        icon = "pilcrow"
        label = "Tekst"
        template = "portal/blocks/rich_text_block.html"
        description = "Vanlig brødtekst med lenker og lister."
        preview_value = "<p>Nettverket samler kommunene i Nordland om e-helse.</p>"


class BodyStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = RichTextBlock()
    image = ImageBlock()
    callout = CalloutBlock()
    links = LinkListBlock()
    documents = DocumentListBlock()
    table = TableStreamBlock()
