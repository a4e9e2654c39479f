"""A web worker does not load what the portal never uses: Wagtail's v3 API (django-ninja),
HEIF support (the portal takes no HEIC uploads; Pillow reads and writes AVIF itself) and the
QR code library (only the two-factor set-up page draws a code). Wagtail's apps still do
everything else they do at start."""

import sys
import weakref

import pytest
from wagtail.admin.forms.models import registry as form_field_overrides
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models.reference_index import ReferenceIndex
from wagtail.signals import page_slug_changed
from wagtail.snippets.models import get_snippet_models

from network.models import ContactPerson
from portal.wagtail_apps import without_v3_api
from tests.performance.fresh import run_fresh

PROGRAM = """
import json, sys
import portal.wsgi
print(json.dumps({
    name: name in sys.modules
    for name in ("ninja", "pillow_heif", "qrcode", "wagtail.api.v3.api", "willow.plugins.pillow")
}))
"""


def test_a_worker_starts_without_the_v3_api_heif_or_qr_codes():
    loaded = run_fresh(PROGRAM)
    assert loaded == {
        "ninja": False,
        "pillow_heif": False,
        "qrcode": False,
        "wagtail.api.v3.api": False,
        # Images are still read and written through Willow's Pillow plugin.
        "willow.plugins.pillow": True,
    }


def test_wagtails_apps_did_the_rest_of_their_start_up():
    # Snippets: every registered snippet model (our contact persons among them).
    assert ContactPerson in get_snippet_models()
    # Images and documents: tracked by the reference index, images chosen by Wagtail's
    # chooser in model forms.
    assert ReferenceIndex.is_indexed(get_image_model())
    assert ReferenceIndex.is_indexed(get_document_model())
    assert get_image_model() in form_field_overrides.values_by_fk_related_model
    # Redirects: a new slug still makes a redirect from the old address.
    receivers = [entry[1] for entry in page_slug_changed.receivers]
    receivers = [r() if isinstance(r, weakref.ReferenceType) else r for r in receivers]
    assert any(
        getattr(receiver, "__module__", "") == "wagtail.contrib.redirects.signal_handlers"
        for receiver in receivers
    )


def test_the_stand_ins_are_gone_after_start_up_and_what_was_there_comes_back():
    marker = object()
    sys.modules["wagtail.api.v3.api"] = marker
    try:
        with without_v3_api():
            assert sys.modules["wagtail.api.v3.api"] is not marker
            assert sys.modules["wagtail.api.v3.api"].api.add_router("/x/", None) is None
        assert sys.modules["wagtail.api.v3.api"] is marker
        assert "wagtail.snippets.api.v3.router" not in sys.modules
    finally:
        sys.modules.pop("wagtail.api.v3.api", None)


@pytest.mark.parametrize("name", ["AVIF", "WEBP"])
def test_pillow_writes_the_modern_formats_itself(name):
    from PIL import features

    assert features.check(name.lower())
