"""Fixtures for the browser tests (a pytest plugin loaded by tests/conftest.py, so that
browser tests anywhere in tests/ can use them): Chromium driven by Playwright against a
live server with the demo content.

How the database works for them: the browser tests run last in the session (tests/conftest.py
moves them there). The first one loads the demo content once, committed, into the test
database, and a live server thread serves it to every browser test. Nothing runs after them,
so the committed content leaks into no other test; the test database is dropped at the end.
"""

import io
import os

import pytest

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-gpu",
    "--no-first-run",
]
VIEWPORT = {"width": 1280, "height": 900}
LOCALE = "nb-NO"
# Nothing on a local server should take near Playwright's default 30 s: fail fast.
TIMEOUT_MS = 10_000


@pytest.fixture(scope="session")
def _playwright():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as error:
        pytest.skip(f"Playwright cannot be imported: {error}")
    if not os.access(CHROMIUM, os.X_OK):
        pytest.skip(f"{CHROMIUM} is missing (make browser-deps installs Debian's Chromium)")
    from django.db import connections

    # Playwright's sync API keeps an asyncio event loop running in this thread, which matters
    # to Django twice over:
    # - Django refuses ORM calls from a thread with a running loop unless told it is safe. It
    #   is: test code and the live server do not write the same rows at the same time. Set
    #   only while Playwright runs: set at import, it leaked into `manage.py check --deploy`
    #   in tests/portal/test_settings.py, which rejects it (async.E001).
    # - Django keeps database connections in a thread-critical asgiref Local, which holds
    #   other objects while a loop runs: without the hand-over below, `pytest tests/browser`
    #   on SQLite failed with "no such table" (a new connection to an empty in-memory
    #   database), and the connection the test database was created with was lost.
    sync_connections = {alias: connections[alias] for alias in connections}
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            for alias, connection in sync_connections.items():
                connections[alias] = connection
            yield playwright
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture(scope="session")
def browser(_playwright):
    """Debian's Chromium, headless, for the whole session."""
    browser = _playwright.chromium.launch(
        executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
    )
    yield browser
    browser.close()


@pytest.fixture
def page(browser):
    """A page in a new browser context: 1280×900, Norwegian locale, no state from other tests."""
    context = browser.new_context(viewport=VIEWPORT, locale=LOCALE)
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture(scope="session")
def _browser_test_database(request, django_db_setup, django_db_blocker):
    """The test database, also when only browser tests run.

    pytest-django creates test databases only for the tests that ask for `db`,
    `transactional_db` or `live_server` (or have a django_db mark). Browser tests ask for none,
    so `pytest tests/browser` on its own got no test database, and the demo content went
    into the development database (var/db.sqlite3, or the one DATABASE_URL names).
    """
    from django.test.utils import setup_databases, teardown_databases
    from pytest_django.fixtures import _get_databases_for_setup

    aliases, _ = _get_databases_for_setup(request.session.items)
    if "default" in aliases:  # pytest-django has set it up for the other tests
        yield
        return
    with django_db_blocker.unblock():
        config = setup_databases(verbosity=0, interactive=False, aliases={"default"})
    yield
    with django_db_blocker.unblock():
        teardown_databases(config, verbosity=0)


@pytest.fixture(scope="session")
def demo_site(_browser_test_database, django_db_blocker):
    """A live server over the demo content; its URL without a trailing slash."""
    from django.core.cache import cache
    from django.core.management import call_command
    from pytest_django.live_server_helper import LiveServer

    with django_db_blocker.unblock():
        call_command("load_demo_content", stdout=io.StringIO())
        cache.clear()
        server = LiveServer("localhost")
    yield server.url.rstrip("/")
    server.stop()


@pytest.fixture(autouse=True)
def _browser_test_database_access(request, django_db_blocker):
    """Browser tests read and write the committed demo database directly (no transaction
    around them: the live server must see their writes)."""
    if request.node.get_closest_marker("browser") is None:
        yield
        return
    with django_db_blocker.unblock():
        yield
