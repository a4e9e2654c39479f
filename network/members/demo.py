"""Demo content of issue #6: members of a few municipalities, their marks with tags, and the
HTM status sheets of the twelve municipalities of Pulje 1 with some history.

All people are fictional (e-mail addresses at example.org). Their passwords are derived from
SECRET_KEY, so they are the same on every run and printed only in development (DEBUG); with
DEBUG off the demo members get no usable password and are invited like anyone else.
Creates only what is missing: a second run changes nothing.
"""

import datetime
import hashlib
import hmac
import zlib

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone
from wagtail.models import Page

from htm.models import PhasePage, TaskAreaPage
from portal.demo_tools import DemoContext

from .models import (
    Cohort,
    MeetingPage,
    MemberRole,
    Membership,
    Municipality,
    RelevanceMark,
    TaskStatus,
    TaskStatusChange,
    TaskStatusLevel,
)
from .permissions import MEMBERS_GROUP

PULJE_1 = "pulje-1-2025"

MEMBERS = [
    # e-mail, first name, last name, municipality, role
    ("ingrid.vegesen@example.org", "Ingrid", "Vegesen", "Vega", MemberRole.COORDINATOR),
    ("per.dahl@example.org", "Per", "Dahl", "Vega", MemberRole.MEMBER),
    ("sigrid.moe@example.org", "Sigrid", "Moe", "Rana", MemberRole.COORDINATOR),
    ("jonas.berntsen@example.org", "Jonas", "Berntsen", "Alstahaug", MemberRole.MEMBER),
    ("hanne.lie@example.org", "Hanne", "Lie", "Vefsn", MemberRole.COORDINATOR),
]

# municipality, page slug, tags, note
PAGE_MARKS = [
    ("Vega", "kjernejournal", ["Innføring 2026"], "Vi starter etter sommeren."),
    ("Vega", "opplaering", ["Opplæring", "Budsjett 2026"], "Trenger plan for nyansatte."),
    ("Vega", "felles-kompetanseloft-htm", ["Opplæring"], ""),
    ("Rana", "kjernejournal", ["Pulje 1"], ""),
    ("Rana", "budsjettering", ["Budsjett 2026"], "Tas opp i økonomiplanen."),
    ("Alstahaug", "vkp", ["Utredning"], "Se på erfaringene fra Helgeland."),
    ("Vefsn", "digihelsestasjon", ["Helsestasjon"], ""),
]


def demo_password(email: str) -> str:
    digest = hmac.new(settings.SECRET_KEY.encode(), email.encode(), hashlib.sha256).hexdigest()
    return f"Demo-{digest[:12]}"


def load(context: DemoContext) -> None:
    municipalities = {m.name: m for m in Municipality.objects.all()}
    users = ensure_members(context, municipalities)
    ensure_marks(context, municipalities, users)
    ensure_task_statuses(context, users)


def ensure_members(context, municipalities) -> dict:
    user_model = get_user_model()
    group, _ = Group.objects.get_or_create(name=MEMBERS_GROUP)
    users = {}
    printed = []
    for email, first, last, municipality_name, role in MEMBERS:
        user = user_model.objects.filter(username=email).first()
        if user is None:
            user = user_model(username=email, email=email, first_name=first, last_name=last)
            if settings.DEBUG:
                user.set_password(demo_password(email))
            else:
                user.set_unusable_password()
            user.save()
            user.groups.add(group)
            context.count("medlemmer", 1)
        _, created = Membership.objects.get_or_create(
            user=user, municipality=municipalities[municipality_name], defaults={"role": role}
        )
        context.count("medlemskap", created)
        users[municipality_name] = users.get(municipality_name) or user
        if settings.DEBUG and user.check_password(demo_password(email)):
            printed.append(f"  {email} ({municipality_name}, {role.label}): {demo_password(email)}")
    if printed:
        context.stdout.write("Demomedlemmer (bare i utvikling):\n" + "\n".join(printed) + "\n")
    return users


