"""Demo content of the HTM app: the model page, 4 phases, 5 groups, 21 areas and the roles."""

from portal.demo_tools import DemoContext, ensure_child_page

from . import demo_data
from .models import (
    HtmModelPage,
    PhasePage,
    PhaseRole,
    Responsibility,
    Role,
    TaskAreaPage,
    TaskAreaRole,
    TaskGroupPage,
)

MODEL_SLUG = "helhetlig-tjenestemodell"
KS_HTM_URL = (
    "https://www.ks.no/fagomrader/helse-og-omsorg/velferdsteknologi3/"
    "helhetlig-tjenestemodell-for-velferdsteknologi2/"
)

MODEL_INTRO = (
    "Et metodisk verktøy fra KS som gir oversikt over oppgaver, roller og ansvar som må "
    "ivaretas dersom helseteknologi skal bli en integrert del av tjenestene til innbyggerne "
    "i kommunen. Klikk på en fase eller et område for å se mål, oppgaver og tips."
)

MODEL_BODY = [
    ("heading", {"text": "Hva er Helhetlig tjenestemodell?", "level": "h2"}),
    (
        "paragraph",
        "<p>Modellen viser hva som må til for at en bruker skal få egnet helseteknologi som "
        "en del av et tjenesteforløp: fra behovet oppstår, via iverksetting og respons, til "
        "evaluering. I tillegg viser den alle de løpende oppgavene kommunen må ivareta for at "
        "teknologien skal virke og støtte tjenesteforløpet, fra opplæring og budsjettering til "
        "IT-drift, lager og avtaler.</p><p>Ingen enhet klarer dette alene. Modellen krever "
        "tverrfaglig samarbeid og samordning mellom tjenestene, IT, innkjøp og ledelsen.</p>",
    ),
    ("heading", {"text": "Bakgrunn", "level": "h2"}),
    (
        "paragraph",
        "<p>Kommuner har utviklet modellen sammen med KS i det nasjonale "
        "velferdsteknologiprogrammet. Den er oppdatert flere ganger, og versjon 3.0 er den "
        "gjeldende. Digitalisering og innovasjon i kommunene avhenger i stor grad av "
        "organisasjonsendring og tjenesteutvikling, og modellen er laget for å støtte "
        "kommunene i nettopp det arbeidet.</p>",
    ),
    ("heading", {"text": "Hvorfor det betyr noe", "level": "h2"}),
    (
        "callout",
        {
            "variant": "warning",
            "title": "Når teknologien ikke varsler",
            "text": "<p>I 2025 omtalte Helsetilsynet en sak der velferdsteknologi hos en "
            "hjemmeboende bruker med demens ikke varslet som den skulle da brukeren gikk ut "
            "om natten, og brukeren døde. Teknologien krever tilrettelegging: noen må ha "
            "ansvaret for rutiner, opplæring, testing, drift og oppfølging. Det er dette "
            "modellen gjør synlig.</p>",
        },
    ),
]

MODEL_RESOURCES = [
    {
        "title": "Helhetlig tjenestemodell for velferdsteknologi",
        "publisher": "KS",
        "url": KS_HTM_URL,
    },
    {
        "title": "Presentasjon av Helhetlig tjenestemodell",
        "publisher": "KS",
        "url": KS_HTM_URL + "helhetlig-tjenestemodell-presentasjon/",
    },
    {
        "title": "Klikkbar versjon av modellen (PDF, versjon 3.0, august 2023)",
        "publisher": "KS",
        "url": "https://www.ks.no/contentassets/fd1c4833f38743f09696c973a37e8a99/"
        "Klikkbar-modell-helhetlig-tjenestemodell-for-velferdsteknologi-v3-0-august-2023.pdf",
    },
    {
        "title": "Kort til workshop (PowerPoint)",
        "publisher": "KS",
        "url": "https://www.ks.no/contentassets/7a2f0c2a40944f53970dad86f50e9f67/"
        "helhetlig-tjenestemodell_kort-til-workshop.pptx",
    },
]


def load(context: DemoContext) -> None:
    home = context.pages["home"]
    roles = ensure_roles(context)
    model, created = ensure_child_page(
        home,
        HtmModelPage,
        MODEL_SLUG,
        title="Helhetlig tjenestemodell",
        intro=MODEL_INTRO,
        body=MODEL_BODY,
        resources=[("resource", resource) for resource in MODEL_RESOURCES],
        show_in_menus=True,
    )
    context.pages[MODEL_SLUG] = model
    context.count("HTM-sider", created)

    for spec in demo_data.PHASES:
        _, created = ensure_item(model, PhasePage, PhaseRole, spec, roles)
        context.count("HTM-sider", created)
    for group_spec in demo_data.GROUPS:
        group, created = ensure_child_page(
            model,
            TaskGroupPage,
            group_spec["slug"],
            title=group_spec["title"],
            number=group_spec["number"],
            intro=group_spec["intro"],
        )
        context.count("HTM-sider", created)
        for spec in group_spec["areas"]:
            _, created = ensure_item(
                group,
                TaskAreaPage,
                TaskAreaRole,
                spec,
                roles,
                spans_model=spec["slug"] == "samhandling",
            )
            context.count("HTM-sider", created)


def ensure_roles(context: DemoContext) -> dict[str, Role]:
    roles = {}
    for position, spec in enumerate(demo_data.ROLES, start=1):
        role, created = Role.objects.get_or_create(
            slug=spec["slug"],
            defaults={
                "name": spec["name"],
                "description": spec["description"],
                "sort_order": position,
            },
        )
        roles[role.slug] = role
        context.count("roller", created)
    return roles


def ensure_item(parent, page_class, role_link_class, spec, roles, **extra):
    role_links = [
        role_link_class(role=roles[slug], responsibility=Responsibility.RESPONSIBLE)
        for slug in spec["responsible"]
    ] + [
        role_link_class(role=roles[slug], responsibility=Responsibility.INVOLVED)
        for slug in spec["involved"]
    ]
    return ensure_child_page(
        parent,
        page_class,
        spec["slug"],
        tags=spec["tags"],
        title=spec["title"],
        number=spec["number"],
        short_name=spec["short_name"] if spec["short_name"] != spec["title"] else "",
        workshop_task=spec["workshop_task"],
        intro=spec["intro"],
        goals=[("item", text) for text in spec["goals"]],
        tasks=[("item", text) for text in spec["tasks"]],
        tips=[("item", text) for text in spec["tips"]],
        resources=[("resource", resource) for resource in spec["resources"]],
        role_links=role_links,
        **extra,
    )
