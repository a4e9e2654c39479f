"""The municipalities and the status scale come from data, not from hand work."""

import csv
from pathlib import Path

import pytest

from network.models import Municipality, RolloutStatusLevel

BASE_DIR = Path(__file__).resolve().parents[3]
DATA_FILE = BASE_DIR / "network" / "data" / "nordland_municipalities.csv"
SHARED_FILE = BASE_DIR.parent / "shared" / "data" / "nordland_municipalities.csv"


def rows(path):
    with path.open(encoding="utf-8") as data:
        return [(row["kommunenummer"], row["navn"]) for row in csv.DictReader(data)]


def test_our_copy_of_the_data_file_is_the_shared_one():
    if not SHARED_FILE.exists():
        pytest.skip("../shared/data is not next to this checkout")
    assert rows(DATA_FILE) == rows(SHARED_FILE)


@pytest.mark.django_db
def test_all_41_municipalities_of_the_data_file_are_loaded():
    expected = rows(DATA_FILE)
    assert len(expected) == 41
    loaded = sorted(Municipality.objects.values_list("number", "name"))
    assert loaded == sorted(expected)


@pytest.mark.django_db
def test_municipality_slugs_are_ascii_and_norwegian():
    slugs = dict(Municipality.objects.values_list("name", "slug"))
    assert slugs["Vefsn"] == "vefsn"
    assert slugs["Herøy"] == "heroy"
    assert slugs["Bø"] == "bo"
    assert slugs["Vågan"] == "vagan"
    assert slugs["Træna"] == "traena"
    assert all(slug.isascii() for slug in slugs.values())
    assert len(set(slugs.values())) == 41


@pytest.mark.django_db
def test_heroy_and_the_sami_names():
    heroy = Municipality.objects.get(number="1818")
    assert heroy.name == "Herøy"
    assert "Herøy (Nordland)" in heroy.note
    sami = dict(Municipality.objects.exclude(sami_name="").values_list("name", "sami_name"))
    assert sami["Hamarøy"] == "Hábmer"
    assert {"Hattfjelldal", "Fauske", "Sortland"} <= set(sami)
    assert Municipality.objects.get(name="Sortland").display_name == "Sortland – Suortá"


@pytest.mark.django_db
def test_the_status_scale_is_seeded_in_order():
    names = list(RolloutStatusLevel.objects.values_list("name", flat=True))
    assert names == ["Ikke startet", "Forberedelse", "Innføring", "I drift", "Ikke aktuelt"]
    assert list(RolloutStatusLevel.objects.filter(counts_as_done=True)) == [
        RolloutStatusLevel.objects.get(slug="i-drift")
    ]
