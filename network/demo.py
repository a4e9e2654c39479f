"""Demo content of the network app, room by room, in the order they build on each other:
organisation and rollouts first, then statuses, news, meetings and members. Each loader
creates only what is missing."""

from network.meetings import demo as meetings_demo
from network.members import demo as members_demo
from network.news import demo as news_demo
from network.organisation import demo as organisation_demo
from network.organisation.models import Municipality
from network.rollouts import demo as rollouts_demo
from network.statuses import demo as statuses_demo
from portal.demo_tools import DemoContext


def load(context: DemoContext) -> None:
    home = context.pages["home"]
    municipalities = {m.name: m for m in Municipality.objects.all()}
    cohorts = organisation_demo.ensure_cohorts(context, municipalities)
    _index, rollouts = rollouts_demo.ensure_rollouts(context, home)
    contacts = organisation_demo.ensure_contacts(context, municipalities, rollouts)
    rollouts_demo.ensure_statuses(context, municipalities, rollouts, cohorts)
    organisation_demo.ensure_network_page(context, home, contacts)
    news_demo.ensure_projects_and_news(context, home, municipalities, cohorts, contacts, rollouts)
    meetings_demo.load(context)
    coordinators = members_demo.load(context)
    statuses_demo.ensure_task_statuses(context, coordinators)
