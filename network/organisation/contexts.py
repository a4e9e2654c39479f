"""The contexts of the network's pages and their sub-pages, and the overview's downloads.

Each builds its listings with a fixed number of queries: nothing here or in the templates
queries once per municipality, person or rollout.
"""

import csv
import io

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db.models import Prefetch
from django.http import HttpResponse
from django.utils import timezone

from .choices import ContactRole, Scope
from .models import (
    Cohort,
    ContactPerson,
    Municipality,
    NetworkPage,
    ProjectPage,
    RolloutPage,
    RolloutStatus,
    RolloutStatusChange,
    RolloutStatusLevel,
    WorkingGroupPage,
)
from .overview import build_overview, norwegian_key
from .permissions import can_see_unpublished_contacts
from .task_status_views import summary_for_page

MAX_QUERY_LENGTH = 200
NEWS_PER_PAGE = 10
HISTORY_LENGTH = 50


def visible_contacts(request):
    return ContactPerson.objects.visible_to(request.user).with_details()


def municipality_url_builder(network_page):
    """A function giving the URL of a municipality's page, or "" without a network page."""
    if network_page is None:
        return lambda municipality: ""
    base = network_page.url
    return lambda municipality: (
        base + network_page.reverse_subpage("municipality", args=[municipality.slug])
    )


def live_network_page():
    return NetworkPage.objects.live().public().first()


# Nettverket -------------------------------------------------------------------------


def network_context(page, request) -> dict:
    municipality_url = municipality_url_builder(page)
    municipalities = sorted(Municipality.objects.all(), key=lambda m: norwegian_key(m.name))
    for municipality in municipalities:
        municipality.page_url = municipality_url(municipality)
    cohorts = list(
        Cohort.objects.prefetch_related(
            Prefetch("municipalities", queryset=Municipality.objects.order_by("name"))
        )
    )
    for cohort in cohorts:
        cohort.members = sorted(cohort.municipalities.all(), key=lambda m: norwegian_key(m.name))
        for municipality in cohort.members:
            municipality.page_url = municipality_url(municipality)
    team = list(visible_contacts(request).filter(regional_team=True))
    team_by_role = [
        (label, [person for person in team if person.role == value])
        for value, label in ContactRole.choices
    ]
    return {
        "municipalities": municipalities,
        "cohorts": cohorts,
        "team_by_role": [(label, people) for label, people in team_by_role if people],
        "working_groups": WorkingGroupPage.objects.child_of(page).live().public(),
        "municipalities_url": page.url + page.reverse_subpage("municipalities"),
        "contacts_url": page.url + page.reverse_subpage("contacts"),
    }


def municipality_list_context(page, request) -> dict:
    municipality_url = municipality_url_builder(page)
    municipalities = sorted(
        Municipality.objects.prefetch_related("cohorts"), key=lambda m: norwegian_key(m.name)
    )
    for municipality in municipalities:
        municipality.page_url = municipality_url(municipality)
    return {"municipalities": municipalities, "network_url": page.url}


def municipality_context(page, request, municipality) -> dict:
    rollouts = list(RolloutPage.objects.live().public().order_by("path"))
    statuses = {
        status.rollout_id: status
        for status in RolloutStatus.objects.filter(municipality=municipality).select_related(
            "level", "current_step"
        )
    }
    return {
        "municipality": municipality,
        "cohorts": list(municipality.cohorts.all()),
        "contacts": list(visible_contacts(request).filter(municipality=municipality)),
        "rollout_rows": [(rollout, statuses.get(rollout.pk)) for rollout in rollouts],
        "projects": list(
            ProjectPage.objects.live()
            .public()
            .filter(municipalities=municipality)
            .order_by("title")
        ),
        "network_url": page.url,
        "municipalities_url": page.url + page.reverse_subpage("municipalities"),
        # Its HTM status, for members and editors only (issue #6).
        "task_status_summary": summary_for_page(request, municipality),
    }


def contact_search_context(page, request) -> dict:
    query = request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]
    people = visible_contacts(request)
    if query:
        # Search on the visible persons only, then load them with their relations at once.
        matches = [
            person.pk for person in ContactPerson.objects.visible_to(request.user).search(query)
        ]
        people = people.filter(pk__in=matches)
    return {
        "search_query": query,
        "people": list(people.order_by("name")),
        "network_url": page.url,
    }


