"""The kinds of search result readers can filter by, and which models belong to each.

Models are named by label, so this app need not import the models of features that are
still being built (meetings); an unknown page type is an «Annen side».
"""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class ResultType:
    key: str
    label: str
    models: frozenset = field(default_factory=frozenset)


HTM = ResultType(
    "htm",
    "Tjenestemodellen (HTM)",
    frozenset({"htm.htmmodelpage", "htm.phasepage", "htm.taskgrouppage", "htm.taskareapage"}),
)
ROLLOUTS = ResultType(
    "innforingslop", "Innføringsløp", frozenset({"network.rolloutindexpage", "network.rolloutpage"})
)
MEETINGS = ResultType(
    "moter", "Møter og fagdager", frozenset({"network.meetingindexpage", "network.meetingpage"})
)
MATERIALS = ResultType("materiell", "Materiell")
PEOPLE = ResultType("personer", "Personer")
PROJECTS = ResultType(
    "prosjekter",
    "Aktiviteter og prosjekter",
    frozenset({"network.projectindexpage", "network.projectpage", "network.newspage"}),
)
OTHER_PAGES = ResultType("sider", "Andre sider")

RESULT_TYPES = [HTM, ROLLOUTS, MEETINGS, MATERIALS, PEOPLE, PROJECTS, OTHER_PAGES]
RESULT_TYPES_BY_KEY = {result_type.key: result_type for result_type in RESULT_TYPES}


def page_type_for(model_label: str) -> ResultType:
    for result_type in (HTM, ROLLOUTS, MEETINGS, PROJECTS):
        if model_label in result_type.models:
            return result_type
    return OTHER_PAGES
