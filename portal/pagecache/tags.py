"""What a cached page showed, as tags, and the tags' versions in the cache.

While a page renders for the cache, a collector records every model instance read (Django's
post_init) and every table a query read. They become tags:

- ("page", pk) for the page served and each page read as a plain Page (its ancestors in the
  breadcrumbs), and ("children", pk) for the page served, so that a new child shows on its
  parent at once;
- ("pagetype", label) for each page read as its own type other than the page served: a
  listing of meetings or the latest news on the home page is cleared when any meeting or
  news is published, moved, restricted or removed. Every event that changes one such page
  clears its type too, so the listing needs no tag per page: a page showing forty meetings
  checks one version for them, not forty;
- ("model", label) for any other model read, as instances or by a count, so that a new
  contact person shows wherever contact persons are listed; ("model", label, value) instead
  for the models in PARTITIONS (statuses are shown per rollout or task);
- ("frame",) on every page: the menu and footer (portal/layout.py, kept in its own cache).

Each tag has a version (a random token) in the cache. A copy stores the versions it was made
with and is valid only while they are all unchanged; clearing a tag replaces its version, on
every app server sharing the cache. Nothing needs an index of which copy holds which tag,
and no race can leave a stale copy: a copy rendered while a tag changed is not stored at all
(the epoch check in the middleware).
"""

import contextvars
import re
import uuid
from dataclasses import dataclass, field

from django.apps import apps
from django.core.cache import cache
from django.db import transaction

VERSION_PREFIX = "pagecache:tag:"
EPOCH_KEY = "pagecache:epoch"
FRAME = ("frame",)

# Rows shown per rollout or per task: saving one municipality's status for Kjernejournal clears
# the pages that showed Kjernejournal's statuses, not every rollout's page. A path through a
# relation is followed only when the related row was read with it (select_related), never by
# a query; otherwise the page gets the model's tag for all rows.
PARTITIONS = {
    "network.rolloutstatus": "rollout_id",
    "network.rolloutstatuschange": "status.rollout_id",
    "network.taskstatus": "task_id",
    "network.taskstatuschange": "status.task_id",
}

# Apps whose rows a public page can show. Rows of other apps (sessions, logs, the task queue,
# the search index, revisions) are never part of what a visitor sees.
# A status change is written only by a save of its status, which clears the status's
# partition: a page that read a rollout's history with its statuses needs no tag for it.
FOLLOWS = {
    "network.rolloutstatuschange": "network.rolloutstatus",
    "network.taskstatuschange": "network.taskstatus",
}

TRACKED_APPS = {
    "portal",
    "home",
    "htm",
    "network",
    "search",
    "wagtailcore",
    "wagtaildocs",
    "wagtailimages",
    "taggit",
}
# Of wagtailcore, only what pages show: revisions, logs, workflow state are not.
UNTRACKED_MODELS = {
    "wagtailcore.revision",
    "wagtailcore.pagelogentry",
    "wagtailcore.modellogentry",
    "wagtailcore.workflowstate",
    "wagtailcore.taskstate",
    "wagtailcore.pagesubscription",
    "wagtailcore.referenceindex",
    "wagtailcore.comment",
    "wagtailcore.commentreply",
    "wagtailcore.uploadedfile",
    # Made while pages render; a changed image clears its own tag.
    "wagtailimages.rendition",
}

TABLE_PATTERN = re.compile(r'(?:FROM|JOIN)\s+"([^"]+)"', re.IGNORECASE)

_current = contextvars.ContextVar("pagecache_collector", default=None)
# Called with the cleared tags after the commit (the CDN purge, frontend.py).
PURGE_LISTENERS = []


def label_of(model) -> str:
    return model._meta.label_lower


def is_page_model(model) -> bool:
    from wagtail.models import Page

    return issubclass(model, Page)


def is_tracked(model) -> bool:
    meta = model._meta
    return meta.app_label in TRACKED_APPS and meta.label_lower not in UNTRACKED_MODELS


_tables: dict[str, str] | None = None


def tracked_tables() -> dict[str, str]:
    """db_table → model label, for the tracked models that are not pages (a page's tables
    are read by the page itself; pages are tagged by the instances read)."""
    global _tables
    if _tables is None:
        _tables = {
            model._meta.db_table: label_of(model)
            for model in apps.get_models(include_auto_created=True)
            if is_tracked(model) and not is_page_model(model)
        }
    return _tables


def partition_value(instance, path: str):
    """The value of path ("rollout_id", "status.rollout_id") without a query, or None."""
    target = instance
    *relations, attname = path.split(".")
    for name in relations:
        target = target._state.fields_cache.get(name)
        if target is None:
            return None
    return target.__dict__.get(attname)


