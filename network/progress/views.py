"""The progress room's pages: the projector view of a meeting's changes, the charts as SVG, and
the report for the leadership as a print view and a Word document.

Access: the projector, the HTM charts and a municipality's report are for network members
(its own members and the regional editors for a municipality); the region's report for the
regional editors; the rollout charts are public, as the rollout statuses are.
"""

from csp.decorators import csp_update
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_safe

from network.meetings.pages import MeetingPage
from network.organisation.access import (
    is_regional_editor,
    municipality_view,
    network_member_required,
    to_login,
)
from network.organisation.models import Municipality
from network.statuses.models import RolloutStatus

from . import report, series, since

# The chart and Word modules are imported by the views that use them, not with the URLs:
# pygal and python-docx (with lxml) hold about 30 MiB, which a web worker that never draws
# a chart or writes a report should not carry.

TEMPLATES = "network/progress/"
SLIDE_KINDS = {"kommune": "Én kommune om gangen", "tema": "Ett tema om gangen"}

# pygal styles its SVG with an inline <style>: allowed in the picture itself, which runs no
# script and is shown as an image.
svg_policy = csp_update({"style-src": ["'unsafe-inline'"]})


def svg_response(chart) -> HttpResponse:
    from . import charts

    response = HttpResponse(charts.svg(chart), content_type="image/svg+xml; charset=utf-8")
    response["Content-Disposition"] = "inline"
    return response


# The projector ----------------------------------------------------------------------------


def slides_of(changes, kind: str) -> list[dict]:
    """The slides after the opening one: a municipality or a topic each, then those unchanged
    for long."""
    slides = []
    if kind == "tema":
        for subject in changes.by_subject():
            if subject.movements:
                slides.append({"title": subject.subject, "movements": subject.movements})
    else:
        for group in changes.municipalities:
            slides.append({"title": group.municipality.name, "movements": group.movements})
    if changes.stale:
        slides.append({"title": "Uendret i over et halvt år", "stale": changes.stale})
    return slides


def slide_number(value, count: int) -> int:
    try:
        number = int(value)
    except (TypeError, ValueError):
        return 0
    return min(max(number, 0), count)


@require_safe
@network_member_required
def projector_view(request, meeting_id):
    meeting = get_object_or_404(MeetingPage.objects.live(), pk=meeting_id)
    if not since.concerns_progress(meeting):
        raise Http404("Storskjermvisningen finnes for arbeidsmøter og temamøter.")
    kind = request.GET.get("etter") if request.GET.get("etter") in SLIDE_KINDS else "kommune"
    changes = since.meeting_changes(meeting)
    slides = slides_of(changes, kind)
    number = slide_number(request.GET.get("nr"), len(slides))
    base = reverse("progress_projector", args=[meeting.pk]) + f"?etter={kind}&nr="
    return TemplateResponse(
        request,
        TEMPLATES + "projector.html",
        {
            "meeting": meeting,
            "changes": changes,
            "kind": kind,
            "kinds": [
                (key, label, reverse("progress_projector", args=[meeting.pk]) + f"?etter={key}")
                for key, label in SLIDE_KINDS.items()
            ],
            "slide": slides[number - 1] if number else None,
            "number": number,
            "count": len(slides),
            "first_url": f"{base}0",
            "previous_url": f"{base}{number - 1}" if number > 0 else "",
            "next_url": f"{base}{number + 1}" if number < len(slides) else "",
            "last_url": f"{base}{len(slides)}",
        },
    )


# Charts -----------------------------------------------------------------------------------


@require_safe
@svg_policy
@network_member_required
def cohort_chart_view(request):
    return svg_response(series.cohort_task_series())


@require_safe
@svg_policy
def rollout_chart_view(request, rollout_id):
    rollout = get_object_or_404(RolloutStatus.rollout_pages(), pk=rollout_id)
    return svg_response(series.rollout_level_series(rollout))


@require_safe
@svg_policy
@network_member_required
def municipality_chart_view(request, slug):
    """Any member sees the municipality's HTM summary on its page, so its line too."""
    municipality = get_object_or_404(Municipality, slug=slug)
    return svg_response(series.municipality_task_series(municipality))


# The report -------------------------------------------------------------------------------


def report_response(request, built, form, filename: str, links: dict):
    if request.GET.get("format") == "docx":
        from . import word

        response = HttpResponse(word.build(built), content_type=word.CONTENT_TYPE)
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response
    charts_with_urls = [
        (chart, url, f"diagram-{number}")
        for number, (chart, url) in enumerate(
            zip(built.charts, links.pop("chart_urls"), strict=True), start=1
        )
    ]
    return TemplateResponse(
        request,
        TEMPLATES + "report.html",
        {"report": built, "form": form, "charts": charts_with_urls, **links},
    )


@require_safe
@municipality_view()
def municipality_report_view(request, municipality):
    form = report.SinceForm(request.GET or None)
    built = report.municipality_report(municipality, form.since())
    query = f"siden={built.since:%Y-%m-%d}"
    url = reverse("progress_municipality_report", args=[municipality.slug])
    return report_response(
        request,
        built,
        form,
        f"status-{municipality.slug}-{timezone.localdate():%Y-%m-%d}.docx",
        {
            "docx_url": f"{url}?{query}&format=docx",
            "chart_urls": [reverse("progress_municipality_chart", args=[municipality.slug])],
            "back_url": reverse("min_kommune_dashboard", args=[municipality.slug]),
        },
    )


@require_safe
def region_report_view(request):
    if not request.user.is_authenticated:
        return to_login(request)
    if not is_regional_editor(request.user):
        raise PermissionDenied("Rapporten for hele regionen er for regionale redaktører.")
    form = report.SinceForm(request.GET or None)
    built = report.region_report(form.since())
    query = f"siden={built.since:%Y-%m-%d}"
    return report_response(
        request,
        built,
        form,
        f"status-nordland-{timezone.localdate():%Y-%m-%d}.docx",
        {
            "docx_url": f"{reverse('progress_region_report')}?{query}&format=docx",
            "chart_urls": [reverse("progress_cohort_chart")]
            + [reverse("progress_rollout_chart", args=[r.pk]) for r in built.rollouts],
            "back_url": reverse("task_status_overview"),
        },
    )
