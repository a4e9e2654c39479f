"""What many pages list of the network's organisation: the municipalities, the cohorts and
the contact persons. Each is kept in the cache until content changes (portal.pagecache.data),
so a page that lists them pays no query for them, and nothing here is ever older than the
database.
"""

from django.db.models import Prefetch

from portal.pagecache import data
from portal.text import norwegian_sorted

from .models import Cohort, ContactPerson, Municipality


def municipalities() -> list[Municipality]:
    """Every municipality in Norwegian alphabetical order, with its cohorts."""
    return data.remember(
        "network:municipalities",
        lambda: norwegian_sorted(Municipality.objects.prefetch_related("cohorts")),
    )


def cohorts() -> list[Cohort]:
    """Every cohort (by year and name), with its municipalities by name."""
    members = Prefetch("municipalities", queryset=Municipality.objects.order_by("name"))
    return data.remember("network:cohorts", lambda: list(Cohort.objects.prefetch_related(members)))


def contact_directory(include_unpublished: bool) -> list[ContactPerson]:
    """Every contact person such a reader may see, in name order, with what their cards
    show (access.visible_contacts decides who sees the unpublished)."""
    name = "all" if include_unpublished else "published"
    return data.remember(
        f"network:contacts:{name}",
        lambda: list(ContactPerson.objects.visible(include_unpublished).with_details()),
    )


def contacts_where(include_unpublished: bool, name: str, keep) -> list[ContactPerson]:
    """The persons of contact_directory() that keep(person) selects, kept in the cache on
    their own under `name` (which must say what keep selects): a page showing two persons
    then reads two from the cache instead of the whole directory."""
    scope = "all" if include_unpublished else "published"
    return data.remember(
        f"network:contacts:{scope}:{name}",
        lambda: [person for person in contact_directory(include_unpublished) if keep(person)],
    )
