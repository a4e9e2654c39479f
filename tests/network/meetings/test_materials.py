"""Meeting materials: members-only files use Wagtail's collection privacy and are served
through Django; anonymous visitors get the login page, members get the file."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from wagtail.models import Collection, CollectionViewRestriction

from network.meetings.blocks import MaterialBlock
from network.meetings.materials import (
    MEMBER_COLLECTION_NAME,
    PUBLIC_COLLECTION_NAME,
    member_collection,
    public_collection,
)
from tests.network.helpers import make_member
from tests.network.meetings.factories import (
    MeetingPageFactory,
    make_document,
)


@pytest.fixture
def member(db):
    return make_member()


def material(document, members_only=False):
    return {"document": document, "title": "", "presenter": None, "members_only": members_only}


def page_with(meeting_index, *materials):
    """A meeting with these materials, published as an editor publishes it."""
    page = MeetingPageFactory(parent=meeting_index)
    page.materials = [("material", value) for value in materials]
    page.save_revision().publish()
    return page


@pytest.fixture
def file_storage(settings, tmp_path):
    """Files on disk: the test settings' in-memory storage claims a path() it cannot serve
    from, and serving through Django (serve_view) is what these tests are about."""
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path)},
        },
    }


@pytest.mark.django_db
class TestCollections:
    def test_the_migration_made_the_collections_with_a_login_restriction(self):
        members = Collection.objects.get(name=MEMBER_COLLECTION_NAME)
        public = Collection.objects.get(name=PUBLIC_COLLECTION_NAME)
        restriction = CollectionViewRestriction.objects.get(collection=members)
        assert restriction.restriction_type == CollectionViewRestriction.LOGIN
        assert not public.get_view_restrictions().exists()
        # The helpers find them rather than making new ones.
        assert member_collection() == members and public_collection() == public
        assert Collection.objects.filter(name=MEMBER_COLLECTION_NAME).count() == 1

    def test_helpers_recreate_a_deleted_collection(self):
        Collection.objects.get(name=MEMBER_COLLECTION_NAME).delete()
        collection = member_collection()
        assert collection.get_view_restrictions().get().restriction_type == "login"


@pytest.mark.django_db
@pytest.mark.usefixtures("file_storage")
class TestServing:
    def test_anonymous_visitor_is_sent_to_the_login_page(self, client, meeting_index, settings):
        settings.WAGTAIL_FRONTEND_LOGIN_URL = "/admin/login/"
        document = make_document("Workshopkort", collection=member_collection())
        response = client.get(document.url)
        assert response.status_code == 302
        # Wherever WAGTAIL_FRONTEND_LOGIN_URL points, the visitor is sent there.
        assert response["Location"].startswith("/admin/login/?next=")
        assert f"next={document.url}" in response["Location"].replace("%2F", "/")

    def test_member_gets_the_file_also_by_direct_url(self, client, member):
        document = make_document(
            "Workshopkort", collection=member_collection(), content=b"%PDF hei"
        )
        client.force_login(member)
        response = client.get(f"/dokumenter/{document.pk}/{document.filename}")
        assert response.status_code == 200
        assert b"".join(response.streaming_content) == b"%PDF hei"

    def test_public_material_is_served_to_anyone(self, client):
        document = make_document("Program", collection=public_collection(), content=b"%PDF program")
        response = client.get(document.url)
        assert response.status_code == 200

    def test_documents_never_have_a_media_url(self):
        document = make_document("Workshopkort", collection=member_collection())
        assert document.url.startswith("/dokumenter/")
        assert "/media/" not in document.url

    def test_non_members_are_refused_when_membership_narrows(self, client, member, monkeypatch):
        # Who is a member is decided by is_network_member(); the served file follows it.
        monkeypatch.setattr("network.meetings.admin.is_network_member", lambda user: False)
        document = make_document("Workshopkort", collection=member_collection())
        client.force_login(member)
        assert client.get(document.url).status_code == 403


@pytest.mark.django_db
@pytest.mark.usefixtures("file_storage")
class TestMaterialsOnThePage:
    def test_marked_material_moves_to_the_members_collection_when_published(
        self, client, meeting_index
    ):
        document = make_document("Gruppeoppgaver", collection=public_collection())
        page = page_with(meeting_index, material(document, members_only=True))
        document.refresh_from_db()
        assert document.collection == member_collection()
        assert client.get(document.url).status_code == 302
        html = client.get(page.url).content.decode()
        assert "Gruppeoppgaver" in html and "Bare for medlemmer" in html

    def test_public_material_stays_public(self, client, meeting_index):
        document = make_document("Presentasjonen", collection=public_collection())
        page = page_with(meeting_index, material(document))
        document.refresh_from_db()
        assert document.collection == public_collection()
        html = client.get(page.url).content.decode()
        assert "Presentasjonen" in html and "Bare for medlemmer" not in html

    def test_a_draft_moves_nothing(self, meeting_index):
        page = MeetingPageFactory(parent=meeting_index)
        document = make_document("Utkast", collection=public_collection())
        page.materials = [("material", material(document, members_only=True))]
        page.save_revision()
        document.refresh_from_db()
        assert document.collection == public_collection()

    def test_a_public_mark_on_a_members_only_file_is_refused(self):
        document = make_document("Hemmelig", collection=member_collection())
        block = MaterialBlock()
        with pytest.raises(ValidationError):
            block.clean(block.to_python({"document": document.pk, "members_only": False}))
        block.clean(block.to_python({"document": document.pk, "members_only": True}))

    def test_only_pdf_pptx_docx_xlsx(self):
        block = MaterialBlock()
        for extension in ["pdf", "pptx", "docx", "xlsx"]:
            document = make_document(f"Fil {extension}", extension=extension)
            block.clean(block.to_python({"document": document.pk}))
        with pytest.raises(ValidationError):
            document = make_document("Bilde", extension="txt")
            block.clean(block.to_python({"document": document.pk}))

    def test_programme_items_carry_their_materials(self, client, meeting_index):
        document = make_document("Lysarkene til punktet", extension="pptx")
        page = MeetingPageFactory(
            parent=meeting_index,
            programme=[
                (
                    "item",
                    {
                        "start_time": datetime.time(10, 0),
                        "end_time": datetime.time(11, 0),
                        "title": "Helhetlig tjenestemodell",
                        "description": "",
                        "presenters": [],
                        "materials": [material(document)],
                    },
                )
            ],
        )
        html = client.get(page.url).content.decode()
        programme = html[html.index("Program") : html.index("Materiell")]
        assert "Lysarkene til punktet" in programme and "(PPTX" in programme
