# ruff: noqa: F811  (pytest fixtures imported from member_helpers are parameters here)
"""«Relevant for oss»: marks with tags belong to the municipality; anyone sees the count,
members see which municipalities; tag pages; Min kommune gathers it all."""

import re

import pytest
from django.urls import reverse

from network.choices import MemberRole
from network.models import MarkTag, RelevanceMark
from tests.network.factories import ProjectIndexPageFactory, ProjectPageFactory
from tests.network.helpers import make_member
from tests.utils import count_queries


@pytest.fixture
def rollout(rollouts):
    return rollouts[0]


def mark_url(page):
    return reverse("marks_page", args=[page.pk])


def post_mark(client, page, municipality, **data):
    payload = {"municipality": municipality.pk, "next": page.url, **data}
    return client.post(mark_url(page), payload)


def test_anonymous_sees_the_count_but_not_who(client, rollout, vega, rana):
    for municipality in (vega, rana):
        RelevanceMark.objects.create(municipality=municipality, page=rollout)
    html = client.get(rollout.url).content.decode()
    assert "2 kommuner har markert dette som relevant." in html
    assert "Markert av:" not in html
    assert "Logg inn</a> for å markere" in html


def test_member_sees_which_municipalities(client, rollout, member, rana):
    RelevanceMark.objects.create(municipality=rana, page=rollout)
    client.force_login(member)
    html = client.get(rollout.url).content.decode()
    assert "1 kommune har markert dette som relevant." in html
    assert "Markert av:" in html and "Rana" in html
    assert "Marker som relevant for Vega" in html


def test_member_marks_a_rollout_with_a_new_tag_and_a_note(client, rollout, member, vega):
    client.force_login(member)
    form = client.get(mark_url(rollout) + f"?kommune={vega.pk}")
    assert form.status_code == 200
    assert "Marker som relevant for Vega" in form.content.decode()
    response = post_mark(client, rollout, vega, new_tags="Innføring 2026, Opplæring", note="Viktig")
    assert response.status_code == 302 and response["Location"] == rollout.url
    mark = RelevanceMark.objects.get(municipality=vega, page=rollout)
    assert sorted(t.name for t in mark.tags.all()) == ["Innføring 2026", "Opplæring"]
    assert mark.note == "Viktig" and mark.created_by == member
    html = client.get(rollout.url).content.decode()
    assert "Markert som relevant for Vega" in html and "Innføring 2026" in html


def test_the_municipalitys_existing_tags_are_suggested_not_other_municipalities(
    client, rollouts, member, vega, rana
):
    ours = RelevanceMark.objects.create(municipality=vega, page=rollouts[1])
    ours.tags.set(["Budsjett 2026"])
    theirs = RelevanceMark.objects.create(municipality=rana, page=rollouts[1])
    theirs.tags.set(["Ranas hemmelighet"])
    client.force_login(member)
    html = client.get(mark_url(rollouts[0]) + f"?kommune={vega.pk}").content.decode()
    assert 'value="Budsjett 2026"' in html
    assert "Ranas hemmelighet" not in html
    post_mark(client, rollouts[0], vega, existing_tags=["Budsjett 2026"])
    mark = RelevanceMark.objects.get(municipality=vega, page=rollouts[0])
    assert [t.name for t in mark.tags.all()] == ["Budsjett 2026"]
    assert MarkTag.objects.filter(name="Budsjett 2026").count() == 1


def test_marks_belong_to_the_municipality_colleagues_edit_and_remove(
    client, rollout, member, coordinator, vega
):
    client.force_login(member)
    post_mark(client, rollout, vega, new_tags="Først")
    client.force_login(coordinator)
    html = client.get(rollout.url).content.decode()
    assert "Markert som relevant for Vega" in html and "Først" in html
    post_mark(client, rollout, vega, existing_tags=["Først"], new_tags="Også", note="Endret")
    mark = RelevanceMark.objects.get(municipality=vega, page=rollout)
    assert RelevanceMark.objects.filter(page=rollout).count() == 1
    assert sorted(t.name for t in mark.tags.all()) == ["Først", "Også"]
    assert (mark.created_by, mark.updated_by) == (member, coordinator)
    response = client.post(reverse("marks_remove", args=[mark.pk]), {"next": rollout.url})
    assert response["Location"] == rollout.url
    assert not RelevanceMark.objects.filter(page=rollout).exists()


def test_crafted_posts_for_another_municipality_are_refused(client, rollout, member, rana):
    client.force_login(member)
    assert post_mark(client, rollout, rana, new_tags="Hack").status_code == 403
    assert client.get(mark_url(rollout) + f"?kommune={rana.pk}").status_code == 403
    assert not RelevanceMark.objects.exists()
    theirs = RelevanceMark.objects.create(municipality=rana, page=rollout)
    assert client.post(reverse("marks_remove", args=[theirs.pk])).status_code == 403
    assert RelevanceMark.objects.filter(pk=theirs.pk).exists()


