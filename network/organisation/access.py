"""Who may see and do what in the network app, in one place.

- A **network member** has a Membership in at least one municipality (role medlem or
  kommunekoordinator). Members read members-only materials and unpublished contact persons,
  mark items relevant for their own municipality, see Min kommune and the regional overview
  of HTM status; a kommunekoordinator also updates their municipality's statuses.
- A **regional editor** is in the group «Regionale redaktører» (or is a superuser): all of
  the above for every municipality, and the Wagtail admin.

Memberships are read once per request and kept on the user object.
"""

EDITORS_GROUP = "Regionale redaktører"
MEMBERS_GROUP = "Nettverksmedlemmer"


def _authenticated(user) -> bool:
    return bool(user and user.is_authenticated and user.is_active)


def is_regional_editor(user) -> bool:
    if not _authenticated(user):
        return False
    if user.is_superuser:
        return True
    cached = getattr(user, "_is_regional_editor", None)
    if cached is None:
        cached = user.groups.filter(name=EDITORS_GROUP).exists()
        user._is_regional_editor = cached
    return cached


def memberships(user) -> list:
    """The user's memberships with their municipalities (one query, then cached)."""
    if not _authenticated(user):
        return []
    cached = getattr(user, "_network_memberships", None)
    if cached is None:
        from network.models import Membership

        cached = list(
            Membership.objects.filter(user=user)
            .select_related("municipality")
            .order_by("municipality__name")
        )
        user._network_memberships = cached
    return cached


def membership_for(user, municipality):
    municipality_id = getattr(municipality, "pk", municipality)
    for membership in memberships(user):
        if membership.municipality_id == municipality_id:
            return membership
    return None


def is_network_member(user) -> bool:
    """True for members of the network (and regional editors): they may read members-only
    meeting materials and see members-only meeting links."""
    return is_regional_editor(user) or bool(memberships(user))


def can_see_unpublished_contacts(user) -> bool:
    """True when the user may see contact persons who have not agreed to be published."""
    return is_network_member(user)


def can_view_municipality(user, municipality) -> bool:
    """Min kommune, the marks and the HTM status sheet of this municipality."""
    return is_regional_editor(user) or membership_for(user, municipality) is not None


def can_mark_for(user, municipality) -> bool:
    """Marks belong to the municipality: every member of it may add, edit and remove them."""
    return can_view_municipality(user, municipality)


def can_edit_statuses(user, municipality) -> bool:
    """The municipality's HTM task statuses and rollout statuses: its kommunekoordinator."""
    if is_regional_editor(user):
        return True
    membership = membership_for(user, municipality)
    return membership is not None and membership.is_coordinator


def can_view_regional_overview(user) -> bool:
    """The region's HTM status overview, with every municipality's sheet."""
    return is_network_member(user)


def markable_municipalities(user) -> list:
    """The municipalities the user may mark for: their own, or all of them for an editor."""
    if is_regional_editor(user):
        from network.models import Municipality

        own = [m.municipality for m in memberships(user)]
        others = list(Municipality.objects.exclude(pk__in=[m.pk for m in own]))
        return own + others
    return [membership.municipality for membership in memberships(user)]
