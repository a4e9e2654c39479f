from wagtail import blocks

from portal.blocks import LinkBlock


class FeaturedLinkBlock(LinkBlock):
    description = blocks.TextBlock(label="Beskrivelse", required=False, max_length=300)

    class Meta:
        icon = "pick"
        label = "Fremhevet lenke"
        template = "home/blocks/featured_link_block.html"
        description = "Et kort på forsiden som leder videre til en viktig side."
