"""The search page: results across pages, people and documents; filters; odd queries;
members-only materials; promotions and popular queries; a bounded number of queries."""

import re
from urllib.parse import urlencode

import pytest
from django.db import connection
from django.template.defaultfilters import filesizeformat
from django.test.utils import CaptureQueriesContext
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Page

from tests.factories import ContentPageFactory
from tests.network.factories import ContactPersonFactory, NetworkPageFactory

from .conftest import docx_bytes, pdf_bytes, pptx_bytes

# The site and the layout around the results (menu, settings, footer: 6 today), and the
# search's own: three searches, tags, document usage, the pages results need, snippets, and
# the log (two statements on SQLite). Restrictions, synonyms and promotions cost none.
MAX_SEARCH_QUERIES = 15


def get(client, query="", **params):
    response = client.get("/sok/", {"q": query, **params})
    assert response.status_code == 200
    return response


def result_titles(response) -> list[str]:
    return [hit.title for hit in response.context["results"]] if response.context["results"] else []


def result_kinds(response) -> set[str]:
    return {hit.result_type.key for hit in response.context["results"]}


# What a reader sees ---------------------------------------------------------------------


def test_query_kept_count_type_breadcrumb_and_highlighted_snippet(client, site_content):
    response = get(client, "velferdsteknologi")
    html = response.content.decode()
    assert 'value="velferdsteknologi"' in html
    assert re.search(r"4 treff på «velferdsteknologi»", html)  # with the home page
    area = next(hit for hit in response.context["results"] if hit.title == "Tildeling")
    assert area.result_type.label == "Tjenestemodellen (HTM)"
    assert area.breadcrumbs == ["Helhetlig tjenestemodell", "Vedlikehold og videreutvikling"]
    assert area.url == "/helhetlig-tjenestemodell/gruppe-1/tildeling/" or area.url.endswith(
        "/tildeling/"
    )
    assert "<mark>velferdsteknologi</mark>" in str(area.snippet).lower()
    assert "Helhetlig tjenestemodell › Vedlikehold og videreutvikling" in html


def test_document_result_shows_the_text_inside_and_the_page_that_uses_it(
    client, site_content, make_document
):
    document = make_document(
        "Presentasjon fra fagdagen",
        pptx_bytes("Erfaringer med elektronisk medisineringsstøtte i Vefsn"),
        "fagdag.pptx",
    )
    page = ContentPageFactory(
        parent=site_content["about"],
        title="Fagdag om legemidler",
        slug="fagdag-om-legemidler",
        body=[("paragraph", f'<p>Se <a linktype="document" id="{document.pk}">lysarkene</a>.</p>')],
    )
    page.save()  # the reference index records the link
    response = get(client, "medisineringsstøtte")
    hits = list(response.context["results"])
    assert [hit.kind for hit in hits] == ["document"]
    hit = hits[0]
    assert hit.result_type.label == "Materiell"
    assert hit.url == document.url
    assert hit.used_on.pk == page.pk
    assert "<mark>medisineringsstøtte</mark>" in str(hit.snippet).lower()
    html = response.content.decode()
    assert "brukt på siden" in html
    # The file's type and size, read with the hit (no query of its own).
    assert " ".join(f"PPTX, {filesizeformat(document.file_size)}".split()) in " ".join(html.split())
    assert 'href="/om-nettverket/fagdag-om-legemidler/"' in html


def test_published_contact_persons_are_found_and_others_are_not(client, home_page):
    NetworkPageFactory(parent=home_page)
    kari = ContactPersonFactory(name="Kari Fjellheim", title="Prosjektleder", publish=True)
    ContactPersonFactory(name="Ola Fjellheim", title="Rådgiver", publish=False)
    response = get(client, "fjellheim")
    assert result_titles(response) == ["Kari Fjellheim"]
    hit = response.context["results"][0]
    assert hit.result_type.label == "Personer"
    assert hit.url == "/nettverket/kontaktpersoner/?q=Kari+Fjellheim"
    assert hit.breadcrumbs == [kari.organisation]
    assert str(hit.snippet) == f"{kari.get_role_display()} · Prosjektleder · {kari.organisation}"
    assert "Ola" not in response.content.decode()


