"""Who is served a cached copy and who is not: logged-in members and editors never get one and
never leave one behind; pages with a visitor's own CSRF token, restricted pages, unknown query
parameters and requests with a session stay out of the cache."""

import pytest
from django.middleware.csrf import get_token
from wagtail.models import PageViewRestriction

from home.models import ContentPage
from portal.pagecache import tags as pagetags
from tests.network.helpers import make_user

from .conftest import cached, fresh, warm

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(db, django_user_model):
    return django_user_model.objects.create_superuser("redaktor", "redaktor@example.org", "x")


def test_a_logged_in_member_is_never_served_the_visitors_copy(client, site):
    warm(client, site.group.url)
    client.force_login(make_user("medlem"))
    response = fresh(client, site.group.url)
    assert "Logg ut" in response.content.decode()
    assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]
    fresh(client, site.group.url)


def test_a_logged_in_view_leaves_nothing_in_the_cache(client, site, editor):
    client.force_login(editor)
    for _ in range(2):
        assert "Logg ut" in fresh(client, site.group.url).content.decode()
    client.logout()
    visitor = fresh(client, site.group.url).content.decode()
    assert "Logg ut" not in visitor and "Logg inn" in visitor


def test_a_page_with_a_csrf_token_is_not_cached_and_kept_private(client, site, monkeypatch):
    get_context = ContentPage.get_context

    def with_form(page, request, *args, **kwargs):
        get_token(request)  # as {% csrf_token %} in a form does
        return get_context(page, request, *args, **kwargs)

    monkeypatch.setattr(ContentPage, "get_context", with_form)
    first = fresh(client, site.about.url)
    assert "csrftoken" in first.cookies
    assert "private" in first["Cache-Control"] and "no-store" in first["Cache-Control"]
    fresh(client, site.about.url)


def test_a_restricted_page_is_never_stored(client, site):
    PageViewRestriction.objects.create(page=site.old_page, restriction_type="login")
    for _ in range(2):
        assert fresh(client, site.old_page.url).status_code == 302


def test_restricting_a_cached_page_takes_effect_at_once(client, site):
    warm(client, site.about.url, site.old_page.url)
    PageViewRestriction.objects.create(page=site.about, restriction_type="login")
    assert fresh(client, site.old_page.url).status_code == 302
    assert fresh(client, site.about.url).status_code == 302


def test_known_listing_parameters_are_cached_apart_and_others_not_at_all(client, site):
    warm(client, site.meetings.url, site.meetings.url + "?type=fagdag")
    assert cached(client, site.meetings.url + "?type=fagdag").content != b""
    for _ in range(2):
        fresh(client, site.meetings.url + "?utm_source=nyhetsbrev")


def test_a_visitor_with_a_session_is_served_fresh(client, site):
    warm(client, site.group.url)
    client.cookies["sessionid"] = "ukjent"
    fresh(client, site.group.url)


def test_head_is_answered_from_the_copy_without_a_body(client, site):
    warm(client, site.group.url)
    length = len(client.get(site.group.url).content)
    response = client.head(site.group.url)
    assert response["X-Page-Cache"] == "treff"
    assert response.content == b"" and response["Content-Length"] == str(length)


def test_a_page_rendered_while_something_changed_is_not_stored(client, site, monkeypatch):
    """An edit committed while a page renders from the old rows: that copy is thrown away."""
    versions_for_store = pagetags.versions_for_store

    def edit_meanwhile(tags):
        found = versions_for_store(tags)
        pagetags.purge(("model", "network.contactperson"))
        return found

    monkeypatch.setattr(pagetags, "versions_for_store", edit_meanwhile)
    client.get(site.meetings.url)
    monkeypatch.setattr(pagetags, "versions_for_store", versions_for_store)
    fresh(client, site.meetings.url)
    cached(client, site.meetings.url)
