"""The demo site is searchable: a word found only inside a demo PPTX finds its material."""

import re

import pytest
from wagtail.documents import get_document_model
from wagtail.models import Page

from search.types import MEETINGS
from tests.search.conftest import make_network_member


@pytest.fixture
def demo(demo_module, db):
    return None


def pptx_documents(*, members_only: bool) -> list:
    return [
        document
        for document in get_document_model().objects.filter(file__endswith=".pptx")
        if bool(document.collection.get_view_restrictions().count()) == members_only
    ]


def word_only_in(document, *, also_not_on_pages=False) -> str:
    """A long word of the document's text that is not in its title nor in any other document
    (nor, when asked, on any page)."""
    Document = get_document_model()
    title = document.title.lower()
    for word in sorted(set(re.findall(r"[^\W\d_]{9,}", document.extracted_text.lower()))):
        if word in title or Document.objects.exclude(pk=document.pk).search(word).count():
            continue
        if also_not_on_pages and Page.objects.live().search(word).count():
            continue
        return word
    return ""


def test_a_word_only_inside_a_demo_pptx_finds_its_meeting_material(client, demo):
    documents = pptx_documents(members_only=False)
    if not documents:
        pytest.skip("The demo has no public PPTX meeting material.")
    checked = 0
    for document in documents:
        assert document.extraction_status == "ferdig", document.extraction_message
        word = word_only_in(document)
        if not word:
            continue
        response = client.get("/sok/", {"q": word, "type": "materiell"})
        hits = list(response.context["results"])
        assert [hit.obj.pk for hit in hits] == [document.pk], word
        hit = hits[0]
        assert f"<mark>{word}" in str(hit.snippet).lower(), hit.snippet
        # It links to the meeting that shows it, found through the reference index.
        assert hit.used_on is not None, word
        content_type = hit.used_on.content_type
        assert f"{content_type.app_label}.{content_type.model}" in MEETINGS.models
        assert hit.used_on_is_meeting and hit.used_on_url
        assert "brukt på møtet" in response.content.decode()
        checked += 1
    assert checked, "no public demo PPTX has a word of its own"


def test_members_only_demo_material_is_found_only_by_members(client, demo, django_user_model):
    documents = pptx_documents(members_only=True)
    if not documents:
        pytest.skip("The demo has no members-only PPTX material.")
    words = {document.pk: word_only_in(document) for document in documents}
    document = next((d for d in documents if words[d.pk]), None)
    assert document is not None, "no members-only demo PPTX has a word of its own"
    word = words[document.pk]
    anonymous = client.get("/sok/", {"q": word, "type": "materiell"})
    assert anonymous.context["outcome"].total == 0
    assert document.url not in anonymous.content.decode()

    member = make_network_member(django_user_model, "demo-medlem")
    client.force_login(member)
    response = client.get("/sok/", {"q": word, "type": "materiell"})
    assert [hit.obj.pk for hit in response.context["results"]] == [document.pk]


def test_the_demo_site_is_searchable(client, demo):
    response = client.get("/sok/", {"q": "opplæring"})
    assert response.context["outcome"].total > 0
