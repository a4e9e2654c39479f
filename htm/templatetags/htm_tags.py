"""The model drawn the way KS draws it, and the content of its phases and areas, kept as HTML.

The overview (htm/includes/overview.html) is the same for every reader of a page: its two
dozen boxes were a fifth of the time of a phase's or an area's page. It is kept per model,
page it is drawn on (the current box) and size, while nothing it read changes
(portal.pagecache.data): the structure is read inside the drawing, so its tags go with it.
"""

from django import template
from django.template.loader import render_to_string

from portal.pagecache import data
from portal.pagecache import tags as pagetags

from ..structure import load_model_structure

register = template.Library()

OVERVIEW = "htm/includes/overview.html"
ITEM_BODY = "htm/includes/item_body.html"


@register.simple_tag(takes_context=True)
def htm_overview(context, model, current=None, compact=False):
    """The overview of `model` (a ModelStructure) with `current` marked."""
    root = model.root
    request = context.get("request")

    def render() -> str:
        structure = load_model_structure(root.path, root.depth)
        drawn = {"model": structure, "current": current, "compact": compact, "request": request}
        return str(render_to_string(OVERVIEW, drawn))

    current_pk = getattr(current, "pk", None) or 0
    size = "compact" if compact else "full"
    return data.remember_html(f"htm:overview:{root.path}:{current_pk}:{size}", render)


@register.simple_tag(takes_context=True)
def htm_item_body(context, page, model_page):
    """A phase's or an area's checklists, roles and resources, the same for every reader:
    kept per page while the page, its roles and the model page (the roles link) are
    unchanged. An editor's preview is drawn as it is."""
    request = context.get("request")

    def render() -> str:
        if model_page is not None:
            pagetags.add(("page", model_page.pk))
        drawn = {
            "page": page,
            "role_links": list(page.role_links.select_related("role")),
            "model_page": model_page,
            "request": request,
        }
        return str(render_to_string(ITEM_BODY, drawn))

    return data.page_section_html(request, page, f"htm:item-body:{page.pk}", render)