def ensure_marks(context, municipalities, users) -> None:
    slugs = {slug for _m, slug, _t, _n in PAGE_MARKS}
    pages = {page.slug: page for page in Page.objects.filter(slug__in=slugs).live()}
    for municipality_name, slug, tags, note in PAGE_MARKS:
        page = pages.get(slug)
        if page is None:
            continue
        municipality = municipalities[municipality_name]
        mark, created = RelevanceMark.objects.get_or_create(
            municipality=municipality,
            page=page,
            defaults={
                "note": note,
                "created_by": users.get(municipality_name),
                "updated_by": users.get(municipality_name),
            },
        )
        if created:
            mark.tags.set(tags)
        context.count("markeringer som relevant", created)
    # The next meeting about Kjernejournal is relevant for Vega too.
    meeting = (
        MeetingPage.objects.live().filter(rollouts__slug="kjernejournal").order_by("start").first()
    )
    if meeting is not None:
        mark, created = RelevanceMark.objects.get_or_create(
            municipality=municipalities["Vega"],
            page=meeting,
            defaults={"created_by": users.get("Vega"), "updated_by": users.get("Vega")},
        )
        if created:
            mark.tags.set(["Innføring 2026"])
        context.count("markeringer som relevant", created)


def demo_level_slugs(municipality, task) -> tuple[str, str]:
    """(first, now) for one municipality and task: a spread that looks like a real region."""
    seed = zlib.crc32(f"{municipality.number}-{task.slug}".encode())
    now = ["ikke-organisert", "delvis-organisert", "delvis-organisert", "organisert", "organisert"]
    first = ["ikke-vurdert", "ikke-organisert", "ikke-organisert"]
    current = now[seed % len(now)]
    if seed % 17 == 0:
        current = "ikke-aktuelt"
    return first[(seed // 7) % len(first)], current


def ensure_task_statuses(context, users) -> None:
    cohort = Cohort.objects.filter(slug=PULJE_1).first()
    if cohort is None:
        return
    levels = {level.slug: level for level in TaskStatusLevel.objects.all()}
    if not {"ikke-vurdert", "organisert"} <= levels.keys():
        return  # an editor changed the scale: leave the statuses to them
    tasks = [
        *PhasePage.objects.live().exclude(workshop_task="").order_by("path"),
        *TaskAreaPage.objects.live().exclude(workshop_task="").order_by("path"),
    ]
    roles = {}
    for task in tasks:
        link = task.role_links.filter(responsibility="ansvarlig").select_related("role").first()
        roles[task.pk] = link.role if link else None
    existing = set(
        TaskStatus.objects.filter(municipality__cohorts=cohort).values_list(
            "municipality_id", "task_id"
        )
    )
    start = datetime.date(2025, 9, 15)
    for municipality in cohort.municipalities.all():
        user = users.get(municipality.name)
        for task in tasks:
            if (municipality.pk, task.pk) in existing:
                continue
            first, now = demo_level_slugs(municipality, task)
            status = TaskStatus(municipality=municipality, task=task, level=levels[first])
            status.save(changed_by=user)
            backdate(status, start)
            if now != first:
                status.level = levels[now]
                if now in {"organisert", "delvis-organisert"}:
                    status.responsible_role = roles.get(task.pk)
                status.save(changed_by=user)
                offset = zlib.crc32(task.slug.encode()) % 120
                backdate(status, start + datetime.timedelta(days=60 + offset), latest_only=True)
            context.count("status for oppgaver i HTM")


def backdate(status, date, latest_only=False) -> None:
    """Give the demo history the dates it would have had."""
    changes = TaskStatusChange.objects.filter(status=status).order_by("-pk")
    if latest_only:
        changes = changes[:1]
    moment = timezone.make_aware(datetime.datetime.combine(date, datetime.time(10, 0)))
    TaskStatusChange.objects.filter(pk__in=[c.pk for c in changes]).update(changed_at=moment)
    TaskStatus.objects.filter(pk=status.pk).update(updated_at=moment)
