from django import template
from django.utils.safestring import mark_safe
from wagtail.models import Page

from portal import layout
from portal.routing import route_ancestors

register = template.Library()


@register.filter
def is_section_of(menu_page, current_page) -> bool:
    """True when current_page is menu_page or lies below it in the tree."""
    if current_page is None or not isinstance(current_page, Page):
        return False
    return current_page.path.startswith(menu_page.path)


@register.simple_tag(takes_context=True)
def breadcrumb_pages(context, page):
    """The ancestors of page to show in the breadcrumb trail, home page first.

    The tree root (depth 1) is never a real page; no query when the router already read
    the ancestors (portal/routing.py), one otherwise.
    """
    if page is None or not isinstance(page, Page) or page.depth <= 2:
        return []
    ancestors = route_ancestors(page)
    if ancestors is not None:
        return [ancestor.specific_deferred for ancestor in ancestors if ancestor.live]
    return list(page.get_ancestors().filter(depth__gt=1).live().specific(defer=True))


@register.filter
def ds_input(field):
    """Render a form field's widget with Designsystemet's class, and tie it to its help text
    and error message for screen readers."""
    attrs = {"class": "ds-input"}
    described_by = []
    if field.help_text:
        described_by.append(f"{field.auto_id}-help")
    if field.errors:
        described_by.append(f"{field.auto_id}-error")
        attrs["aria-invalid"] = "true"
    if described_by:
        attrs["aria-describedby"] = " ".join(described_by)
    return field.as_widget(attrs=attrs)


@register.simple_tag(takes_context=True)
def frame_part(context, template_name):
    """Includes template_name, a part of the frame: for an anonymous reader the part drawn
    before for this address and frame version (portal/layout.py), otherwise drawn now."""
    request = context.get("request")
    frame = context.get("site_frame")
    if frame is not None:
        frame.menu  # noqa: B018 - reads the frame, and so its version, if not read yet

    def draw() -> str:
        return context.template.engine.get_template(template_name).render(context)

    key = layout.part_key(request, context.get("page"), template_name)
    if key is None:
        return draw()
    return mark_safe(layout.remembered_part(key, draw))  # noqa: S308 - our own template's output, autoescaped
