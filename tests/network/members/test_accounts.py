# ruff: noqa: F811  (pytest fixtures imported from member_helpers are parameters here)
"""Member accounts: log in and out, forgotten and changed password, lockout after failed
logins, invitations from the admin, and the groups the data migration creates."""

import re

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.urls import reverse

from network.choices import MemberRole
from network.models import Membership
from network.organisation.access import EDITORS_GROUP, MEMBERS_GROUP
from tests.network.helpers import PASSWORD

LOGIN = "/konto/logg-inn/"


def login(client, username, password=PASSWORD):
    return client.post(LOGIN, {"username": username, "password": password})


def test_login_page_is_norwegian_in_the_sites_look(client, db):
    html = client.get(LOGIN).content.decode()
    assert '<html lang="nb"' in html
    assert "Logg inn" in html and "Glemt passordet?" in html
    assert 'class="site-header"' in html
    assert "E-post eller brukernavn" in html


def test_member_logs_in_with_email_and_lands_on_min_kommune(client, member):
    response = login(client, "MEDLEM@example.org")
    assert response.status_code == 302
    assert response["Location"] == reverse("min_kommune")
    assert client.get(reverse("min_kommune"))["Location"] == "/min-kommune/vega/"


def test_login_keeps_a_safe_next_and_ignores_another_host(client, member):
    response = client.post(
        LOGIN, {"username": "medlem", "password": PASSWORD, "next": "/htm-status/"}
    )
    assert response["Location"] == "/htm-status/"
    client.logout()
    response = client.post(
        LOGIN, {"username": "medlem", "password": PASSWORD, "next": "https://evil.example/"}
    )
    assert response["Location"] == reverse("min_kommune")


def test_wrong_password_is_told_in_norwegian(client, member):
    response = login(client, "medlem", "feil-passord")
    assert response.status_code == 200
    assert "Feil e-post, brukernavn eller passord" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_logout_needs_a_post(client, member):
    client.force_login(member)
    page = client.get("/konto/logg-ut/")
    assert page.status_code == 200 and "_auth_user_id" in client.session
    assert 'method="post"' in page.content.decode()
    response = client.post("/konto/logg-ut/")
    assert response.status_code == 200
    assert "Du er logget ut" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_header_shows_login_or_min_kommune_and_a_logout_form(client, member, home_page):
    html = client.get("/").content.decode()
    assert ">Logg inn</a>" in html and "Min kommune" not in html
    client.force_login(member)
    html = client.get("/").content.decode()
    assert ">Min kommune</a>" in html
    logout = re.search(r'<form class="account-nav__logout" method="post"[^>]*>', html)
    assert logout and 'action="/konto/logg-ut/"' in logout.group(0)


def test_forgotten_password_sends_a_one_time_link(client, member):
    response = client.post("/konto/glemt-passord/", {"email": "medlem@example.org"})
    assert response["Location"] == "/konto/glemt-passord/sendt/"
    assert len(mail.outbox) == 1
    body = mail.outbox[0].body
    assert "Nytt passord" in mail.outbox[0].subject
    link = re.search(r"http://testserver(/konto/nytt-passord/\S+/)", body).group(1)
    form_url = client.get(link)["Location"]
    page = client.get(form_url)
    assert "Velg nytt passord" in page.content.decode()
    done = client.post(
        form_url, {"new_password1": "nytt-langt-passord-1", "new_password2": "nytt-langt-passord-1"}
    )
    assert done["Location"] == "/konto/nytt-passord/ferdig/"
    # Used once: the same link no longer works.
    assert "Lenken virker ikke" in client.get(link, follow=True).content.decode()
    assert login(client, "medlem", "nytt-langt-passord-1").status_code == 302


def test_change_password(client, member):
    assert client.get("/konto/endre-passord/")["Location"].startswith(LOGIN)
    client.force_login(member)
    response = client.post(
        "/konto/endre-passord/",
        {
            "old_password": PASSWORD,
            "new_password1": "enda-et-langt-passord",
            "new_password2": "enda-et-langt-passord",
        },
    )
    assert response["Location"] == "/konto/endre-passord/ferdig/"
    member.refresh_from_db()
    assert member.check_password("enda-et-langt-passord")


