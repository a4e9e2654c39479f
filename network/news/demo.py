"""Demo content of «Aktiviteter og prosjekter»: projects and news. Creates only what is
missing."""

import datetime

from portal.demo_tools import ensure_child_page

from . import demo_data
from .pages import NewsPage, ProjectIndexPage, ProjectPage


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
