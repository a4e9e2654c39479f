"""Demo content of the members: accounts in a few municipalities, and their marks with tags.

All people are fictional (e-mail addresses at example.org). Their passwords are derived from
SECRET_KEY, so they are the same on every run and printed only in development (DEBUG); with
DEBUG off the demo members get no usable password and are invited like anyone else.
Creates only what is missing: a second run changes nothing.
"""

import hashlib
import hmac

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import Page

from network.choices import MemberRole
from network.meetings.pages import MeetingPage
from network.organisation.access import MEMBERS_GROUP
from network.organisation.models import Membership, Municipality
from portal.demo_tools import DemoContext

from .models import RelevanceMark

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


def load(context: DemoContext) -> dict:
    """Create what is missing; return the demo coordinators by municipality name."""
    municipalities = {m.name: m for m in Municipality.objects.all()}
    users = ensure_members(context, municipalities)
    ensure_marks(context, municipalities, users)
    return users


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