def test_five_failed_logins_lock_out_with_a_norwegian_page(client, member, settings):
    assert settings.AXES_FAILURE_LIMIT == 5
    for _ in range(4):
        assert login(client, "medlem", "feil").status_code == 200
    locked = login(client, "medlem", "feil")
    assert locked.status_code == 429
    assert "For mange mislykkede innlogginger" in locked.content.decode()
    # Even the right password is refused while locked out.
    assert login(client, "medlem").status_code == 429
    assert "_auth_user_id" not in client.session


def test_force_login_is_not_counted_by_axes(client, member):
    for _ in range(6):
        login(client, "medlem", "feil")
    client.force_login(member)
    assert client.get("/min-kommune/vega/").status_code == 200


def test_members_never_see_the_wagtail_admin(client, member, coordinator):
    for user in (member, coordinator):
        client.force_login(user)
        response = client.get("/admin/")
        assert response.status_code == 302
        assert response["Location"].startswith("/admin/login/")


def test_regional_editors_reach_the_admin(client, editor):
    client.force_login(editor)
    assert client.get("/admin/").status_code == 200
    assert client.get("/admin/snippets/network/membership/").status_code == 200


def test_groups_come_from_the_data_migration(db):
    editors = Group.objects.get(name=EDITORS_GROUP)
    codenames = set(editors.permissions.values_list("codename", flat=True))
    assert {"access_admin", "add_membership", "change_taskstatus", "add_page"} <= codenames | {
        p.permission.codename for p in editors.page_permissions.all()
    }
    assert "add_user" not in codenames
    members = Group.objects.get(name=MEMBERS_GROUP)
    assert not members.permissions.exists()


class TestInvitation:
    def test_editor_invites_by_email_and_the_person_chooses_a_password(
        self, client, editor, vega, django_capture_on_commit_callbacks
    ):
        client.force_login(editor)
        page = client.get("/admin/snippets/network/membership/")
        assert "Inviter medlem" in page.content.decode()
        form = client.get("/admin/medlemmer/inviter/")
        assert form.status_code == 200
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(
                "/admin/medlemmer/inviter/",
                {
                    "email": "Ny.Person@example.org",
                    "first_name": "Ny",
                    "last_name": "Person",
                    "municipality": vega.pk,
                    "role": MemberRole.COORDINATOR,
                },
            )
        assert response.status_code == 302
        user = get_user_model().objects.get(email="ny.person@example.org")
        assert not user.has_usable_password()
        assert user.groups.filter(name=MEMBERS_GROUP).exists()
        membership = Membership.objects.get(user=user)
        assert (membership.municipality, membership.role) == (vega, MemberRole.COORDINATOR)
        assert membership.invited_by == editor
        assert len(mail.outbox) == 1 and "Vega" in mail.outbox[0].subject
        link = re.search(r"http://testserver(/konto/velkommen/\S+/)", mail.outbox[0].body)
        client.logout()
        form_url = client.get(link.group(1))["Location"]
        assert "Velkommen til E-helse Nordland" in client.get(form_url).content.decode()
        client.post(
            form_url, {"new_password1": "mitt-eget-passord", "new_password2": "mitt-eget-passord"}
        )
        assert login(client, "ny.person@example.org", "mitt-eget-passord").status_code == 302
        assert client.get("/min-kommune/")["Location"] == "/min-kommune/vega/"

    def test_a_second_membership_for_the_same_municipality_is_refused(
        self, client, editor, member, vega
    ):
        client.force_login(editor)
        response = client.post(
            "/admin/medlemmer/inviter/",
            {
                "email": "medlem@example.org",
                "first_name": "M",
                "last_name": "M",
                "municipality": vega.pk,
                "role": "medlem",
            },
        )
        assert response.status_code == 200
        assert "allerede medlem" in response.content.decode()
        assert Membership.objects.filter(user=member).count() == 1

    def test_members_and_plain_users_cannot_invite(self, client, coordinator, plain_user):
        for user in (coordinator, plain_user):
            client.force_login(user)
            response = client.post("/admin/medlemmer/inviter/", {"email": "x@example.org"})
            assert response.status_code in (302, 403)
        assert not get_user_model().objects.filter(email="x@example.org").exists()