def test_unpublished_and_private_pages_are_not_found(client, site_content, member):
    draft = ContentPageFactory(parent=site_content["about"], title="Utkast om sensorer", live=False)
    assert draft.pk
    private = ContentPageFactory(parent=site_content["about"], title="Intern side om sensorer")
    from wagtail.models import PageViewRestriction

    PageViewRestriction.objects.create(page=private, restriction_type="login")
    assert result_titles(get(client, "sensorer")) == []
    client.force_login(member)
    assert result_titles(get(client, "sensorer")) == ["Intern side om sensorer"]


# Norwegian stemming (on every database) -------------------------------------------------


def test_inflected_forms_find_each_other(client, site_content):
    assert "Iverksette" in result_titles(get(client, "opplæringen"))
    assert "Iverksette" in result_titles(get(client, "opplæring"))
    assert "Tildeling" in result_titles(get(client, "tildelingskriteriene"))
    assert "Tildeling" in result_titles(get(client, "Tildelingskriterier"))


def test_stemming_reaches_the_text_inside_documents_and_marks_it(client, db, make_document):
    make_document("Referat", docx_bytes("Ny plan for opplæring av ansatte"), "referat.docx")
    response = get(client, "opplæringen")
    hit = response.context["results"][0]
    assert hit.kind == "document"
    assert "<mark>opplæring</mark>" in str(hit.snippet)


# Members-only materials -----------------------------------------------------------------


def test_members_only_document_is_absent_for_anonymous_and_present_for_members(
    client, site_content, make_document, member_collection, member
):
    make_document("Åpent referat", pdf_bytes("Alarmsentral i Salten"), "aapent.pdf")
    make_document(
        "Internt notat",
        pdf_bytes("Alarmsentral og budsjett"),
        "internt.pdf",
        collection=member_collection,
    )
    anonymous = get(client, "alarmsentral")
    assert result_titles(anonymous) == ["Åpent referat"]
    assert "Internt notat" not in anonymous.content.decode()
    assert "budsjett" not in anonymous.content.decode()
    suggestions = client.get("/sok/", {"q": "intern", "format": "forslag"}).json()
    assert suggestions["results"] == []

    client.force_login(member)
    assert sorted(result_titles(get(client, "alarmsentral"))) == ["Internt notat", "Åpent referat"]
    suggestions = client.get("/sok/", {"q": "intern", "format": "forslag"}).json()
    assert [s["title"] for s in suggestions["results"]] == ["Internt notat"]


# Filters --------------------------------------------------------------------------------


def test_filter_by_type_narrows_and_counts(client, site_content, make_document):
    make_document("Velferdsteknologi i praksis", pdf_bytes("Tekst"), "praksis.pdf")
    everything = get(client, "velferdsteknologi")
    assert result_kinds(everything) == {"htm", "sider", "materiell"}
    facets = {facet.value: facet.count for facet in everything.context["outcome"].type_facets}
    assert facets == {"htm": 2, "materiell": 1, "sider": 2}

    materials = get(client, "velferdsteknologi", type="materiell")
    assert result_titles(materials) == ["Velferdsteknologi i praksis"]
    assert "1 treff på «velferdsteknologi» med filteret du har valgt" in (
        materials.content.decode()
    )
    htm = get(client, "velferdsteknologi", type="htm")
    assert sorted(result_titles(htm)) == ["Iverksette", "Tildeling"]


