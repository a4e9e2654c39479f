"""StreamField blocks of the network's own pages: governance links and working group meetings."""

from wagtail import blocks

from portal.blocks import LinkBlock


class GovernanceBlock(blocks.StreamBlock):
    link = LinkBlock()


class WorkingGroupMeetingBlock(blocks.StructBlock):
    date = blocks.DateBlock(label="Dato")
    title = blocks.CharBlock(label="Tittel", max_length=200)
    summary = blocks.TextBlock(label="Kort referat eller agenda", required=False)

    class Meta:
        icon = "date"
        label = "Møte"
        template = "network/organisation/blocks/working_group_meeting_block.html"
        description = "Et møte i arbeidsgruppen, med dato og kort referat."
        preview_value = {
            "date": "2026-02-10",
            "title": "Oppstartsmøte",
            "summary": "Mandat og møteplan ble vedtatt.",
        }
