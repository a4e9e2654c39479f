"""Real small PDF, PPTX and DOCX files, documents made from them, and a small site to search."""

import io

import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import BaseViewRestriction, Collection, CollectionViewRestriction

from tests.factories import ContentPageFactory
from tests.htm.factories import (
    HtmModelPageFactory,
    PhasePageFactory,
    TaskAreaPageFactory,
    TaskGroupPageFactory,
)
from tests.network.helpers import make_member


def pdf_bytes(*lines: str) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    y = 800
    for line in lines:
        pdf.drawString(72, y, line)
        y -= 20
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def encrypted_pdf_bytes(text: str, password: str = "hemmelig") -> bytes:  # noqa: S107
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf_bytes(text))))
    writer.encrypt(user_password=password, owner_password="eier")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def pptx_bytes(*slides: str, notes: str = "") -> bytes:
    from pptx import Presentation
    from pptx.util import Inches

    presentation = Presentation()
    for text in slides:
        slide = presentation.slides.add_slide(presentation.slide_layouts[5])
        slide.shapes.title.text = "Lysark"
        box = slide.shapes.add_textbox(Inches(1), Inches(2), Inches(6), Inches(2))
        box.text_frame.text = text
        if notes:
            slide.notes_slide.notes_text_frame.text = notes
    buffer = io.BytesIO()
    presentation.save(buffer)
    return buffer.getvalue()


def docx_bytes(*paragraphs: str, table_cell: str = "") -> bytes:
    import docx

    document = docx.Document()
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    if table_cell:
        document.add_table(rows=1, cols=1).cell(0, 0).text = table_cell
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


@pytest.fixture
def make_document(db, django_capture_on_commit_callbacks):
    """Create a document from bytes as an upload would, running the extraction task that
    is queued for after the commit."""

    def make(title: str, content: bytes, filename: str, collection=None):
        Document = get_document_model()
        with django_capture_on_commit_callbacks(execute=True):
            document = Document(
                title=title,
                file=ContentFile(content, name=filename),
                collection=collection or Collection.get_first_root_node(),
            )
            document._set_document_file_metadata()
            document.save()
        document.refresh_from_db()
        return document

    return make


@pytest.fixture
def member_collection(db):
    collection = Collection.get_first_root_node().add_child(name="Kun for medlemmer")
    CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=BaseViewRestriction.LOGIN
    )
    return collection


def make_network_member(django_user_model, username="medlem"):
    """A user the network app counts as a member: with a membership in a municipality."""
    return make_member(username)


@pytest.fixture
def member(django_user_model):
    return make_network_member(django_user_model)


@pytest.fixture
def site_content(home_page):
    """A small HTM model and a content page with words to search for."""
    model = HtmModelPageFactory(parent=home_page)
    phase = PhasePageFactory(
        parent=model,
        number=2,
        title="Iverksette",
        slug="iverksette",
        workshop_task="Lede og gjennomføre opplæring for ansatte",
        intro="Opplæring av ansatte i bruk av velferdsteknologi.",
    )
    group = TaskGroupPageFactory(parent=model, number=1, title="Vedlikehold og videreutvikling")
    area = TaskAreaPageFactory(
        parent=group,
        number=1,
        title="Tildeling",
        slug="tildeling",
        workshop_task="Vedlikeholde tildelingskriterier",
        intro="Kommunen har oppdaterte Tildelingskriterier for velferdsteknologi.",
    )
    about = ContentPageFactory(
        parent=home_page,
        title="Om nettverket",
        slug="om-nettverket",
        intro="Nettverket samler kommunene i Nordland om velferdsteknologi.",
    )
    return {"model": model, "phase": phase, "group": group, "area": area, "about": about}


# Pages for comparing the search's scores with Wagtail's own (test_postgres_rank.py,
# test_sqlite_rank.py): the words in titles and bodies, once, several times and not at all,
# and one draft that must never be found.
RANKED_TEXTS = {
    "Kjernejournal": "Kjernejournal for kommunene. KJ gir tilgang.",
    "Om KJ": "KJ, KJ og KJ: kortformen brukes mye.",
    "Nytt i kjernejournalen": "Kjernejournalen er oppdatert, kjernejournal for alle.",
    "Legemidler": "Pasientens legemiddelliste og kjernejournal henger sammen.",
    "Helseteknologi": "Helseteknologi og velferdsteknologi i kommunen.",
    "Utkast": "Kjernejournal i et utkast som ingen skal finne.",
}


@pytest.fixture
def ranked_pages_content(home_page):
    for number, (title, text) in enumerate(RANKED_TEXTS.items()):
        ContentPageFactory(
            parent=home_page,
            title=title,
            slug=f"side-{number}",
            body=[("paragraph", f"<p>{text}</p>")],
            live=title != "Utkast",
        )
    return home_page
