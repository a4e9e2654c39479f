"""Sections that other apps and rooms add to a page through a Wagtail hook.

A page that shows content it does not own (the home page shows meetings and news, an HTM
area its meetings, a municipality its statuses) asks a hook for sections instead of
importing the code that builds them, so imports keep running one way. Each function
registered for the hook takes (request, page, *args) and returns a dict with at least
`template`, and an `order` (lowest first), or None to add nothing. A section whose HTML
was rendered before (and kept in the cache) uses RENDERED_SECTION with `html`.
"""

from wagtail import hooks

RENDERED_SECTION = "portal/includes/rendered_section.html"


def page_sections(hook_name: str, request, page, *args) -> list[dict]:
    sections = []
    for build_section in hooks.get_hooks(hook_name):
        section = build_section(request, page, *args)
        if section:
            sections.append(section)
    return sorted(sections, key=lambda section: section.get("order", 0))
