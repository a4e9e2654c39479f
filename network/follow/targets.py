"""What can be followed, read from a link's query (?side=, ?emneord=, ?motetype=,
?kommune=), and the subscription that follows it."""

from dataclasses import dataclass

from django.utils import timezone
from taggit.models import Tag
from wagtail.models import Page

from htm.models import PhasePage, TaskAreaPage
from network.choices import MeetingType
from network.meetings.pages import MeetingPage
from network.organisation.access import can_view_municipality
from network.organisation.models import Municipality
from network.rollouts.pages import RolloutPage

from .models import Subscription, TargetKind

FOLLOWABLE_PAGES = (RolloutPage, PhasePage, TaskAreaPage, MeetingPage)


@dataclass
class Target:
    kind: str
    label: str
    back_url: str = "/"
    page: Page | None = None
    tag: Tag | None = None
    meeting_type: str = ""
    municipality: Municipality | None = None

    def query(self) -> str:
        value = {
            TargetKind.PAGE: self.page.pk if self.page else "",
            TargetKind.TAG: self.tag.slug if self.tag else "",
            TargetKind.MEETING_TYPE: self.meeting_type,
            TargetKind.MUNICIPALITY: self.municipality.slug if self.municipality else "",
        }[self.kind]
        return f"{self.kind}={value}"

    def fields(self) -> dict:
        return {
            "kind": self.kind,
            "page": self.page,
            "tag": self.tag,
            "meeting_type": self.meeting_type,
            "municipality": self.municipality,
        }


def is_followable(page) -> bool:
    return isinstance(page, FOLLOWABLE_PAGES)


def target_from(params, user) -> Target | None:
    """The thing the query names, or None when it names nothing that can be followed (or
    a municipality the user is not a member of)."""
    value = str(params.get(TargetKind.PAGE, "") or "").strip()
    if value.isdigit():
        page = Page.objects.live().public().filter(pk=int(value)).first()
        page = page.specific if page else None
        if page is not None and is_followable(page):
            return Target(TargetKind.PAGE, page.title, page.url or "/", page=page)
        return None
    value = str(params.get(TargetKind.TAG, "") or "").strip()
    if value:
        tag = Tag.objects.filter(slug=value).first()
        if tag is not None:
            return Target(TargetKind.TAG, f"emneordet «{tag.name}»", tag=tag)
        return None
    value = str(params.get(TargetKind.MEETING_TYPE, "") or "").strip()
    if value in MeetingType.values:
        label = f"{MeetingType(value).label.lower()}er"
        return Target(TargetKind.MEETING_TYPE, label, meeting_type=value)
    value = str(params.get(TargetKind.MUNICIPALITY, "") or "").strip()
    if value:
        municipality = Municipality.objects.filter(slug=value).first()
        if municipality is not None and can_view_municipality(user, municipality):
            label = f"alt nytt for {municipality.name}"
            return Target(TargetKind.MUNICIPALITY, label, municipality=municipality)
    return None


def existing(target: Target, email: str) -> Subscription | None:
    probe = Subscription(**target.fields())
    return Subscription.objects.of_email(email).filter(target_key=probe.make_target_key()).first()


def follow_as_member(target: Target, user, frequency: str) -> tuple[Subscription, bool]:
    """The member's subscription to the target (confirmed at once): (it, created)."""
    subscription = existing(target, user.email)
    if subscription is not None:
        changed = subscription.frequency != frequency or not subscription.is_confirmed
        subscription.frequency = frequency
        subscription.user = user
        subscription.confirmed_at = subscription.confirmed_at or timezone.now()
        if changed:
            subscription.save()
        return subscription, False
    subscription = Subscription.objects.create(
        user=user,
        email=user.email,
        frequency=frequency,
        confirmed_at=timezone.now(),
        **target.fields(),
    )
    return subscription, True


def follow_as_visitor(target: Target, email: str, frequency: str) -> Subscription:
    """A visitor's subscription, waiting for the address to be confirmed; an unconfirmed
    one gets a fresh start (and a new link)."""
    subscription = existing(target, email)
    if subscription is None:
        return Subscription.objects.create(email=email, frequency=frequency, **target.fields())
    if not subscription.is_confirmed:
        subscription.frequency = frequency
        subscription.created_at = timezone.now()
        subscription.save()
    return subscription
