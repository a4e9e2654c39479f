"""Light rows for what the search reads: the fields the results need, without a model object
for every row. On PostgreSQL every hit is one; on both databases, the pages the results
need besides the hits (results.PageLookup) are page rows.

A search finds up to a hundred hits per source, and only ten are shown. A row holds what
ranking, filtering and counting need; the few shown become model objects
(`instance()`), built from the row itself without another query.
"""

import functools

from django.contrib.contenttypes.models import ContentType
from wagtail.documents import get_document_model
from wagtail.models import Collection, Page

from network.models import ContactPerson, Municipality

# The columns every source's part of the search statement selects, in order: what they hold
# differs by kind (see each row class).
COLUMNS = ("kind", "id", "title", "t1", "t2", "t3", "t4", "t5", "i1", "i2", "i3", "score")
# A page row's columns in the page table, in the order PageRow takes them.
PAGE_ROW_COLUMNS = ("id", "title", "path", "depth", "url_path", "content_type_id", "locale_id")


class Row:
    """What every row has: the object's id and the database's score (None when not ranked)."""

    __slots__ = ("pk", "_score")

    @property
    def id(self):
        return self.pk

    def instance(self):
        return self


class PageRow(Row):
    """A page: t1 its tree path, t2 its address (url_path); i1 its depth, i2 its content
    type, i3 its locale."""

    __slots__ = ("title", "path", "url_path", "depth", "content_type_id", "locale_id")

    def __init__(self, pk, title, path, depth, url_path, content_type_id, locale_id, score=None):
        self.pk, self.title, self.path, self.depth = pk, title, path, depth
        self.url_path, self.content_type_id, self.locale_id = url_path, content_type_id, locale_id
        self._score = score

    @classmethod
    def from_columns(cls, values):
        _kind, pk, title, path, url_path, _t3, _t4, _t5, depth, content_type, locale, score = values
        return cls(pk, title, path, depth, url_path, content_type, locale, score)

    @property
    def content_type(self):
        return ContentType.objects.get_for_id(self.content_type_id)

    def get_url(self, request=None):
        return self.as_page().get_url(request)

    def as_page(self) -> Page:
        """A page object holding only these fields, made as the ORM makes a page it loads
        with `only()`: the other fields are left unset rather than set to their defaults
        (reading one would query it)."""
        values = {
            "id": self.pk,
            "title": self.title,
            "path": self.path,
            "depth": self.depth,
            "url_path": self.url_path,
            "content_type_id": self.content_type_id,
            "locale_id": self.locale_id,
            "live": True,
        }
        names = _loaded_page_fields()
        return Page.from_db(None, names, [values[name] for name in names])


@functools.cache
def _loaded_page_fields() -> tuple:
    """The fields a page row fills, in the order of the page model's own fields (as
    `Model.from_db` takes them)."""
    wanted = {"id", "title", "path", "depth", "url_path", "content_type_id", "locale_id", "live"}
    return tuple(f.attname for f in Page._meta.concrete_fields if f.attname in wanted)


class DocumentRow(Row):
    """A document: t1 its file name, t2 its collection's name; i1 the collection's depth,
    i2 the file's size, i3 the collection."""

    __slots__ = ("title", "file", "collection_name", "collection_depth", "size", "collection_id")

    def __init__(self, values):
        _kind, self.pk, self.title, self.file, self.collection_name = values[:5]
        self.collection_depth, self.size, self.collection_id, self._score = values[8:]

    def instance(self):
        collection = Collection(
            id=self.collection_id, name=self.collection_name, depth=self.collection_depth
        )
        return get_document_model()(
            id=self.pk,
            title=self.title,
            file=self.file,
            file_size=self.size,
            collection=collection,
        )


class PersonRow(Row):
    """A published contact person: t1 the role, t2 the job title, t3 the organisation type,
    t4 the organisation's name, t5 the municipality's name; i1 the municipality."""

    __slots__ = ("name", "role", "title", "organisation_type", "organisation_name", "place")

    def __init__(self, values):
        _kind, self.pk, self.name, self.role, self.title = values[:5]
        self.organisation_type, self.organisation_name, municipality_name = values[5:8]
        municipality_id, self._score = values[8], values[11]
        self.place = (municipality_id, municipality_name)

    def instance(self):
        municipality_id, municipality_name = self.place
        return ContactPerson(
            id=self.pk,
            name=self.name,
            role=self.role,
            title=self.title,
            organisation_type=self.organisation_type,
            organisation_name=self.organisation_name,
            municipality=(
                Municipality(id=municipality_id, name=municipality_name)
                if municipality_id
                else None
            ),
            publish=True,
        )


ROW_CLASSES = {"page": PageRow.from_columns, "document": DocumentRow, "person": PersonRow}


def as_instance(obj):
    """A hit's model object: a row becomes one, a model object is one already."""
    return obj.instance() if isinstance(obj, Row) else obj