def test_logged_in_non_members_and_anonymous_cannot_mark(client, rollout, plain_user, vega):
    response = post_mark(client, rollout, vega)
    assert response.status_code == 302 and response["Location"].startswith("/konto/logg-inn/")
    client.force_login(plain_user)
    assert post_mark(client, rollout, vega).status_code == 403
    assert not RelevanceMark.objects.exists()


def test_editor_marks_for_any_municipality(client, rollout, editor, rana):
    client.force_login(editor)
    assert post_mark(client, rollout, rana, new_tags="Fra regionen").status_code == 302
    assert RelevanceMark.objects.filter(municipality=rana, page=rollout).exists()


def test_only_markable_page_types(client, member, home_page, network_page):
    client.force_login(member)
    assert client.get(mark_url(network_page)).status_code == 404


def test_htm_pages_and_projects_have_the_panel(client, htm_model, member, home_page):
    _model, phases, areas = htm_model
    project = ProjectPageFactory(parent=ProjectIndexPageFactory(parent=home_page))
    client.force_login(member)
    for page in (phases[0], areas[0], project):
        html = client.get(page.url).content.decode()
        assert "Relevant for kommunene" in html, page
        assert f'href="{mark_url(page)}?kommune=' in html


def test_documents_are_marked_too(client, member, vega):
    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model

    document = get_document_model().objects.create(
        title="Presentasjon fra fagdagen", file=ContentFile(b"x", name="presentasjon.pdf")
    )
    client.force_login(member)
    url = reverse("marks_document", args=[document.pk])
    response = client.post(url, {"municipality": vega.pk, "new_tags": "Fagdag", "next": "/"})
    assert response.status_code == 302
    mark = RelevanceMark.objects.get(document=document)
    assert mark.page is None and mark.municipality == vega
    html = client.get("/min-kommune/vega/").content.decode()
    assert "Presentasjon fra fagdagen" in html and "(dokument)" in html


def test_tag_page_lists_everything_the_municipality_tagged(client, rollouts, member, vega, rana):
    """A tag with a space and no comma is one tag, not two."""
    client.force_login(member)
    for page in rollouts[:2]:
        post_mark(client, page, vega, new_tags="Pulje 1")
    post_mark(client, rollouts[2], vega, new_tags="Annet")
    other = RelevanceMark.objects.create(municipality=rana, page=rollouts[2])
    other.tags.set(["Pulje 1"])
    tag = MarkTag.objects.get(name="Pulje 1")
    html = client.get(reverse("marks_tag", args=["vega", tag.slug])).content.decode()
    listed = re.findall(r'class="[^"]*mark-item__title"[^>]*>([^<]+)<', html)
    assert sorted(listed) == sorted([rollouts[0].title, rollouts[1].title])
    assert client.get(reverse("marks_tag", args=["rana", tag.slug])).status_code == 403


def test_min_kommune_groups_marks_by_tag(client, rollouts, member, vega):
    client.force_login(member)
    post_mark(client, rollouts[0], vega, new_tags="Alfa, Beta")
    post_mark(client, rollouts[1], vega, new_tags="Beta")
    post_mark(client, rollouts[2], vega)
    html = client.get("/min-kommune/vega/").content.decode()
    alfa, beta, untagged = (
        html.index(">Alfa</a>"),
        html.index(">Beta</a>"),
        html.index("Uten emneord"),
    )
    assert alfa < beta < untagged
    assert html[beta:untagged].count('class="mark-item"') == 2


def test_panel_queries_do_not_grow_with_marks(client, rollouts, member, vega):
    client.force_login(member)
    post_mark(client, rollouts[0], vega, new_tags="A, B")
    few = count_queries(client, rollouts[0].url)
    from network.models import Municipality

    for municipality in Municipality.objects.exclude(pk=vega.pk)[:20]:
        mark = RelevanceMark.objects.create(municipality=municipality, page=rollouts[0])
        mark.tags.set(["X", "Y"])
    assert count_queries(client, rollouts[0].url) == few


def test_a_member_of_two_municipalities_marks_for_each(client, rollout, vega, rana):
    user = make_member("to-kommuner", vega)
    from network.models import Membership

    Membership.objects.create(user=user, municipality=rana, role=MemberRole.MEMBER)
    client.force_login(user)
    html = client.get(rollout.url).content.decode()
    assert "Marker som relevant for Vega" in html and "Marker som relevant for Rana" in html
    post_mark(client, rollout, rana)
    assert RelevanceMark.objects.get(page=rollout).municipality == rana
