"""Links on the search page that keep the query and the other filters."""

from urllib.parse import urlencode

from django import template

register = template.Library()

KEPT = ("q", "type", "tag", "htm")


@register.simple_tag(takes_context=True)
def search_url(context, **changes):
    """The current search's URL with some parameters changed (None or "" removes one).
    A change of filter goes back to the first page of results."""
    request = context["request"]
    params = {name: request.GET.get(name, "") for name in KEPT}
    page = request.GET.get("page", "")
    for name, value in changes.items():
        if name == "page":
            page = value
        else:
            params[name] = value
            page = ""
    if page and str(page) != "1":
        params["page"] = page
    return "?" + urlencode({name: value for name, value in params.items() if value})
