"""The login backend: Django's ModelBackend, reading with the user, in the same query, what
nearly every page a logged-in person opens asks: whether they are a regional editor
(access.is_regional_editor), and whether they hold any permission at all. A network member
holds none; their permission checks (the two-factor policy, the user bar) then need no
query of their own."""

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import Group, Permission
from django.db.models import Exists, OuterRef, Q

from .access import EDITORS_GROUP


class NetworkModelBackend(ModelBackend):
    def get_user(self, user_id):
        editors = Group.objects.filter(user=OuterRef("pk"), name=EDITORS_GROUP)
        permissions = Permission.objects.filter(
            Q(user=OuterRef("pk")) | Q(group__user=OuterRef("pk"))
        )
        user = (
            get_user_model()
            ._default_manager.annotate(
                in_editors_group=Exists(editors), holds_permissions=Exists(permissions)
            )
            .filter(pk=user_id)
            .first()
        )
        if user is None or not self.user_can_authenticate(user):
            return None
        # Where access.is_regional_editor keeps its answer for the request.
        user._is_regional_editor = user.in_editors_group
        if not user.holds_permissions and not user.is_superuser:
            # Where ModelBackend keeps the permissions it has read for the request.
            user._user_perm_cache = user._group_perm_cache = user._perm_cache = set()
        return user
