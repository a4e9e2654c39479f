"""The login link and `next`: a login page never links to a login page with a longer
`?next=`, and the login ignores a `next` that leads back to it."""

import re

import pytest
from django.contrib.auth import get_user_model

from tests.factories import ContentPageFactory

LOGIN = "/konto/logg-inn/"
AFTER_LOGIN = "/min-kommune/"  # LOGIN_REDIRECT_URL


def login_links(html: str) -> list[str]:
    return re.findall(r'href="(/konto/logg-inn/[^"]*)"', html)


@pytest.mark.django_db
class TestLoginLink:
    def test_a_page_sends_the_visitor_back_after_login(self, client, home_page):
        page = ContentPageFactory(parent=home_page, slug="om")
        links = login_links(client.get("/om/?a=1&b=2").content.decode())
        assert "/konto/logg-inn/?next=%2Fom%2F%3Fa%3D1%26b%3D2" in links
        assert login_links(client.get("/").content.decode()) == [LOGIN]
        assert page.live

    @pytest.mark.parametrize(
        "url",
        [
            LOGIN,
            LOGIN + "?next=/om/",
            LOGIN + "?next=" + LOGIN + "?next=" + LOGIN,
            "/konto/glemt-passord/",
        ],
    )
    def test_login_pages_link_to_the_plain_login(self, client, home_page, url):
        html = client.get(url).content.decode()
        assert login_links(html), url
        assert set(login_links(html)) == {LOGIN}

    def test_following_the_link_does_not_grow_the_address(self, client, home_page):
        url = LOGIN + "?next=/om/"
        for _ in range(3):
            (url,) = set(login_links(client.get(url).content.decode()))
        assert url == LOGIN


@pytest.mark.django_db
class TestLoginNext:
    @pytest.fixture
    def user(self, db):
        return get_user_model().objects.create_user(
            username="kari", email="kari@example.org", password="Et langt passord 123"
        )

    def post_login(self, client, user, next_url):
        return client.post(
            LOGIN,
            {"username": user.email, "password": "Et langt passord 123", "next": next_url},
        )

    def test_a_next_back_to_the_login_is_ignored(self, client, user):
        html = client.get(LOGIN + "?next=" + LOGIN + "%3Fnext%3D%2Fom%2F").content.decode()
        assert 'name="next" value=""' in html
        response = self.post_login(client, user, LOGIN + "?next=/om/")
        assert response.status_code == 302
        assert response["Location"] == AFTER_LOGIN

    def test_a_next_to_the_logout_is_ignored(self, client, user):
        response = self.post_login(client, user, "/konto/logg-ut/")
        assert response["Location"] == AFTER_LOGIN

    def test_an_ordinary_next_is_kept(self, client, user):
        assert (
            'name="next" value="/konto/mine-data/"'
            in client.get(LOGIN + "?next=/konto/mine-data/").content.decode()
        )
        response = self.post_login(client, user, "/konto/mine-data/")
        assert response["Location"] == "/konto/mine-data/"
