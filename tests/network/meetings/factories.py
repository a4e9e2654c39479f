"""Factories for the meetings' tests."""

import datetime
from zoneinfo import ZoneInfo

import factory
import wagtail_factories
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

from network.models import MeetingIndexPage, MeetingPage, MeetingRegistration

OSLO = ZoneInfo("Europe/Oslo")


def oslo(year, month, day, hour=10, minute=0) -> datetime.datetime:
    return datetime.datetime(year, month, day, hour, minute, tzinfo=OSLO)


class MeetingIndexPageFactory(wagtail_factories.PageFactory):
    title = "Møter og fagdager"
    slug = "moter-og-fagdager"

    class Meta:
        model = MeetingIndexPage


class MeetingPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Møte {n}")
    slug = factory.Sequence(lambda n: f"mote-{n}")
    meeting_type = "fagdag"
    start = factory.Sequence(lambda n: oslo(2030, 1, 1) + datetime.timedelta(days=n))
    end = factory.LazyAttribute(lambda o: o.start + datetime.timedelta(hours=2))
    location = "Bodø"

    class Meta:
        model = MeetingPage


class MeetingRegistrationFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Deltaker {n}")
    email = factory.Sequence(lambda n: f"deltaker{n}@example.org")
    organisation = "KS"

    class Meta:
        model = MeetingRegistration


def make_document(title="Presentasjon", extension="pdf", collection=None, content=b"%PDF-1.4"):
    document_model = get_document_model()
    document = document_model(title=title)
    if collection is not None:
        document.collection = collection
    document.file.save(f"{title.lower().replace(' ', '-')}.{extension}", ContentFile(content))
    return document
