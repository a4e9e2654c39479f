"""Text from PDF, PPTX and DOCX files: extracted on upload and on replacement, stored, indexed;
a broken or encrypted file is found by its title and the editor is told."""

import io
import json

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.documents import get_document_model
from wagtail.models import Collection

from portal.choices import TextExtraction
from search import tasks
from search.extraction import extract_text

from .conftest import docx_bytes, encrypted_pdf_bytes, pdf_bytes, pptx_bytes


def search_documents(query):
    return list(get_document_model().objects.search(query))


# The readers, on real files ------------------------------------------------------------


def test_pdf_text_is_read():
    result = extract_text(io.BytesIO(pdf_bytes("Gevinstrealisering i kommunen")), "plan.pdf")
    assert result.status == TextExtraction.DONE
    assert "Gevinstrealisering i kommunen" in result.text


def test_pptx_text_is_read_from_slides_and_notes():
    content = pptx_bytes("Digitalt tilsyn om natten", notes="Talenotat om medisineringsstøtte")
    result = extract_text(io.BytesIO(content), "fagdag.PPTX")
    assert result.status == TextExtraction.DONE
    assert "Digitalt tilsyn om natten" in result.text
    assert "medisineringsstøtte" in result.text


def test_docx_text_is_read_from_paragraphs_and_tables():
    content = docx_bytes("Referat fra arbeidsmøtet", table_cell="Responssenteret i Bodø")
    result = extract_text(io.BytesIO(content), "referat.docx")
    assert result.status == TextExtraction.DONE
    assert "Referat fra arbeidsmøtet" in result.text
    assert "Responssenteret i Bodø" in result.text


def test_a_broken_file_fails_with_a_message_not_an_exception():
    for name in ("skadet.pdf", "skadet.pptx", "skadet.docx"):
        result = extract_text(io.BytesIO(b"dette er ikke en ekte fil"), name)
        assert result.status == TextExtraction.FAILED, name
        assert "kunne ikke leses" in result.message
        assert "tittelen" in result.message
        assert result.text == ""


def test_a_password_protected_pdf_fails_with_a_message():
    result = extract_text(io.BytesIO(encrypted_pdf_bytes("Hemmelig innhold")), "kryptert.pdf")
    assert result.status == TextExtraction.FAILED
    assert "passord" in result.message


def test_a_pdf_encrypted_with_an_empty_password_is_read():
    content = encrypted_pdf_bytes("Kan leses likevel", password="")
    result = extract_text(io.BytesIO(content), "utskriftsbeskyttet.pdf")
    assert result.status == TextExtraction.DONE
    assert "Kan leses likevel" in result.text


def test_other_file_types_are_unsupported_with_a_message():
    result = extract_text(io.BytesIO(b"PK\x03\x04"), "tall.xlsx")
    assert result.status == TextExtraction.UNSUPPORTED
    assert ".xlsx" in result.message


def test_a_zip_that_unpacks_too_large_is_refused(settings):
    settings.SEARCH_EXTRACTION_LIMITS = {"max_unpacked_bytes": 10}
    result = extract_text(io.BytesIO(docx_bytes("Mye tekst")), "stor.docx")
    assert result.status == TextExtraction.FAILED
    assert "for stor" in result.message


# On upload and replacement --------------------------------------------------------------


def test_uploaded_pptx_text_is_stored_and_searchable(make_document):
    document = make_document(
        "Fagdag våren 2025", pptx_bytes("Sensorteknologi på sykehjem"), "fagdag.pptx"
    )
    assert document.extraction_status == TextExtraction.DONE
    assert "Sensorteknologi på sykehjem" in document.extracted_text
    assert document.extracted_from_hash == document.file_hash
    assert search_documents("sensorteknologi") == [document]


def test_broken_and_encrypted_files_are_found_by_title(make_document):
    broken = make_document("Skadet presentasjon", b"ikke en pptx", "skadet.pptx")
    locked = make_document("Låst rapport", encrypted_pdf_bytes("Skjult tekst"), "laast.pdf")
    assert broken.extraction_status == TextExtraction.FAILED
    assert locked.extraction_status == TextExtraction.FAILED
    assert "passord" in locked.extraction_message
    assert search_documents("presentasjon") == [broken]
    assert search_documents("rapport") == [locked]
    assert search_documents("skjult") == []


