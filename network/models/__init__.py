"""The network app's models, split by subject and re-exported here."""

from .meetings import MeetingIndexPage, MeetingPage, MeetingPageTag, MeetingRegistration
from .members import MarkTag, MemberRole, Membership, RelevanceMark, TaggedMark
from .organisation import Cohort, ContactPerson, Municipality
from .pages import (
    NetworkPage,
    NewsPage,
    ProjectIndexPage,
    ProjectPage,
    WorkingGroupMember,
    WorkingGroupPage,
)
from .rollouts import (
    RolloutIndexPage,
    RolloutPage,
    RolloutStatus,
    RolloutStatusChange,
    RolloutStatusLevel,
    RolloutStep,
)
from .task_status import TaskStatus, TaskStatusChange, TaskStatusLevel

__all__ = [
    "MarkTag",
    "MemberRole",
    "Membership",
    "RelevanceMark",
    "TaggedMark",
    "TaskStatus",
    "TaskStatusChange",
    "TaskStatusLevel",
    "Cohort",
    "MeetingIndexPage",
    "MeetingPage",
    "MeetingPageTag",
    "MeetingRegistration",
    "ContactPerson",
    "Municipality",
    "NetworkPage",
    "NewsPage",
    "ProjectIndexPage",
    "ProjectPage",
    "RolloutIndexPage",
    "RolloutPage",
    "RolloutStatus",
    "RolloutStatusChange",
    "RolloutStatusLevel",
    "RolloutStep",
    "WorkingGroupMember",
    "WorkingGroupPage",
]
