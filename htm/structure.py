"""The whole model read in a fixed number of queries, for the overview, the position of a
page in the model and its previous/next navigation."""

from dataclasses import dataclass, field

from django.apps import apps

from portal.pagecache import data


@dataclass
class Group:
    page: object
    areas: list = field(default_factory=list)


@dataclass
class ModelStructure:
    root: object
    phases: list
    groups: list[Group]

    @classmethod
    def for_model_page(cls, model_page) -> "ModelStructure":
        """The structure below model_page, which is itself the root (no query for it)."""
        return load_model_structure(model_page.path, model_page.depth, root=model_page)

    @property
    def sequence(self) -> list:
        """Phases and areas in model order: the phases 1–4, then each group's areas."""
        return [*self.phases, *(area for group in self.groups for area in group.areas)]

    @property
    def pages(self) -> list:
        """All pages drawn in the overview, in reading order."""
        result = list(self.phases)
        for group in self.groups:
            result.append(group.page)
            result.extend(group.areas)
        return result

    def neighbours(self, page):
        """The phase or area before and after page in model order (None at the ends)."""
        sequence = self.sequence
        ids = [item.pk for item in sequence]
        if page.pk not in ids:
            return None, None
        index = ids.index(page.pk)
        previous_item = sequence[index - 1] if index > 0 else None
        next_item = sequence[index + 1] if index + 1 < len(sequence) else None
        return previous_item, next_item

    def group_for(self, page):
        for group in self.groups:
            if group.page.pk == page.pk or page.path.startswith(group.page.path):
                return group
        return None

    def position_of(self, page) -> dict | None:
        """Where page sits: its group (None for a phase), its place and the count there."""
        siblings, group = self.phases, None
        if page.pk not in {phase.pk for phase in self.phases}:
            group = self.group_for(page)
            if group is None:
                return None
            siblings = group.areas
        ids = [sibling.pk for sibling in siblings]
        if page.pk not in ids:
            return None
        return {"group": group, "index": ids.index(page.pk) + 1, "count": len(ids)}


# The checklists and resources of phases and areas are shown only on their own pages; the
# model's overview, positions and navigation need titles, numbers and addresses.
ITEM_CONTENT = ("goals", "tasks", "tips", "resources")


def load_model_structure(model_path: str, model_depth: int, root=None) -> ModelStructure:
    """The live phases, groups and areas below the model page at model_path, kept in the
    cache until content changes (portal.pagecache.data). Read, it takes four queries,
    however large the model is."""
    stored_root, phases, groups = data.remember(
        f"htm:structure:{model_path}", lambda: _read_structure(model_path, model_depth)
    )
    return ModelStructure(root=root or stored_root, phases=phases, groups=groups)


def _read_structure(model_path: str, model_depth: int) -> tuple:
    root = apps.get_model("htm", "HtmModelPage").objects.filter(path=model_path).first()
    phase_model = apps.get_model("htm", "PhasePage")
    group_model = apps.get_model("htm", "TaskGroupPage")
    area_model = apps.get_model("htm", "TaskAreaPage")
    below = {"path__startswith": model_path}
    phases = list(
        phase_model.objects.live()
        .filter(depth=model_depth + 1, **below)
        .defer(*ITEM_CONTENT)
        .order_by("number", "path")
    )
    groups = [
        Group(page=group)
        for group in group_model.objects.live()
        .filter(depth=model_depth + 1, **below)
        .order_by("number", "path")
    ]
    by_path = {group.page.path: group for group in groups}
    areas = area_model.objects.live().filter(depth=model_depth + 2, **below).defer(*ITEM_CONTENT)
    for area in areas.order_by("number", "path"):
        group = by_path.get(area.path[: -area.steplen])
        if group is not None:  # an area under an unpublished group is left out
            group.areas.append(area)
    return root, phases, groups


@dataclass
class RoleSummary:
    role: object
    responsible: list = field(default_factory=list)
    involved: list = field(default_factory=list)


def roles_overview(model: ModelStructure) -> list[RoleSummary]:
    """Per role, the phases and areas it is responsible for or involved in, in model order.

    Three queries: the roles and the role links of phases and of areas.
    """
    role_model = apps.get_model("htm", "Role")
    phase_role = apps.get_model("htm", "PhaseRole")
    area_role = apps.get_model("htm", "TaskAreaRole")
    order = {page.pk: position for position, page in enumerate(model.sequence)}
    pages = {page.pk: page for page in model.sequence}
    summaries = {role.pk: RoleSummary(role=role) for role in role_model.objects.all()}
    links = [
        *phase_role.objects.filter(page_id__in=order).values_list(
            "role_id", "page_id", "responsibility"
        ),
        *area_role.objects.filter(page_id__in=order).values_list(
            "role_id", "page_id", "responsibility"
        ),
    ]
    for role_id, page_id, responsibility in sorted(links, key=lambda link: order[link[1]]):
        summary = summaries[role_id]
        target = summary.responsible if responsibility == "ansvarlig" else summary.involved
        target.append(pages[page_id])
    return list(summaries.values())