def test_filter_by_tag_narrows(client, site_content, make_document):
    tagged = ContentPageFactory(parent=site_content["about"], title="Velferdsteknologi i Bodø")
    tagged.tags.add("Kjernejournal")
    tagged.save_revision().publish()
    document = make_document(
        "Notat fra Vefsn", docx_bytes("Velferdsteknologi i hjemmetjenesten"), "notat.docx"
    )
    document.tags.add("Kjernejournal")
    document.save()
    response = get(client, "velferdsteknologi")
    tag_facets = {facet.value: facet.count for facet in response.context["outcome"].tag_facets}
    assert tag_facets == {"kjernejournal": 2}
    assert sorted(result_titles(get(client, "velferdsteknologi", tag="kjernejournal"))) == [
        "Notat fra Vefsn",
        "Velferdsteknologi i Bodø",
    ]


def test_filter_by_htm_phase_or_group_narrows(client, site_content):
    phase, group = site_content["phase"], site_content["group"]
    assert result_titles(get(client, "velferdsteknologi", htm=str(phase.pk))) == ["Iverksette"]
    assert result_titles(get(client, "velferdsteknologi", htm=str(group.pk))) == ["Tildeling"]
    labels = [
        facet.label for facet in get(client, "velferdsteknologi").context["outcome"].htm_facets
    ]
    assert labels == ["Fase: Iverksette", "Løpende oppgaver: Vedlikehold og videreutvikling"]


def test_unknown_filter_values_are_ignored(client, site_content):
    for params in ({"type": "x"}, {"tag": "finnes-ikke"}, {"htm": "abc"}, {"htm": "999999"}):
        response = get(client, "velferdsteknologi", **params)
        assert len(result_titles(response)) == 4, params


# Odd queries ----------------------------------------------------------------------------

HOSTILE_QUERIES = [
    "",
    "a",
    "ø",
    "x" * 2000,
    "velferdsteknologi " * 200,
    "'; DROP TABLE wagtailcore_page; --",
    "1' OR '1'='1",
    '" OR 1=1 --',
    "<script>alert('xss')</script>",
    '"><img src=x onerror=alert(1)>',
    "NEAR(velferd teknologi)",
    "opplæring AND NOT *",
    "title:velferd",
    "%_%",
    "\\",
]


@pytest.mark.parametrize("query", HOSTILE_QUERIES)
def test_odd_queries_give_a_normal_page_and_run_nothing(client, site_content, query):
    pages_before = Page.objects.count()
    response = get(client, query)
    html = response.content.decode()
    assert "<script>alert" not in html
    assert "<img src=x" not in html
    assert Page.objects.count() == pages_before
    suggestions = client.get("/sok/", {"q": query, "format": "forslag"})
    assert suggestions.status_code == 200


def test_one_character_asks_for_more(client, site_content):
    assert "Skriv minst to bokstaver" in get(client, "a").content.decode()


def test_bad_page_numbers_fall_back(client, site_content):
    for page in ("abc", "0", "-1", "99999"):
        assert get(client, "velferdsteknologi", page=page).context["results"] is not None


# Pagination and the number of queries ---------------------------------------------------


def make_pages(parent, count):
    for n in range(count):
        ContentPageFactory(
            parent=parent,
            title=f"Velferdsteknologi tiltak {n}",
            slug=f"tiltak-{n}",
            intro=f"Tiltak nummer {n} med trygghetsalarm.",
        )


def test_pagination_keeps_query_and_filters(client, home_page):
    make_pages(home_page, 25)
    response = get(client, "trygghetsalarm", type="sider", page="2")
    results = response.context["results"]
    assert results.number == 2 and len(results) == 10
    html = response.content.decode()
    assert "Side 2 av 3" in html
    assert 'href="?q=trygghetsalarm&amp;type=sider&amp;page=3"' in html
    assert 'href="?q=trygghetsalarm&amp;type=sider"' in html  # previous is page 1


