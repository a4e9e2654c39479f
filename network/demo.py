"""Demo content of the network app: cohorts, contact persons, rollouts with statuses and
history, working groups, projects and news. Creates only what is missing."""

import datetime
import zlib

from django.utils import timezone
from wagtail.models import Page

from htm.models import TaskAreaPage
from portal.demo_tools import DemoContext, ensure_child_page

from . import demo_data, demo_meetings, demo_members
from .models import (
    Cohort,
    ContactPerson,
    Municipality,
    NetworkPage,
    NewsPage,
    ProjectIndexPage,
    ProjectPage,
    RolloutIndexPage,
    RolloutPage,
    RolloutStatus,
    RolloutStatusChange,
    RolloutStatusLevel,
    RolloutStep,
    WorkingGroupMember,
    WorkingGroupPage,
)

HTM_ROLLOUT = "helhetlig-tjenestemodell-innforing"


def load(context: DemoContext) -> None:
    home = context.pages["home"]
    municipalities = {m.name: m for m in Municipality.objects.all()}
    cohorts = ensure_cohorts(context, municipalities)
    rollout_index, rollouts = ensure_rollouts(context, home)
    contacts = ensure_contacts(context, municipalities, rollouts)
    ensure_statuses(context, municipalities, rollouts, cohorts)
    ensure_network_page(context, home, contacts)
    ensure_projects_and_news(context, home, municipalities, cohorts, contacts, rollouts)
    demo_meetings.load(context)  # issue #5: meetings and their materials
    demo_members.load(context)  # issue #6: members, marks and HTM status sheets


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


def ensure_rollouts(context, home):
    spec = demo_data.ROLLOUT_INDEX
    index, created = ensure_child_page(
        home,
        RolloutIndexPage,
        spec["slug"],
        title=spec["title"],
        intro=spec["intro"],
        overview_intro=spec["overview_intro"],
        show_in_menus=True,
    )
    context.count("sider for innføringsløp", created)
    context.pages[spec["slug"]] = index
    rollouts = {}
    for spec in demo_data.ROLLOUTS:
        page, created = ensure_child_page(
            index,
            RolloutPage,
            spec["slug"],
            title=spec["title"],
            short_name=spec["short_name"],
            rollout_owner=spec["owner"],
            intro=spec["intro"],
            benefits=spec["benefits"],
            steps=[RolloutStep(title=t, description=d) for t, d in spec["steps"]],
            process=[
                ("meeting_format", demo_data._NATIONAL_MEETINGS),
                ("meeting_format", demo_data._REGIONAL_MEETINGS),
            ],
            resources=[
                (
                    "links",
                    {
                        "heading": "Les mer",
                        "links": [
                            {"title": title, "url": url, "page": None}
                            for title, url in spec["links"]
                        ],
                    },
                )
            ],
        )
        context.count("innføringsløp", created)
        rollouts[spec["slug"]] = page
    return index, rollouts


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


def demo_level(rollout_slug: str, municipality, cohort_slugs: set[str]) -> str:
    """The demo status of a municipality in a rollout: the same on every run."""
    if rollout_slug == HTM_ROLLOUT:
        if "pulje-1-2025" in cohort_slugs:
            return "innforing"
        return "forberedelse" if cohort_slugs else "ikke-startet"
    position = zlib.crc32(f"{rollout_slug}:{municipality.number}".encode()) % 100
    for slug, share in demo_data.STATUS_SHARES[rollout_slug]:
        if position < share:
            return slug
        position -= share
    return "ikke-startet"


def ensure_statuses(context, municipalities, rollouts, cohorts) -> None:
    levels = {level.slug: level for level in RolloutStatusLevel.objects.all()}
    existing = set(RolloutStatus.objects.values_list("municipality_id", "rollout_id"))
    memberships = {}
    for cohort in cohorts.values():
        for municipality in cohort.municipalities.all():
            memberships.setdefault(municipality.pk, set()).add(cohort.slug)
    for rollout in rollouts.values():
        steps = list(rollout.steps.all())
        for municipality in municipalities.values():
            if (municipality.pk, rollout.pk) in existing:
                continue
            slug = demo_level(rollout.slug, municipality, memberships.get(municipality.pk, set()))
            seed = zlib.crc32(f"{municipality.number}:{rollout.slug}".encode())
            since = datetime.date(2024, 1, 1) + datetime.timedelta(days=seed % 700)
            step = {
                "forberedelse": steps[1] if len(steps) > 1 else None,
                "innforing": steps[-2] if len(steps) > 1 else None,
                "i-drift": steps[-1] if steps else None,
            }.get(slug)
            if slug in {"innforing", "i-drift"}:
                # Some history: the municipality prepared first, then moved on.
                earlier = since - datetime.timedelta(days=120 + seed % 90)
                status = RolloutStatus(
                    municipality=municipality,
                    rollout=rollout,
                    level=levels["forberedelse"],
                    since=earlier,
                    current_step=steps[0] if steps else None,
                )
                status.save()
                backdate(status, earlier)
                status.level, status.since, status.current_step = levels[slug], since, step
                status.save()
                backdate(status, since, latest_only=True)
            else:
                status = RolloutStatus(
                    municipality=municipality,
                    rollout=rollout,
                    level=levels[slug],
                    since=since if slug != "ikke-startet" else None,
                    current_step=step,
                )
                status.save()
                backdate(status, since)
            context.count("statuser i innføringsløp")


def backdate(status, date, latest_only=False) -> None:
    """Give the demo history the dates it would have had."""
    changes = RolloutStatusChange.objects.filter(status=status).order_by("-pk")
    if latest_only:
        changes = changes[:1]
    moment = timezone.make_aware(datetime.datetime.combine(date, datetime.time(10, 0)))
    RolloutStatusChange.objects.filter(pk__in=[c.pk for c in changes]).update(changed_at=moment)


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


def ensure_projects_and_news(context, home, municipalities, cohorts, contacts, rollouts):
    spec = demo_data.PROJECT_INDEX
    index, created = ensure_child_page(
        home,
        ProjectIndexPage,
        spec["slug"],
        title=spec["title"],
        intro=spec["intro"],
        show_in_menus=True,
    )
    context.count("aktivitetsside", created)
    context.pages[spec["slug"]] = index
    for spec in demo_data.PROJECTS:
        participants = {municipalities[name] for name in spec.get("municipalities", [])}
        for cohort_slug in spec.get("cohorts", []):
            participants.update(cohorts[cohort_slug].municipalities.all())
        _, created = ensure_child_page(
            index,
            ProjectPage,
            spec["slug"],
            title=spec["title"],
            scope=spec["scope"],
            status=spec["status"],
            start_date=datetime.date.fromisoformat(spec["start"]),
            end_date=datetime.date.fromisoformat(spec["end"]) if spec["end"] else None,
            intro=spec["intro"],
            body=[("paragraph", spec["body"])],
            municipalities=sorted(participants, key=lambda m: m.name),
            contact=contacts[spec["contact"]],
            rollout=rollouts[spec["rollout"]],
        )
        context.count("prosjekter", created)
    for spec in demo_data.NEWS:
        _, created = ensure_child_page(
            index,
            NewsPage,
            spec["slug"],
            title=spec["title"],
            date=datetime.date.fromisoformat(spec["date"]),
            scope=spec["scope"],
            intro=spec["intro"],
            body=[("paragraph", spec["body"])],
        )
        context.count("nyheter", created)
