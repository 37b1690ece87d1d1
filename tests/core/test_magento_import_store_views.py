"""Magento files as the chain's e-commerce system writes them: store-view rows that
translate the default rows, attribute values holding JSON and markup, non-Latin text,
files with only a few columns (tests/data/magento, written for these tests)."""

from pathlib import Path

import pytest

from central.magento import read_standard_products

DATA = Path(__file__).resolve().parents[1] / "data" / "magento"
STORE_VIEWS = {"fr_store": "fr", "ja_store": "ja"}


@pytest.fixture(scope="module")
def imported():
    return read_standard_products(DATA / "configurable_with_store_views.csv", STORE_VIEWS)


def product(result, sku):
    return next(p for p in result.products if p.sku == sku)


def test_store_view_rows_translate_the_parent_s_texts(imported):
    shell = product(imported, "WJ-AURORA")
    assert shell.name == "Aurora Rain Shell"
    assert shell.short_description_html == "<p>Light, packable, dry.</p>"
    assert shell.image_label == "Aurora shell, front"
    french = shell.translations["fr"]
    assert french["name"] == "Coupe-pluie Aurora"
    assert french["description_html"].startswith("<p>Une coquille légère")
    assert french["short_description_html"] == "<p>Léger, compressible, au sec.</p>"
    assert french["image_label"] == "Coupe-pluie Aurora, de face"
    # Only the values that differ are translations; the default stays in its language.
    assert french["attributes"] == {"climate": "Pluvieux, Printemps"}
    assert shell.attributes["climate"] == "Rainy, Spring"
    assert shell.translations["ja"] == {"name": "オーロラ レインシェル"}


def test_colour_labels_are_translated_on_every_variant_that_has_them(imported):
    shell = product(imported, "WJ-AURORA")
    by_sku = {v.sku: v for v in shell.variants}
    assert by_sku["WJ-AURORA-M-Teal"].translations == {"fr": {"color": "Bleu canard"}}
    assert by_sku["WJ-AURORA-S-Black"].translations == {"fr": {"color": "Noir"},
                                                        "ja": {"color": "ブラック"}}
    # No store-view row of its own names M-Black: the colour is the attribute's option.
    assert by_sku["WJ-AURORA-M-Black"].translations == {"fr": {"color": "Noir"},
                                                        "ja": {"color": "ブラック"}}
    # Sizes the store views leave as they are carry no translation.
    assert all("size" not in t for v in shell.variants for t in v.translations.values())


def test_category_names_are_translated_level_by_level(imported):
    categories = imported.categories
    assert categories["Women"].translations == {"fr": {"name": "Femmes"}}
    assert categories["Women/Tops/Jackets"].name == "Jackets"
    assert categories["Women/Tops/Jackets"].translations == {"fr": {"name": "Vestes"}}
    assert categories["Collections/Rainy Days"].translations == {
        "fr": {"name": "Jours de pluie"}}
    assert categories["Gear"].translations == {}


def test_rows_that_translate_nothing_known_are_reported_and_skipped(imported):
    reasons = {p.row: p.reason for p in imported.problems}
    assert reasons == {
        6: "store-view row before the default row of 'WB-FLASK' (row 7)",
        15: "store view 'it_store' has no language given (LANGUAGE=it_store)",
        16: "store-view row for unknown SKU 'WJ-GHOST'",
    }
    flask = product(imported, "WB-FLASK")
    assert (flask.name, flask.translations) == ("Insulated Flask", {})
    assert sorted(p.sku for p in imported.products) == ["WB-FLASK", "WJ-AURORA"]
    assert imported.summary() == ("16 rows read: 2 products, 1 in 'fr', 1 in 'ja', "
                                  "5 variants, 7 categories imported; 3 rows skipped")


def test_without_a_language_for_them_store_view_rows_are_reported_not_taken_for_products():
    result = read_standard_products(DATA / "configurable_with_store_views.csv")
    skipped = [p for p in result.problems if "has no language given" in p.reason]
    assert {p.reason.split("'")[1] for p in skipped} == {"fr_store", "ja_store", "it_store"}
    assert not any("duplicate" in p.reason for p in result.problems)
    assert all(p.translations == {} for p in result.products)
    assert product(result, "WJ-AURORA").name == "Aurora Rain Shell"


