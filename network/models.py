"""Every model of the network app, from its rooms, for Django (which loads `network.models`)
and for the other apps. Code inside network/ imports from the rooms themselves."""

from network.follow.models import AnnouncedMaterial, Notice, Subscription
from network.meetings.models import MeetingPageTag, MeetingRegistration
from network.meetings.pages import MeetingIndexPage, MeetingPage
from network.members.models import MarkTag, RelevanceMark, TaggedMark
from network.news.pages import NewsPage, ProjectIndexPage, ProjectPage
from network.organisation.models import Cohort, ContactPerson, Membership, Municipality
from network.organisation.pages import NetworkPage, WorkingGroupMember, WorkingGroupPage
from network.rollouts.pages import RolloutIndexPage, RolloutPage, RolloutStep
from network.statuses.models import (
    RolloutStatus,
    RolloutStatusChange,
    RolloutStatusLevel,
    TaskStatus,
    TaskStatusChange,
    TaskStatusLevel,
)

__all__ = [
    "AnnouncedMaterial",
    "Cohort",
    "ContactPerson",
    "MarkTag",
    "MeetingIndexPage",
    "MeetingPage",
    "MeetingPageTag",
    "MeetingRegistration",
    "Membership",
    "Municipality",
    "NetworkPage",
    "NewsPage",
    "Notice",
    "ProjectIndexPage",
    "ProjectPage",
    "RelevanceMark",
    "RolloutIndexPage",
    "RolloutPage",
    "RolloutStatus",
    "RolloutStatusChange",
    "RolloutStatusLevel",
    "RolloutStep",
    "Subscription",
    "TaggedMark",
    "TaskStatus",
    "TaskStatusChange",
    "TaskStatusLevel",
    "WorkingGroupMember",
    "WorkingGroupPage",
]
