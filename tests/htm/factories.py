import factory
import wagtail_factories

from htm.models import (
    HtmModelPage,
    PhasePage,
    PhaseRole,
    Responsibility,
    Role,
    TaskAreaPage,
    TaskAreaRole,
    TaskGroupPage,
)


class HtmModelPageFactory(wagtail_factories.PageFactory):
    title = "Helhetlig tjenestemodell"
    slug = "helhetlig-tjenestemodell"
    intro = "Oppgaver, roller og ansvar."
    show_in_menus = True

    class Meta:
        model = HtmModelPage


class PhasePageFactory(wagtail_factories.PageFactory):
    number = factory.Sequence(lambda n: n + 1)
    title = factory.LazyAttribute(lambda o: f"Fase {o.number}")
    slug = factory.LazyAttribute(lambda o: f"fase-{o.number}")
    workshop_task = factory.LazyAttribute(lambda o: f"Gjøre oppgave {o.number}")

    class Meta:
        model = PhasePage


class TaskGroupPageFactory(wagtail_factories.PageFactory):
    number = factory.Sequence(lambda n: n + 1)
    title = factory.LazyAttribute(lambda o: f"Gruppe {o.number}")
    slug = factory.LazyAttribute(lambda o: f"gruppe-{o.number}")

    class Meta:
        model = TaskGroupPage


class TaskAreaPageFactory(wagtail_factories.PageFactory):
    number = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"Område {n}")
    slug = factory.Sequence(lambda n: f"omrade-{n}")
    workshop_task = factory.Sequence(lambda n: f"Løse oppgave {n}")

    class Meta:
        model = TaskAreaPage


class RoleFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Rolle {n}")
    slug = factory.Sequence(lambda n: f"rolle-{n}")
    description = "Gjør sin del."

    class Meta:
        model = Role


def checklist(prefix: str, count: int):
    return [("item", f"{prefix} {n}") for n in range(1, count + 1)]


def build_model(home, *, scale: int = 1):
    """A complete model: 4 phases and 5 groups whose sizes, resources and roles grow
    with scale, every item with goals, tasks, tips, resources and roles."""
    model = HtmModelPageFactory(parent=home)
    roles = [RoleFactory() for _ in range(3 * scale)]
    resources = [
        ("resource", {"title": f"Ressurs {n}", "publisher": "KS", "url": "https://www.ks.no/"})
        for n in range(2 * scale)
    ]
    content = {
        "goals": checklist("Mål", 2 * scale),
        "tasks": checklist("Oppgave", 3 * scale),
        "tips": checklist("Tips", 2 * scale),
        "resources": resources,
    }

    def add_roles(page, link_class):
        for position, role in enumerate(roles):
            kind = Responsibility.RESPONSIBLE if position == 0 else Responsibility.INVOLVED
            link_class.objects.create(page=page, role=role, responsibility=kind)

    phases = []
    for number in range(1, 5):
        phase = PhasePageFactory(parent=model, number=number, **content)
        add_roles(phase, PhaseRole)
        phases.append(phase)
    areas = []
    for group_number in range(1, 6):
        group = TaskGroupPageFactory(parent=model, number=group_number)
        for number in range(1, 2 * scale + 1):
            area = TaskAreaPageFactory(parent=group, number=number, **content)
            add_roles(area, TaskAreaRole)
            areas.append(area)
    return model, phases, areas, roles
