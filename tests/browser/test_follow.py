"""Following in Chromium: a member follows a national rollout with the button on its page, an
editor publishes a new material on it, the task worker sends the e-mail, and its one-click
unsubscribe link ends the subscription."""

import io
import re

import pytest

from tests.browser.helpers import check_page

pytestmark = pytest.mark.browser

EMAIL = "folger@example.org"
PASSWORD = "et-langt-passord-for-nettleseren"  # noqa: S105


def make_follower():
    from django.contrib.auth import get_user_model

    from network.models import Membership, Municipality

    user = get_user_model().objects.create_user(
        EMAIL, EMAIL, PASSWORD, first_name="Frida", last_name="Følger"
    )
    Membership.objects.create(user=user, municipality=Municipality.objects.get(slug="vefsn"))
    return user


def publish_new_material(title):
    """What an editor does: add a document to the rollout's resources and publish."""
    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model

    from network.models import RolloutPage

    document = get_document_model()(title=title)
    document.file.save("veileder.pdf", ContentFile(b"%PDF-1.4 veileder"))
    rollout = RolloutPage.objects.get(slug="kjernejournal")
    rollout.resources.append(("documents", {"heading": "Nytt", "documents": [document]}))
    rollout.save_revision().publish()


def test_member_follows_a_rollout_and_unsubscribes_from_the_email(demo_site, page, settings):
    from django.core import mail
    from django.core.management import call_command

    from network.follow.models import Subscription

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    follower = make_follower()
    page.goto(demo_site + "/konto/logg-inn/")
    page.get_by_label("E-post eller brukernavn").fill(EMAIL)
    page.get_by_label("Passord").fill(PASSWORD)
    page.get_by_role("button", name="Logg inn").click()
    page.wait_for_url(re.compile(r"/min-kommune/"))

    page.goto(demo_site + "/nasjonale-innforingslop/kjernejournal/")
    page.get_by_role("button", name="Følg Kjernejournal").click()
    page.wait_for_url(re.compile(r"/nasjonale-innforingslop/kjernejournal/$"))
    assert "Du følger Kjernejournal" in page.locator(".follow-section").inner_text()
    assert page.get_by_role("button", name="Slutt å følge").is_visible()
    check_page(page, "follow-rollout")
    assert Subscription.objects.filter(user=follower).count() == 1

    publish_new_material("Veileder for kjernejournal i kommunen")
    assert mail.outbox == []  # queued for the worker, not sent while publishing
    call_command("db_worker", batch=True, startup_delay=False, stdout=io.StringIO())
    (message,) = [m for m in mail.outbox if m.to == [EMAIL]]
    assert message.subject == "Nytt materiell: Kjernejournal"
    assert "Veileder for kjernejournal i kommunen" in message.body
    link = message.extra_headers["List-Unsubscribe"].strip("<>")
    assert link in message.body

    page.goto(demo_site + link.removeprefix("http://testserver"))
    page.get_by_role("button", name="Slutt å følge").click()
    assert "Du følger ikke lenger Kjernejournal" in page.locator("body").inner_text()
    check_page(page, "follow-unsubscribed")
    assert not Subscription.objects.filter(user=follower).exists()
