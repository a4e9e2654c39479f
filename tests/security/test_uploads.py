"""Uploads: only PDF, DOCX, PPTX, XLSX, ODT and ODP documents, whose content is what their
name says and which carry no macros; images without SVG; a size limit before the body is
read; safe file names. Uploaded as an editor through the Wagtail admin's own forms."""

import io
import json
import unicodedata
import zipfile

import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import RequestFactory
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection

from network.organisation.access import EDITORS_GROUP
from portal.uploads import MAX_STEM_LENGTH, UploadSizeLimitMiddleware, safe_file_name
from tests.network.helpers import make_user

HTML = b"<!DOCTYPE html><html><head><title>Logg inn</title></head><body>hei</body></html>"
DOCX_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
DOCM_MAIN = "application/vnd.ms-word.document.macroEnabled.main+xml"


def pdf_bytes(text="Møteprogram") -> bytes:
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer)
    pdf.drawString(72, 720, text)
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def docx_bytes(text="Referat") -> bytes:
    import docx

    document = docx.Document()
    document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def pptx_bytes(text="Fagdag") -> bytes:
    from pptx import Presentation

    presentation = Presentation()
    slide = presentation.slides.add_slide(presentation.slide_layouts[5])
    slide.shapes.title.text = text
    buffer = io.BytesIO()
    presentation.save(buffer)
    return buffer.getvalue()


def xlsx_bytes() -> bytes:
    import openpyxl

    workbook = openpyxl.Workbook()
    workbook.active["A1"] = "Kommune"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def odf_bytes(mimetype: str, extra: dict | None = None) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", mimetype, compress_type=zipfile.ZIP_STORED)
        archive.writestr("content.xml", "<office:document-content/>")
        archive.writestr("META-INF/manifest.xml", "<manifest:manifest/>")
        for name, data in (extra or {}).items():
            archive.writestr(name, data)
    return buffer.getvalue()


