# The browser fixtures live in tests/browser/fixtures.py, loaded for the whole suite by
# tests/conftest.py. Names kept here for the modules that import them from this file.
from tests.browser.fixtures import LOCALE, TIMEOUT_MS  # noqa: F401
