"""A chain sends its default catalog and its store views on different days: an import
keeps the translations held centrally that its store-view rows do not fill, and a
store-view row removes a translation only as docs/api.md says. SQLite and PostgreSQL."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from central.db.engine import Database
from central.db.schema import upgrade
from central.feed import read_page
from central.importers import import_magento

HEADER = "sku,store_view_code,product_type,name,price,categories,additional_attributes," \
    "configurable_variations,short_description\n"
DEFAULT_ROWS = (
    'TJ-S-Red,,simple,TJ S Red,50,Default Category/Men/Jackets,"size=S,color=Red",,\n'
    'TJ-M-Red,,simple,TJ M Red,50,Default Category/Men/Jackets,"size=M,color=Red",,\n'
    'TJ,,configurable,Trail Jacket,50,Default Category/Men/Jackets,material=Nylon,'
    '"sku=TJ-S-Red,size=S,color=Red|sku=TJ-M-Red,size=M,color=Red",<p>Warm.</p>\n'
    'WB,,simple,Water Bottle,9,Default Category/Gear,color=Blue,,\n')
FRENCH_ROWS = (
    'TJ,fr_store,,Veste de randonnée,,Hommes/Vestes,'
    'material=Nylon renforcé,,<p>Chaude.</p>\n'
    'TJ-S-Red,fr_store,,,,,"size=S,color=Rouge",,\n'
    'WB,fr_store,,Gourde,,Équipement,color=Bleu,,\n')


@pytest.fixture(params=["sqlite", "postgresql"])
def database(request, tmp_path):
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'central.db'}"
    else:
        url = request.getfixturevalue("postgres").new_database("kept")
    db = Database(url)
    upgrade(db)
    yield db
    db.dispose()


def write(tmp_path: Path, name: str, rows: str) -> Path:
    path = tmp_path / name
    path.write_text(HEADER + rows, encoding="utf-8")
    return path


def imported(db: Database, path: Path) -> None:
    result = import_magento(db, path, None, None, {"fr_store": "fr"})
    assert result.problems == []


def catalog(db: Database) -> tuple[dict, dict, dict]:
    """Products, variants and categories as the feed sends them now, by key."""
    with db.reading() as session:
        page = json.loads(read_page(session, None, 1000))
    products = {p["sku"]: p for p in page["products"]}
    variants = {v["sku"]: v for p in page["products"] for v in p["variants"]}
    return products, variants, {c["path"]: c for c in page["categories"]}


def translations(record: dict) -> dict:
    return record.get("translations", {})


@pytest.fixture
def translated(database, tmp_path):
    """The catalog imported, then its French store view on another day, apart."""
    imported(database, write(tmp_path, "default.csv", DEFAULT_ROWS))
    imported(database, write(tmp_path, "french.csv", FRENCH_ROWS))
    return database


def test_the_store_view_apart_translates_the_catalog(translated):
    products, variants, categories = catalog(translated)
    assert translations(products["TJ"]) == {"fr": {
        "name": "Veste de randonnée", "short_description_html": "<p>Chaude.</p>",
        "attributes": {"material": "Nylon renforcé"}}}
    # A colour is its attribute's option: translated on every variant that has it.
    assert translations(variants["TJ-M-Red"]) == {"fr": {"color": "Rouge"}}
    assert translations(categories["Men/Jackets"]) == {"fr": {"name": "Vestes"}}


def test_a_catalog_file_of_default_rows_alone_keeps_every_translation(translated, tmp_path):
    changed = DEFAULT_ROWS.replace("Trail Jacket,", "Trail Jacket Pro,").replace(",50,", ",55,")
    imported(translated, write(tmp_path, "default-again.csv", changed))
    products, variants, categories = catalog(translated)
    jacket = products["TJ"]
    assert (jacket["name"], jacket["price_cents"]) == ("Trail Jacket Pro", 5500)
    assert translations(jacket)["fr"]["name"] == "Veste de randonnée"
    assert translations(products["WB"]) == {"fr": {"name": "Gourde"}}
    assert translations(variants["TJ-S-Red"]) == {"fr": {"color": "Rouge"}}
    assert translations(variants["WB"]) == {"fr": {"color": "Bleu"}}
    assert translations(categories["Men"]) == {"fr": {"name": "Hommes"}}
    assert translations(categories["Gear"]) == {"fr": {"name": "Équipement"}}


def test_a_colour_changed_in_the_default_file_leaves_its_old_translation(translated, tmp_path):
    # TJ-M becomes green, which has no French; a new variant comes in blue, which the
    # bottle's holds: a colour's translation is the colour's, not one variant's.
    rows = DEFAULT_ROWS.replace('"size=M,color=Red"', '"size=M,color=Green"') \
        .replace("sku=TJ-M-Red,size=M,color=Red", "sku=TJ-M-Red,size=M,color=Green"
                 "|sku=TJ-L-Blue,size=L,color=Blue")
    rows = 'TJ-L-Blue,,simple,TJ L,50,Default Category/Men/Jackets,"size=L,color=Blue",,\n' \
        + rows
    imported(translated, write(tmp_path, "recoloured.csv", rows))
    _, variants, _ = catalog(translated)
    assert variants["TJ-M-Red"]["color"] == "Green"
    assert translations(variants["TJ-M-Red"]) == {}      # not "Rouge": it is green now
    assert translations(variants["TJ-L-Blue"]) == {"fr": {"color": "Bleu"}}
    assert translations(variants["TJ-S-Red"]) == {"fr": {"color": "Rouge"}}


def test_a_store_view_row_removes_what_it_marks_empty_and_keeps_what_it_leaves_out(
        translated, tmp_path):
    german = write(tmp_path, "german.csv", "TJ,de_store,,Wanderjacke,,,,,\n")
    import_magento(translated, german, None, None, {"de_store": "de"})
    rows = (
        # The name left empty stays; the short description and the material are removed.
        'TJ,fr_store,,,,,material=__EMPTY__VALUE__,,__EMPTY__VALUE__\n'
        # Given as the default text, the bottle's name and Blue lose their French.
        'WB,fr_store,,Water Bottle,,,color=Blue,,\n')
    imported(translated, write(tmp_path, "french-again.csv", rows))
    products, variants, _ = catalog(translated)
    assert translations(products["TJ"]) == {"fr": {"name": "Veste de randonnée"},
                                            "de": {"name": "Wanderjacke"}}
    assert "translations" not in products["WB"]
    assert translations(variants["WB"]) == {}
    # A colour no row names keeps its translation.
    assert translations(variants["TJ-S-Red"]) == {"fr": {"color": "Rouge"}}


def test_a_category_given_its_default_name_loses_its_translation(translated, tmp_path):
    rows = DEFAULT_ROWS + 'TJ,fr_store,,Veste de randonnée,,Default Category/Men/Vestes,,,\n'
    imported(translated, write(tmp_path, "categories.csv", rows))
    products, _, categories = catalog(translated)
    assert "translations" not in categories["Men"]
    assert translations(categories["Men/Jackets"]) == {"fr": {"name": "Vestes"}}
    assert translations(categories["Gear"]) == {"fr": {"name": "Équipement"}}
    # The row fills the jacket's name alone: its other French stays.
    assert translations(products["TJ"])["fr"]["short_description_html"] == "<p>Chaude.</p>"
    assert translations(products["WB"]) == {"fr": {"name": "Gourde"}}


def test_a_default_import_sends_terminals_no_category_it_does_not_change(translated, tmp_path):
    with translated.reading() as session:
        cursor = json.loads(read_page(session, None, 1000))["cursor"]
    imported(translated, write(tmp_path, "default-again.csv", DEFAULT_ROWS))
    with translated.reading() as session:
        page = json.loads(read_page(session, cursor, 1000))
    assert page["categories"] == []
    assert sorted(p["sku"] for p in page["products"]) == ["TJ", "WB"]
