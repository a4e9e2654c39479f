"""No spreadsheet export runs a formula someone typed: every CSV and Excel download of the
portal, the Wagtail admin's included, writes text that starts with =, +, - or @ as text."""

import csv
import io

import openpyxl
import pytest
from django.contrib.auth import get_user_model
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from wagtail.admin.views.mixins import SpreadsheetExportMixin
from wagtail.models import PageLogEntry

from network.models import RolloutStatus, RolloutStatusLevel
from portal.export import write_csv_row_as_text
from tests.network.factories import (
    ContactPersonFactory,
    MunicipalityFactory,
    RolloutIndexPageFactory,
    RolloutPageFactory,
)

HYPERLINK = '=HYPERLINK("https://example.org/stjel","Klikk her")'


def export_views(resolver=None):
    """Every view class in the URLconf that can export a spreadsheet."""
    resolver = resolver or get_resolver()
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            yield from export_views(pattern)
        elif isinstance(pattern, URLPattern):
            view_class = getattr(pattern.callback, "view_class", None)
            if view_class and issubclass(view_class, SpreadsheetExportMixin):
                yield view_class


def csv_text(response) -> str:
    content = getattr(response, "streaming_content", None)
    raw = b"".join(content) if content is not None else response.content
    return raw.decode("utf-8-sig")


@pytest.fixture
def superuser(db):
    return get_user_model().objects.create_superuser("admin", "admin@example.org", "x" * 16)


def test_every_export_view_writes_csv_rows_as_text():
    """Every admin view that exports CSV (snippets, reports, form submissions) neutralises."""
    views = set(export_views())
    assert len(views) >= 8  # the snippet listings and Wagtail's reports
    unsafe = sorted(v.__qualname__ for v in views if v.write_csv_row is not write_csv_row_as_text)
    assert unsafe == []


@pytest.mark.django_db
def test_site_history_report_neutralises_a_page_title(client, superuser, home_page):
    """A hostile page title in the admin's site history CSV is written as text."""
    page = RolloutIndexPageFactory(parent=home_page, title=HYPERLINK, slug="farlig")
    PageLogEntry.objects.log_action(page, "wagtail.edit", user=superuser)
    client.force_login(superuser)
    response = client.get(reverse("wagtailadmin_reports:site_history") + "?export=csv")
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(csv_text(response))))
    cells = [cell for row in rows[1:] for cell in row]
    assert "'" + HYPERLINK in cells
    assert HYPERLINK not in cells


@pytest.mark.django_db
def test_contact_person_export_neutralises_csv_and_xlsx(client, superuser):
    """A contact person's name typed as a formula stays text in CSV and in Excel."""
    ContactPersonFactory(name="@SUM(1+1)*cmd|' /C calc'!A0", organisation_name="=1+2")
    client.force_login(superuser)
    url = reverse("wagtailsnippets_network_contactperson:list")
    text = csv_text(client.get(url + "?export=csv"))
    assert "'@SUM(1+1)" in text and "'=1+2" in text
    assert not any(cell.startswith(("=", "@")) for cell in text.replace(";", ",").split(","))
    book = openpyxl.load_workbook(io.BytesIO(b"".join(client.get(url + "?export=xlsx"))))
    cells = [cell for row in book.active.iter_rows(min_row=2) for cell in row]
    assert "@SUM(1+1)*cmd|' /C calc'!A0" in [cell.value for cell in cells]
    assert "f" not in {cell.data_type for cell in cells}


@pytest.mark.django_db
def test_rollout_status_export_neutralises_a_coordinators_note(client, superuser, home_page):
    """A note a coordinator typed as a formula is written as text in the status export."""
    rollout = RolloutPageFactory(parent=RolloutIndexPageFactory(parent=home_page))
    RolloutStatus.objects.create(
        municipality=MunicipalityFactory(),
        rollout=rollout,
        level=RolloutStatusLevel.objects.first(),
        note="-2+3+cmd|' /C calc'!A0",
    )
    client.force_login(superuser)
    url = reverse("wagtailsnippets_network_rolloutstatus:list") + "?export=csv"
    text = csv_text(client.get(url))
    assert "'-2+3+cmd" in text
    assert ",-2+3" not in text and '"-2+3' not in text