@dataclass
class Collector:
    """What one render read."""

    pages: dict[int, str] = field(default_factory=dict)  # pk → specific label, "" for base
    models: set[tuple] = field(default_factory=set)
    partitioned: set[str] = field(default_factory=set)  # labels read as instances
    tables: set[str] = field(default_factory=set)
    extra: set[tuple] = field(default_factory=set)
    followers: set[str] = field(default_factory=set)  # read without their status's partition

    def add_instance(self, instance) -> None:
        model = type(instance)
        if instance.pk is None or not is_tracked(model):
            return
        if is_page_model(model):
            specific = "" if model._meta.label_lower == "wagtailcore.page" else label_of(model)
            self.pages[instance.pk] = self.pages.get(instance.pk) or specific
            return
        label = label_of(model)
        path = PARTITIONS.get(label)
        if path is None:
            self.models.add(("model", label))
            return
        self.partitioned.add(label)
        value = partition_value(instance, path)
        if value is not None:
            self.models.add(("model", label, value))
        elif label in FOLLOWS:
            self.followers.add(label)
        else:
            self.models.add(("model", label))

    def add_sql(self, sql: str) -> None:
        self.tables.update(TABLE_PATTERN.findall(sql))

    def tags(self, served_pk: int | None) -> set[tuple]:
        tags = {FRAME, *self.models, *self.extra}
        for pk, specific in self.pages.items():
            if specific and pk != served_pk:
                tags.add(("pagetype", specific))
            else:
                tags.add(("page", pk))
        if served_pk is not None:
            tags.update({("page", served_pk), ("children", served_pk)})
        for label in self.followers:
            if FOLLOWS[label] not in self.partitioned:
                tags.add(("model", label))
        table_labels = tracked_tables()
        for table in self.tables:
            label = table_labels.get(table)
            # A count or a list of values reads no instance; its table stands for it. Read
            # as instances, a partitioned model is tagged per partition above.
            if not label or label in self.partitioned or FOLLOWS.get(label) in self.partitioned:
                continue
            tags.add(("model", label))
        return tags


def current() -> Collector | None:
    return _current.get()


def start() -> contextvars.Token:
    return _current.set(Collector())


def stop(token: contextvars.Token) -> None:
    _current.reset(token)


def record_instance(sender, instance, **kwargs) -> None:
    """post_init receiver: cheap when no page is rendering for the cache."""
    collector = _current.get()
    if collector is not None:
        collector.add_instance(instance)


def record_sql(execute, sql, params, many, context):
    """connection.execute_wrapper: the tables a rendering page's queries read."""
    collector = _current.get()
    if collector is not None and isinstance(sql, str):
        collector.add_sql(sql)
    return execute(sql, params, many, context)


def add(*tags: tuple) -> None:
    """Tags the page rendering now with tags a view knows of that no instance shows."""
    collector = _current.get()
    if collector is not None:
        collector.extra.update(tags)


# Versions ----------------------------------------------------------------------------------


def version_key(tag: tuple) -> str:
    return VERSION_PREFIX + ":".join(str(part) for part in tag)


def epoch() -> str | None:
    return cache.get(EPOCH_KEY)


def versions_for_store(tags) -> dict[str, str]:
    """Each tag's version key and version now, giving missing tags a first version."""
    keys = [version_key(tag) for tag in tags]
    found = cache.get_many(keys)
    missing = [key for key in keys if key not in found]
    for key in missing:
        cache.add(key, uuid.uuid4().hex, None)
    if missing:
        found.update(cache.get_many(missing))
    return found


def still_valid(versions: dict[str, str]) -> bool:
    """Whether every tag still has the version a copy was stored with (one cache read)."""
    if not versions:
        return True
    return cache.get_many(list(versions)) == versions


def _bump(tags: list[tuple]) -> None:
    cache.set_many({version_key(tag): uuid.uuid4().hex for tag in tags}, None)
    # After the tags: a render that read the old rows and has not stored yet sees the new
    # epoch and drops its copy.
    cache.set(EPOCH_KEY, uuid.uuid4().hex, None)


def changed_in_open_transaction() -> bool:
    """Whether the transaction open now has changed something a page shows: what is read
    now may yet be rolled back, and must not be kept."""
    connection = transaction.get_connection()
    return connection.in_atomic_block and any(
        getattr(func, "pagecache_bump", False) for _ids, func, _robust in connection.run_on_commit
    )


def purge(*tags: tuple) -> None:
    """Clears every copy that showed any of tags: now, and again when the transaction
    commits, so that a page rendered meanwhile from the old rows is cleared too."""
    tags = list(dict.fromkeys(tags))
    if not tags:
        return
    _bump(tags)

    def bump_after_commit():
        _bump(tags)

    bump_after_commit.pagecache_bump = True
    transaction.on_commit(bump_after_commit)
    for listener in PURGE_LISTENERS:
        transaction.on_commit(lambda listener=listener: listener(tags))
