"""The demo content of the network app."""

import pytest

from network.models import (
    Cohort,
    ContactPerson,
    Municipality,
    NewsPage,
    ProjectPage,
    RolloutPage,
    RolloutStatus,
    RolloutStatusChange,
    WorkingGroupPage,
)

PULJE_1 = {
    "Alstahaug", "Bø", "Steigen", "Leirfjord", "Sortland", "Vestvågøy",
    "Andøy", "Herøy", "Rana", "Meløy", "Vega", "Gildeskål",
}  # fmt: skip
PULJE_2 = {"Alstahaug", "Hamarøy", "Dønna", "Lurøy", "Nesna", "Vestvågøy", "Andøy", "Herøy"}
# Real people named in the seed material: they must never appear in the demo.
REAL_NAMES = ["Mathilde", "Hanssen", "Andreassen", "Malin", "Molaug", "Torolf", "Slettevoll"]


@pytest.fixture
def demo(demo_module, db):
    """The demo site, loaded once for the module: these tests only read it."""


def members(slug):
    return set(Cohort.objects.get(slug=slug).municipalities.values_list("name", flat=True))


def test_cohorts_are_as_listed(demo):
    pulje_1 = Cohort.objects.get(slug="pulje-1-2025")
    pulje_2 = Cohort.objects.get(slug="pulje-2-2026")
    assert (pulje_1.name, pulje_1.year) == ("Pulje 1", 2025)
    assert (pulje_2.name, pulje_2.year) == ("Pulje 2", 2026)
    assert pulje_1.programme == "Felles kompetanseløft Helhetlig tjenestemodell i Nordland"
    assert members("pulje-1-2025") == PULJE_1
    assert members("pulje-2-2026") == PULJE_2
    assert len(PULJE_1) == 12 and len(PULJE_2) == 8
    both = {m.name for m in Municipality.objects.filter(cohorts=pulje_1).filter(cohorts=pulje_2)}
    assert both == {"Alstahaug", "Vestvågøy", "Andøy", "Herøy"}


def test_demo_counts(demo):
    assert ContactPerson.objects.count() == 12
    assert ProjectPage.objects.live().count() == 3
    assert NewsPage.objects.live().count() == 6
    assert set(RolloutPage.objects.values_list("title", flat=True)) == {
        "Kjernejournal",
        "DigiHelse",
        "DigiHelsestasjon",
        "Velferdsteknologisk knutepunkt",
        "Pasientens legemiddelliste",
        "Helhetlig tjenestemodell",
    }
    assert set(WorkingGroupPage.objects.values_list("title", flat=True)) == {
        "Koordineringsgruppe",
        "Regional nettverksgruppe for samhandling",
        "Utvalg for tjenesteregister",
    }
    # Every municipality has a status in every rollout, and there is some history.
    assert RolloutStatus.objects.count() == 41 * 6
    assert RolloutStatusChange.objects.count() > RolloutStatus.objects.count()
    # The statuses are spread over the scale, not all the same.
    assert RolloutStatus.objects.values("level").distinct().count() >= 4


def test_demo_people_are_fictional(demo):
    people = list(ContactPerson.objects.all())
    assert all(person.email.endswith("@example.org") for person in people)
    for person in people:
        assert not any(real in person.name for real in REAL_NAMES), person.name
    assert {p.organisation_type for p in people} >= {"kommune", "ks", "nhn", "usht", "helseforetak"}
    assert len({p.role for p in people}) >= 5
    assert any(not p.publish for p in people) and any(p.publish for p in people)


def test_demo_pages_render(demo, client):
    urls = [
        "/",
        "/nettverket/",
        "/nettverket/kommuner/",
        "/nettverket/kommuner/vefsn/",
        "/nettverket/kontaktpersoner/",
        "/nasjonale-innforingslop/",
        "/nasjonale-innforingslop/oversikt/",
        "/aktiviteter-og-prosjekter/",
        "/aktiviteter-og-prosjekter/feed/",
    ]
    urls += [page.url for page in WorkingGroupPage.objects.live()]
    urls += [page.url for page in RolloutPage.objects.live()]
    urls += [page.url for page in ProjectPage.objects.live()]
    urls += [page.url for page in NewsPage.objects.live()]
    for url in urls:
        assert client.get(url).status_code == 200, url
    home = client.get("/").content.decode()
    assert "Siste nytt" in home and "Pulje 2 er i gang" in home
