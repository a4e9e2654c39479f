"""«Status for <kommune>»: the print view and the Word document for the leadership, and the
same for the whole region for the regional editors."""

import io

from django.urls import reverse
from docx import Document

from tests.network.meetings.factories import MeetingPageFactory
from tests.utils import count_queries

from .conftest import grow_history

REPORT = "/min-kommune/vega/rapport/"
REGION = "/fremdrift/rapport/"


def document_text(content: bytes):
    document = Document(io.BytesIO(content))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return document, "\n".join([p.text for p in document.paragraphs] + cells)


class TestMunicipalityReport:
    def test_the_print_view_holds_the_24_tasks(self, client, world):
        client.force_login(world.member)
        page = client.get(REPORT).content.decode()
        assert "Status for Vega" in page
        for task in world.tasks:
            assert task.workshop_task in page
        assert "Tildelingskontoret" in page and "Rutinen er vedtatt." in page
        assert "Kjernejournal" in page  # the rollouts
        # Its print rules come with every page's CSS bundle (scripts/build_assets.mjs).
        assert "bundle/portal.css" in page and "format=docx" in page

    def test_the_word_document_opens_and_holds_the_24_tasks(self, client, world):
        MeetingPageFactory(parent=world.meeting_index, title="Arbeidsmøte om HTM neste år")
        client.force_login(world.member)
        response = client.get(REPORT + "?siden=2025-12-01&format=docx")
        assert response.status_code == 200
        assert response["Content-Disposition"].startswith('attachment; filename="status-vega-')
        document, text = document_text(response.content)
        assert document.paragraphs[0].text == "Status for Vega"
        task_rows = [
            row.cells[0].text
            for table in document.tables
            if table.rows[0].cells[0].text == "Oppgave"
            for row in table.rows[1:]
        ]
        assert sorted(task_rows) == sorted(task.workshop_task for task in world.tasks)
        assert "Tildelingskontoret" in text and "Organisert" in text
        assert "Avtalen er signert." in text  # a change since the chosen date
        assert "Arbeidsmøte om HTM neste år" in text  # the region's next meetings
        assert len(document.inline_shapes) == 1  # the municipality's line, as PNG

    def test_a_wrong_date_is_explained_in_norwegian(self, client, world):
        client.force_login(world.member)
        response = client.get(REPORT + "?siden=31.02.2026")
        assert response.status_code == 200
        assert "Skriv datoen som dd.mm.åååå" in response.content.decode()

    def test_the_dashboard_links_to_it(self, client, world):
        client.force_login(world.member)
        page = client.get(reverse("min_kommune_dashboard", args=["vega"])).content.decode()
        assert REPORT in page

    def test_another_municipality_is_refused(self, client, world):
        assert client.get(REPORT).status_code == 302
        client.force_login(world.other_coordinator)
        assert client.get(REPORT).status_code == 403
        assert client.get(REPORT + "?format=docx").status_code == 403

    def test_queries_stay_the_same_with_ten_times_the_history(self, client, world):
        client.force_login(world.member)
        url = REPORT + "?siden=2025-01-01"
        before = count_queries(client, url)
        grow_history(10)
        assert count_queries(client, url) == before


class TestRegionReport:
    def test_for_regional_editors_only(self, client, world):
        assert client.get(REGION).status_code == 302
        client.force_login(world.member)
        assert client.get(REGION).status_code == 403

    def test_every_municipality_in_print_and_in_word(self, client, world):
        client.force_login(world.editor)
        page = client.get(REGION).content.decode()
        assert "Status for kommunene i Nordland" in page and "Andøy" in page
        document, text = document_text(client.get(REGION + "?format=docx").content)
        region = next(t for t in document.tables if t.rows[0].cells[0].text == "Kommune")
        assert len(region.rows) == 1 + 41
        assert "Vega" in text and "Kjernejournal" in text
