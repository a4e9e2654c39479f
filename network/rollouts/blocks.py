"""StreamField blocks of the rollout pages: how the shared rollout is run, and resources."""

from wagtail import blocks

from network.choices import MeetingFormat
from portal.blocks import DocumentListBlock, LinkListBlock, RichTextBlock


class MeetingFormatValue(blocks.StructValue):
    @property
    def format_label(self) -> str:
        return MeetingFormat(self.get("format")).label if self.get("format") else ""


class MeetingFormatBlock(blocks.StructBlock):
    """One of the meeting forms of a shared rollout, e.g. national theme meetings."""

    format = blocks.ChoiceBlock(label="Møteform", choices=MeetingFormat.choices)
    heading = blocks.CharBlock(
        label="Overskrift",
        required=False,
        max_length=150,
        help_text="Tom overskrift bruker navnet på møteformen.",
    )
    who = blocks.CharBlock(
        label="Hvem deltar",
        required=False,
        max_length=250,
        help_text="For eksempel «Alle i de lokale arbeidsgruppene».",
    )
    points = blocks.ListBlock(
        blocks.CharBlock(label="Punkt", max_length=250), label="Hva skjer", min_num=1
    )

    class Meta:
        icon = "group"
        label = "Møteform"
        value_class = MeetingFormatValue
        template = "network/rollouts/blocks/meeting_format_block.html"
        description = "Hvordan en møteform i det felles innføringsløpet foregår."
        preview_value = {
            "format": MeetingFormat.REGIONAL_WORK,
            "heading": "",
            "who": "Regional innføringsleder og de lokale arbeidsgruppene",
            "points": ["Status i hver kommune", "Erfaringsdeling og spørsmål"],
        }


class RolloutProcessBlock(blocks.StreamBlock):
    meeting_format = MeetingFormatBlock()
    paragraph = RichTextBlock()


class ResourcesBlock(blocks.StreamBlock):
    links = LinkListBlock()
    documents = DocumentListBlock()
