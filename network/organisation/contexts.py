"""The contexts of «Nettverket» and the sub-pages it serves: the municipalities, each
municipality's page, and the contact person search.

Each builds its listings with a fixed number of queries: nothing here or in the templates
queries once per municipality or person. What other rooms show on a municipality's page
(its statuses, its projects) comes through the `municipality_page_sections` hook.
"""

import hashlib

from django.template.loader import render_to_string
from django.utils.safestring import SafeString

from network.choices import ContactRole
from portal.pagecache import data
from portal.sections import page_sections
from portal.text import norwegian_sorted

from . import directory
from .access import is_network_member, visible_contacts, visible_contacts_where
from .models import ContactPerson

MAX_QUERY_LENGTH = 200
CONTACTS_SECTION_ORDER = 30
DIRECTORY_TEMPLATE = "network/organisation/includes/network_directory.html"
GROUPS_TEMPLATE = "network/organisation/includes/network_groups.html"
CONTACTS_TEMPLATE = "network/organisation/includes/contacts_section.html"


def with_page_urls(municipalities, network_page) -> list:
    """The municipalities in Norwegian order, each with the address of its page."""
    municipalities = norwegian_sorted(municipalities)
    for municipality in municipalities:
        municipality.page_url = network_page.municipality_url(municipality)
    return municipalities


def network_directory_context(page, request) -> dict:
    cohorts = directory.cohorts()
    for cohort in cohorts:
        cohort.members = with_page_urls(cohort.municipalities.all(), page)
    team = [person for person in visible_contacts(request.user) if person.regional_team]
    team_by_role = [
        (label, [person for person in team if person.role == value])
        for value, label in ContactRole.choices
    ]
    return {
        "municipalities": with_page_urls(directory.municipalities(), page),
        "cohorts": cohorts,
        "team_by_role": [(label, people) for label, people in team_by_role if people],
        "municipalities_url": page.url + page.reverse_subpage("municipalities"),
        "contacts_url": page.url + page.reverse_subpage("contacts"),
        "request": request,
    }


def network_context(page, request) -> dict:
    """The members, cohorts and regional team as HTML, rendered once for the public and once
    for network members (who also see the unpublished persons), and kept while nothing it
    read changes (portal/pagecache/data.py): sixty contact cards are not drawn anew on every
    view. The page itself is among what it read: moving it moves the links."""

    def render() -> str:
        return str(render_to_string(DIRECTORY_TEMPLATE, network_directory_context(page, request)))

    readers = "members" if is_network_member(request.user) else "public"
    name = f"network-directory:{page.pk}:{readers}"
    return {"directory_html": data.page_section_html(request, page, name, render)}


def network_groups_html(page, request, working_groups, group_type) -> SafeString:
    """The working groups (`working_groups()` lists them) and the governance links as HTML,
    the same for every reader, kept while nothing it read changes: the page itself, the
    pages it links to, and the working groups (`group_type`, so that a first group shows
    too). An editor's preview is drawn as it is."""

    def render() -> str:
        context = {"page": page, "working_groups": list(working_groups()), "request": request}
        return str(render_to_string(GROUPS_TEMPLATE, context))

    return data.page_section_html(
        request, page, f"network-groups:{page.pk}", render, page_types=[group_type]
    )


def municipality_list_context(page, request) -> dict:
    return {
        "municipalities": with_page_urls(directory.municipalities(), page),
        "network_url": page.url,
    }


def municipality_context(page, request, municipality) -> dict:
    """A municipality's page: its facts and contact persons here, and the sections other
    rooms add (statuses, projects) in their order around the contact persons."""
    contacts = {
        "order": CONTACTS_SECTION_ORDER,
        "template": "network/organisation/includes/municipality_contacts.html",
        "contacts": [
            person
            for person in visible_contacts(request.user)
            if person.municipality_id == municipality.pk
        ],
    }
    sections = page_sections("municipality_page_sections", request, page, municipality)
    return {
        "municipality": municipality,
        "cohorts": list(municipality.cohorts.all()),
        "sections": sorted([*sections, contacts], key=lambda section: section["order"]),
        "network_url": page.url,
        "municipalities_url": page.url + page.reverse_subpage("municipalities"),
    }


def contact_search_context(page, request) -> dict:
    query = request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]
    people = visible_contacts(request.user)
    if query:
        # Search on the visible persons only; their cards come from the directory.
        visible = ContactPerson.objects.visible(is_network_member(request.user))
        matches = {person.pk for person in visible.search(query)}
        people = [person for person in people if person.pk in matches]
    return {
        "search_query": query,
        "people": people,
        "network_url": page.url,
    }


def contacts_section_html(
    request,
    name: str,
    keep,
    heading: str = "Kontaktpersoner",
    heading_id: str = "contacts",
    size: str = "lg",
) -> SafeString:
    """A section of the persons keep(person) selects (kept under `name`, see
    directory.contacts_where), under `heading` (of Designsystemet's `size`), as HTML for this
    kind of reader, or "" when there are none. Kept in the cache as the list is: the cards
    are drawn once, not on every view, and the persons with their pages are not unpickled
    for it."""

    def render() -> str:
        contacts = visible_contacts_where(request.user, name, keep)
        if not contacts:
            return ""
        context = {
            "contacts": contacts,
            "heading": heading,
            "heading_id": heading_id,
            "size": size,
            "request": request,
        }
        return str(render_to_string(CONTACTS_TEMPLATE, context))

    readers = "members" if is_network_member(request.user) else "public"
    return data.remember_html(f"contacts-section:{name}:{heading_id}:{size}:{readers}", render)


def persons_name(ids) -> str:
    """The name a set of contact persons is kept under: the same set, the same name."""
    listed = ",".join(str(pk) for pk in sorted(ids))
    return "persons:" + hashlib.sha256(listed.encode()).hexdigest()[:24]


def working_group_members(page, request) -> list:
    """The members of a working group whom this reader may see, with their cards' details:
    one query for the group's rows; the persons come from the cache, kept on their own for
    this set of persons (so a page of five reads five, not the whole directory, and a
    changed membership is a new set)."""
    members = list(page.members.all())
    wanted = {member.contact_person_id for member in members}
    people = {
        person.pk: person
        for person in visible_contacts_where(
            request.user, persons_name(wanted), lambda person: person.pk in wanted
        )
    }
    members = [member for member in members if member.contact_person_id in people]
    for member in members:
        member.contact_person = people[member.contact_person_id]
    return members
