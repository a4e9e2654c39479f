"""Template tags of the members' features: the «Relevant for oss» panel on a page.

Usage in a page template: `{% load member_tags %}{% relevance_panel page %}`. HTM pages get
the same panel through the `htm_item_page_sections` hook instead (htm does not load network's
tags). The panel runs one query for anonymous visitors and at most four for members.
"""

from django import template
from django.template.loader import render_to_string

from network.marks import mark_section

register = template.Library()


@register.simple_tag(takes_context=True)
def relevance_panel(context, item):
    request = context.get("request")
    if request is None or item is None:
        return ""
    section = mark_section(request, item)
    if section is None:
        return ""
    return render_to_string(section["template"], {"section": section}, request=request)


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
