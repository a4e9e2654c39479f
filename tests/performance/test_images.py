"""Uploaded images are served as AVIF and WebP with a JPEG fallback, in sizes for the
screen (srcset and sizes), and a list of contact cards reads the photos' renditions in a
fixed number of queries."""

import pytest
from django.db import connection
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext
from PIL import features
from wagtail.images.tests.utils import get_test_image_file
from wagtail_factories import ImageFactory

from network.organisation.models import ContactPerson
from portal.blocks import ImageBlock
from tests.network.factories import ContactPersonFactory

pytestmark = pytest.mark.django_db


def test_pillow_here_writes_avif():
    assert features.check("avif")


def render_cards() -> str:
    people = list(ContactPerson.objects.with_details().order_by("pk"))
    return "".join(
        render_to_string("network/organisation/includes/contact_card.html", {"person": p})
        for p in people
    )


def test_contact_photos_come_in_modern_formats_and_two_sizes():
    ContactPersonFactory(photo=ImageFactory(file=get_test_image_file(size=(400, 400))))
    html = render_cards()
    assert "<picture>" in html
    assert 'type="image/avif"' in html and 'type="image/webp"' in html
    assert ".avif" in html and ".webp" in html and ".jpg" in html
    assert 'sizes="96px"' in html and " 192w" in html and " 96w" in html


def test_contact_cards_read_photos_in_the_same_number_of_queries_for_many_people():
    def queries() -> int:
        render_cards()  # the first rendering makes the renditions
        with CaptureQueriesContext(connection) as captured:
            render_cards()
        return len(captured)

    ContactPersonFactory(photo=ImageFactory(file=get_test_image_file(size=(300, 300))))
    one = queries()
    for _ in range(4):
        ContactPersonFactory(photo=ImageFactory(file=get_test_image_file(size=(300, 300))))
    assert queries() == one


def test_an_image_block_offers_avif_and_webp_in_three_widths():
    image = ImageFactory(file=get_test_image_file(size=(2000, 1000)))
    value = ImageBlock().to_python({"image": image.pk, "alt_text": "Kart over Nordland"})
    html = ImageBlock().render(value)
    assert "<picture>" in html
    assert 'type="image/avif"' in html and 'type="image/webp"' in html
    assert " 600w" in html and " 1200w" in html and " 1800w" in html
    assert 'alt="Kart over Nordland"' in html and 'loading="lazy"' in html
    assert "sizes=" in html
