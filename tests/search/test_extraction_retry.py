"""The text of documents is read by the task worker from the database queue, and editors and
operators can have a failed or stuck document read again; a document that has waited too long
is shown as such."""

import io
import signal
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.management.commands import db_worker
from django_tasks_db.models import DBTaskResult

from portal.choices import TextExtraction
from search.tasks import TASK_PATH, stuck_documents

from .conftest import docx_bytes, pptx_bytes

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def database_queue(settings, monkeypatch):
    """Tasks go to the database queue, as in production. The worker closes a connection it
    finds inside a transaction; the test's own transaction is one, so that is left out."""
    settings.TASKS = DATABASE_TASKS
    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)


def run_worker() -> str:
    """Run the worker until the queue is empty. It installs its own SIGINT/SIGTERM handlers
    and leaves them; put the test process's back."""
    signals = [signal.SIGINT, signal.SIGTERM, signal.SIGQUIT]
    handlers = {number: signal.getsignal(number) for number in signals}
    out = io.StringIO()
    try:
        call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", stdout=out)
    finally:
        for number, handler in handlers.items():
            signal.signal(number, handler)
    return out.getvalue()


@pytest.fixture
def editor_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("redaktor", "r@example.org", "passord-123")
    client.force_login(user)
    return client


def test_an_upload_is_queued_and_the_worker_stores_its_text(database_queue, make_document):
    document = make_document("Fagdag", pptx_bytes("Digital hjemmeoppfølging"), "fagdag.pptx")
    assert document.extraction_status == TextExtraction.PENDING
    queued = DBTaskResult.objects.get(task_path=TASK_PATH)
    assert queued.args_kwargs == {"args": [document.pk], "kwargs": {}}

    run_worker()

    document.refresh_from_db()
    queued.refresh_from_db()
    assert queued.status == "SUCCESSFUL"
    assert document.extraction_status == TextExtraction.DONE
    assert "Digital hjemmeoppfølging" in document.extracted_text
    assert [d.pk for d in type(document).objects.search("hjemmeoppfølging")] == [document.pk]


def stuck_document(make_document, hours=2):
    document = make_document("Referat", docx_bytes("Velferdsteknologiske løsninger"), "ref.docx")
    DBTaskResult.objects.filter(task_path=TASK_PATH).update(
        enqueued_at=timezone.now() - timedelta(hours=hours)
    )
    return document


def test_a_document_waiting_too_long_is_shown_as_stuck(
    database_queue, make_document, editor_client
):
    fresh = make_document("Ny plan", docx_bytes("Plan"), "plan.docx")
    assert stuck_documents() == []
    DBTaskResult.objects.filter(args_kwargs__args__0=fresh.pk).update(
        enqueued_at=timezone.now() - timedelta(hours=2)
    )
    assert stuck_documents() == [fresh]

    html = editor_client.get(f"/admin/documents/edit/{fresh.pk}/").content.decode()
    assert "⚠ Søk: Teksten i filen har ventet på å bli hentet ut siden" in html
    assert "Les teksten i filen på nytt" in html

    dashboard = editor_client.get("/admin/").content.decode()
    assert "Dokumenter der teksten ikke er søkbar" in dashboard
    assert "Ny plan</a> – venter for lenge" in dashboard


def test_an_editor_can_have_a_failed_document_read_again(
    make_document, editor_client, settings, django_capture_on_commit_callbacks
):
    settings.SEARCH_EXTRACTION_LIMITS = {"max_unpacked_bytes": 10}
    document = make_document("Referat", docx_bytes("Avtale om responssenter"), "ref.docx")
    assert document.extraction_status == TextExtraction.FAILED
    html = editor_client.get(f"/admin/documents/edit/{document.pk}/").content.decode()
    assert "Les teksten i filen på nytt" in html

    settings.SEARCH_EXTRACTION_LIMITS = {}
    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(
            f"/admin/documents/edit/{document.pk}/",
            {
                "title": "Referat",
                "collection": document.collection_id,
                "tags": "",
                "extract_text_again": "on",
            },
        )
    assert response.status_code == 302
    document.refresh_from_db()
    assert document.extraction_status == TextExtraction.DONE
    assert "responssenter" in document.extracted_text


