"""«Var denne siden nyttig?»: the form at the foot of a page without a CSRF token (public pages
are cached), answers stored without personal data, a honeypot and a rate limit instead of a
CAPTCHA, Norwegian messages that keep what was typed, and the editors' report and export."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from portal.feedback.models import PageFeedback
from portal.feedback.views import RATES
from tests.factories import ContentPageFactory

SUBMIT = "/tilbakemelding/"


@pytest.fixture
def page(home_page):
    return ContentPageFactory(parent=home_page, title="Om nettverket", slug="om-nettverket")


@pytest.fixture
def visitor():
    # CSRF checked as in a browser: the form must work without a token.
    return Client(enforce_csrf_checks=True)


def answer(client, page, **values):
    data = {"page": page.pk, "answer": "ja", "comment": ""}
    data.update(values)
    return client.post(SUBMIT, data)


def test_every_page_has_the_form_without_a_csrf_token(visitor, page, home_page):
    for shown in (page, home_page):
        html = visitor.get(shown.url).content.decode()
        form = html[html.index('id="tilbakemelding"') :]
        form = form[: form.index("</section>")]
        assert "Var denne siden nyttig?" in form
        assert f'action="{SUBMIT}"' in form
        assert f'name="page" value="{shown.pk}"' in form
        assert "csrfmiddlewaretoken" not in form


def test_an_answer_is_stored_without_personal_data_and_thanked(visitor, page):
    response = answer(visitor, page, answer="nei", comment="  Savner kontaktinformasjon.  ")
    assert response.status_code == 302
    assert response["Location"] == f"{page.url}?takk=1#tilbakemelding"
    stored = PageFeedback.objects.get()
    assert (stored.page_id, stored.helpful, stored.comment) == (
        page.pk,
        False,
        "Savner kontaktinformasjon.",
    )
    fields = {field.name for field in PageFeedback._meta.get_fields()}
    assert fields == {"id", "page", "helpful", "comment", "created_at"}
    assert "sessionid" not in response.cookies  # nothing tied to a session
    thanks = visitor.get(f"{page.url}?takk=1").content.decode()
    assert "Takk for svaret!" in thanks
    assert 'name="answer"' not in thanks


def test_a_robot_filling_the_honeypot_is_thanked_but_not_stored(visitor, page):
    response = answer(visitor, page, nettsted="http://spam.example.org")
    assert response.status_code == 302 and "takk=1" in response["Location"]
    assert not PageFeedback.objects.exists()


def test_too_many_answers_from_one_address_are_refused_in_norwegian(visitor, page):
    allowed = int(RATES["address"].split("/")[0])
    for _ in range(allowed):
        assert answer(visitor, page).status_code == 302
    refused = answer(visitor, page, comment="En til")
    assert refused.status_code == 429
    html = refused.content.decode()
    assert "Vent noen minutter og prøv igjen" in html
    assert "En til" in html  # what was typed is still in the form
    assert PageFeedback.objects.count() == allowed


def test_a_missing_answer_is_explained_and_the_comment_kept(visitor, page):
    response = answer(visitor, page, answer="", comment="Fin side, men lang.")
    assert response.status_code == 400
    html = response.content.decode()
    assert "Velg «Ja» eller «Nei»." in html
    assert "Fin side, men lang.</textarea>" in html
    assert not PageFeedback.objects.exists()


@pytest.mark.parametrize("page_id", ["", "abc", "999999", "-1"])
def test_an_unknown_page_is_refused_in_norwegian(visitor, page, page_id):
    response = visitor.post(SUBMIT, {"page": page_id, "answer": "ja"})
    assert response.status_code == 404
    assert "Vi fant ikke siden svaret gjaldt." in response.content.decode()
    assert not PageFeedback.objects.exists()


def test_a_draft_page_takes_no_answers(visitor, page):
    page.unpublish()
    assert answer(visitor, page).status_code == 404


def test_an_overlong_comment_is_refused_in_norwegian(visitor, page):
    response = answer(visitor, page, comment="x" * 1001)
    assert response.status_code == 400
    assert "høyst 1000 tegn" in response.content.decode()


@pytest.fixture
def editor_client(db):
    user = get_user_model().objects.create_superuser(
        "redaktor", "redaktor@example.org", "et-langt-passord-for-test"
    )
    client = Client()
    client.force_login(user)
    return client


def test_editors_see_answers_per_page_and_download_them(editor_client, page, home_page):
    PageFeedback.objects.create(page=page, helpful=True)
    PageFeedback.objects.create(page=page, helpful=False, comment='=HYPERLINK("x")')
    PageFeedback.objects.create(page=page, helpful=False, comment="Mangler dato.")
    PageFeedback.objects.create(page=home_page, helpful=True)
    html = editor_client.get(reverse("page_feedback_report")).content.decode()
    assert "Om nettverket" in html
    assert "<td>1</td>\n                            <td>2</td>" in html  # yes, no
    assert "33 %" in html
    detail = editor_client.get(reverse("page_feedback_page_report", args=[page.pk]))
    assert "Mangler dato." in detail.content.decode()
    csv = editor_client.get(reverse("page_feedback_report") + "?format=csv")
    assert csv["Content-Disposition"].startswith('attachment; filename="tilbakemeldinger-')
    text = csv.content.decode("utf-8-sig")
    assert "Om nettverket;" in text and "Mangler dato." in text
    assert "'=HYPERLINK" in text  # a formula typed by a visitor stays text
    xlsx = editor_client.get(reverse("page_feedback_report") + "?format=xlsx")
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(xlsx.content))
    assert book.sheetnames == ["Per side", "Svar"]
    per_page = {row[0]: row[1:3] for row in book["Per side"].iter_rows(values_only=True)}
    assert per_page["Om nettverket"] == (1, 2)


def test_the_report_is_in_the_reports_menu_and_closed_to_others(editor_client, client, page):
    assert reverse("page_feedback_report") in editor_client.get("/admin/").content.decode()
    response = client.get(reverse("page_feedback_report"))
    assert response.status_code == 302 and "/login/" in response["Location"]
