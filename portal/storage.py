"""Where documents are kept: a private storage that nothing serves directly.

Every document (members-only ones and public ones alike) lives in the storage
STORAGES["documents"]: on disk under PRIVATE_MEDIA_ROOT (outside MEDIA_ROOT, which a web
server or the development server may serve), or under `private/` in an object storage bucket
with a private ACL. The only way to a document's bytes is the document view
(portal/documents.py), which runs Wagtail's collection privacy and the portal's own checks.
Images are not documents: they stay public in the default storage (MEDIA_ROOT).

The file field asks for the storage through `document_storage`, a lazy proxy, so that the
storage follows the settings (tests change them) and migrations refer to a function rather
than to a storage object.
"""

import hashlib
import os
import posixpath
from pathlib import Path

from django.conf import settings
from django.core import checks
from django.core.files.storage import FileSystemStorage, InMemoryStorage, storages
from django.core.signals import setting_changed
from django.utils._os import safe_join
from django.utils.functional import LazyObject, empty

DOCUMENTS_STORAGE = "documents"
DOCUMENTS_FOLDER = "documents"


class PrivateStorageMixin:
    """A storage without public addresses: asking for a URL is an error, so no template or
    serializer can hand one out by mistake (Wagtail's serve view expects exactly this)."""

    def url(self, name):
        raise NotImplementedError(
            "Documents have no public address; they are served by the document view."
        )


class PrivateFileSystemStorage(PrivateStorageMixin, FileSystemStorage):
    """Files on disk under PRIVATE_MEDIA_ROOT, which no web server may serve."""

    def __init__(self, location=None, **kwargs):
        kwargs.pop("base_url", None)
        super().__init__(location=location or settings.PRIVATE_MEDIA_ROOT, **kwargs)


class PrivateInMemoryStorage(PrivateStorageMixin, InMemoryStorage):
    """The tests' documents storage. It has no path, so Wagtail streams files from it."""

    def path(self, name):
        raise NotImplementedError("Files in memory have no path.")

    def _relative_path(self, name):
        # InMemoryStorage finds its files through path(), which this storage does not offer.
        return os.path.relpath(safe_join(self.location, name), self.location)


class _DocumentStorage(LazyObject):
    def _setup(self):
        self._wrapped = storages[DOCUMENTS_STORAGE]


_document_storage = _DocumentStorage()


def document_storage():
    """The storage of every document's file (STORAGES["documents"])."""
    return _document_storage


def _forget_storage(*, setting, **kwargs):
    if setting in {"STORAGES", "PRIVATE_MEDIA_ROOT"}:
        _document_storage._wrapped = empty


setting_changed.connect(_forget_storage, dispatch_uid="portal-document-storage")


def _digest(storage, name: str) -> str:
    sha = hashlib.sha1(usedforsecurity=False)
    with storage.open(name, "rb") as file:
        for chunk in iter(lambda: file.read(1024 * 1024), b""):
            sha.update(chunk)
    return sha.hexdigest()


def _move(name: str, public, private) -> str:
    """Move one file from the public to the private storage; return its name there."""
    if private.exists(name):
        if _digest(public, name) != _digest(private, name):
            # A different file of the same name is already private: keep both, never lose one.
            with public.open(name, "rb") as source:
                private.save(posixpath.join("unreferenced", name), source)
        public.delete(name)
        return name
    with public.open(name, "rb") as source:
        saved = private.save(name, source)
    public.delete(name)
    return saved


def _public_leftovers(public) -> list[str]:
    try:
        _, files = public.listdir(DOCUMENTS_FOLDER)
    except (FileNotFoundError, NotADirectoryError, NotImplementedError):
        return []
    return [posixpath.join(DOCUMENTS_FOLDER, name) for name in files]


def move_documents_to_private_storage(document_model, public=None, private=None) -> int:
    """Move document files out of the public storage (where documents were kept before) into
    the private one, with files no document refers to any more. Running it again moves
    nothing. Returns the number of files moved."""
    public = public or storages["default"]
    private = private or document_storage()
    moved = 0
    for pk, name in document_model.objects.exclude(file="").values_list("pk", "file"):
        if not public.exists(name):
            continue
        saved = _move(name, public, private)
        if saved != name:
            document_model.objects.filter(pk=pk).update(file=saved)
        moved += 1
    for name in _public_leftovers(public):
        _move(name, public, private)
        moved += 1
    return moved


def _is_inside(path: Path, folder) -> bool:
    if not folder:
        return False
    folder = Path(folder).resolve()
    return path == folder or folder in path.parents or path in folder.parents


@checks.register(checks.Tags.security)
def check_private_location(app_configs=None, **kwargs):
    """PRIVATE_MEDIA_ROOT must be apart from every folder a web server serves."""
    if not isinstance(_document_storage, FileSystemStorage):
        return []  # an object storage: its `private/` objects are kept private by their ACL
    path = Path(_document_storage.location).resolve()
    served = {"MEDIA_ROOT": settings.MEDIA_ROOT, "STATIC_ROOT": settings.STATIC_ROOT}
    return [
        checks.Error(
            f"Documents are stored in {path}, which overlaps {name} ({folder}).",
            hint="Set PRIVATE_MEDIA_ROOT to a folder outside MEDIA_ROOT and STATIC_ROOT.",
            id="portal.E010",
        )
        for name, folder in served.items()
        if _is_inside(path, folder)
    ]
