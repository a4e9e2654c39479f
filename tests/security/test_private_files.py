"""Members-only documents have no public address: every document's file lives in a private
storage that no URL serves, and only the document view hands it out, after the collection's
privacy check, marked `Cache-Control: private, no-store`."""

import importlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.core.management import call_command
from django.urls import URLPattern, URLResolver, clear_url_caches, get_resolver, reverse
from django.urls.exceptions import NoReverseMatch
from wagtail.documents import get_document_model

import portal.urls
from network.meetings.materials import member_collection, public_collection
from portal.storage import check_private_location, move_documents_to_private_storage
from tests.network.helpers import make_member, make_user

BASE_DIR = Path(__file__).resolve().parents[2]
SECRET = b"%PDF-1.4\n% Hemmelig workshopkort for nettverksmedlemmer 7f3a9c\n%%EOF\n"
MARKER = b"Hemmelig workshopkort for nettverksmedlemmer 7f3a9c"


@pytest.fixture
def disk(settings, tmp_path):
    """Files on disk as in development and production: public media, static and private."""
    settings.MEDIA_ROOT = str(tmp_path / "media")
    settings.STATIC_ROOT = str(tmp_path / "static")
    settings.PRIVATE_MEDIA_ROOT = str(tmp_path / "private")
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": settings.MEDIA_ROOT},
        },
        "documents": {
            "BACKEND": "portal.storage.PrivateFileSystemStorage",
            "OPTIONS": {"location": settings.PRIVATE_MEDIA_ROOT},
        },
    }
    return tmp_path


@pytest.fixture
def development_urls(settings, disk):
    """DEBUG on, so portal/urls.py adds the development server's /media/ and /static/ routes."""
    settings.DEBUG = True
    importlib.reload(portal.urls)
    clear_url_caches()
    yield
    settings.DEBUG = False
    importlib.reload(portal.urls)
    clear_url_caches()


@pytest.fixture
def restricted(db, disk):
    """A members-only document, saved as an upload saves it."""
    document = get_document_model()(title="Workshopkort", collection=member_collection())
    document.file.save("workshopkort.pdf", ContentFile(SECRET), save=False)
    document._set_document_file_metadata()
    document.save()
    return document


def directives(response) -> set[str]:
    return {part.strip() for part in response.get("Cache-Control", "").split(",") if part.strip()}


def body(response) -> bytes:
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content)
    return response.content


def document_urls(resolver=None, prefix=""):
    """Names of every URL pattern in the URLconf, with their namespaces."""
    resolver = resolver or get_resolver()
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            namespace = f"{prefix}{pattern.namespace}:" if pattern.namespace else prefix
            yield from document_urls(pattern, namespace)
        elif isinstance(pattern, URLPattern) and pattern.name:
            yield f"{prefix}{pattern.name}"


def every_address(document) -> set[str]:
    """Every URL a document has: the serve view, every named route that takes its id (the
    admin's too), and the guessable addresses of its file under media, static and the
    private folder."""
    name = document.file.name
    filename = document.filename
    addresses = {
        document.url,
        f"/media/{name}",
        f"/media/documents/{filename}",
        f"/media/{filename}",
        f"/static/{name}",
        f"/private/{name}",
        f"/var/private/{name}",
        f"/media/../private/{name}",
        f"/media/%2e%2e/private/{name}",
        f"/static/../private/{name}",
        f"/dokumenter/{document.pk}/{filename.upper()}",
    }
    for route in set(document_urls()):
        for args in ([document.pk], [document.pk, filename], [str(document.pk)]):
            try:
                addresses.add(reverse(route, args=args))
            except NoReverseMatch:
                continue
    return addresses


def assert_no_address_gives_the_file(client, document):
    # Another route's own error is not this test's subject: only whether the bytes come back.
    client.raise_request_exception = False
    addresses = every_address(document)
    assert any(address.startswith("/admin/documents/") for address in addresses)
    for address in sorted(addresses):
        response = client.get(address)
        assert MARKER not in body(response), f"{address} gave the file ({response.status_code})"


@pytest.mark.django_db
class TestNoPublicAddress:
    def test_anonymous_gets_no_url_of_a_restricted_document_in_development(
        self, client, development_urls, restricted
    ):
        """With DEBUG and the media route on, no URL gives a members-only file to a visitor."""
        assert any(
            getattr(pattern.pattern, "_regex", "").startswith("^media/")
            for pattern in get_resolver().url_patterns
        ), "the development media route should be on"
        assert_no_address_gives_the_file(client, restricted)

    def test_anonymous_gets_no_url_of_a_restricted_document_in_production(
        self, client, settings, restricted
    ):
        """With production-like settings, no URL gives a members-only file to a visitor."""
        settings.DEBUG = False
        assert_no_address_gives_the_file(client, restricted)

    def test_the_file_is_stored_outside_every_served_folder(self, disk, restricted, settings):
        """The file is under PRIVATE_MEDIA_ROOT, and no file under MEDIA_ROOT or STATIC_ROOT
        holds its bytes, so no web server or media route in front can serve it."""
        assert (disk / "private" / restricted.file.name).read_bytes() == SECRET
        for folder in (settings.MEDIA_ROOT, settings.STATIC_ROOT):
            for path in Path(folder).rglob("*") if Path(folder).exists() else []:
                assert not path.is_file() or MARKER not in path.read_bytes(), path

    def test_the_storage_gives_no_url(self, restricted):
        """The documents' storage refuses to make a URL, so none can be handed out."""
        with pytest.raises(NotImplementedError):
            _ = restricted.file.url
        assert restricted.url == f"/dokumenter/{restricted.pk}/{restricted.filename}"

    def test_the_redirect_to_the_login_page_is_not_stored(self, client, restricted):
        """The anonymous visitor is sent to the login page, with an answer no cache keeps."""
        response = client.get(restricted.url)
        assert response.status_code == 302
        assert {"private", "no-store"} <= directives(response)
        assert "public" not in directives(response)


