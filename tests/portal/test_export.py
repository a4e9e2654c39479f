"""Every CSV and Excel download writes text that looks like a formula as text, so what a
visitor typed never runs in the reader's spreadsheet."""

import csv
import io

import openpyxl
import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from portal.export import Sheet, csv_response, neutralise, xlsx_response
from tests.network.meetings.factories import (
    MeetingIndexPageFactory,
    MeetingPageFactory,
    MeetingRegistrationFactory,
)

HOSTILE = ['=HYPERLINK("https://example.org","Klikk")', "+1+1", "-2+3", "@SUM(A1)", "\t=1"]


@pytest.mark.parametrize("value", HOSTILE)
def test_formula_like_text_is_made_plain_text(value):
    assert neutralise(value) == "'" + value


@pytest.mark.parametrize("value", ["Vega", "", "Kjernejournal – innføring", 5, None, "E-helse"])
def test_ordinary_values_are_left_alone(value):
    assert neutralise(value) == value


def test_csv_is_for_norwegian_excel_and_neutralised():
    response = csv_response([["Navn", "Merknad"], ["Vega", HOSTILE[0]]], "fil.csv")
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text[1:]), delimiter=";"))
    assert rows == [["Navn", "Merknad"], ["Vega", "'" + HOSTILE[0]]]
    assert response["Content-Disposition"] == 'attachment; filename="fil.csv"'


def test_xlsx_cells_with_formulas_are_text():
    response = xlsx_response([Sheet("Ark", [["Navn"], *[[value] for value in HOSTILE]])], "f.xlsx")
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    cells = [row[0] for row in sheet.iter_rows(min_row=2)]
    assert [cell.value for cell in cells] == HOSTILE
    assert {cell.data_type for cell in cells} == {"s"}


@pytest.mark.django_db
def test_the_admins_registration_export_neutralises_a_hostile_name(client, home_page):
    meeting = MeetingPageFactory(parent=MeetingIndexPageFactory(parent=home_page))
    MeetingRegistrationFactory(meeting=meeting, name=HOSTILE[0], comments="@SUM(A1)")
    admin = get_user_model().objects.create_superuser("admin", "admin@example.org", "x" * 16)
    client.force_login(admin)
    url = reverse("wagtailsnippets_network_meetingregistration:list") + "?export=csv"
    response = client.get(url)
    assert response.status_code == 200
    text = b"".join(response.streaming_content).decode("utf-8")
    assert "'=HYPERLINK" in text and "'@SUM(A1)" in text
    assert ",=HYPERLINK" not in text and '"=HYPERLINK' not in text
