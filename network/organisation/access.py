"""Who may see and do what in the network, in one place: the rules, and the decorators every
members' view is built with.

- A **network member** has a Membership in at least one municipality (role medlem or
  kommunekoordinator). Members read members-only materials and unpublished contact persons,
  mark items relevant for their own municipality, see Min kommune and the regional overview
  of HTM status; a kommunekoordinator also updates their municipality's statuses.
- A **regional editor** is in the group «Regionale redaktører» (or is a superuser): all of
  the above for every municipality, and the Wagtail admin.

Memberships are read once per request and kept on the user object. A visitor who must log
in is sent to the login page (settings.LOGIN_URL) with Django's `redirect_to_login`; a
logged-in user who may not is refused with PermissionDenied, which the portal answers with
its own Norwegian 403 page.
"""

from functools import wraps

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import resolve_url

from .directory import contact_directory, contacts_where, municipalities
from .models import ContactPerson, Membership, Municipality

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


def memberships(user) -> list[Membership]:
    """The user's memberships with their municipalities (one query, then cached)."""
    if not _authenticated(user):
        return []
    cached = getattr(user, "_network_memberships", None)
    if cached is None:
        cached = list(
            Membership.objects.filter(user=user)
            .select_related("municipality")
            .order_by("municipality__name")
        )
        user._network_memberships = cached
    return cached


def membership_for(user, municipality) -> Membership | None:
    municipality_id = getattr(municipality, "pk", municipality)
    for membership in memberships(user):
        if membership.municipality_id == municipality_id:
            return membership
    return None


def is_network_member(user) -> bool:
    """Members of the network (and regional editors): they read members-only materials,
    members-only meeting links and unpublished contact persons."""
    return is_regional_editor(user) or bool(memberships(user))


def visible_contacts(user) -> list[ContactPerson]:
    """The contact persons this user may see, with what their cards show, in name order
    (kept in the cache: directory.py)."""
    return contact_directory(is_network_member(user))


def visible_contacts_where(user, name: str, keep) -> list[ContactPerson]:
    """The persons of visible_contacts() that keep(person) selects, kept under `name`."""
    return contacts_where(is_network_member(user), name, keep)


def can_view_municipality(user, municipality) -> bool:
    """Min kommune, the marks and the HTM status sheet of this municipality."""
    return is_regional_editor(user) or membership_for(user, municipality) is not None


def can_edit_statuses(user, municipality) -> bool:
    """The municipality's HTM task statuses and rollout statuses: its kommunekoordinator."""
    if is_regional_editor(user):
        return True
    membership = membership_for(user, municipality)
    return membership is not None and membership.is_coordinator


def municipalities_of(user) -> list[Municipality]:
    """The municipalities the user acts for: their own, or all of them for an editor (their
    own first)."""
    own = [membership.municipality for membership in memberships(user)]
    if not is_regional_editor(user):
        return own
    return own + list(Municipality.objects.exclude(pk__in=[m.pk for m in own]))


# The decorators ----------------------------------------------------------------------------


def login_url() -> str:
    return resolve_url(settings.LOGIN_URL)


def to_login(request):
    """A redirect to the login page that comes back to this page afterwards."""
    return redirect_to_login(request.get_full_path(), login_url())


def network_member_required(view):
    """The view is for network members: others log in first, or are refused."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return to_login(request)
        if not is_network_member(request.user):
            raise PermissionDenied("Denne siden er for medlemmer av nettverket.")
        return view(request, *args, **kwargs)

    return wrapper


def municipality_view(edit: bool = False, edit_to_write: bool = False):
    """The view is about the municipality named by the `slug` in its URL, and is called with
    that Municipality instead of the slug. Only the municipality's members and the regional
    editors see it. With edit=True every request needs its kommunekoordinator (or an editor);
    with edit_to_write=True only a POST does, and the members may read.
    A crafted slug of another municipality is refused, never quietly redirected."""

    def decorator(view):
        @wraps(view)
        def wrapper(request, slug, *args, **kwargs):
            if not request.user.is_authenticated:
                return to_login(request)
            municipality = next((m for m in municipalities() if m.slug == slug), None)
            if municipality is None:
                raise Http404("Ingen kommune med dette navnet.")
            if not can_view_municipality(request.user, municipality):
                raise PermissionDenied("Du er ikke medlem for denne kommunen.")
            writing = request.method not in ("GET", "HEAD", "OPTIONS")
            needs_edit = edit or (edit_to_write and writing)
            if needs_edit and not can_edit_statuses(request.user, municipality):
                raise PermissionDenied("Bare kommunekoordinatoren kan endre statusen.")
            return view(request, municipality, *args, **kwargs)

        return wrapper

    return decorator
