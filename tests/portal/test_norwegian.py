"""Norwegian bokmål in every word: Django's and Wagtail's messages (admin, JavaScript, workflow
e-mails, validators) through our own catalogue in locale/nb, whatever language the browser
asks for and whatever an admin user once picked in their account."""

import ast
import re
from html.parser import HTMLParser
from pathlib import Path

import django
import pytest
import wagtail
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse
from django.utils import translation
from wagtail.models import Page, Task, Workflow

from network.choices import MemberRole
from network.models import Municipality

ENGLISH = "en"

# English an editor or member would otherwise meet. Matched as whole words in the visible
# text and in the labels a screen reader reads (title, aria-label, placeholder, alt).
ENGLISH_PHRASES = [
    # Seen in the admin by the people using it.
    "Insert a block",
    "Write something or type",
    "Moderators approval",
    "is already in use",
    "Pages",
    "Forbidden",
    "This password is too short",
    "Schedule to publish",
    "Set publishing schedule",
    "Go-live",
    "Expiry",
    # Common admin words and phrases.
    "Dashboard",
    "Search",
    "Snippets",
    "Documents",
    "Images",
    "Users",
    "Workflows",
    "Reports",
    "Settings",
    "Help",
    "Add",
    "Edit",
    "Delete",
    "Save draft",
    "Publish",
    "Unpublish",
    "Cancel",
    "Choose",
    "Sort by",
    "Show filters",
    "Apply filters",
    "Filter by",
    "Page explorer",
    "Last updated",
    "Actions",
    "More options",
    "Toggle",
    "Skip to main content",
    "Log in",
    "Log out",
    "Sign in",
    "Password",
    "Username",
    "Email",
    "Forgotten",
    "Required",
    "This field is required",
    "Enter a valid",
    "Ensure this value",
    "Submit",
    "Next",
    "Previous",
    "Loading",
    "Account",
    "Profile",
    "Notifications",
    "Locked",
    "Comments",
    "Preview",
    "History",
    "Title",
    "Slug",
]

PHRASE_PATTERNS = [(p, re.compile(rf"(?<![\w-]){re.escape(p)}(?![\w-])")) for p in ENGLISH_PHRASES]

# The attributes whose text people read or hear.
READ_ATTRIBUTES = {"title", "aria-label", "placeholder", "alt", "aria-description"}


