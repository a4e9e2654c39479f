"""Demo content of the network's organisation: cohorts, contact persons, the network page
and its working groups. Creates only what is missing."""

import datetime

from wagtail.models import Page

from htm.models import TaskAreaPage
from portal.demo_tools import ensure_child_page

from . import demo_data
from .models import Cohort, ContactPerson
from .pages import NetworkPage, WorkingGroupMember, WorkingGroupPage


def ensure_cohorts(context, municipalities) -> dict[str, Cohort]:
    cohorts = {}
    for spec in demo_data.COHORTS:
        cohort, created = Cohort.objects.get_or_create(
            slug=spec["slug"],
            defaults={
                "name": spec["name"],
                "year": spec["year"],
                "programme": demo_data.PROGRAMME,
                "description": spec["description"],
            },
        )
        if created:
            cohort.municipalities.set([municipalities[name] for name in spec["municipalities"]])
        context.count("puljer", created)
        cohorts[spec["slug"]] = cohort
    return cohorts


def ensure_contacts(context, municipalities, rollouts) -> dict[str, ContactPerson]:
    contacts = {}
    for spec in demo_data.CONTACTS:
        person, created = ContactPerson.objects.get_or_create(
            email=spec["email"],
            defaults={
                "name": spec["name"],
                "phone": spec["phone"],
                "role": spec["role"],
                "organisation_type": spec["organisation_type"],
                "municipality": municipalities.get(spec.get("municipality", "")),
                "organisation_name": spec.get("organisation_name", ""),
                "regional_team": spec.get("regional_team", False),
                "publish": spec["publish"],
            },
        )
        if created:
            person.rollouts.set([rollouts[slug] for slug in spec["rollouts"]])
            # The HTM app's demo runs first; its task areas are found by slug.
            person.htm_areas.set(TaskAreaPage.objects.filter(slug__in=spec.get("htm_areas", [])))
        context.count("kontaktpersoner", created)
        contacts[spec["email"]] = person
    return contacts


def ensure_network_page(context, home, contacts) -> None:
    spec = demo_data.NETWORK_PAGE
    governance = []
    for slug, title in spec["governance"]:
        target = context.pages.get(slug) or Page.objects.filter(slug=slug).first()
        if target is not None:
            governance.append(("link", {"title": title, "page": target, "url": ""}))
    page, created = ensure_child_page(
        home,
        NetworkPage,
        spec["slug"],
        title=spec["title"],
        intro=spec["intro"],
        governance=governance,
        show_in_menus=True,
    )
    context.count("nettverksside", created)
    context.pages[spec["slug"]] = page
    for spec in demo_data.WORKING_GROUPS:
        _, created = ensure_child_page(
            page,
            WorkingGroupPage,
            spec["slug"],
            title=spec["title"],
            intro=spec["intro"],
            mandate=spec["mandate"],
            members=[
                WorkingGroupMember(contact_person=contacts[email], group_role=role)
                for email, role in spec["members"]
            ],
            meetings=[
                (
                    "meeting",
                    {
                        "date": datetime.date.fromisoformat(date),
                        "title": title,
                        "summary": summary,
                    },
                )
                for date, title, summary in spec["meetings"]
            ],
        )
        context.count("arbeidsgrupper", created)
