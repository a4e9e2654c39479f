"""Template tags of the members' features: the «Relevant for oss» panel on a page.

Usage in a page template: `{% load member_tags %}{% relevance_panel page %}`. HTM pages get
the same panel through the `htm_item_page_sections` hook instead (htm does not load network's
tags). The panel runs one query for anonymous visitors and at most four for members.
"""

from django import template
from django.template.loader import render_to_string

from network.members.marks import mark_section

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
