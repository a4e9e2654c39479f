"""«Var denne siden nyttig?» in the Wagtail admin: a report under Rapporter, per page and for
one page, with CSV and Excel downloads. The admin's own access check guards every view."""

from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.models import Page

from portal.export import csv_response, xlsx_response

from . import report
from .models import PageFeedback

TEMPLATES = "portal/feedback/admin/"


def _filename(extension: str) -> str:
    return f"tilbakemeldinger-{timezone.localdate():%Y-%m-%d}.{extension}"


def report_view(request):
    summaries = report.page_summaries()
    export = request.GET.get("format")
    if export == "csv":
        return csv_response([report.HEADER, *report.answer_rows()], _filename("csv"))
    if export == "xlsx":
        return xlsx_response(
            [report.summary_sheet(summaries), report.answers_sheet()], _filename("xlsx")
        )
    return TemplateResponse(
        request,
        TEMPLATES + "report.html",
        {"summaries": summaries, "total": sum(s["total"] for s in summaries)},
    )


def page_report_view(request, page_id):
    page = get_object_or_404(Page, pk=page_id)
    answers = list(PageFeedback.objects.filter(page=page))
    return TemplateResponse(
        request,
        TEMPLATES + "page_report.html",
        {
            "page": page,
            "answers": answers,
            "yes": sum(1 for a in answers if a.helpful),
            "no": sum(1 for a in answers if not a.helpful),
        },
    )


@hooks.register("register_admin_urls")
def feedback_admin_urls():
    return [
        path("tilbakemeldinger/", report_view, name="page_feedback_report"),
        path(
            "tilbakemeldinger/side/<int:page_id>/",
            page_report_view,
            name="page_feedback_page_report",
        ),
    ]


@hooks.register("register_reports_menu_item")
def feedback_menu_item():
    return MenuItem(
        "Var denne siden nyttig?",
        reverse("page_feedback_report"),
        icon_name="comment",
        order=900,
    )