def count_search_queries(client, query, **params) -> int:
    url = f"/sok/?{urlencode({'q': query, **params})}"
    assert client.get(url).status_code == 200  # warm-up: caches, site settings
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_results_page_runs_the_same_number_of_queries_for_5_and_50_hits(
    client, home_page, make_document
):
    NetworkPageFactory(parent=home_page)
    small_parent = ContentPageFactory(parent=home_page, title="Liten", slug="liten")
    big_parent = ContentPageFactory(parent=home_page, title="Stor", slug="stor")

    def build(parent, word, count):
        for n in range(count):
            ContentPageFactory(parent=parent, title=f"{word} side {n}", slug=f"{word}-{n}")
            make_document(f"{word} dokument {n}", pdf_bytes(f"{word} i teksten"), f"{word}{n}.pdf")
            ContactPersonFactory(name=f"{word.capitalize()} Person{n}", publish=True)

    build(small_parent, "sjelden", 5)  # 5 hits of each kind
    build(big_parent, "vanlig", 50)  # 50 of each kind
    # One kind at a time: exactly the same cost.
    for kind in ("sider", "materiell", "personer"):
        few = count_search_queries(client, "sjelden", type=kind)
        many = count_search_queries(client, "vanlig", type=kind)
        assert few == many, (kind, few, many)
    # All kinds mixed: the page shown holds some of each, at a fixed ceiling.
    few = count_search_queries(client, "sjelden")
    many = count_search_queries(client, "vanlig")
    assert few <= MAX_SEARCH_QUERIES and many <= MAX_SEARCH_QUERIES, (few, many)


# Promotions, popular queries, help when nothing is found --------------------------------


def test_editors_promoted_results_come_first(client, site_content):
    SearchPromotion.objects.create(
        query=Query.get("velferdsteknologi"),
        page=site_content["about"],
        sort_order=0,
        description="Les om nettverket først.",
    )
    response = get(client, "velferdsteknologi")
    html = response.content.decode()
    assert "Anbefalt" in html
    assert html.index("Les om nettverket først.") < html.index("search-results")
    assert "Om nettverket" not in result_titles(response)  # not twice


def test_searches_are_counted_for_the_popular_queries(client, site_content):
    get(client, "velferdsteknologi")
    get(client, "Velferdsteknologi")
    get(client, "velferdsteknologi", page="2")  # paging is not a new search
    get(client, "velferdsteknologi", type="htm")  # nor is filtering
    assert Query.get("velferdsteknologi").hits == 2


def test_nothing_found_suggests_a_spelling_and_popular_queries(client, site_content):
    get(client, "tildeling")
    # Only searches editors approved (with a promotion) are offered to others.
    SearchPromotion.objects.create(
        query=Query.get("tildeling"), page=site_content["area"], sort_order=0
    )
    response = get(client, "tildelng")
    html = response.content.decode()
    assert "Ingen treff på «tildelng»" in html
    assert response.context["outcome"].suggestion == "tildeling"
    assert 'Mente du <a class="ds-link" href="?q=tildeling">' in html
    assert "Andre har søkt etter" in html
    assert "Mye brukte sider" in html


def test_no_hit_with_every_word_shows_hits_with_some(client, site_content):
    response = get(client, "velferdsteknologi zebraer")
    assert response.context["outcome"].used_or
    assert len(result_titles(response)) == 4
    assert "Ingen treff inneholder alle ordene" in response.content.decode()


# Autocomplete ---------------------------------------------------------------------------


def test_autocomplete_suggests_titles_as_you_type(client, site_content, make_document):
    make_document("Tildelingskriterier mal", docx_bytes("Mal"), "mal.docx")
    data = client.get("/sok/", {"q": "tildel", "format": "forslag"}).json()
    titles = [item["title"] for item in data["results"]]
    assert "Tildeling" in titles
    assert "Tildelingskriterier mal" in titles
    page_item = next(item for item in data["results"] if item["title"] == "Tildeling")
    assert page_item["url"].endswith("/tildeling/")
    assert client.get("/sok/", {"q": "t", "format": "forslag"}).json()["results"] == []
