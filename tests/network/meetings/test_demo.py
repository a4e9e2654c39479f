"""The demo's meetings: the first seed's fagdag with four presenters and its presentation,
theme and working meetings past and coming, and material files with real text inside."""

import io

import pytest
from django.core.management import call_command
from django.utils import timezone
from wagtail.documents import get_document_model

from network.meetings.materials import MEMBER_COLLECTION_NAME
from network.models import MeetingPage, MeetingRegistration

REAL_NAMES = ["Mathilde", "Hanssen", "Andreassen", "Malin", "Molaug", "Torolf", "Slettevoll"]


def text_of(document) -> str:
    data = document.file.open("rb").read()
    document.file.close()
    if document.file_extension == "pdf":
        from pypdf import PdfReader

        return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
    from pptx import Presentation

    return " ".join(
        shape.text_frame.text
        for slide in Presentation(io.BytesIO(data)).slides
        for shape in slide.shapes
        if shape.has_text_frame
    )


@pytest.mark.django_db
def test_demo_meetings(client):
    call_command("load_demo_content", stdout=io.StringIO())
    now = timezone.now()

    fagdag = MeetingPage.objects.get(slug="fagdag-usht-24-03-26")
    assert fagdag.live and fagdag.meeting_type == "fagdag"
    assert timezone.localtime(fagdag.start).strftime("%d.%m.%y %H.%M") == "24.03.26 09.30"
    presenters = {p.pk for item in fagdag.programme for p in item.value["presenters"]}
    assert len(presenters) == 4
    presentation = fagdag.programme[1].value["materials"][0]["document"]
    words = text_of(presentation).lower()
    for word in ["tildelingskriterier", "responssenter", "gevinstrealisering"]:
        assert word in words
    assert presentation.file_extension == "pptx" and presentation.file_size > 0

    for meeting_type in ["nasjonalt-temamote", "regionalt-arbeidsmote"]:
        meetings = list(MeetingPage.objects.live().filter(meeting_type=meeting_type))
        assert len(meetings) >= 2
        assert any(m.end < now for m in meetings) and any(m.end > now for m in meetings)
        for meeting in meetings:
            documents = [
                material["document"]
                for item in meeting.programme
                for material in item.value["materials"]
            ]
            assert documents, meeting.title
            assert all(text_of(document).strip() for document in documents)
            assert meeting.rollouts.exists()

    # Members-only demo files are in the restricted collection.
    document_model = get_document_model()
    workshop = document_model.objects.get(title__startswith="Workshopkort")
    assert workshop.collection.name == MEMBER_COLLECTION_NAME
    assert client.get(workshop.url).status_code == 302

    moved = MeetingPage.objects.get(slug="regionalt-arbeidsmote-vkp-og-pll")
    assert moved.time_changed and moved.sequence == 1
    assert MeetingPage.objects.get(slug="nettverksmote-kontaktpersoner").cancelled

    html = client.get(fagdag.url).content.decode() + client.get("/").content.decode()
    assert not [name for name in REAL_NAMES if name in html]
    assert all(r.email.endswith("@example.org") for r in MeetingRegistration.objects.all())

    counts = (MeetingPage.objects.count(), document_model.objects.count())
    out = io.StringIO()
    call_command("load_demo_content", stdout=out)
    assert (MeetingPage.objects.count(), document_model.objects.count()) == counts
    assert "ingenting endret" in out.getvalue()