def test_saving_without_asking_does_not_read_the_file_again(
    make_document, editor_client, settings, django_capture_on_commit_callbacks
):
    settings.SEARCH_EXTRACTION_LIMITS = {"max_unpacked_bytes": 10}
    document = make_document("Referat", docx_bytes("Avtale"), "ref.docx")
    settings.SEARCH_EXTRACTION_LIMITS = {}
    with django_capture_on_commit_callbacks(execute=True):
        editor_client.post(
            f"/admin/documents/edit/{document.pk}/",
            {"title": "Referat 2", "collection": document.collection_id, "tags": ""},
        )
    document.refresh_from_db()
    assert document.title == "Referat 2"
    assert document.extraction_status == TextExtraction.FAILED


def test_the_dashboard_button_reads_failed_documents_again(
    make_document, editor_client, settings, django_capture_on_commit_callbacks
):
    settings.SEARCH_EXTRACTION_LIMITS = {"max_unpacked_bytes": 10}
    document = make_document("Referat", docx_bytes("Kommunal legevakt"), "ref.docx")
    dashboard = editor_client.get("/admin/").content.decode()
    assert "Referat</a> – feilet" in dashboard

    settings.SEARCH_EXTRACTION_LIMITS = {}
    assert editor_client.get("/admin/sok/les-tekst-pa-nytt/").status_code == 405
    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post("/admin/sok/les-tekst-pa-nytt/", follow=True)
    assert "Teksten i 1 dokument hentes ut på nytt." in response.content.decode()
    document.refresh_from_db()
    assert document.extraction_status == TextExtraction.DONE
    assert "legevakt" in document.extracted_text


def test_the_command_reads_failed_and_stuck_documents(database_queue, make_document, settings):
    stuck = stuck_document(make_document)
    settings.SEARCH_EXTRACTION_LIMITS = {"max_unpacked_bytes": 10}
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    failed = make_document("Plan", docx_bytes("Kompetanseplan"), "plan.docx")
    assert failed.extraction_status == TextExtraction.FAILED

    listing = io.StringIO()
    call_command("extract_document_text", "--failed", "--stuck", "--list", stdout=listing)
    assert f"{stuck.pk} «Referat»: Venter, venter siden" in listing.getvalue()
    assert "(for lenge)" in listing.getvalue()
    assert f"{failed.pk} «Plan»: Kunne ikke lese teksten – Teksten i filen" in listing.getvalue()

    settings.SEARCH_EXTRACTION_LIMITS = {}
    out = io.StringIO()
    call_command("extract_document_text", "--failed", "--stuck", stdout=out)
    assert f"{stuck.pk} «Referat»: Tekst hentet ut" in out.getvalue()
    assert f"{failed.pk} «Plan»: Tekst hentet ut" in out.getvalue()
    stuck.refresh_from_db()
    assert "Velferdsteknologiske løsninger" in stuck.extracted_text


def test_the_command_can_queue_for_the_worker(
    database_queue, make_document, settings, django_capture_on_commit_callbacks
):
    settings.SEARCH_EXTRACTION_LIMITS = {"max_unpacked_bytes": 10}
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    document = make_document("Plan", docx_bytes("Kompetanseplan"), "plan.docx")
    settings.TASKS = DATABASE_TASKS
    settings.SEARCH_EXTRACTION_LIMITS = {}

    out = io.StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("extract_document_text", str(document.pk), "--queue", stdout=out)
    assert DBTaskResult.objects.filter(task_path=TASK_PATH, status="READY").count() == 1
    assert "1 dokumenter er lagt i køen til db_worker." in out.getvalue()
    document.refresh_from_db()
    assert document.extraction_status == TextExtraction.PENDING

    run_worker()
    document.refresh_from_db()
    assert document.extraction_status == TextExtraction.DONE


def test_the_command_needs_a_choice():
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="Oppgi id-er"):
        call_command("extract_document_text")
