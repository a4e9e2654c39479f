"""The demo site is searchable: a word found only inside a demo PPTX finds its material."""

import re

import pytest
from wagtail.documents import get_document_model
from wagtail.models import Page

from search.types import MEETINGS

# The demo is loaded as the browser tests load it (for real once, then replayed), in a
# transactional database where the extraction queued after each commit runs.
from tests.browser.conftest import demo_site  # noqa: E402, F401


@pytest.fixture
def demo(demo_site):  # noqa: F811
    return demo_site


def word_only_in(document) -> str:
    """A long word of the document's text that no page and no other document contains."""
    Document = get_document_model()
    for word in sorted(set(re.findall(r"[^\W\d_]{9,}", document.extracted_text.lower()))):
        if Page.objects.live().search(word).count():
            continue
        if Document.objects.exclude(pk=document.pk).search(word).count():
            continue
        return word
    return ""


def test_a_word_only_inside_a_demo_pptx_finds_its_meeting_material(client, demo):
    public_pptx = [
        document
        for document in get_document_model().objects.filter(file__endswith=".pptx")
        if document.collection.get_view_restrictions().count() == 0
    ]
    if not public_pptx:
        pytest.skip("The demo has no public PPTX meeting material yet (meetings, issue 5).")
    checked = 0
    for document in public_pptx:
        assert document.extraction_status == "ferdig", document.extraction_message
        word = word_only_in(document)
        if not word:
            continue
        response = client.get("/sok/", {"q": word})
        hits = [hit for hit in response.context["results"] if hit.kind == "document"]
        assert [hit.obj.pk for hit in hits] == [document.pk], word
        hit = hits[0]
        assert "<mark>" in str(hit.snippet)
        if hit.used_on is not None:
            content_type = hit.used_on.content_type
            assert f"{content_type.app_label}.{content_type.model}" in MEETINGS.models
            assert hit.used_on_is_meeting
            assert hit.used_on_url
        checked += 1
    assert checked, "no demo PPTX has a word of its own"


def test_the_demo_site_is_searchable(client, demo):
    response = client.get("/sok/", {"q": "opplæring"})
    assert response.context["outcome"].total > 0
