"""Factories for the network app's tests."""

import datetime

import factory
import wagtail_factories

from network.models import (
    Cohort,
    ContactPerson,
    Municipality,
    NetworkPage,
    NewsPage,
    ProjectIndexPage,
    ProjectPage,
    RolloutIndexPage,
    RolloutPage,
    RolloutStatus,
    RolloutStatusLevel,
    RolloutStep,
    WorkingGroupMember,
    WorkingGroupPage,
)


class MunicipalityFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Testkommune {n}")
    slug = factory.Sequence(lambda n: f"testkommune-{n}")
    number = factory.Sequence(lambda n: f"{9000 + n}")

    class Meta:
        model = Municipality


class CohortFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Pulje {n}")
    slug = factory.Sequence(lambda n: f"pulje-{n}")
    year = 2025
    programme = "Felles kompetanseløft"

    class Meta:
        model = Cohort


class ContactPersonFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Person Nummer{n}")
    email = factory.Sequence(lambda n: f"person{n}@example.org")
    phone = "+47 75 00 00 00"
    role = "kontaktperson-e-helse"
    organisation_type = "ks"
    organisation_name = "KS"
    publish = True

    class Meta:
        model = ContactPerson


class NetworkPageFactory(wagtail_factories.PageFactory):
    title = "Nettverket"
    slug = "nettverket"
    intro = "Hvem som er med."

    class Meta:
        model = NetworkPage


class WorkingGroupPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Arbeidsgruppe {n}")
    slug = factory.Sequence(lambda n: f"arbeidsgruppe-{n}")
    mandate = "<p>Mandatet.</p>"

    class Meta:
        model = WorkingGroupPage


class WorkingGroupMemberFactory(factory.django.DjangoModelFactory):
    contact_person = factory.SubFactory(ContactPersonFactory)
    group_role = "Medlem"

    class Meta:
        model = WorkingGroupMember


class RolloutIndexPageFactory(wagtail_factories.PageFactory):
    title = "Nasjonale innføringsløp"
    slug = "nasjonale-innforingslop"

    class Meta:
        model = RolloutIndexPage


class RolloutPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Innføringsløp {n}")
    slug = factory.Sequence(lambda n: f"innforingslop-{n}")
    intro = "Hva løsningen er."
    rollout_owner = "nhn"

    class Meta:
        model = RolloutPage


class RolloutStepFactory(factory.django.DjangoModelFactory):
    title = factory.Sequence(lambda n: f"Trinn {n}")

    class Meta:
        model = RolloutStep


class RolloutStatusFactory(factory.django.DjangoModelFactory):
    municipality = factory.Iterator(Municipality.objects.all())
    level = factory.LazyFunction(lambda: RolloutStatusLevel.objects.get(slug="forberedelse"))
    since = datetime.date(2025, 5, 1)

    class Meta:
        model = RolloutStatus


class ProjectIndexPageFactory(wagtail_factories.PageFactory):
    title = "Aktiviteter og prosjekter"
    slug = "aktiviteter-og-prosjekter"

    class Meta:
        model = ProjectIndexPage


class ProjectPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Prosjekt {n}")
    slug = factory.Sequence(lambda n: f"prosjekt-{n}")
    scope = "regionalt"
    status = "pagar"
    start_date = datetime.date(2025, 1, 1)

    class Meta:
        model = ProjectPage


class NewsPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Nyhet {n}")
    slug = factory.Sequence(lambda n: f"nyhet-{n}")
    date = factory.Sequence(lambda n: datetime.date(2025, 1, 1) + datetime.timedelta(days=n))
    scope = "regionalt"
    intro = "Kort om nyheten."

    class Meta:
        model = NewsPage
