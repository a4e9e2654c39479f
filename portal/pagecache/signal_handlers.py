"""The events that clear cached pages, each clearing the tags of what it changed (tags.py).

- A page published, unpublished or deleted: the page, its parent's listing of children, and
  the listings of its type; the frame too when the page is in the main menu or is a page the
  footer links to. Created live in code (no publish), the same.
- A page moved: as above for the old and the new parent, and every page below it (their
  addresses changed).
- Any other model a page can show saved or deleted (snippets such as contact persons and
  roles, site settings, documents, images, statuses, tags, m2m links): its model's tag, per
  partition for statuses. Site settings and sites also clear the frame.

Drafts and revisions clear nothing: a visitor sees only what is published.
"""

from django.apps import apps
from django.db.models.signals import m2m_changed, post_delete, post_init, post_save
from wagtail.signals import page_published, page_unpublished, post_page_move

from . import tags as pagetags

LOADED_PARTITION = "_pagecache_partition"


def _frame_page_ids() -> set[int]:
    from wagtail.models import Site

    from portal.models import SiteSettings

    ids = set(Site.objects.values_list("root_page_id", flat=True))
    for privacy, accessibility in SiteSettings.objects.values_list(
        "privacy_page_id", "accessibility_page_id"
    ):
        ids.update({privacy, accessibility} - {None})
    return ids


def _parent_id(page) -> int | None:
    from wagtail.models import Page

    if page.depth <= 1:
        return None
    parent_path = page.path[: -Page.steplen]
    return Page.objects.filter(path=parent_path).values_list("pk", flat=True).first()


def page_tags(page, parent_ids) -> list[tuple]:
    result = [("page", page.pk), ("pagetype", pagetags.label_of(page.specific_class or type(page)))]
    result.extend(("children", parent_id) for parent_id in parent_ids if parent_id)
    frame_ids = _frame_page_ids()
    # A child of a site's root page is in the main menu; the footer links to two pages.
    if page.pk in frame_ids or frame_ids.intersection(parent_ids):
        result.append(pagetags.FRAME)
    return result


def page_changed(sender, instance, **kwargs) -> None:
    pagetags.purge(*page_tags(instance, [_parent_id(instance)]))


def tags_of_pages(pages) -> list[tuple]:
    """Each page's own tag and its type's (a listing of that type shows it: tags.py)."""
    from django.contrib.contenttypes.models import ContentType

    result = []
    for pk, content_type_id in pages.values_list("pk", "content_type_id"):
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        result.append(("page", pk))
        if model is not None:
            result.append(("pagetype", pagetags.label_of(model)))
    return result


def page_moved(sender, instance, parent_page_before, parent_page_after, **kwargs) -> None:
    from wagtail.models import Page

    moved = page_tags(instance, [parent_page_before.pk, parent_page_after.pk])
    pagetags.purge(*moved, *tags_of_pages(Page.objects.descendant_of(instance)))


def model_tags(instance) -> list[tuple]:
    label = pagetags.label_of(type(instance))
    path = pagetags.PARTITIONS.get(label)
    result = [("model", label)]
    if path is not None:
        for value in (
            pagetags.partition_value(instance, path),
            getattr(instance, LOADED_PARTITION, None),
        ):
            if value is not None:
                result.append(("model", label, value))
    if label in {"portal.sitesettings", "wagtailcore.site"}:
        result.append(pagetags.FRAME)
    return result


def remember_partition(sender, instance, **kwargs) -> None:
    """The partition a row had when read, so that moving it clears its old place too."""
    path = pagetags.PARTITIONS.get(pagetags.label_of(sender))
    if path is not None and instance.pk is not None:
        setattr(instance, LOADED_PARTITION, pagetags.partition_value(instance, path))


def model_changed(sender, instance, raw=False, **kwargs) -> None:
    if raw or not pagetags.is_tracked(sender):
        return
    if pagetags.is_page_model(sender):
        # Publishing has its own signal; a page created live in code (no publish) and a
        # deleted page clear here. Saving a draft changes nothing a visitor sees.
        deleted = kwargs.get("signal") is post_delete
        if deleted or (kwargs.get("created") and instance.live):
            page_changed(sender, instance)
        return
    tags = model_tags(instance)
    if pagetags.label_of(sender) == "wagtailcore.pageviewrestriction":
        # The page and all below it turn private (or public), and so does their menu entry.
        from wagtail.models import Page

        path = Page.objects.filter(pk=instance.page_id).values_list("path", flat=True).first()
        if path:
            tags += tags_of_pages(Page.objects.filter(path__startswith=path))
        tags.append(pagetags.FRAME)
    pagetags.purge(*tags)


def links_changed(sender, instance, action, **kwargs) -> None:
    """m2m links added or removed (a cohort's municipalities)."""
    if action.startswith("post_") and pagetags.is_tracked(sender):
        pagetags.purge(
            ("model", pagetags.label_of(sender)), ("model", pagetags.label_of(type(instance)))
        )


def connect() -> None:
    from .frontend import purge_tags

    if purge_tags not in pagetags.PURGE_LISTENERS:
        pagetags.PURGE_LISTENERS.append(purge_tags)
    post_init.connect(pagetags.record_instance, dispatch_uid="pagecache-record")
    for label in pagetags.PARTITIONS:
        try:
            model = apps.get_model(label)
        except LookupError:
            continue
        post_init.connect(remember_partition, sender=model, dispatch_uid=f"pagecache-{label}")
    page_published.connect(page_changed, dispatch_uid="pagecache-published")
    page_unpublished.connect(page_changed, dispatch_uid="pagecache-unpublished")
    post_page_move.connect(page_moved, dispatch_uid="pagecache-moved")
    post_save.connect(model_changed, dispatch_uid="pagecache-saved")
    post_delete.connect(model_changed, dispatch_uid="pagecache-deleted")
    m2m_changed.connect(links_changed, dispatch_uid="pagecache-links")