def test_category_paths_that_do_not_pair_with_the_default_row_s_are_refused(tmp_path):
    path = tmp_path / "products.csv"
    path.write_text(
        "sku,store_view_code,product_type,name,price,categories\n"
        "A,,simple,Anorak,10,Default Category/Men/Jackets\n"
        "A,fr_store,,Anorak chaud,,Catégorie par défaut/Hommes\n"
        "B,,simple,Boots,10,\"Default Category/Men,Default Category/Sale\"\n"
        "B,fr_store,,Bottes,,Catégorie par défaut/Hommes\n", encoding="utf-8")
    result = read_standard_products(path, {"fr_store": "fr"})
    reasons = {p.row: p.reason for p in result.problems}
    assert "has not the levels of 'Default Category/Men/Jackets'" in reasons[2]
    assert "1 category paths where the default row has 2" in reasons[4]
    assert all(p.translations == {} for p in result.products)


def test_a_store_view_row_of_a_skipped_default_row_says_so(tmp_path):
    path = tmp_path / "products.csv"
    path.write_text("sku,store_view_code,product_type,name,price\n"
                    "A,,simple,Anorak,ten\nA,fr_store,,Anorak chaud,\n", encoding="utf-8")
    result = read_standard_products(path, {"fr_store": "fr"})
    assert [(p.row, p.reason) for p in result.problems] == [
        (1, "price 'ten' is not a number"),
        (2, "store-view row of 'A', whose default row (row 1) was skipped")]


def test_a_store_view_given_no_language_code_stops_the_import_before_it_starts():
    # Terminals would refuse every page holding it.
    with pytest.raises(ValueError, match="'French' is not a language code"):
        read_standard_products(DATA / "minimal_columns.csv", {"fr_store": "French"})


def test_a_second_row_for_the_same_store_view_is_refused(tmp_path):
    path = tmp_path / "products.csv"
    path.write_text("sku,store_view_code,product_type,name,price\n"
                    "A,,simple,Anorak,10\nA,fr_store,,Anorak chaud,\nA,fr2,,Anorak doux,\n",
                    encoding="utf-8")
    result = read_standard_products(path, {"fr_store": "fr", "fr2": "fr"})
    assert [(p.row, p.reason) for p in result.problems] == [
        (3, "second store-view row of 'A' in language 'fr'")]
    assert result.products[0].translations == {"fr": {"name": "Anorak chaud"}}


def test_a_file_of_few_columns_with_json_markup_and_non_latin_text():
    result = read_standard_products(DATA / "minimal_columns.csv", {"ja_store": "ja"})
    [tee] = result.products
    assert tee.name == "Koi & Wave Tee"
    assert tee.price_cents == 1950
    # Wrapped in double quotes, values keep their commas and quotes; markup becomes text.
    assert tee.attributes == {"material": "Cotton, organic", "care": "Wash cold, inside out",
                              "fit_chart": '{"chest_cm":[92,100,108],"fit":"regular"}'}
    assert tee.variants[0].color == "White"
    assert tee.translations == {"ja": {"name": "鯉と波のTシャツ"}}
    assert tee.variants[0].translations == {"ja": {"color": "ホワイト"}}
    assert [(p.row, p.reason) for p in result.problems] == [(2, "duplicate SKU 'TS-KOI'"),
                                                            (4, "missing SKU")]


def test_progress_is_told_rows_and_the_share_of_the_file_read():
    told = []
    read_standard_products(DATA / "configurable_with_store_views.csv", STORE_VIEWS,
                           lambda rows, fraction: told.append((rows, fraction)))
    assert [rows for rows, _ in told] == list(range(1, 17))
    fractions = [fraction for _, fraction in told]
    assert fractions == sorted(fractions) and 0 < fractions[0] and fractions[-1] == 1.0
