import io
import os

import pytest
from django.core.management import call_command
from django.db import transaction
from wagtail.models import Page, Site

from tests.factories import HomePageFactory


def commit_waiting() -> None:
    """What a commit does to the work waiting for it (text extraction, the cache's
    clearing): it runs, and waits no more. The test's transaction stays open."""
    connection = transaction.get_connection()
    for _round in range(10):  # work done at a commit may leave more for it
        waiting = list(connection.run_on_commit)
        if not waiting:
            return
        connection.run_on_commit.clear()
        for _ids, func, _robust in waiting:
            func()


def load_demo(django_db_blocker):
    """Load the demo site in a transaction that is rolled back when the caller is done.

    Work the loaders defer until commit (text extraction of documents) runs as it would,
    and is then no longer waiting for a commit: the demo is the tests' committed starting
    point (the reference data cache keeps nothing read in a transaction with changes
    waiting, portal/pagecache/data.py)."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo_content", stdout=io.StringIO())
        commit_waiting()
        yield
        transaction.set_rollback(True)


@pytest.fixture(scope="class")
def demo_content(django_db_setup, django_db_blocker):
    """The demo site for a test class, loaded once for the class and rolled back after it.
    Use with `db`. A test outside a class gets a load of its own: a module whose tests all
    use the demo site takes `demo_module` instead."""
    yield from load_demo(django_db_blocker)


@pytest.fixture(scope="module")
def demo_module(django_db_setup, django_db_blocker):
    """The demo site loaded once for a whole module, for modules whose every test uses it
    (each test's own changes are still rolled back by `db`)."""
    yield from load_demo(django_db_blocker)


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config, items):
    """Browser tests run last: they commit the demo content to the test database for the
    live server (tests/browser/fixtures.py), which no later test may see."""
    items.sort(key=lambda item: item.get_closest_marker("browser") is not None)


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache: rate-limit counters (portal/ratelimits.py) of
    one test must not refuse the requests of the next."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture
def home_page(db):
    """A HomePage that is the root of the default site, as in production."""
    root = Page.get_first_root_node()
    home = HomePageFactory(parent=root)
    site = Site.objects.get(is_default_site=True)
    old_root = site.root_page
    site.root_page = home
    site.save()
    if old_root.pk != home.pk and old_root.specific_class is Page:
        old_root.delete()
    return home


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """With CI=true, a skipped browser test fails the run: CI must always run them."""
    outcome = yield
    report = outcome.get_result()
    in_ci = os.environ.get("CI", "").lower() == "true"
    if in_ci and report.skipped and item.get_closest_marker("browser"):
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else report.longrepr
        report.outcome = "failed"
        report.longrepr = f"CI=true, and a browser test may not be skipped: {reason}"
