"""What every status page and chart reads besides the statuses: the status levels of
rollouts and of HTM tasks, and the rollouts a status may be recorded for. Kept in the cache
until content changes (portal.pagecache.data), so those pages pay no query for them.
"""

from portal.pagecache import data

from .models import RolloutStatus, RolloutStatusLevel, TaskStatusLevel


def rollout_levels() -> list[RolloutStatusLevel]:
    return data.remember("network:levels:rollout", lambda: list(RolloutStatusLevel.objects.all()))


def task_levels() -> list[TaskStatusLevel]:
    return data.remember("network:levels:task", lambda: list(TaskStatusLevel.objects.all()))


def rollouts() -> list:
    """The live, public rollouts, in tree order."""
    return data.remember(
        "network:rollouts", lambda: list(RolloutStatus.rollout_pages().order_by("path"))
    )