def rezip(data: bytes, replace: dict | None = None, add: dict | None = None) -> bytes:
    """A copy of a zip package with some parts replaced or added."""
    replace, add = replace or {}, add or {}
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(buffer, "w") as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename in replace:
                content = replace[info.filename](content)
            target.writestr(info, content, compress_type=zipfile.ZIP_DEFLATED)
        for name, content in add.items():
            target.writestr(name, content, compress_type=zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


def as_docm(content_types: bytes) -> bytes:
    return content_types.replace(DOCX_MAIN.encode(), DOCM_MAIN.encode())


ODT = "application/vnd.oasis.opendocument.text"
ODP = "application/vnd.oasis.opendocument.presentation"
VALID = {
    "program.pdf": pdf_bytes,
    "referat.docx": docx_bytes,
    "fagdag.pptx": pptx_bytes,
    "oversikt.xlsx": xlsx_bytes,
    "notat.odt": lambda: odf_bytes(ODT),
    "lysark.odp": lambda: odf_bytes(ODP),
}


@pytest.fixture
def editor_client(client, db):
    """A regional editor (the group with document permissions), logged in to the admin."""
    group = Group.objects.get(name=EDITORS_GROUP)
    user = make_user("redaktor")
    user.groups.add(group)
    client.force_login(user)
    return client


def upload(client, name: str, content: bytes, title: str = "Dokument"):
    return client.post(
        reverse("wagtaildocs:add"),
        {
            "title": title,
            "file": SimpleUploadedFile(name, content),
            "collection": Collection.get_first_root_node().pk,
        },
    )


def upload_multiple(client, name: str, content: bytes) -> dict:
    response = client.post(
        reverse("wagtaildocs:add_multiple"),
        {
            "files[]": SimpleUploadedFile(name, content),
            "collection": Collection.get_first_root_node().pk,
        },
    )
    assert response.status_code == 200
    return json.loads(response.content)


def file_errors(response) -> str:
    assert response.status_code == 200, response.status_code
    return " ".join(response.context["form"].errors.get("file", []))


def documents():
    return get_document_model().objects.all()


@pytest.mark.django_db
class TestAllowedDocuments:
    @pytest.mark.parametrize("name", sorted(VALID))
    def test_valid_documents_upload(self, editor_client, name):
        """A real PDF, DOCX, PPTX, XLSX, ODT and ODP is accepted by the document form."""
        content = VALID[name]()
        response = upload(editor_client, name, content)
        assert response.status_code == 302, file_errors(response)
        document = documents().get()
        with document.open_file() as file:
            assert file.read() == content

    @pytest.mark.parametrize("name", ["fagdag.pptx", "referat.docx", "program.pdf"])
    def test_multiple_upload_accepts_valid_documents(self, editor_client, name):
        """Wagtail's multiple upload accepts a valid PDF, DOCX and PPTX."""
        payload = upload_multiple(editor_client, name, VALID[name]())
        assert payload["success"], payload
        assert documents().count() == 1


@pytest.mark.django_db
class TestRefusedDocuments:
    def test_html_renamed_pdf_is_refused(self, editor_client):
        """An HTML page renamed .pdf is refused with a Norwegian message, and nothing is kept."""
        errors = file_errors(upload(editor_client, "faktura.pdf", HTML))
        assert "Filen heter .pdf, men innholdet er ikke en PDF-fil." in errors
        assert "Innholdet ser ut som en nettside (HTML)." in errors
        assert not documents().exists()

    def test_multiple_upload_refuses_html_renamed_pdf(self, editor_client):
        """The multiple upload refuses an HTML page renamed .pdf with the same message."""
        payload = upload_multiple(editor_client, "faktura.pdf", HTML)
        assert not payload["success"]
        assert "Filen heter .pdf, men innholdet er ikke en PDF-fil." in payload["error_message"]
        assert not documents().exists()

    @pytest.mark.parametrize(
        "name", ["liste.csv", "notat.txt", "side.html", "logo.svg", "program.exe", "uten-endelse"]
    )
    def test_other_types_are_refused(self, editor_client, name):
        """Only the six document types are accepted; CSV, TXT, HTML, SVG and programs are not."""
        errors = file_errors(upload(editor_client, name, b"a;b;c\n1;2;3\n"))
        assert "kan ikke lastes opp. Portalen tar imot PDF, DOCX, PPTX, XLSX, ODT eller ODP." in (
            errors
        )
        assert not documents().exists()

    @pytest.mark.parametrize(
        ("name", "content", "expected"),
        [
            ("referat.docx", pptx_bytes, "er ikke et Word-dokument (.docx)"),
            ("fagdag.pptx", xlsx_bytes, "er ikke en PowerPoint-presentasjon (.pptx)"),
            ("notat.odt", lambda: odf_bytes(ODP), "er ikke et OpenDocument-tekstdokument"),
            ("referat.docx", lambda: rezip(docx_bytes(), add={}), None),
            ("tabell.xlsx", lambda: odf_bytes(ODT), "er ikke et Excel-regneark (.xlsx)"),
            ("referat.docx", pdf_bytes, "innholdet er ikke et Word-dokument (.docx)"),
        ],
    )
    def test_content_must_match_the_extension(self, editor_client, name, content, expected):
        """A package is what its name says: the OOXML main part or the ODF mimetype decides."""
        response = upload(editor_client, name, content())
        if expected is None:  # a control: the same package, repacked, is still accepted
            assert response.status_code == 302, file_errors(response)
            return
        assert expected in file_errors(response)
        assert not documents().exists()

    def test_a_plain_zip_renamed_docx_is_refused(self, editor_client):
        """A zip that is no Office package is refused as damaged or of the wrong type."""
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as archive:
            archive.writestr("index.html", HTML)
        errors = file_errors(upload(editor_client, "referat.docx", buffer.getvalue()))
        assert "Filen er skadet eller er ikke et Word-dokument (.docx)." in errors

    @pytest.mark.parametrize(
        ("name", "content"),
        [
            ("makro.docx", lambda: rezip(docx_bytes(), {"[Content_Types].xml": as_docm})),
            ("makro.docx", lambda: rezip(docx_bytes(), add={"word/vbaProject.bin": b"\xd0\xcf"})),
            ("makro.odt", lambda: odf_bytes(ODT, {"Basic/Standard/Module1.xml": "<m/>"})),
            ("makro.odp", lambda: odf_bytes(ODP, {"Scripts/python/run.py": "import os"})),
        ],
    )
    def test_macros_are_refused(self, editor_client, name, content):
        """Office files with macros (VBA, a macro-enabled type, ODF Basic/Scripts) are refused."""
        errors = file_errors(upload(editor_client, name, content()))
        assert "Filen inneholder makroer." in errors
        assert not documents().exists()

    def test_a_zip_bomb_is_refused(self, editor_client):
        """A DOCX that claims to unpack to far more than an ordinary document is refused."""
        content = rezip(docx_bytes(), add={"word/media/tom.bin": b"\0" * (60 * 1024 * 1024)})
        errors = file_errors(upload(editor_client, "stor.docx", content))
        assert "pakker seg ut til" in errors and "kan ikke lastes opp" in errors

    def test_replacing_a_file_with_html_is_refused(self, editor_client):
        """Replacing a document's file goes through the same checks and keeps the old file."""
        upload(editor_client, "program.pdf", pdf_bytes())
        document = documents().get()
        response = editor_client.post(
            reverse("wagtaildocs:edit", args=[document.pk]),
            {
                "title": "Program",
                "file": SimpleUploadedFile("program.pdf", HTML),
                "collection": document.collection_id,
            },
        )
        assert "innholdet er ikke en PDF-fil" in file_errors(response)
        document.refresh_from_db()
        with document.open_file() as file:
            assert file.read().startswith(b"%PDF")


@pytest.mark.django_db
class TestImages:
    def image_upload(self, client, name, content):
        return client.post(
            reverse("wagtailimages:add"),
            {
                "title": "Bilde",
                "file": SimpleUploadedFile(name, content),
                "collection": Collection.get_first_root_node().pk,
            },
        )

    @pytest.mark.parametrize(
        ("name", "content"),
        [
            ("logo.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><script>1</script></svg>'),
            ("bilde.png", HTML),
        ],
    )
    def test_svg_and_disguised_images_are_refused(self, editor_client, name, content):
        """Images: SVG is not accepted, nor HTML renamed .png."""
        response = self.image_upload(editor_client, name, content)
        assert response.status_code == 200
        assert response.context["form"].errors["file"]
        assert not get_image_model().objects.exists()


@pytest.mark.django_db
class TestSizeLimit:
    def test_a_too_large_body_gets_413_before_it_is_read(self, settings):
        """A request declaring a body over the limit is answered 413 without reading it."""
        settings.UPLOAD_MAX_REQUEST_SIZE = 1000

        class Unreadable(io.RawIOBase):
            def read(self, *args):
                raise AssertionError("the body was read")

        request = RequestFactory().generic(
            "POST",
            "/admin/documents/add/",
            content_type="multipart/form-data; boundary=x",
            CONTENT_LENGTH="5000000",
            **{"wsgi.input": Unreadable()},
        )

        def view(request):
            raise AssertionError("the view ran")

        response = UploadSizeLimitMiddleware(view)(request)
        assert response.status_code == 413
        assert "Filen er for stor. En fil kan være på høyst" in response.content.decode()

    def test_upload_over_the_limit_is_refused_in_norwegian(self, editor_client, settings):
        """Through the whole stack, an upload over the limit gets 413 and stores nothing."""
        settings.UPLOAD_MAX_REQUEST_SIZE = 4000
        response = upload(editor_client, "program.pdf", pdf_bytes() + b"%" * 8000)
        assert response.status_code == 413
        assert "Filen er for stor" in response.content.decode()
        payload = editor_client.post(
            reverse("wagtaildocs:add_multiple"),
            {"files[]": SimpleUploadedFile("program.pdf", b"%" * 8000)},
            headers={"x-requested-with": "XMLHttpRequest"},
        )
        assert payload.status_code == 413
        assert "Filen er for stor" in json.loads(payload.content)["error_message"]
        assert not documents().exists()

    def test_document_size_limit_in_the_form(self, editor_client, settings):
        """A file over WAGTAILDOCS_MAX_UPLOAD_SIZE (below the request limit) is refused."""
        settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 2000
        errors = file_errors(upload(editor_client, "program.pdf", pdf_bytes() + b"%" * 4000))
        assert "for stor" in errors
        assert not documents().exists()


@pytest.mark.django_db
class TestFileNames:
    @pytest.mark.parametrize(
        ("given", "expected"),
        [
            ("Årsrapport for Bodø og Værøy.pdf", "Årsrapport-for-Bodø-og-Værøy.pdf"),
            (unicodedata.normalize("NFD", "Møte på Røst.PDF"), "Møte-på-Røst.pdf"),
            ("../../etc/passwd.pdf", "passwd.pdf"),
            ("C:\\Users\\ola\\Skrivebord\\plan.docx", "plan.docx"),
            ("rapport\x00\x07\x1b[31m.pdf", "rapport31m.pdf"),
            ("\u202efdp.exe.pdf", "fdp.exe.pdf"),
            ("<b>Plan (utkast)</b>.pdf", "b.pdf"),
            ("Plan (utkast) «ny».pdf", "Plan-utkast-ny.pdf"),
            ("...pdf", "dokument.pdf"),
        ],
    )
    def test_names_are_made_safe(self, given, expected):
        """Stored file names have no path parts or control characters and keep æ, ø and å."""
        assert safe_file_name(given) == expected

    def test_long_names_are_bounded(self):
        """A very long name is cut to a bounded length and keeps its extension."""
        name = safe_file_name("Møtereferat " * 40 + ".docx")
        assert name.endswith(".docx") and len(name) <= MAX_STEM_LENGTH + len(".docx")

    def test_uploaded_file_is_stored_under_its_safe_name(self, editor_client):
        """An upload through the admin is stored under the safe name, with Norwegian letters."""
        name = unicodedata.normalize("NFD", "Referat fra fagdag i Bodø – del 2 " * 5 + ".pdf")
        response = upload(editor_client, name, pdf_bytes(), title="Referat\u202e fra fagdag")
        assert response.status_code == 302, file_errors(response)
        document = documents().get()
        stored = document.file.name
        assert stored.startswith("documents/Referat-fra-fagdag-i-Bodø")
        assert stored.endswith(".pdf") and len(stored) <= 100
        assert all(unicodedata.category(char)[0] != "C" for char in stored)
        assert document.title == "Referat fra fagdag"
