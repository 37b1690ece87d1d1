import pytest

from kiosk.core.catalog import Category, ChangeBatch, Product, StockLevel, Variant
from kiosk.core.changes import apply_changes
from kiosk.core.db.cache import open_cache
from kiosk.core.search import SearchFilters, query_words, search


def product(sku, name, price=2000, categories=("Women/Tops",), description="", variants=None,
            **extra):
    variants = variants or (Variant(f"{sku}-1", price, size="M", color="Black"),)
    return Product(sku=sku, name=name, price_cents=price, variants=tuple(variants),
                   categories=tuple(categories), description_html=description, **extra)


@pytest.fixture
def cache(tmp_path):
    conn = open_cache(tmp_path).conn
    categories = [Category(p, p.rsplit("/", 1)[-1]) for p in
                  ("Women", "Women/Tops", "Women/Scarves", "Men", "Men/Hoodies")]
    apply_changes(conn, ChangeBatch(categories=categories, products=[
        product("W1", "Écharpe en laine", 3500, ("Women/Scarves",),
                "<p>Une écharpe chaude.</p>"),
        product("W2", "Summer Tee", 1500, description="<p>Light cotton, pairs with an echarpe</p>"),
        product("M1", "Chaz Hoodie", 5200, ("Men/Hoodies",), variants=(
            Variant("MH01-S-Black", 5200, size="S", color="Black", barcode="2000000000015"),
            Variant("MH01-L-Gray", 5200, size="L", color="Gray"))),
        product("M2", "Hooded Rain Jacket", 8000, ("Men",)),
        product("W3", "Tank for hoodie lovers", 1200),
        product("S1", "Scarf", 900, ("Women/Scarves",), special_price_cents=500),
        product("M3", "Plain Sweater", 4000, ("Men/Hoodies",)),
        product("W4", "Winter Coat", 9000, ("Women",), "<p>Wear it over a hoodie.</p>"),
    ]))
    apply_changes(conn, ChangeBatch(stock=[
        StockLevel("MH01-S-Black", "paris", 0, "2026-11-24T10:00:00Z"),
        StockLevel("MH01-L-Gray", "paris", 3, "2026-11-24T10:00:00Z"),
        StockLevel("W1-1", "paris", 0, "2026-11-24T10:00:00Z"),
    ]))
    return conn


def names(conn, ids):
    return [conn.execute("SELECT name FROM products WHERE id = ?", (i,)).fetchone()[0]
            for i in ids]


def test_accents_and_case_do_not_matter(cache):
    for text in ("echarpe", "ECHARPE", "écharpe", "Écharpe"):
        assert names(cache, search(cache, text).product_ids)[0] == "Écharpe en laine"


def test_prefixes_find_products_as_the_shopper_types(cache):
    assert "Chaz Hoodie" in names(cache, search(cache, "ho").product_ids)
    assert names(cache, search(cache, "chaz ho").product_ids) == ["Chaz Hoodie"]


def test_a_name_match_ranks_before_a_description_match(cache):
    assert names(cache, search(cache, "echarpe").product_ids) == ["Écharpe en laine",
                                                                  "Summer Tee"]


def test_name_matches_rank_before_category_then_description_matches(cache):
    found = names(cache, search(cache, "hood").product_ids)
    assert set(found[:3]) == {"Chaz Hoodie", "Hooded Rain Jacket", "Tank for hoodie lovers"}
    assert found[3:] == ["Plain Sweater", "Winter Coat"]


def test_an_exact_sku_or_barcode_comes_first_and_names_the_variant(cache):
    by_sku = search(cache, "mh01-l-gray")
    assert names(cache, by_sku.product_ids)[0] == "Chaz Hoodie"
    assert by_sku.exact_variant_sku == "MH01-L-Gray"
    by_barcode = search(cache, "2000000000015")
    assert by_barcode.exact_variant_sku == "MH01-S-Black"
    assert names(cache, by_barcode.product_ids) == ["Chaz Hoodie"]


@pytest.mark.parametrize("hostile", [
    '"', '"unbalanced', "hood*", "*", "NEAR(hood", "hood AND", "AND OR NOT", "(((", ")",
    "hood)", "{name}: x", "name:hood", "^hood", "😀🔥", "a" * 500, "\x00", "-", "+", "''",
    "hood \" OR 1=1 --", "NEAR(\"a\" \"b\", 2)", " ",
])
def test_hostile_text_never_raises_and_returns_a_list(cache, hostile):
    result = search(cache, hostile)
    assert isinstance(result.product_ids, list)


def test_operators_typed_by_a_shopper_are_searched_as_words(cache):
    typed_star = names(cache, search(cache, "hood*").product_ids)
    assert typed_star == names(cache, search(cache, "hood").product_ids)
    assert query_words('NEAR("x" AND y*)') == ["near", "x", "and", "y"]


def test_filters_by_category_including_sub_categories(cache):
    found = names(cache, search(cache, "", SearchFilters(category_path="Women")).product_ids)
    assert set(found) == {"Écharpe en laine", "Summer Tee", "Tank for hoodie lovers", "Scarf",
                          "Winter Coat"}
    assert names(cache, search(cache, "", SearchFilters(category_path="Wom")).product_ids) == []


def test_size_colour_and_stock_filters_apply_to_one_and_the_same_variant(cache):
    # The hoodie has S Black (none here) and L Gray (3 here).
    assert names(cache, search(cache, "hoodie", SearchFilters(
        sizes=frozenset({"L"}), in_stock_at="paris")).product_ids) == ["Chaz Hoodie"]
    assert search(cache, "hoodie", SearchFilters(
        sizes=frozenset({"S"}), in_stock_at="paris")).product_ids == []
    assert search(cache, "chaz", SearchFilters(
        sizes=frozenset({"S"}), colors=frozenset({"Gray"}))).product_ids == []


def test_price_range_uses_the_special_price_and_sorts_by_price(cache):
    cheap = search(cache, "", SearchFilters(max_price_cents=1200, sort="price_asc"))
    assert names(cache, cheap.product_ids) == ["Scarf", "Tank for hoodie lovers"]
    dear_first = search(cache, "", SearchFilters(min_price_cents=3000, sort="price_desc"))
    assert names(cache, dear_first.product_ids) == ["Winter Coat", "Hooded Rain Jacket",
                                                    "Chaz Hoodie", "Plain Sweater",
                                                    "Écharpe en laine"]


def test_results_respect_the_limit(cache):
    assert len(search(cache, "", limit=2).product_ids) == 2
    assert len(search(cache, "h", limit=2).product_ids) == 2


def test_the_demo_catalog_answers_typical_searches(demo_cache_dir):
    conn = open_cache(demo_cache_dir).conn
    top = names(conn, search(conn, "hoodie", limit=5).product_ids)
    assert all("Hoodie" in name for name in top)
    watches = names(conn, search(conn, "watch", limit=5).product_ids)
    assert all("Watch" in name for name in watches)
