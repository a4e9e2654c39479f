"""A refused visitor gets the portal's own Norwegian 403 page, in the site's frame, with a
way back; never a bare «403 Forbidden»."""

import pytest
from django.contrib.auth import get_user_model


@pytest.mark.django_db
def test_a_refused_user_gets_the_norwegian_403_page(client, home_page):
    outsider = get_user_model().objects.create_user("utenfor", "utenfor@example.org", "x" * 16)
    client.force_login(outsider)
    response = client.get("/htm-status/")
    assert response.status_code == 403
    html = response.content.decode()
    assert '<html lang="nb"' in html
    assert "Du har ikke tilgang til denne siden" in html
    assert "Denne siden er for medlemmer av nettverket." in html
    assert 'class="site-header"' in html and "Hopp til hovedinnholdet" in html
    assert 'href="/"' in html and "Forbidden" not in html


@pytest.mark.django_db
def test_a_visitor_who_must_log_in_is_sent_to_the_login_page_and_back(client, home_page):
    response = client.get("/min-kommune/vega/htm-status/")
    assert response.status_code == 302
    assert response["Location"] == "/konto/logg-inn/?next=/min-kommune/vega/htm-status/"
