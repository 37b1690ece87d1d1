"""The demo catalog in French: our store-view file for the whole Luma catalog
(assets/demo/luma_fr_store_view.csv), read with the Luma files as the demo reads them, and
the reading of a store-view file apart from the catalog it translates."""

import csv
import json
import sqlite3

import pytest

from central.magento import ImportResult, read_store_view_file
from kiosk_contract.catalog import Product, Variant
from kiosk_demo.luma import LUMA_FRENCH_STORE_VIEW, read_luma


@pytest.fixture(scope="module")
def luma(luma_dir):
    return read_luma(luma_dir, LUMA_FRENCH_STORE_VIEW)


@pytest.fixture(scope="module")
def french_rows():
    with LUMA_FRENCH_STORE_VIEW.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def by_sku(result):
    return {p.sku: p for p in result.products}


def test_the_french_file_imports_with_the_luma_catalog_with_no_problem(luma):
    assert luma.problems == []
    assert len(luma.products) == 147 + 44


def test_every_row_names_a_luma_sku_and_every_sku_has_its_row(luma, french_rows, luma_dir):
    english = read_luma(luma_dir)
    assert all(not p.translations for p in english.products)
    skus = {p.sku for p in english.products} | {v.sku for p in english.products
                                                for v in p.variants}
    rows = [row["sku"] for row in french_rows]
    assert len(rows) == len(set(rows))
    assert set(rows) == skus
    assert {row["store_view_code"] for row in french_rows} == {"fr"}


def test_every_product_has_a_french_name_and_description(luma):
    for product in luma.products:
        french = product.translations["fr"]
        assert french["name"] and french["name"] != product.name, product.sku
        assert french["description_html"] not in ("", product.description_html), product.sku


def test_names_keep_the_brand_and_translate_the_rest(luma):
    products = by_sku(luma)
    assert products["WJ06"].translations["fr"]["name"] == "Veste Juno"
    assert products["MH01"].translations["fr"]["name"] == "Sweat à capuche Chaz Kangeroo"
    assert products["MS09"].translations["fr"]["name"] == "T-shirt Ryker LumaTech™ (col rond)"
    french = products["MH01"].translations["fr"]["description_html"]
    assert "&bull;" in french and "<br />" in french


def test_category_names_colours_sizes_and_attribute_values_are_in_french(luma):
    categories = luma.categories
    assert categories["Men/Tops/Jackets"].translations == {"fr": {"name": "Vestes"}}
    assert categories["Women"].translations == {"fr": {"name": "Femme"}}
    assert categories["Gear/Watches"].translations == {"fr": {"name": "Montres"}}
    variants = {v.sku: v for p in luma.products for v in p.variants}
    assert variants["MH01-XS-Black"].translations == {"fr": {"color": "Noir"}}
    assert variants["MP01-36-Gray"].translations == {"fr": {"color": "Gris"}}   # 36 stays
    assert variants["24-WG085"].translations == {"fr": {"size": "1,8 m"}}
    assert by_sku(luma)["WJ06"].translations["fr"]["attributes"]["climate"] == \
        "Froid, Frais, Printemps, Vent, Hiver"


def _catalog():
    result = ImportResult()
    result.products.append(Product(
        sku="J1", name="Test Jacket", price_cents=100, categories=("Men/Jackets",),
        variants=(Variant("J1-S-Black", 100, size="S", color="Black"),),
        translations={"de": {"name": "Testjacke"}}))
    return result


def test_a_store_view_file_apart_reports_rows_it_cannot_match_and_keeps_the_rest(tmp_path):
    translations = tmp_path / "fr.csv"
    translations.write_text(
        "sku,store_view_code,name,categories,additional_attributes\n"
        "J1,fr,Veste test,Default Category/Homme/Vestes,\n"
        "J1-S-Black,fr,Veste test-S-Noir,Default Category/Homme/Vestes,\"size=S,color=Noir\"\n"
        "NOPE,fr,Inconnu,,\n"
        "J1,,Default again,,\n"
        "J1-S-Black,it,,,color=Nero\n", encoding="utf-8")
    catalog = _catalog()
    read_store_view_file(translations, {"fr": "fr"}, catalog)
    assert [(p.row, p.reason) for p in catalog.problems] == [
        (3, "store-view row for unknown SKU 'NOPE'"),
        (4, "no store_view_code: this file holds translations only"),
        (5, "store view 'it' has no language given (LANGUAGE=it)")]
    jacket = catalog.products[0]
    # The German the catalog held stays beside the French.
    assert jacket.translations == {"de": {"name": "Testjacke"}, "fr": {"name": "Veste test"}}
    assert jacket.variants[0].translations == {"fr": {"color": "Noir"}}
    assert catalog.rows_read == 5


def test_category_paths_that_do_not_pair_with_the_product_s_are_refused(tmp_path):
    translations = tmp_path / "fr.csv"
    translations.write_text(
        "sku,store_view_code,name,categories\n"
        "J1,fr,Veste test,\"Default Category/Homme/Vestes,Default Category/Soldes\"\n",
        encoding="utf-8")
    catalog = _catalog()
    read_store_view_file(translations, {"fr": "fr"}, catalog)
    assert len(catalog.problems) == 1
    assert "2 category paths where the default row has 1" in catalog.problems[0].reason
    assert "fr" not in catalog.products[0].translations


def test_the_demo_cache_holds_the_french(demo_cache_dir):
    conn = sqlite3.connect(f"file:{demo_cache_dir / 'cache.db'}?mode=ro", uri=True)
    try:
        name, texts = conn.execute(
            "SELECT name, translations FROM products WHERE sku = 'WJ06'").fetchone()
        colour = conn.execute(
            "SELECT translations FROM variants WHERE sku = 'WJ06-XS-Blue'").fetchone()[0]
        jackets = conn.execute(
            "SELECT translations FROM categories WHERE path = 'Women/Tops/Jackets'").fetchone()
    finally:
        conn.close()
    assert name == "Juno Jacket"
    assert json.loads(texts)["fr"]["name"] == "Veste Juno"
    assert json.loads(colour) == {"fr": {"color": "Bleu"}}
    assert json.loads(jackets[0]) == {"fr": {"name": "Vestes"}}
