"""Copies of existing pages and rows made with bulk inserts, for the benchmark's data set.

Treebeard's `add_child` with a revision and a publish costs several queries and tens of
milliseconds per page; ten thousand pages that way take most of an hour. Here the tree paths
are computed once per parent, the `wagtailcore_page` rows go in with `bulk_create`, and each
page type's own table gets its rows in batches too (Django's `bulk_create` refuses
multi-table models, so the rows go through the same insert it uses for each table). The
copies are live and published, without revisions: nothing public reads a page's revision.
Signals are not sent, so nothing is indexed or purged on the way; the builder updates the
search index once at the end.
"""

import copy
import uuid
from collections import defaultdict

from django.contrib.contenttypes.models import ContentType
from django.db import router
from modelcluster.models import get_all_child_m2m_relations, get_all_child_relations
from wagtail.models import Page

BATCH = 500
PAGE_FIELDS = [f for f in Page._meta.concrete_fields if not f.primary_key]


def field_values(instance, fields) -> dict:
    return {f.attname: getattr(instance, f.attname) for f in fields}


def next_free_step(parent: Page) -> int:
    """The number after the last child's step in treebeard's path (0 when childless)."""
    last = (
        Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1)
        .order_by("-path")
        .values_list("path", flat=True)
        .first()
    )
    return Page._str2int(last[-Page.steplen :]) if last else 0


def insert_rows(model, objects, fields) -> None:
    """Insert rows of one table of a multi-table model (what `bulk_create` does per table)."""
    using = router.db_for_write(model)
    for start in range(0, len(objects), BATCH):
        model._base_manager._insert(objects[start : start + BATCH], fields=fields, using=using)


def clone_pages(parent: Page, copies: list[tuple[Page, dict]]) -> tuple[list[Page], dict]:
    """Make the given copies children of `parent`, live. Each copy is (source, changes): the
    source is a specific page; the changes override field values (title, slug, dates …).
    All sources must be of one page type. Returns the new specific pages, in order, and the
    mapping of their copied inline rows (see clone_children)."""
    if not copies:
        return [], {}
    model = type(copies[0][0])
    content_type = ContentType.objects.get_for_model(model)
    own_fields = [f for f in model._meta.local_concrete_fields if not f.primary_key]
    step = next_free_step(parent)
    base_rows, new_pages = [], []
    for number, (source, changes) in enumerate(copies, start=step + 1):
        values = field_values(source, PAGE_FIELDS)
        values.update(
            content_type_id=content_type.pk,
            path=Page._get_path(parent.path, parent.depth + 1, number),
            depth=parent.depth + 1,
            numchild=0,
            live=True,
            has_unpublished_changes=False,
            latest_revision_id=None,
            live_revision_id=None,
            locked=False,
            locked_at=None,
            locked_by_id=None,
            alias_of_id=None,
            translation_key=uuid.uuid4(),
        )
        values.update({k: v for k, v in changes.items() if k in values})
        values["draft_title"] = values["title"]
        values["url_path"] = f"{parent.url_path}{values['slug']}/"
        base_rows.append(Page(**values))
        own = field_values(source, own_fields)
        own.update({k: v for k, v in changes.items() if k in own})
        new_pages.append(own)
    Page.objects.bulk_create(base_rows, batch_size=BATCH)
    specific = []
    for base, own in zip(base_rows, new_pages, strict=True):
        page = model(**field_values(base, PAGE_FIELDS), **own)
        page.pk = page.id = base.pk
        setattr(page, model._meta.pk.attname, base.pk)
        specific.append(page)
    insert_rows(model, specific, list(model._meta.local_concrete_fields))
    Page.objects.filter(pk=parent.pk).update(numchild=step + len(copies))
    parent.numchild = step + len(copies)
    mapping = clone_children([source for source, _ in copies], specific)
    return specific, mapping


def clone_children(sources: list[Page], copies: list[Page]) -> dict:
    """Copy the inline rows (orderables, tags, steps, roles) and the parental many-to-many
    links of each source to its copy. Returns {(model, old pk, new page pk): new row}, for
    remapping what points at those rows."""
    model = type(sources[0])
    targets = defaultdict(list)
    for source, page in zip(sources, copies, strict=True):
        targets[source.pk].append(page.pk)
    mapping = {}
    for relation in get_all_child_relations(model):
        related = relation.related_model
        key = relation.field.attname
        rows = related._base_manager.filter(**{f"{key}__in": list(targets)}).order_by("pk")
        clones = []
        for row in rows:
            for page_id in targets[getattr(row, key)]:
                clone = copy.copy(row)
                clone.pk = None
                setattr(clone, key, page_id)
                clones.append((row.pk, clone))
        related._base_manager.bulk_create([c for _, c in clones], batch_size=BATCH)
        for old_pk, clone in clones:
            mapping[(related, old_pk, getattr(clone, key))] = clone
    for field in get_all_child_m2m_relations(model):
        through = field.remote_field.through
        own = f"{field.m2m_field_name()}_id"
        other = f"{field.m2m_reverse_field_name()}_id"
        rows = through._base_manager.filter(**{f"{own}__in": list(targets)}).values(own, other)
        links = [
            through(**{own: page_id, other: row[other]})
            for row in rows
            for page_id in targets[row[own]]
        ]
        through._base_manager.bulk_create(links, batch_size=BATCH)
    return mapping


def clone_rows(model, sources, changes_for) -> list:
    """Plain rows (snippets, documents, statuses): one copy of each source with the changes
    `changes_for(source, number)` returns."""
    clones = []
    for number, source in enumerate(sources):
        clone = copy.copy(source)
        clone.pk = None
        for name, value in changes_for(source, number).items():
            setattr(clone, name, value)
        clones.append(clone)
    return model._base_manager.bulk_create(clones, batch_size=BATCH)
