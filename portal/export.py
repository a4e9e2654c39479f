"""Every CSV and Excel download of the portal, written one way.

CSV is for Norwegian Excel: UTF-8 with a byte-order mark and semicolons. A cell whose text
starts with =, +, - or @ (or a tab or carriage return) would be read as a formula by a
spreadsheet program, so a value that a visitor or member typed could run in the reader's
Excel; such text is written as text: with a leading apostrophe in CSV, and as a string
cell in Excel.
"""

import csv
import io
from dataclasses import dataclass, field

from django.http import HttpResponse
from wagtail.admin.views.mixins import SpreadsheetExportMixin
from wagtail.snippets.views.snippets import IndexView as SnippetIndexView

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def neutralise(value):
    """The value, with text a spreadsheet would run as a formula made plain text."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def attachment(response: HttpResponse, filename: str) -> HttpResponse:
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def csv_response(rows, filename: str) -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response.write("\ufeff")
    writer = csv.writer(response, delimiter=";")
    for row in rows:
        writer.writerow([neutralise(value) for value in row])
    return attachment(response, filename)


@dataclass
class Sheet:
    """One worksheet: its title, rows (the first is the header), and its layout."""

    title: str
    rows: list
    widths: dict = field(default_factory=dict)  # column letter → width
    freeze: str = ""  # the first cell that scrolls, for example "C2"
    wrap_header: bool = False


def xlsx_response(sheets: list[Sheet], filename: str) -> HttpResponse:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    workbook = Workbook()
    workbook.remove(workbook.active)
    for spec in sheets:
        sheet = workbook.create_sheet(spec.title)
        for row in spec.rows:
            sheet.append(list(row))
        for row in sheet.iter_rows():
            for cell in row:
                if cell.data_type == "f":
                    cell.data_type = "s"  # text that looks like a formula stays text
        for cell in sheet[1]:
            cell.font = Font(bold=True)
            if spec.wrap_header:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
        if spec.freeze:
            sheet.freeze_panes = spec.freeze
        for column, width in spec.widths.items():
            sheet.column_dimensions[column].width = width
    buffer = io.BytesIO()
    workbook.save(buffer)
    return attachment(HttpResponse(buffer.getvalue(), content_type=XLSX_CONTENT_TYPE), filename)


def write_csv_row_as_text(view, writer, row_dict):
    """Wagtail's admin CSV export row, with formula-like text written as text (Wagtail's
    Excel export already stores such text as a string cell)."""
    return writer.writerow(
        {
            name: neutralise(view.preprocess_field_value(name, value, view.FORMAT_CSV))
            for name, value in row_dict.items()
        }
    )


def protect_admin_exports():
    """Make every CSV export of the Wagtail admin neutralise formulas: the snippet listings,
    the reports (site history, locked and ageing pages) and form submissions all write their
    rows through SpreadsheetExportMixin, so the rule is set there once, when the app loads."""
    SpreadsheetExportMixin.write_csv_row = write_csv_row_as_text


class SafeCsvExportMixin:
    """For a Wagtail admin listing: its CSV export neutralises formulas, whether or not the
    app has loaded yet."""

    write_csv_row = write_csv_row_as_text


class SafeExportSnippetIndexView(SafeCsvExportMixin, SnippetIndexView):
    """The listing of a snippet with CSV and Excel export (`list_export`)."""
