"""Links on the search page that keep the query and the other filters."""

from urllib.parse import urlencode

from django import template

register = template.Library()

KEPT = ("q", "type", "tag", "htm")


@register.simple_tag(takes_context=True)
def search_url(context, **changes):
    """The current search's URL with some parameters changed (None or "" removes one).
    A change of filter goes back to the first page of results."""
    # The view's cleaned parameters (first value, no control characters) when it gave them.
    source = context.get("search_params")
    if source is None:
        source = context["request"].GET
    params = {name: source.get(name, "") for name in KEPT}
    page = source.get("page", "")
    for name, value in changes.items():
        if name == "page":
            page = value
        else:
            params[name] = value
            page = ""
    if page and str(page) != "1":
        params["page"] = page
    return "?" + urlencode({name: value for name, value in params.items() if value})
