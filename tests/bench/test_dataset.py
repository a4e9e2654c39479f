"""The benchmark's data set builder (bench/dataset.py): on a small site with one or two of
each kind, scale 10 gives ten times each count, copies are real live pages in a sound tree,
an archive tops the site up to a page count, and the command refuses other databases.
One build, in one test, keeps the module fast."""

import pytest
from django.core.management import CommandError, call_command
from wagtail.documents import get_document_model
from wagtail.models import Page

from bench import dataset
from network.models import Municipality
from network.statuses.models import RolloutStatus, RolloutStatusLevel
from tests.factories import ContentPageFactory
from tests.network.factories import (
    ContactPersonFactory,
    NetworkPageFactory,
    NewsPageFactory,
    ProjectIndexPageFactory,
    ProjectPageFactory,
    RolloutIndexPageFactory,
    RolloutPageFactory,
    WorkingGroupPageFactory,
)
from tests.network.meetings.factories import (
    MeetingIndexPageFactory,
    MeetingPageFactory,
    make_document,
)

SCALE = 10


@pytest.fixture
def small_site(home_page):
    about = ContentPageFactory(parent=home_page, title="Om nettverket", slug="om-nettverket")
    ContentPageFactory(parent=home_page, title="Personvern", slug="personvern")
    document = make_document("Lysark fra fagdagen")
    get_document_model().objects.filter(pk=document.pk).update(
        extracted_text="Opplæring i velferdsteknologi"
    )
    meetings = MeetingIndexPageFactory(parent=home_page)
    material = {"document": document.pk, "title": "", "presenter": None, "members_only": False}
    MeetingPageFactory(
        parent=meetings,
        title="Fagdag om opplæring",
        slug="fagdag",
        materials=[{"type": "material", "value": material}],
    )
    projects = ProjectIndexPageFactory(parent=home_page)
    ProjectPageFactory(parent=projects, title="Felles kompetanseløft", slug="kompetanseloft")
    NewsPageFactory(parent=projects, title="Pulje 1 har startet", slug="pulje-1")
    network = NetworkPageFactory(parent=home_page)
    WorkingGroupPageFactory(parent=network, title="Arbeidsgruppe for opplæring", slug="ag")
    ContactPersonFactory.create_batch(2)
    rollouts = RolloutIndexPageFactory(parent=home_page)
    rollout = RolloutPageFactory(parent=rollouts, slug="kjernejournal")
    level = RolloutStatusLevel.objects.first()
    for municipality in Municipality.objects.order_by("number")[:3]:
        RolloutStatus(municipality=municipality, rollout=rollout, level=level).save()
    return about


@pytest.mark.django_db
def test_scale_ten_gives_ten_times_each_count_and_an_archive_tops_up_the_pages(small_site, client):
    before = dataset.counts()
    assert before["sider: møte"] == 1 and before["historikk i innføringsløp"] == 3

    after = dataset.build(scale=SCALE, min_pages=0, log=lambda text: None, index=False)

    grown = [key for key in before if key.startswith("sider:")]
    grown += ["kontaktpersoner", "dokumenter", "dokumenter med tekst", "historikk i innføringsløp"]
    for key in grown:
        assert after[key] == SCALE * before[key], key
    # The municipalities × the national rollouts: the same statuses, ten times the history.
    assert after["status i innføringsløp"] == before["status i innføringsløp"] == 3
    growing_pages = sum(before[key] for key in before if key.startswith("sider:"))
    assert after["sider i alt"] == before["sider i alt"] + (SCALE - 1) * growing_pages
    assert Page.find_problems() == ([], [], [], [], [])

    copy = Page.objects.get(slug="fagdag-b3").specific
    assert copy.live and copy.url_path.endswith("/moter-og-fagdager/fagdag-b3/")
    copied_document = copy.materials[0].value["document"]
    assert copied_document.title == "Lysark fra fagdagen (4)"
    assert copied_document.extracted_text == "Opplæring i velferdsteknologi"
    response = client.get(copy.url)
    assert response.status_code == 200
    assert "Fagdag om opplæring (4)" in response.content.decode()
    assert client.get(Page.objects.get(slug="pulje-1-b9").url).status_code == 200
    # Copied content pages go under «Om nettverket», not into the main menu.
    assert Page.objects.get(slug="personvern-b1").get_parent().pk == small_site.pk
    assert not Page.objects.filter(slug__endswith="-b1", show_in_menus=True).exists()

    # The archive: older news, meetings, projects and content pages up to the page count.
    dataset.archive(after["sider i alt"] + 30, SCALE, {}, log=lambda text: None)
    assert Page.objects.filter(depth__gt=1).count() >= after["sider i alt"] + 30
    assert Page.objects.filter(slug="fagdag-b10").exists()
    assert Page.find_problems() == ([], [], [], [], [])
    with pytest.raises(ValueError, match="allerede bygget"):
        dataset.build(scale=2, min_pages=0, log=lambda text: None, index=False)


def test_only_a_bench_or_demo_database_may_be_filled():
    assert dataset.is_bench_database("/srv/portal/var/bench/bench.sqlite3")
    assert dataset.is_bench_database("ehelse_bench")
    assert dataset.is_bench_database("ehelse_demo")
    assert not dataset.is_bench_database("ehelse_nordland")
    assert not dataset.is_bench_database("/srv/bench/portal.sqlite3")


@pytest.mark.django_db
def test_the_command_refuses_a_database_whose_name_says_nothing(home_page, monkeypatch):
    monkeypatch.setattr(
        "network.management.commands.build_bench_content.database_label",
        lambda: "ehelse_nordland",
    )
    pages = Page.objects.count()
    with pytest.raises(CommandError, match="ehelse_nordland"):
        call_command("build_bench_content", "--no-index")
    assert Page.objects.count() == pages