class _Text(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in {"script", "style", "template", "svg"}:
            self._skip += 1
        for name, value in attrs:
            if name in READ_ATTRIBUTES and value:
                self.parts.append(value)

    def handle_endtag(self, tag):
        if tag in {"script", "style", "template", "svg"} and self._skip:
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip and data.strip():
            self.parts.append(data.strip())


def readable_text(html: str) -> str:
    parser = _Text()
    parser.feed(html)
    return "\n".join(parser.parts)


def english_in(html: str) -> list[str]:
    text = readable_text(html)
    found = []
    for phrase, pattern in PHRASE_PATTERNS:
        match = pattern.search(text)
        if match:
            line = text[text.rfind("\n", 0, match.start()) + 1 : text.find("\n", match.end())]
            found.append(f"{phrase!r} in {line.strip()[:120]!r}")
    return found


# The catalogues ---------------------------------------------------------------------------


def po_entries(path: Path):
    """(context, msgid, plural) of every entry of a .po file (the packages' English ones)."""
    entry, key = {}, None
    for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        if not line.strip():
            if entry.get("msgid"):
                yield entry.get("msgctxt"), entry["msgid"], entry.get("msgid_plural")
            entry, key = {}, None
        elif line.startswith('"') and key:
            entry[key] += ast.literal_eval(line)
        elif not line.startswith("#"):
            key, _, value = line.partition(" ")
            entry[key] = ast.literal_eval(value)


def english_catalogues(domain: str) -> list[Path]:
    roots = [Path(wagtail.__file__).parent]
    django_root = Path(django.__file__).parent
    roots += [django_root / "conf"] + [
        django_root / "contrib" / app
        for app in ("admin", "auth", "contenttypes", "humanize", "sessions")
    ]
    return [
        path
        for root in roots
        for path in root.glob(f"**/locale/en/LC_MESSAGES/{domain}.po")
        if "/tests/" not in str(path)
    ]


def untranslated(domain: str) -> list[str]:
    catalog = translation.trans_real.translation("nb")._catalog
    if domain == "djangojs":
        from django.views.i18n import JavaScriptCatalog

        view = JavaScriptCatalog(domain="djangojs", packages=None)
        view.translation = translation.trans_real.DjangoTranslation("nb", domain="djangojs")
        catalog = view.translation._catalog
    missing = []
    for path in english_catalogues(domain):
        for context, msgid, plural in po_entries(path):
            key = f"{context}\x04{msgid}" if context else msgid
            if plural:
                present = catalog.get((key, 0)) and catalog.get((key, 1))
            else:
                present = catalog.get(key)
            if not present:
                missing.append(msgid)
    return sorted(set(missing))


def test_every_django_and_wagtail_message_has_bokmal():
    """Each message of Wagtail's and Django's own catalogues (the English templates list them
    all) has a bokmål translation, from their nb catalogue or ours. A Wagtail upgrade that
    brings new messages fails here until locale/nb/LC_MESSAGES/django.po has them."""
    missing = untranslated("django")
    assert not missing, f"{len(missing)} messages lack bokmål, e.g. {missing[:10]}"


def test_every_admin_javascript_message_has_bokmal():
    missing = untranslated("djangojs")
    assert not missing, f"{len(missing)} JavaScript messages lack bokmål, e.g. {missing[:10]}"


def test_validators_answer_in_bokmal_whatever_the_browser_asks(client, db):
    """A form's messages come in bokmål when the browser asks for English."""
    response = client.post(
        reverse("accounts_password_reset"),
        {"email": "ikke-en-adresse"},
        HTTP_ACCEPT_LANGUAGE=ENGLISH,
    )
    html = response.content.decode()
    assert "gyldig e-postadresse" in html
    assert not english_in(html)


# The admin and the public forms, walked over a small site ---------------------------------------


CREATE_FORMS = {"ContentPage", "MeetingPage"}


def _admin_urls(home) -> list[str]:
    from django.apps import apps

    urls = [
        "/admin/",
        f"/admin/pages/{home.pk}/",
        "/admin/pages/search/?q=helse",
        "/admin/snippets/",
        "/admin/documents/",
        "/admin/images/",
        "/admin/users/",
        "/admin/groups/",
        "/admin/workflows/list/",
        "/admin/workflows/tasks/index/",
        "/admin/account/",
        "/admin/reports/locked/",
        "/admin/reports/site-history/",
        "/admin/collections/",
        "/admin/redirects/",
        "/admin/sites/",
        "/admin/tilbakemeldinger/",
    ]
    # Edit and create forms of the main page types: one page of each type.
    seen = set()
    for page in Page.objects.filter(depth__gte=2).specific().order_by("path"):
        model = type(page)
        if model in seen or model is Page:
            continue
        seen.add(model)
        urls.append(f"/admin/pages/{page.pk}/edit/")
        parent = page.get_parent()
        # Create forms share the edit forms' panels: two types cover their own words.
        if model.__name__ in CREATE_FORMS and model.can_create_at(parent):
            label = model._meta
            urls.append(f"/admin/pages/add/{label.app_label}/{label.model_name}/{parent.pk}/")
    # Every snippet's list and the edit form of its first item.
    from wagtail.snippets.models import get_snippet_models

    for model in get_snippet_models():
        opts = model._meta
        base = f"/admin/snippets/{opts.app_label}/{opts.model_name}/"
        urls.append(base)
        first = model.objects.order_by("pk").first()
        if first is not None:
            urls.append(f"{base}edit/{first.pk}/")
    # Site settings.
    from wagtail.contrib.settings.registry import registry

    for model in registry:
        urls.append(f"/admin/settings/{model._meta.app_label}/{model._meta.model_name}/1/")
    assert apps.is_installed("wagtail.snippets")
    return urls


def build_site():
    """One page of each main type, a municipality with a coordinator, a rollout with steps
    and a few snippets: enough for every admin screen and member form, without the demo's
    cost."""
    from django.contrib.auth.models import Group
    from wagtail.models import Site
    from wagtail.users.models import UserProfile

    from network.organisation.access import EDITORS_GROUP
    from network.statuses.base import default_level
    from network.statuses.models import RolloutStatus, RolloutStatusLevel
    from tests.factories import ContentPageFactory, HomePageFactory
    from tests.network import factories as net
    from tests.network.helpers import build_htm_model, make_member
    from tests.network.meetings.factories import MeetingIndexPageFactory, MeetingPageFactory

    root = Page.get_first_root_node()
    home = HomePageFactory(parent=root)
    site = Site.objects.get(is_default_site=True)
    old_root = site.root_page
    site.root_page = home
    site.save()
    if old_root.pk != home.pk and old_root.specific_class is Page:
        old_root.delete()
    ContentPageFactory(parent=home, title="Personvern", slug="personvern")
    build_htm_model(home)
    rollout = net.RolloutPageFactory(parent=net.RolloutIndexPageFactory(parent=home))
    for n, step in enumerate(["Avklare tjenester", "Bestille tilgang", "Ta i bruk"]):
        net.RolloutStepFactory(rollout=rollout, title=step, sort_order=n)
    network_page = net.NetworkPageFactory(parent=home)
    net.WorkingGroupPageFactory(parent=network_page)
    projects = net.ProjectIndexPageFactory(parent=home)
    net.ProjectPageFactory(parent=projects)
    net.NewsPageFactory(parent=projects)
    MeetingPageFactory(parent=MeetingIndexPageFactory(parent=home), registration_open=True)
    net.CohortFactory()
    net.ContactPersonFactory()
    vega = Municipality.objects.get(slug="vega")
    coordinator = make_member("koordinator-en", vega, MemberRole.COORDINATOR)
    RolloutStatus.objects.create(
        municipality=vega,
        rollout=rollout,
        level=default_level(list(RolloutStatusLevel.objects.all())),
    )
    editor = get_user_model().objects.create_superuser(
        "redaktor-en", "redaktor-en@example.org", "et-langt-passord-for-test"
    )
    editor.groups.add(Group.objects.get(name=EDITORS_GROUP))
    # An admin user who picks English in their account still gets bokmål.
    profile = UserProfile.get_for_user(editor)
    profile.preferred_language = ENGLISH
    profile.save()
    return {"editor": editor, "coordinator": coordinator, "home": home, "rollout": rollout}


@pytest.fixture(scope="class")
def site(django_db_setup, django_db_blocker):
    from django.db import transaction

    with django_db_blocker.unblock(), transaction.atomic():
        yield build_site()
        transaction.set_rollback(True)


@pytest.mark.django_db
class TestTheSiteSpeaksBokmal:
    def test_admin_screens(self, site):
        from wagtail.users.models import UserProfile

        assert UserProfile.get_for_user(site["editor"]).preferred_language == ""
        client = Client(HTTP_ACCEPT_LANGUAGE=ENGLISH)
        client.force_login(site["editor"])
        problems = {}
        for url in _admin_urls(site["home"]):
            response = client.get(url)
            if response.status_code == 302 and "/snippets/" in url:
                continue  # a read-only snippet (the status history) has no edit form
            assert response.status_code == 200, (url, response.status_code)
            found = english_in(response.content.decode())
            if found:
                problems[url] = found
        assert not problems, "\n".join(f"{url}: {found}" for url, found in problems.items())

    def test_admin_javascript_catalogue(self, site):
        client = Client(HTTP_ACCEPT_LANGUAGE=ENGLISH)
        client.force_login(site["editor"])
        script = client.get("/admin/jsi18n/").content.decode()
        assert '"Insert a block": "Sett inn en blokk"' in script
        assert "Skriv noe, eller skriv" in script

    def test_workflow_and_its_task_are_named_in_bokmal(self, site):
        names = [*Workflow.objects.values_list("name", flat=True)]
        names += [*Task.objects.values_list("name", flat=True)]
        assert names
        assert not [name for name in names if "approval" in name.lower()], names

    def test_public_forms(self, site):
        from network.meetings.pages import MeetingPage

        client = Client(HTTP_ACCEPT_LANGUAGE=ENGLISH)
        meeting = MeetingPage.objects.get()
        problems = {}
        for url in [
            reverse("accounts_login"),
            reverse("accounts_password_reset"),
            "/sok/?q=opplaering",
            "/sok/?q=",
            meeting.url,
        ]:
            found = english_in(client.get(url).content.decode())
            if found:
                problems[url] = found
        # Refused input: the messages too.
        for url, data in [
            (reverse("accounts_login"), {"username": "x", "password": "y"}),
            (reverse("accounts_password_reset"), {"email": "ikke-en-adresse"}),
            (meeting.url, {"name": "", "email": "feil"}),
        ]:
            found = english_in(client.post(url, data).content.decode())
            if found:
                problems[f"POST {url}"] = found
        assert not problems, "\n".join(f"{url}: {found}" for url, found in problems.items())

    def test_member_pages_and_forms(self, site):
        coordinator = site["coordinator"]
        slug = "vega"
        client = Client(HTTP_ACCEPT_LANGUAGE=ENGLISH)
        client.force_login(coordinator)
        problems = {}
        for url in [
            reverse("min_kommune_dashboard", args=[slug]),
            reverse("task_status_sheet", args=[slug]),
            reverse("task_status_history", args=[slug]),
            reverse("min_kommune_rollout_status", args=[slug, site["rollout"].pk]),
            reverse("accounts_password_change"),
        ]:
            response = client.get(url)
            assert response.status_code == 200, url
            found = english_in(response.content.decode())
            if found:
                problems[url] = found
        # Another municipality's page: the Norwegian 403, never a bare «403 Forbidden».
        refused = client.get(reverse("min_kommune_dashboard", args=["rana"]))
        assert refused.status_code == 403
        assert not english_in(refused.content.decode())
        assert "Forbidden" not in refused.content.decode()
        # A too short new password: the length rule in bokmål.
        response = client.post(
            reverse("accounts_password_change"),
            {"old_password": "feil", "new_password1": "kort", "new_password2": "kort"},
        )
        assert "for kort" in response.content.decode()
        assert not problems, "\n".join(f"{url}: {found}" for url, found in problems.items())
