"""Compounds, editors' synonyms, what is indexed, and ranking: on every database."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.search import index

from network.meetings.pages import MeetingPage
from search.models import SearchSynonym
from tests.factories import ContentPageFactory
from tests.htm.factories import HtmModelPageFactory, PhasePageFactory

from .conftest import pptx_bytes


@pytest.fixture(autouse=True)
def fresh_cache():
    """The synonym and promotion tables are cached; a rolled-back test leaves no trace."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


def titles(client, query, **params) -> list[str]:
    response = client.get("/sok/", {"q": query, **params})
    assert response.status_code == 200
    results = response.context["results"]
    return [hit.title for hit in results] if results else []


# Compounds ------------------------------------------------------------------------------


@pytest.fixture
def compounds(home_page):
    pages = {}
    for title in (
        "DigiHelsestasjon",
        "Pasientens legemiddelliste",
        "Velferdsteknologi i kommunen",
        "Helseteknologien i hjemmet",
        "Om nettverket",
    ):
        pages[title] = ContentPageFactory(parent=home_page, title=title, intro="Les mer her.")
    return pages


def test_a_part_of_a_compound_finds_the_compound_in_titles(client, compounds):
    assert "DigiHelsestasjon" in titles(client, "helsestasjon")
    assert "DigiHelsestasjon" in titles(client, "helsestasjonen")
    assert "Pasientens legemiddelliste" in titles(client, "legemiddel")
    found = titles(client, "teknologi")
    assert {"Velferdsteknologi i kommunen", "Helseteknologien i hjemmet"} <= set(found)
    assert "Om nettverket" not in found


def test_a_part_of_a_compound_finds_it_in_tags_and_body(client, home_page):
    tagged = ContentPageFactory(parent=home_page, title="Nattilsyn", intro="Kamera om natten.")
    tagged.tags.add("Velferdsteknologi")
    tagged.save()
    index.insert_or_update_object(tagged)
    body = ContentPageFactory(
        parent=home_page, title="Erfaringer", intro="Vi tok i bruk helseteknologien i fjor."
    )
    found = titles(client, "teknologien")
    assert found[0] == "Nattilsyn"  # the tag ranks above mentions in the body
    assert body.title in found


# Synonyms -------------------------------------------------------------------------------


@pytest.fixture
def pll(home_page):
    SearchSynonym.objects.create(term="PLL", alternatives="Pasientens legemiddelliste")
    long_form = ContentPageFactory(
        parent=home_page, title="Pasientens legemiddelliste", intro="Én felles liste."
    )
    short_form = ContentPageFactory(parent=home_page, title="Nytt om PLL", intro="Utprøving.")
    return long_form, short_form


def test_a_search_for_either_side_of_a_synonym_finds_both(client, pll):
    expected = {"Pasientens legemiddelliste", "Nytt om PLL"}
    assert set(titles(client, "PLL")) == expected
    assert set(titles(client, "pasientens legemiddelliste")) == expected
    assert set(titles(client, "pasientens legemiddellisten")) == expected


def test_synonyms_cost_no_query_per_search_and_a_change_is_seen_at_once(client, pll):
    titles(client, "PLL")  # reads the table once
    with CaptureQueriesContext(connection) as queries:
        titles(client, "PLL")
    assert not [q for q in queries if "search_searchsynonym" in q["sql"]]
    synonym = SearchSynonym.objects.get(term="PLL")
    synonym.alternatives = "Medisinkort"
    synonym.save()
    assert "Pasientens legemiddelliste" not in titles(client, "PLL")
    synonym.delete()
    assert titles(client, "PLL") == ["Nytt om PLL"]


def test_the_synonym_form_explains_bad_input_in_norwegian(db):
    SearchSynonym.objects.create(term="KJ", alternatives="Kjernejournal")
    synonym = SearchSynonym(term="kj", alternatives="")
    with pytest.raises(Exception) as error:
        synonym.full_clean()
    messages = str(error.value)
    assert "allerede synonymer" in messages
    assert "minst ett ord" in messages


# What is indexed ------------------------------------------------------------------------


def test_htm_resources_and_tag_names_are_found(client, home_page):
    model = HtmModelPageFactory(parent=home_page)
    phase = PhasePageFactory(
        parent=model,
        title="Iverksette",
        resources=[
            (
                "resource",
                {"title": "Veileder for nattilsyn", "publisher": "", "url": "https://ks.no"},
            )
        ],
    )
    phase.tags.add("Trygghetsalarm")
    phase.save()
    index.insert_or_update_object(phase)
    assert "Iverksette" in titles(client, "veilederen")
    assert "Iverksette" in titles(client, "trygghetsalarmene")
    assert phase.resources_text() == "Veileder for nattilsyn"


def test_a_meetings_programme_reads_as_sentences():
    meeting = MeetingPage(
        title="Fagdag",
        programme=[
            ("item", {"title": "Velkommen", "description": "", "materials": []}),
            ("item", {"title": "Samhandling", "description": "Erfaringer fra Bodø."}),
        ],
    )
    text = meeting.programme_text()
    assert text == "Velkommen. Samhandling. Erfaringer fra Bodø"
    assert ", ," not in text


# Ranking --------------------------------------------------------------------------------


def test_a_title_match_on_a_page_beats_a_passing_mention_in_a_slide(
    client, home_page, make_document
):
    make_document(
        "Lysark fra fagdagen",
        pptx_bytes(*(["Trygghetsalarm og trygghetsalarmer i hjemmet"] * 12)),
        "lysark.pptx",
    )
    ContentPageFactory(parent=home_page, title="Trygghetsalarm", intro="Om tjenesten.")
    found = titles(client, "trygghetsalarmen")
    assert found[0] == "Trygghetsalarm"
    assert "Lysark fra fagdagen" in found
