"""Template tags of the progress room: the minutes and «Siden forrige møte» on a meeting page,
and the charts on the regional overviews.

Usage in the meeting template: `{% load progress_tags %}{% meeting_progress page %}`; on the
overviews `{% cohort_progress_chart overview %}` and `{% rollout_progress_chart overview %}`. The
minutes are for everyone; the changes since the previous meeting only for network members
and editors (logged in, so never served from the page cache), in a fixed number of queries.
"""

from django import template
from django.template.loader import render_to_string
from django.urls import reverse

from network.organisation.access import is_network_member, is_regional_editor
from network.progress.series import cohort_task_series, rollout_level_series
from network.progress.since import concerns_progress, meeting_changes

register = template.Library()


@register.simple_tag(takes_context=True)
def meeting_progress(context, page):
    request = context.get("request")
    if request is None or page is None:
        return ""
    changes = None
    show = concerns_progress(page) and is_network_member(request.user) and page.pk
    if show:
        changes = meeting_changes(page)
    return render_to_string(
        "network/progress/includes/meeting_section.html",
        {
            "page": page,
            "changes": changes,
            "projector_url": reverse("progress_projector", args=[page.pk]) if show else "",
        },
        request=request,
    )


def render_chart(request, chart, src, choices=None, report_url=""):
    context = {"chart": chart, "src": src, "choices": choices or [], "report_url": report_url}
    return render_to_string("network/progress/includes/chart.html", context, request=request)


@register.simple_tag(takes_context=True)
def cohort_progress_chart(context, overview):
    """On the regional HTM overview (members only): the share of tasks organised per cohort,
    from the cohorts, tasks and levels the overview has read."""
    request = context.get("request")
    editor = request is not None and is_regional_editor(request.user)
    return render_chart(
        request,
        cohort_task_series(overview.cohorts, tasks=overview.tasks, levels=overview.levels),
        reverse("progress_cohort_chart"),
        report_url=reverse("progress_region_report") if editor else "",
    )


@register.simple_tag(takes_context=True)
def rollout_progress_chart(context, overview):
    """On the rollout overview: the municipalities at each level of one rollout over time,
    chosen with ?diagram=<slug> (the first rollout by default), with links to the others."""
    request = context.get("request")
    rollouts = [column.rollout for column in overview.columns]
    if request is None or not rollouts:
        return ""
    wanted = request.GET.get("diagram", "")
    chosen = next((r for r in rollouts if r.slug == wanted), rollouts[0])
    choices = [
        (rollout.title, f"?diagram={rollout.slug}#fremdrift", rollout.pk == chosen.pk)
        for rollout in rollouts
    ]
    # Without a cohort chosen, the overview's rows are every municipality.
    count = len(overview.rows) if overview.cohort is None else None
    return render_chart(
        request,
        rollout_level_series(chosen, levels=overview.levels, municipality_count=count),
        reverse("progress_rollout_chart", args=[chosen.pk]),
        choices=choices,
    )
