"""Demo content of the home app: the home page, the general pages and the site settings."""

from wagtail.models import Page, Site

from portal.demo_tools import DemoContext, ensure_child_page
from portal.models import SiteSettings

from . import demo_data
from .models import ContentPage, HomePage

# Pages that sit under "Om nettverket" rather than at the top of the tree.
CHILDREN_OF_ABOUT = {"oppdragsbrev", "koordineringsgruppe", "samstyringsstruktur"}
# Top-level pages that belong in the footer, not in the main menu.
NOT_IN_MENU = {"personvern", "tilgjengelighetserklaering"}


def load(context: DemoContext) -> None:
    home = ensure_home_page(context)
    context.pages["home"] = home

    for spec in demo_data.PAGES:
        parent = context.pages["om-nettverket"] if spec["slug"] in CHILDREN_OF_ABOUT else home
        page, created = ensure_child_page(
            parent,
            ContentPage,
            spec["slug"],
            title=spec["title"],
            seo_title=spec.get("seo_title", ""),
            intro=spec["intro"],
            body=[stream_block(kind, value) for kind, value in spec["body"]],
            show_in_menus=parent is home and spec["slug"] not in NOT_IN_MENU,
        )
        context.pages[spec["slug"]] = page
        context.count("innholdssider", created)

    ensure_site_settings(context)


def finish(context: DemoContext) -> None:
    """Link the home page's featured cards to the demo pages that exist by now.

    Runs after every app has loaded, so cards for later features appear when they do.
    """
    home = context.pages["home"]
    linked_ids = {block.value["page"].pk for block in home.featured_links if block.value["page"]}
    new_links = []
    for spec in demo_data.HOME["featured"]:
        target = Page.objects.filter(slug=spec["slug"], depth=home.depth + 1).first()
        if target is None or target.pk in linked_ids:
            continue
        new_links.append(
            ("link", {"title": spec["title"], "page": target, "description": spec["description"]})
        )
    if new_links:
        home.featured_links.extend(new_links)
        home.save_revision().publish()
        context.count("fremhevede lenker", len(new_links))


def ensure_home_page(context: DemoContext) -> HomePage:
    existing = HomePage.objects.first()
    if existing is not None:
        return existing
    root = Page.get_first_root_node()
    home = HomePage(
        title=demo_data.HOME["title"],
        slug="forside",
        intro_heading=demo_data.HOME["intro_heading"],
        intro=f"<p>{demo_data.HOME['intro']}</p>",
    )
    root.add_child(instance=home)
    home.save_revision().publish()

    # Point the default site at the new home page, and remove Wagtail's welcome page.
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        site = Site(hostname="localhost", port=80, is_default_site=True)
    previous_root = site.root_page if site.pk else None
    site.root_page = home
    site.site_name = "E-helse Nordland"
    site.save()
    is_welcome_page = previous_root is not None and previous_root.specific_class is Page
    if is_welcome_page and not previous_root.get_children().exists():
        previous_root.delete()
    context.count("forside")
    return home


def ensure_site_settings(context: DemoContext) -> None:
    site = Site.objects.get(is_default_site=True)
    site_settings = SiteSettings.for_site(site)
    if site_settings.contact_email:
        return
    contact = demo_data.REGIONAL_CONTACT
    site_settings.contact_name = contact["name"]
    site_settings.contact_title = contact["title"]
    site_settings.contact_email = contact["email"]
    site_settings.contact_phone = contact["phone"]
    site_settings.privacy_page = context.pages.get("personvern")
    site_settings.accessibility_page = context.pages.get("tilgjengelighetserklaering")
    site_settings.save()
    context.count("nettstedsinnstillinger")


def stream_block(kind: str, value):
    """Turn the compact demo notation into the values of portal.blocks.BodyStreamBlock."""
    if kind == "heading":
        return ("heading", {"text": value, "level": "h2"})
    if kind == "callout":
        return ("callout", {"variant": "info", **value})
    if kind == "links":
        links = [{"title": link["title"], "url": link["url"], "page": None} for link in value]
        return ("links", {"heading": "", "links": links})
    return (kind, value)
