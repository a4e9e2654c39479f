"""Demo content of the national rollouts: the rollout pages with their steps, and every
municipality's status in each with some history. Creates only what is missing."""

import datetime
import zlib

from network.statuses.demo import backdate
from network.statuses.models import RolloutStatus, RolloutStatusLevel
from portal.demo_tools import ensure_child_page

from . import demo_data
from .pages import RolloutIndexPage, RolloutPage, RolloutStep

HTM_ROLLOUT = "helhetlig-tjenestemodell-innforing"


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
            seo_title=spec.get("seo_title", ""),
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