def test_replacing_the_file_extracts_again_and_a_new_title_does_not(
    make_document, django_capture_on_commit_callbacks, monkeypatch
):
    document = make_document("Referat", docx_bytes("Første versjon om responstid"), "ref.docx")
    calls = []
    real = tasks.extract_text
    monkeypatch.setattr(tasks, "extract_text", lambda *a: calls.append(a) or real(*a))

    with django_capture_on_commit_callbacks(execute=True):
        document.title = "Referat fra møtet"
        document.save()
    assert calls == []  # same file: not read again

    with django_capture_on_commit_callbacks(execute=True):
        document.file = ContentFile(docx_bytes("Andre versjon om alarmmottak"), name="ref2.docx")
        document._set_document_file_metadata()
        document.save()
    assert len(calls) == 1
    document.refresh_from_db()
    assert "alarmmottak" in document.extracted_text
    assert search_documents("alarmmottak") == [document]
    assert search_documents("responstid") == []


def test_update_index_keeps_the_extracted_text(make_document):
    from django.core.management import call_command

    document = make_document("Plan", pdf_bytes("Kompetanseplan for hjemmetjenesten"), "plan.pdf")
    call_command("update_index", stdout=io.StringIO(), stderr=io.StringIO())
    assert search_documents("kompetanseplan") == [document]


# The editor is told ---------------------------------------------------------------------


@pytest.fixture
def editor_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("redaktor", "r@example.org", "passord-123")
    client.force_login(user)
    return client


def test_admin_edit_form_shows_why_the_text_could_not_be_read(make_document, editor_client):
    document = make_document("Låst rapport", encrypted_pdf_bytes("Hemmelig"), "laast.pdf")
    response = editor_client.get(f"/admin/documents/edit/{document.pk}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Søk: Teksten i filen kunne ikke leses: Filen er beskyttet med passord." in html


def test_admin_edit_form_says_the_text_is_searchable(make_document, editor_client):
    document = make_document("Plan", pdf_bytes("Tekst"), "plan.pdf")
    html = editor_client.get(f"/admin/documents/edit/{document.pk}/").content.decode()
    assert "Søk: Teksten i filen er søkbar." in html


def test_upload_in_the_admin_extracts_and_tells_the_editor(
    editor_client, django_capture_on_commit_callbacks
):
    """Wagtail's multiple upload: the form shown right after the upload says the text is
    being read (in production, with autocommit and the immediate task backend, the task has
    already run by then and the form says the outcome); the edit form then says why not."""
    root = Collection.get_first_root_node()

    def upload(name, content):
        # The extraction is queued for after the commit; the test's transaction never
        # commits, so run what the commit would run, at the end of the request.
        with django_capture_on_commit_callbacks(execute=True) as callbacks:
            response = editor_client.post(
                "/admin/documents/multiple/add/",
                {"files[]": SimpleUploadedFile(name, content), "collection": root.pk},
            )
        # The extraction, once (the page cache's purges run after the commit too).
        extraction = [c for c in callbacks if "document_saved" in c.__qualname__]
        assert len(extraction) == 1
        assert response.status_code == 200
        payload = json.loads(response.content)
        assert payload["success"], payload
        return payload

    # A file the upload accepts (a real PDF) whose text cannot be read.
    payload = upload("laast.pdf", encrypted_pdf_bytes("Hemmelig"))
    assert "Teksten i filen hentes ut for søket" in payload["form"]
    document = get_document_model().objects.get()
    assert document.extraction_status == TextExtraction.FAILED
    html = editor_client.get(f"/admin/documents/edit/{document.pk}/").content.decode()
    assert "Søk: Teksten i filen kunne ikke leses: Filen er beskyttet med passord." in html

    upload("fagdag.pptx", pptx_bytes("Trygghetsalarm"))
    assert [d.title for d in search_documents("trygghetsalarm")] == ["fagdag.pptx"]
