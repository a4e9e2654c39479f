"""Helpers for the idempotent demo loaders (`manage.py load_demo_content`).

Each app that has demo content has a `demo.py` module with a `load(context)` function; the
command calls them in INSTALLED_APPS order, so an app builds on the pages of the apps
before it. Loaders create what is missing and leave what exists alone, so a second run
changes nothing and an editor's changes to demo pages survive.
"""

from dataclasses import dataclass, field

from wagtail.models import Page


@dataclass
class DemoContext:
    """Shared state between the app loaders, and a count of what they created."""

    stdout: object
    pages: dict[str, Page] = field(default_factory=dict)
    created: dict[str, int] = field(default_factory=dict)

    def count(self, label: str, number: int = 1) -> None:
        """Count created objects; `number` may be a bool (created or not) or a count."""
        if number:
            self.created[label] = self.created.get(label, 0) + int(number)


def ensure_child_page(parent: Page, page_class: type[Page], slug: str, tags=(), **fields):
    """Return (page, created): the child of parent with this slug, created and published
    with the given fields (and tags) when it does not exist yet."""
    existing = parent.get_children().filter(slug=slug).first()
    if existing is not None:
        return existing.specific, False
    page = page_class(slug=slug, **fields)
    if tags:
        page.tags.add(*tags)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page, True