@pytest.mark.django_db
class TestMembersGetTheFile:
    def test_member_gets_the_file_private_and_not_stored(self, client, restricted):
        """A network member gets the members-only file, marked private, no-store."""
        client.force_login(make_member("medlem"))
        response = client.get(restricted.url)
        assert response.status_code == 200
        assert body(response) == SECRET
        assert {"private", "no-store"} <= directives(response)
        assert "public" not in directives(response)

    def test_public_documents_are_served_to_anyone_and_never_marked_no_store(self, client, disk):
        """A public document, also in the private storage, is served to anyone by the view."""
        document = get_document_model()(title="Program", collection=public_collection())
        document.file.save("program.pdf", ContentFile(b"%PDF-1.4 program"), save=False)
        document.save()
        assert not (disk / "media" / document.file.name).exists()
        response = client.get(document.url)
        assert response.status_code == 200
        assert body(response) == b"%PDF-1.4 program"
        assert "no-store" not in directives(response)

    def test_non_member_is_refused(self, client, restricted):
        """A logged-in user who is no network member does not get the file."""
        client.force_login(make_user("ikke-medlem"))
        response = client.get(restricted.url)
        assert response.status_code == 403
        assert MARKER not in body(response)


@pytest.mark.django_db
class TestExistingInstalls:
    def test_files_in_public_media_move_to_the_private_storage(self, client, disk, settings):
        """Files that an older install kept in MEDIA_ROOT/documents (and files no document
        refers to) move to the private storage; the document is served as before."""
        public = storages["default"]
        public.save("documents/gammel.pdf", ContentFile(SECRET))
        public.save("documents/foreldrelos.pdf", ContentFile(SECRET))
        Document = get_document_model()
        document = Document(title="Gammel", collection=member_collection())
        document.file.save("plassholder.pdf", ContentFile(b"x"), save=False)
        document.save()
        storages["documents"].delete(document.file.name)
        Document.objects.filter(pk=document.pk).update(file="documents/gammel.pdf")

        call_command("move_documents_to_private_storage", verbosity=0)

        assert list((disk / "media" / "documents").iterdir()) == []
        private = disk / "private" / "documents"
        assert (private / "gammel.pdf").read_bytes() == SECRET
        assert (private / "foreldrelos.pdf").read_bytes() == SECRET
        document.refresh_from_db()
        client.force_login(make_member("medlem"))
        assert body(client.get(document.url)) == SECRET
        # A second run finds nothing to move.
        assert move_documents_to_private_storage(Document) == 0


class TestConfiguration:
    def test_a_private_folder_inside_media_is_refused(self, settings, tmp_path):
        """The system check refuses a PRIVATE_MEDIA_ROOT inside MEDIA_ROOT or STATIC_ROOT."""
        settings.MEDIA_ROOT = str(tmp_path / "media")
        settings.STORAGES = {
            **settings.STORAGES,
            "documents": {
                "BACKEND": "portal.storage.PrivateFileSystemStorage",
                "OPTIONS": {"location": str(tmp_path / "media" / "private")},
            },
        }
        assert [error.id for error in check_private_location()] == ["portal.E010"]
        settings.STORAGES = {
            **settings.STORAGES,
            "documents": {
                "BACKEND": "portal.storage.PrivateFileSystemStorage",
                "OPTIONS": {"location": str(tmp_path / "private")},
            },
        }
        assert check_private_location() == []

    @pytest.mark.parametrize("bucket", ["", "ehelse-filer"])
    def test_production_keeps_documents_private(self, bucket):
        """Production settings keep documents apart from media: on disk outside MEDIA_ROOT, or
        under `private/` in the bucket with a private ACL and signed, short-lived URLs."""
        code = (
            "import json; from django.conf import settings; "
            "print(json.dumps({'documents': settings.STORAGES['documents'], "
            "'media': str(settings.MEDIA_ROOT), 'private': str(settings.PRIVATE_MEDIA_ROOT)}))"
        )
        environment = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "portal.settings.production",
            "SECRET_KEY": "x" * 60,
            "AWS_STORAGE_BUCKET_NAME": bucket,
        }
        result = subprocess.run(  # noqa: S603 - fixed arguments
            [sys.executable, "-c", code],
            cwd=BASE_DIR,
            env=environment,
            capture_output=True,
            text=True,
            timeout=120,
        )
        config = json.loads(result.stdout.strip().splitlines()[-1])
        documents = config["documents"]
        if bucket:
            options = documents["OPTIONS"]
            assert documents["BACKEND"] == "storages.backends.s3.S3Storage"
            assert options["location"] == "private"
            assert options["default_acl"] == "private"
            assert options["querystring_auth"] is True
            assert options["querystring_expire"] <= 300
        else:
            assert documents["BACKEND"] == "portal.storage.PrivateFileSystemStorage"
            private, media = Path(config["private"]), Path(config["media"])
            assert media not in private.parents and private != media
