"""Demo content of the meetings (the meetings and their materials are described in
demo_data.py).

The material files are generated here, small but real: PDFs with reportlab and PowerPoint
files with python-pptx. Documents are keyed by title and pages by slug: a second run creates
nothing. Coming meetings are placed some weeks after the day the demo is first loaded, so
the demo always has some.
"""

import datetime
import io

from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

from htm.models import TaskAreaPage
from network.organisation.models import ContactPerson, Municipality
from network.rollouts.pages import RolloutPage
from portal.demo_tools import DemoContext, ensure_child_page
from portal.text import norwegian_slug

from .demo_data import INDEX, MATERIALS, meeting_specs
from .materials import member_collection, public_collection
from .models import MeetingRegistration
from .pages import MeetingIndexPage, MeetingPage


def load(context: DemoContext) -> None:
    home = context.pages["home"]
    index, created = ensure_child_page(
        home,
        MeetingIndexPage,
        INDEX["slug"],
        title=INDEX["title"],
        intro=INDEX["intro"],
        show_in_menus=True,
    )
    context.count("møteoversikt", created)
    context.pages[INDEX["slug"]] = index

    documents = ensure_materials(context)
    people = {p.email: p for p in ContactPerson.objects.all()}
    areas = {a.slug: a for a in TaskAreaPage.objects.all()}
    rollouts = {r.slug: r for r in RolloutPage.objects.all()}
    today = datetime.date.today()
    for spec in meeting_specs(today, people, documents):
        _, created = _ensure_meeting(index, spec, rollouts, areas)
        context.count("møter", created)


def _ensure_meeting(index, spec, rollouts, areas):
    spec = dict(spec)
    slug = spec.pop("slug")
    moved_to = spec.pop("moved_to", None)
    registrations = spec.pop("registrations", [])
    meeting, created = ensure_child_page(
        index,
        MeetingPage,
        slug,
        tags=spec.pop("tags", ()),
        rollouts=[rollouts[s] for s in spec.pop("rollouts", []) if s in rollouts],
        htm_areas=[areas[s] for s in spec.pop("areas", []) if s in areas],
        **spec,
    )
    if created and moved_to:
        # Published once, then moved: the page shows «Endret tidspunkt» and calendars update.
        meeting.start, meeting.end = moved_to
        meeting.save_revision().publish()
    if created and registrations:
        municipalities = {m.name: m for m in Municipality.objects.all()}
        for name, email, municipality in registrations:
            MeetingRegistration.objects.create(
                meeting=meeting, name=name, email=email, municipality=municipalities[municipality]
            )
    return meeting, created


def ensure_materials(context) -> dict:
    """The material files as documents, keyed by title; created when missing."""
    document_model = get_document_model()
    members = member_collection()
    public = public_collection()
    members_only = {
        "Workshopkort – status på organisering av oppgavene",
        "Status i kommunene – regionalt arbeidsmøte Kjernejournal",
    }
    existing = {d.title: d for d in document_model.objects.filter(title__in=MATERIALS)}
    for title, spec in MATERIALS.items():
        if title in existing:
            continue
        content = make_pptx(spec["slides"]) if spec["kind"] == "pptx" else make_pdf(spec["lines"])
        document = document_model(
            title=title, collection=members if title in members_only else public
        )
        document.file.save(f"{file_stem(title)}.{spec['kind']}", ContentFile(content), save=False)
        document._set_document_file_metadata()  # size and hash, as an upload in the admin sets
        document.save()
        existing[title] = document
        context.count("møtedokumenter")
    return existing


def file_stem(title: str) -> str:
    return norwegian_slug(title)[:80]


def make_pdf(lines: list[str]) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4, invariant=True)
    pdf.setTitle(lines[0])
    pdf.setAuthor("E-helse Nordland")
    pdf.setFont("Helvetica-Bold", 16)
    y = A4[1] - 72
    pdf.drawString(56, y, lines[0])
    pdf.setFont("Helvetica", 11)
    for line in lines[1:]:
        y -= 22
        pdf.drawString(56, y, line)
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def make_pptx(slides: list[tuple[str, list[str]]]) -> bytes:
    from pptx import Presentation

    presentation = Presentation()
    for number, (title, points) in enumerate(slides):
        layout = presentation.slide_layouts[0 if number == 0 else 1]
        slide = presentation.slides.add_slide(layout)
        slide.shapes.title.text = title
        body = slide.placeholders[1].text_frame
        body.text = points[0] if points else ""
        for point in points[1:]:
            body.add_paragraph().text = point
    buffer = io.BytesIO()
    presentation.save(buffer)
    return buffer.getvalue()
