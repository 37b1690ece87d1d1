"""Files shaped like Magento's own import test fixtures (written for these tests, in
tests/data/magento): a configurable product whose store-view row repeats its product type
and attribute set, every cell quoted; values of `additional_attributes` holding JSON and
markup with their commas left unquoted; non-Latin names and URL keys; a store-view file
of four columns whose header has spaces after its commas."""

import json
from pathlib import Path

from central.magento import read_standard_products, read_store_view_file

DATA = Path(__file__).resolve().parents[1] / "data" / "magento"


def test_a_multistore_configurable_file_imports_with_its_store_view():
    result = read_standard_products(DATA / "configurable_multistore.csv", {"de_store": "de"})
    [mat] = result.products
    assert (mat.sku, mat.name, mat.price_cents) == ("YM-CORE", "Core Yoga Mat", 3900)
    assert mat.image_label == "Core mat, rolled"
    # The store-view row's product type and attribute set are not a second product.
    assert mat.translations == {"de": {"name": "Yogamatte Core",
                                       "image_label": "Yogamatte Core, aufgerollt",
                                       "attributes": {"material": "Naturkautschuk"}}}
    colours = {v.sku: (v.color, v.translations) for v in mat.variants}
    assert colours == {"YM-CORE-Green": ("Green", {"de": {"color": "Grün"}}),
                       "YM-CORE-Blue": ("Blue", {})}
    assert result.categories["Gear/Fitness Equipment"].translations == {
        "de": {"name": "Fitnessgeräte"}}


def test_variants_told_apart_by_an_attribute_the_kiosk_does_not_offer_are_reported():
    # Magento's fixture makes its configurable on a test attribute: a shopper here
    # chooses by size and colour, and could not tell those variants apart.
    result = read_standard_products(DATA / "configurable_multistore.csv", {"de_store": "de"})
    assert [(p.row, p.line, p.reason) for p in result.problems] == [
        (3, 4, "variants 'TR-LOOP-S' and 'TR-LOOP-L' have the same size and colour, told "
               "apart by strap_length only, which the kiosk does not offer: parent skipped"),
        (4, 5, "store-view row of 'TR-LOOP', whose product was skipped (default row 3)")]
    # Its variants are not reported again as orphans, nor imported alone.
    assert [p.sku for p in result.products] == ["YM-CORE"]


def test_unquoted_json_and_markup_keep_their_commas_as_magento_reads_them():
    result = read_standard_products(DATA / "json_and_markup_unquoted.csv")
    assert result.problems == []
    attributes = {p.sku: p.attributes for p in result.products}
    assert json.loads(attributes["BAND-JSON"]["fit_spec"]) == {
        "type": "loop", "unit": "inch", "mark": '(")', "width": '1.5"'}
    # Markup is dropped, the text and its commas kept; the pair after it is its own.
    assert attributes["BAND-HTML"] == {
        "care": 'Hand wash, cold (marked with sign (\\")) below 30\\", dry flat',
        "material": "Latex"}


def test_non_latin_names_and_url_keys_import_unchanged():
    result = read_standard_products(DATA / "non_latin_url_keys.csv", {"ja_store": "ja"})
    assert result.problems == []
    products = {p.sku: p for p in result.products}
    assert products["UA-FLASK"].name == "Пляшка для води «Гірська»"
    assert products["UA-MAT"].price_cents == 3500
    watch = products["BN-WATCH"]
    assert (watch.name, watch.price_cents) == ("সময় ঘড়ি টি ২০", 5800)
    assert watch.translations == {"ja": {"name": "時間ウォッチ T20"}}
    assert [v.sku for v in watch.variants] == ["BN-WATCH"]


def test_a_store_view_file_of_a_few_columns_with_spaces_in_its_header():
    catalog = read_standard_products(DATA / "configurable_multistore.csv",
                                     {"de_store": "de"})
    read_store_view_file(DATA / "store_view_image_label.csv", {"de_store": "de"}, catalog)
    [mat] = catalog.products
    assert len(catalog.problems) == 2       # the loop's, from the catalog's file
    # The label changes; the German the file leaves out stays.
    assert mat.translations["de"] == {"name": "Yogamatte Core",
                                      "image_label": "Yogamatte Core, von der Seite",
                                      "attributes": {"material": "Naturkautschuk"}}
