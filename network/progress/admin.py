"""The progress room's hooks: a municipality's own line on its page, for network members (who
see its HTM status there too)."""

from django.urls import reverse
from wagtail import hooks

from network.organisation.access import is_network_member

from .series import municipality_task_series


@hooks.register("municipality_page_sections")
def progress_of_municipality(request, network_page, municipality):
    if not is_network_member(request.user):
        return None
    return {
        "order": 25,
        "template": "network/progress/includes/municipality_section.html",
        "chart": municipality_task_series(municipality),
        "src": reverse("progress_municipality_chart", args=[municipality.slug]),
    }
