"""StreamField blocks of meeting pages: the programme and the materials."""

from django.core.exceptions import ValidationError
from django.utils.functional import cached_property
from wagtail import blocks
from wagtail.blocks import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock

from .materials import is_restricted_document

# Meeting materials are presentations, handouts and spreadsheets.
MATERIAL_EXTENSIONS = {"pdf", "pptx", "docx", "xlsx"}


class MaterialValue(blocks.StructValue):
    @property
    def display_title(self) -> str:
        document = self.get("document")
        return self.get("title") or (document.title if document else "")

    @cached_property
    def extension(self) -> str:
        document = self.get("document")
        return document.file_extension.lower() if document else ""


class MaterialBlock(blocks.StructBlock):
    """A file from the meeting: the document, its title, who presented it, and who may read it."""

    document = DocumentChooserBlock(label="Dokument")
    title = blocks.CharBlock(
        label="Tittel",
        required=False,
        max_length=200,
        help_text="Tom tittel bruker dokumentets tittel.",
    )
    presenter = SnippetChooserBlock("network.ContactPerson", label="Innleder", required=False)
    members_only = blocks.BooleanBlock(
        label="Bare for nettverksmedlemmer",
        required=False,
        help_text="Dokumentet flyttes til samlingen «Materiell for nettverksmedlemmer» når "
        "siden publiseres, og kan da bare lastes ned av innloggede medlemmer.",
    )

    class Meta:
        icon = "doc-full"
        label = "Materiell"
        value_class = MaterialValue
        template = "network/meetings/blocks/material_block.html"
        description = "En presentasjon eller et dokument fra møtet (PDF, PPTX, DOCX eller XLSX)."
        preview_value = {"title": "Presentasjon fra fagdagen", "members_only": False}

    def clean(self, value):
        value = super().clean(value)
        document = value.get("document")
        errors = {}
        if document is not None:
            if document.file_extension.lower() not in MATERIAL_EXTENSIONS:
                errors["document"] = ValidationError(
                    "Møtemateriell må være PDF, PPTX, DOCX eller XLSX."
                )
            elif not value.get("members_only") and is_restricted_document(document):
                # Never make a members-only file public by unticking a box: the editor
                # moves it out of the members' collection on purpose, or keeps it there.
                errors["members_only"] = ValidationError(
                    "Dokumentet ligger i en samling som krever innlogging. Kryss av for «Bare "
                    "for nettverksmedlemmer», eller flytt dokumentet til en åpen samling."
                )
        if errors:
            raise StructBlockValidationError(block_errors=errors)
        return value


class ProgrammeItemValue(blocks.StructValue):
    @property
    def time_range(self) -> tuple:
        return self.get("start_time"), self.get("end_time")


class ProgrammeItemBlock(blocks.StructBlock):
    start_time = blocks.TimeBlock(label="Fra kl.", format="%H:%M")
    end_time = blocks.TimeBlock(label="Til kl.", required=False, format="%H:%M")
    title = blocks.CharBlock(label="Tittel", max_length=200)
    description = blocks.TextBlock(label="Kort beskrivelse", required=False)
    presenters = blocks.ListBlock(
        SnippetChooserBlock("network.ContactPerson", label="Innleder"),
        label="Innledere",
        default=[],
        help_text="Velg blant kontaktpersonene. Navnet vises offentlig bare for personer som "
        "har samtykket til publisering; ellers vises rollen.",
    )
    materials = blocks.ListBlock(MaterialBlock(), label="Materiell til punktet", default=[])

    class Meta:
        icon = "time"
        label = "Programpunkt"
        value_class = ProgrammeItemValue
        description = "Et punkt i programmet: tid, tittel, innledere og materiell."
        preview_value = {
            "start_time": "09:30",
            "end_time": "10:15",
            "title": "Helhetlig tjenestemodell i Nordland",
            "description": "Status og veien videre.",
            "presenters": [],
            "materials": [],
        }

    def clean(self, value):
        value = super().clean(value)
        start, end = value.get("start_time"), value.get("end_time")
        if start and end and end <= start:
            raise StructBlockValidationError(
                block_errors={"end_time": ValidationError("Sluttiden må være etter starttiden.")}
            )
        return value


class ProgrammeBlock(blocks.StreamBlock):
    item = ProgrammeItemBlock()


class MaterialsBlock(blocks.StreamBlock):
    material = MaterialBlock()
