import os

import pytest
from wagtail.models import Page, Site

from tests.factories import HomePageFactory


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