# Innføringsløp ------------------------------------------------------------------------


def rollout_context(page, request) -> dict:
    municipality_url = municipality_url_builder(live_network_page())
    statuses = list(
        RolloutStatus.objects.filter(rollout=page).select_related(
            "municipality", "level", "current_step"
        )
    )
    statuses.sort(key=lambda status: norwegian_key(status.municipality.name))
    for status in statuses:
        status.municipality.page_url = municipality_url(status.municipality)
    history = list(
        RolloutStatusChange.objects.filter(status__rollout=page).select_related(
            "status__municipality", "old_level", "new_level", "changed_by"
        )[:HISTORY_LENGTH]
    )
    levels = list(RolloutStatusLevel.objects.all())
    return {
        "steps": list(page.steps.all()),
        "statuses": statuses,
        "status_counts": [
            (level, sum(1 for s in statuses if s.level_id == level.pk)) for level in levels
        ],
        "history": history,
        "show_who": can_see_unpublished_contacts(request.user),
        "contacts": list(page.contact_persons.visible_to(request.user).with_details()),
    }


def overview_params(request):
    return {key: request.GET.get(key, "") for key in ("kull", "sorter")}


def overview_context(index_page, request) -> dict:
    overview = build_overview(index_page.rollouts(), overview_params(request))
    municipality_url = municipality_url_builder(live_network_page())
    for row in overview.rows:
        row.url = municipality_url(row.municipality)
    base = index_page.url + index_page.reverse_subpage("overview")
    kull = f"kull={overview.cohort.slug}&" if overview.cohort else ""
    for column in overview.columns:
        column.sort_url = f"{base}?{kull}sorter={column.sort_key}"
    query = f"?kull={overview.cohort.slug}" if overview.cohort else ""
    return {
        "overview": overview,
        "overview_url": base,
        "sort_name_url": f"{base}?{kull}sorter=navn",
        "sort_number_url": f"{base}?{kull}sorter=nummer",
        "csv_url": index_page.url + index_page.reverse_subpage("overview_csv") + query,
        "xlsx_url": index_page.url + index_page.reverse_subpage("overview_xlsx") + query,
    }


def export_filename(overview, extension: str) -> str:
    cohort = f"-{overview.cohort.slug}" if overview.cohort else ""
    return f"innforingslop{cohort}-{timezone.localdate():%Y-%m-%d}.{extension}"


def overview_csv(index_page, request) -> HttpResponse:
    """CSV for Norwegian Excel: UTF-8 with a byte-order mark, semicolon as separator."""
    overview = build_overview(index_page.rollouts(), overview_params(request))
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{export_filename(overview, "csv")}"'
    response.write("\ufeff")
    writer = csv.writer(response, delimiter=";")
    writer.writerows(overview.table())
    return response


def overview_xlsx(index_page, request) -> HttpResponse:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    overview = build_overview(index_page.rollouts(), overview_params(request))
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Innføringsløp"
    for row in overview.table():
        sheet.append(row)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "C2"
    sheet.column_dimensions["A"].width = 18
    sheet.column_dimensions["B"].width = 16
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = HttpResponse(
        buffer.getvalue(),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f'attachment; filename="{export_filename(overview, "xlsx")}"'
    return response


# Aktiviteter og prosjekter -------------------------------------------------------------


def project_index_context(page, request) -> dict:
    projects = list(
        ProjectPage.objects.child_of(page).live().public().order_by("-start_date", "title")
    )
    paginator = Paginator(page.news(), NEWS_PER_PAGE)
    try:
        news = paginator.page(request.GET.get("side", 1))
    except PageNotAnInteger:
        news = paginator.page(1)
    except EmptyPage:
        news = paginator.page(paginator.num_pages)
    return {
        "projects_by_scope": [
            (label, [p for p in projects if p.scope == value]) for value, label in Scope.choices
        ],
        "news": news,
        "feed_url": page.url + page.reverse_subpage("feed"),
        "atom_feed_url": page.url + page.reverse_subpage("atom_feed"),
    }
