"""The 24 workshop tasks of the HTM, grouped as the model is: the phases, then each group of
ongoing tasks. Read with htm.structure and kept in the cache until content changes, so every
status page built on them runs a fixed number of queries whatever the number of tasks."""

from dataclasses import dataclass

from htm.models import HtmModelPage
from htm.structure import ModelStructure
from portal.pagecache import data

PHASES_HEADING = "Tjenesteforløpet"
PHASES_DESCRIPTION = (
    "Oppgaver for å gi teknologi til bruker, ivareta respons, utrykning og evaluering"
)


@dataclass
class TaskSection:
    title: str
    description: str
    tasks: list


def model_sections() -> list[TaskSection]:
    """The workshop tasks in model order. Areas without a workshop task (Samhandling) are
    left out. Kept in the cache until content changes (portal.pagecache.data)."""
    return data.remember("htm:task-sections", _read_sections)


def _read_sections() -> list[TaskSection]:
    model_page = HtmModelPage.objects.live().order_by("path").first()
    if model_page is None:
        return []
    structure = ModelStructure.for_model_page(model_page)
    sections = [
        TaskSection(
            PHASES_HEADING,
            PHASES_DESCRIPTION,
            [phase for phase in structure.phases if phase.workshop_task],
        )
    ]
    for group in structure.groups:
        tasks = [area for area in group.areas if area.workshop_task]
        if tasks:
            sections.append(TaskSection(group.page.title, group.page.intro, tasks))
    return [section for section in sections if section.tasks]


def all_tasks(sections) -> list:
    return [task for section in sections for task in section.tasks]
