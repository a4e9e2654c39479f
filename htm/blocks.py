"""Blocks of the HTM pages."""

from wagtail import blocks


class ResourceBlock(blocks.StructBlock):
    title = blocks.CharBlock(label="Tittel", max_length=250)
    publisher = blocks.CharBlock(
        label="Utgiver", max_length=120, required=False, help_text="For eksempel KS eller Lovdata."
    )
    url = blocks.URLBlock(label="Adresse")

    class Meta:
        icon = "link-external"
        label = "Ressurs"
        template = "htm/blocks/resource_block.html"
        description = "En lenke til veileder, lov, kurs eller verktøy, med utgiver."
        preview_value = {
            "title": "Lov om behandlingsmåten i forvaltningssaker (forvaltningsloven)",
            "publisher": "Lovdata",
            "url": "https://lovdata.no/dokument/NL/lov/1967-02-10",
        }


def checklist_block(label: str, description: str) -> blocks.StreamBlock:
    """A list of short statements editors can add to, remove and reorder one by one, so
    that the page can show them as a checklist."""
    return blocks.StreamBlock(
        [
            (
                "item",
                blocks.TextBlock(
                    label=label,
                    rows=2,
                    icon="tick",
                    description=description,
                    template="htm/blocks/checklist_item.html",
                ),
            )
        ]
    )
