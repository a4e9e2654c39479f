"""The report as an editable Word document (python-docx), for a coordinator to paste into a
«saksframlegg». The charts are PNG pictures drawn by charts.png (Word cannot take SVG from
python-docx), each followed by its text summary and its numbers as a table."""

import io

from django.utils import timezone
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.shared import Cm, Pt

from . import charts

CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _table(document, header, rows, style="Table Grid"):
    table = document.add_table(rows=1, cols=len(header))
    table.style = style
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = str(text)
        for run in cell.paragraphs[0].runs:
            run.bold = True
    for row in rows:
        cells = table.add_row().cells
        for cell, value in zip(cells, row, strict=True):
            cell.text = "" if value is None else str(value)
    return table


def _level(level) -> str:
    return level.name if level else "Ikke registrert"


def _when(moment) -> str:
    return timezone.localtime(moment).strftime("%d.%m.%Y %H.%M")


def build(report) -> bytes:
    document = Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(2))
    document.styles["Normal"].font.size = Pt(10)
    document.core_properties.title = report.title
    document.core_properties.language = "nb-NO"

    document.add_heading(report.title, level=0)
    document.add_paragraph(
        f"Laget {report.today:%d.%m.%Y} fra E-helse Nordland. Endringer siden "
        f"{report.since:%d.%m.%Y}."
    )

    if report.municipality is not None:
        summary = report.summary
        document.add_heading("Helhetlig tjenestemodell: status for de 24 oppgavene", level=1)
        document.add_paragraph(
            f"{summary['organised']} av {summary['total']} oppgaver er organisert "
            f"({summary['percent']} %)."
        )
        for title, rows in report.sections:
            document.add_heading(title, level=2)
            _table(
                document,
                ["Oppgave", "Status", "Ansvarlig rolle", "Ansvarlig enhet", "Kommentar"],
                [[r.task.workshop_task, _level(r.level), r.role, r.unit, r.comment] for r in rows],
            )
        document.add_heading("Nasjonale innføringsløp", level=1)
        _table(
            document,
            ["Innføringsløp", "Status", "Trinn", "Siden", "Merknad"],
            [
                [
                    rollout.title,
                    _level(status.level if status else None),
                    status.current_step.title if status and status.current_step else "",
                    status.since.strftime("%d.%m.%Y") if status and status.since else "",
                    status.note if status else "",
                ]
                for rollout, status in report.rollout_rows
            ],
        )
    else:
        document.add_heading("Kommunene", level=1)
        _table(
            document,
            ["Kommune", f"Oppgaver organisert (av {report.summary['total']})"]
            + [rollout.title for rollout in report.rollouts],
            [
                [municipality.name, organised, *[_level(level) for level in levels]]
                for municipality, organised, levels in report.region_rows
            ],
        )

    document.add_heading(f"Endringer siden {report.since:%d.%m.%Y}", level=1)
    if report.changes:
        _table(
            document,
            ["Tidspunkt", "Kommune", "Gjelder", "Fra", "Til", "Merknad"],
            [
                [
                    _when(c.when),
                    c.municipality,
                    c.subject,
                    _level(c.old_level),
                    _level(c.new_level),
                    c.note,
                ]
                for c in report.changes
            ],
        )
        if report.changes_cut:
            document.add_paragraph("Bare de nyeste endringene er tatt med. Velg en senere dato.")
    else:
        document.add_paragraph("Ingen endringer i perioden.")

    document.add_heading("Utviklingen over tid", level=1)
    for chart in report.charts:
        document.add_heading(chart.title, level=2)
        if chart.is_empty:
            document.add_paragraph(chart.summary)
            continue
        document.add_picture(io.BytesIO(charts.png(chart)), width=Cm(16))
        document.add_paragraph(chart.summary)
        _table(document, ["Måned", *[line.name for line in chart.lines]], chart.rows())

    document.add_heading("Regionens neste møter", level=1)
    if report.meetings:
        for meeting in report.meetings:
            document.add_paragraph(
                f"{timezone.localtime(meeting.start):%d.%m.%Y %H.%M}: {meeting.title}"
                + (f" ({meeting.location})" if meeting.location else ""),
                style="List Bullet",
            )
    else:
        document.add_paragraph("Ingen møter er lagt inn ennå.")

    output = io.BytesIO()
    document.save(output)
    return output.getvalue()
