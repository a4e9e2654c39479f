"""The login backend reads with the user whether they are a regional editor and whether they
hold any permission, so a member's pages pay no query for either."""

import pytest
from django.contrib.auth.models import Permission

from network.organisation.access import is_regional_editor
from network.organisation.backends import NetworkModelBackend
from tests.network.helpers import make_member, make_user

pytestmark = pytest.mark.django_db


def test_a_member_is_read_in_one_query_and_asks_no_more(django_assert_num_queries):
    member = make_member("medlem")
    with django_assert_num_queries(1):
        user = NetworkModelBackend().get_user(member.pk)
    with django_assert_num_queries(0):
        assert not is_regional_editor(user)
        assert not user.has_perm("wagtailadmin.access_admin")
        assert user.get_all_permissions() == set()


def test_an_editor_is_known_as_one_and_keeps_every_permission(editor, django_assert_num_queries):
    with django_assert_num_queries(1):
        user = NetworkModelBackend().get_user(editor.pk)
    with django_assert_num_queries(0):
        assert is_regional_editor(user)
    assert user.has_perm("wagtailadmin.access_admin")


def test_a_permission_of_ones_own_is_read_as_always():
    user = make_user("egen-tilgang")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    read = NetworkModelBackend().get_user(user.pk)
    assert not is_regional_editor(read)
    assert read.has_perm("wagtailadmin.access_admin")


def test_an_inactive_user_is_not_logged_in():
    user = make_user("sluttet", is_active=False)
    assert NetworkModelBackend().get_user(user.pk) is None


def test_a_logged_in_member_is_read_with_the_portal_backend(client):
    member = make_member("innlogget")
    client.force_login(member)
    response = client.get("/min-kommune/")
    assert response.status_code == 302
    assert response.wsgi_request.user.in_editors_group is False
