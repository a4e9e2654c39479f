"""Template tags for the head of every page (portal/includes/head_meta.html), the title of
filtered views, the breadcrumb trail as structured data, and the header's login link."""

from django import template
from django.templatetags.static import static
from wagtail.models import Site

from .. import jsonld, login, metadata
from ..models import default_description

register = template.Library()

SHARE_IMAGE = "seo/share.png"
SHARE_IMAGE_ALT = "E-helse Nordland, nettverk for e-helse i kommunene"
LOGO = "seo/icon-512.png"


def _site(request):
    return Site.find_for_request(request) if request is not None else None


@register.simple_tag(takes_context=True)
def seo_metadata(context) -> dict:
    """The values head_meta.html shows; no query beyond the (cached) site lookup."""
    request = context.get("request")
    if request is None:
        return {}
    page = context.get("page")
    site = _site(request)
    own_view = metadata.is_page_view(request, page)
    description = (metadata.page_description(page) if own_view else "") or default_description(site)
    canonical = metadata.canonical_url(request, site)
    image = metadata.absolute_url(request, site, static(SHARE_IMAGE))
    data = {
        "description": description,
        "canonical": canonical,
        "noindex": metadata.is_private(request.path),
        "image": image,
        "image_alt": SHARE_IMAGE_ALT,
        "title": "",
        "og_type": "website",
        "jsonld": [],
    }
    if not own_view:
        return data
    title = (getattr(page, "seo_title", "") or page.title) + metadata.title_qualifier(context)
    data["title"] = title
    is_home = site is not None and page.pk == site.root_page_id
    if is_home:
        frame = context.get("site_frame")
        data["jsonld"].append(
            jsonld.organization(
                canonical,
                metadata.absolute_url(request, site, static(LOGO)),
                email=getattr(frame, "contact_email", "") if frame else "",
                phone=getattr(frame, "contact_phone", "") if frame else "",
            )
        )
    elif jsonld.is_event(page):
        data["og_type"] = "article"
        data["jsonld"].append(jsonld.event(page, canonical, image))
    else:
        data["og_type"] = "article"
    return data


@register.simple_tag(takes_context=True)
def title_qualifier(context) -> str:
    """«: Fagdag, 2025 – side 2» after the title of a filtered or paginated view."""
    return metadata.title_qualifier(context)


@register.simple_tag(takes_context=True)
def breadcrumb_jsonld(context, crumbs, page, middle_title="", middle_url="", current_title=""):
    """The breadcrumb trail as a schema.org BreadcrumbList: the ancestors (crumbs), the page,
    and for a view below a page its optional middle step and its own title."""
    request = context.get("request")
    if request is None or page is None or not hasattr(page, "get_url"):
        return ""
    site = _site(request)

    def absolute(url):
        return metadata.absolute_url(request, site, url or "/")

    items = [
        ("Forside" if crumb.depth == 2 else crumb.title, absolute(crumb.get_url(request)))
        for crumb in crumbs or []
    ]
    page_name = "Forside" if page.depth == 2 else page.title
    items.append((page_name, absolute(page.get_url(request))))
    if middle_title:
        items.append((str(middle_title), absolute(middle_url)))
    if current_title:
        items.append((str(current_title), absolute(request.path)))
    return jsonld.script(jsonld.breadcrumb_list(items))


@register.filter
def jsonld_script(data: dict) -> str:
    return jsonld.script(data)


@register.simple_tag(takes_context=True)
def login_href(context) -> str:
    return login.login_href(context.get("request"))
