import csv
from dataclasses import replace
from datetime import date, datetime, timedelta, timezone

import pytest

from kiosk.core.changes import apply_changes
from kiosk.core.db.cache import open_cache
from kiosk.core.product_page import (
    ShownPrice,
    freshness,
    load_product,
    ordered_sizes,
    read_product_page,
    similar_in_stock,
    stock_level,
)
from kiosk_contract.catalog import Category, ChangeBatch, Product, StockLevel, Variant

TODAY = date(2026, 11, 24)
TAKEN = "2026-11-24T09:00:00Z"
JACKETS = "Women/Tops/Jackets"


def jacket(sku, price, *, special=None, categories=(JACKETS,), attributes=None):
    return Product(sku=sku, name=f"Jacket {sku}", price_cents=price,
                   special_price_cents=special, categories=categories,
                   variants=(Variant(f"{sku}-M", price, size="M", color="Black"),),
                   attributes=attributes or {})


@pytest.fixture
def cache(tmp_path):
    conn = open_cache(tmp_path).conn
    categories = [Category(path, path.rsplit("/", 1)[-1]) for path in
                  ("Women", "Women/Tops", JACKETS, "Men", "Men/Jackets")]
    categories += [Category(path, path.rsplit("/", 1)[-1], in_menu=False) for path in
                   ("Eco", "Eco/Outdoor", "Eco/Outdoor/Winter", "Eco/Outdoor/Winter/Warm")]
    juno = Product(
        sku="J1", name="Juno Jacket", price_cents=7000, special_price_cents=5600,
        special_from="2026-11-01", special_to="2026-11-30",
        description_html="<p>Warm.</p><script>alert(1)</script>",
        categories=("Eco/Outdoor/Winter/Warm", JACKETS),
        image="j1-main.jpg", gallery=("j1-back.jpg", "j1-main.jpg", "j1-side.jpg"),
        attributes={"material": "Cocona&reg; fabric, Wool", "features_bags": "Hood",
                    "pattern": "", "climate": "Cool, Windy"},
        variants=(
            Variant("J1-XL-Red", 7000, size="XL", color="Red", barcode="2000000000011"),
            Variant("J1-S-Red", 7000, size="S", color="Red", image="j1-red.jpg"),
            Variant("J1-M-Blue", 7000, size="M", color="Blue", special_price_cents=5000),
            Variant("J1-S-Blue", 7000, size="S", color="Blue"),
        ))
    apply_changes(conn, ChangeBatch(categories=categories, products=[
        juno,
        jacket("A", 5500),
        jacket("B", 5700, attributes={"material": "Wool, Nylon"}),
        jacket("C", 5600),                                  # out of stock here
        jacket("D", 9000, special=5650),
        jacket("E", 4000),
        jacket("F", 5600, categories=("Men/Jackets",)),     # another category
        jacket("G", 3000, special=9000),                    # a "special" above the price
        jacket("H", 2000),                                  # out of stock everywhere
    ]))
    stock = [("J1-XL-Red", "paris", 0, "2026-12-10"), ("J1-S-Red", "paris", 2, None),
             ("J1-S-Blue", "paris", 0, None), ("J1-S-Blue", "lyon", 5, None),
             ("C-M", "paris", 0, None), ("C-M", "lyon", 4, None), ("H-M", "paris", 0, None)]
    stock += [(f"{sku}-M", "paris", 7, None) for sku in "ABDEFG"]
    apply_changes(conn, ChangeBatch(stock=[StockLevel(sku, store, quantity, TAKEN, restock)
                                           for sku, store, quantity, restock in stock]))
    return conn


def product_id(conn, sku):
    return conn.execute("SELECT id FROM products WHERE sku = ?", (sku,)).fetchone()[0]


def test_a_product_page_holds_what_the_screen_shows(cache):
    page = load_product(cache, product_id(cache, "J1"), "paris", TODAY)
    assert (page.sku, page.name) == ("J1", "Juno Jacket")
    assert page.description_html == "<p>Warm.</p>"
    assert page.gallery == ("j1-main.jpg", "j1-back.jpg", "j1-side.jpg")
    assert page.attributes == {"material": "Cocona® fabric, Wool", "features_bags": "Hood",
                               "climate": "Cool, Windy"}
    assert page.category_path == JACKETS     # the menu's, though a hidden one is deeper


def test_a_running_special_price_is_shown_with_its_last_day(cache):
    page = load_product(cache, product_id(cache, "J1"), "paris", TODAY)
    assert (page.price_cents, page.regular_price_cents, page.on_special) == (5600, 7000, True)
    assert page.special_until == date(2026, 11, 30)
    blue_m = page.variant_for("M", "Blue")
    assert (blue_m.price_cents, blue_m.regular_price_cents, blue_m.on_special) == \
        (5000, 7000, True)
    later = load_product(cache, product_id(cache, "J1"), "paris", date(2026, 12, 1))
    assert (later.price_cents, later.special_until) == (7000, None)
    assert later.variant_for("M", "Blue").price_cents == 7000


def test_a_special_price_set_on_the_product_covers_its_variants(cache):
    page = load_product(cache, product_id(cache, "J1"), "paris", TODAY)
    red_s = page.variant_for("S", "Red")      # no special of its own
    assert (red_s.price_cents, red_s.on_special) == (5600, True)
    single = load_product(cache, product_id(cache, "D"), "paris", TODAY)
    assert single.variants[0].price_cents == single.price_cents == 5650


def test_a_special_price_above_the_price_is_ignored(cache):
    page = load_product(cache, product_id(cache, "G"), "paris", TODAY)
    assert (page.price_cents, page.on_special, page.special_until) == (3000, False, None)


def test_variants_carry_this_stores_stock_and_whether_any_store_has_some(cache):
    page = load_product(cache, product_id(cache, "J1"), "paris", TODAY)
    by_sku = {v.sku: v for v in page.variants}
    assert [v.sku for v in page.variants] == ["J1-XL-Red", "J1-S-Red", "J1-M-Blue",
                                              "J1-S-Blue"]
    xl_red = by_sku["J1-XL-Red"]
    assert (xl_red.quantity_here, xl_red.restock_date, xl_red.in_stock_anywhere) == \
        (0, "2026-12-10", False)
    assert xl_red.barcode == "2000000000011" and xl_red.taken_at == TAKEN
    s_red = by_sku["J1-S-Red"]
    assert (s_red.quantity_here, s_red.in_stock_here, s_red.image) == (2, True, "j1-red.jpg")
    no_figure = by_sku["J1-M-Blue"]
    assert (no_figure.quantity_here, no_figure.taken_at, no_figure.in_stock_anywhere) == \
        (0, None, False)
    s_blue = by_sku["J1-S-Blue"]
    assert (s_blue.in_stock_here, s_blue.in_stock_anywhere) == (False, True)


def test_options_list_existing_sizes_and_colours_in_order(cache):
    page = load_product(cache, product_id(cache, "J1"), "paris", TODAY)
    assert page.sizes == ("S", "M", "XL")
    assert page.colors == ("Red", "Blue")
    assert page.sizes_for_color("Blue") == ("S", "M")
    assert page.colors_for_size("S") == ("Red", "Blue")
    assert page.colors_for_size("XL") == ("Red",)
    assert page.variant_for("M", "Red") is None
    assert page.variant_for("M", "Blue").sku == "J1-M-Blue"


def test_a_scan_chooses_its_variant_and_nothing_else_is_chosen_for_the_shopper(cache):
    juno = load_product(cache, product_id(cache, "J1"), "paris", TODAY)
    assert juno.initial_choice("j1-s-blue") == ("S", "Blue")    # scanned codes ignore case
    # Several sizes and colours: the shopper picks them, even where one is in stock here.
    assert juno.initial_choice("NOPE") == (None, None)
    assert juno.initial_choice() == (None, None)
    # One size and one colour leave nothing to pick.
    assert load_product(cache, product_id(cache, "H"), "paris", TODAY).initial_choice() == (
        "M", "Black")


def test_a_tap_keeps_what_still_fits_and_fills_in_what_has_one_option_left(cache):
    juno = load_product(cache, product_id(cache, "J1"), "paris", TODAY)
    assert juno.choose_color(None, "Blue") == (None, "Blue")       # Blue comes in S and M
    assert juno.choose_color("S", "Blue") == ("S", "Blue")
    assert juno.choose_color("XL", "Blue") == (None, "Blue")       # no XL in Blue
    assert juno.choose_size("M", None) == ("M", "Blue")            # M comes only in Blue
    assert juno.choose_size("S", "Red") == ("S", "Red")
    assert juno.choose_size("S", None) == ("S", None)


def test_availability_tells_here_other_stores_or_nowhere_for_a_partial_choice(cache):
    juno = load_product(cache, product_id(cache, "J1"), "paris", TODAY)
    assert juno.availability("S", None) == "here"           # S in Red is on the shelves
    assert juno.availability("S", "Blue") == "elsewhere"    # Lyon has it
    assert juno.availability("XL", "Red") == "nowhere"
    assert juno.availability("M", "Blue") == "nowhere"
    assert juno.availability(None, "Red") == "here"
    assert juno.availability(None, "Blue") == "elsewhere"
    assert [v.sku for v in juno.fitting(None, "Blue")] == ["J1-M-Blue", "J1-S-Blue"]


def test_the_price_shown_is_the_variants_or_the_lowest_that_fits_said_as_from(cache):
    juno = load_product(cache, product_id(cache, "J1"), "paris", TODAY)
    # The product's special (5600) covers its variants; M in Blue has its own (5000).
    assert juno.price_for("M", "Blue") == ShownPrice(5000, 7000, False)
    assert juno.price_for("S", "Red") == ShownPrice(5600, 7000, False)
    assert juno.price_for(None, "Blue") == ShownPrice(5000, 7000, True)
    assert juno.price_for(None, "Red") == ShownPrice(5600, 7000, False)    # all the same
    assert juno.price_for(None, "Blue").on_special
    plain = load_product(cache, product_id(cache, "A"), "paris", TODAY)
    assert plain.price_for(None, None) == ShownPrice(5500, 5500, False)
    assert not plain.price_for(None, None).on_special


def test_what_is_still_to_choose_and_which_open_options_are_here(cache):
    juno = load_product(cache, product_id(cache, "J1"), "paris", TODAY)
    assert juno.still_to_choose(None, None) == (True, True)
    assert juno.still_to_choose("S", None) == (False, True)
    assert juno.still_to_choose(None, "Red") == (True, False)
    # No size chosen: the sizes here; a size chosen: the colours here in it.
    assert juno.options_here(None, None) == ("S",)
    assert juno.options_here(None, "Blue") == ()
    assert juno.options_here("S", None) == ("Red",)
    # A size chip keeps room for every word another colour may tell it in.
    assert juno.size_may_become(["S", "M"]) == {"S": {"here", "elsewhere"},
                                                "M": {"nowhere"}}


def test_the_chosen_colours_picture_comes_first(cache):
    juno = load_product(cache, product_id(cache, "J1"), "paris", TODAY)
    assert juno.pictures_for(None, None) == ["j1-main.jpg", "j1-back.jpg", "j1-side.jpg"]
    assert juno.pictures_for(None, "Red") == ["j1-red.jpg", "j1-main.jpg", "j1-back.jpg",
                                              "j1-side.jpg"]
    # A variant chosen without a picture of its own leaves the gallery as it is.
    assert juno.pictures_for("XL", "Red") == list(juno.gallery)


def test_a_choice_keeps_what_the_page_read_again_still_sells(cache):
    juno = load_product(cache, product_id(cache, "J1"), "paris", TODAY)
    assert juno.kept_choice("S", "Blue") == ("S", "Blue")
    assert juno.kept_choice("XXL", "Green") == (None, None)
    # Read again with other figures, the page needs only its choice shown again.
    assert juno.same_apart_from_variants(replace(juno, variants=(), sizes=("S",)))
    assert not juno.same_apart_from_variants(replace(juno, name="Juno Coat"))


def test_a_basket_line_is_one_of_the_variant_pictured_by_its_own_image_or_the_products(cache):
    juno = load_product(cache, product_id(cache, "J1"), "paris", TODAY)
    red, blue = juno.variant_for("S", "Red"), juno.variant_for("S", "Blue")
    line = juno.basket_line(red)
    assert (line.sku, line.product_id, line.name, line.size, line.color) == (
        "J1-S-Red", juno.id, "Juno Jacket", "S", "Red")
    assert (line.unit_price_cents, line.quantity, line.image) == (5600, 1, "j1-red.jpg")
    assert juno.basket_line(blue).image == "j1-main.jpg"


def test_the_page_is_read_with_its_similar_products_by_id_or_by_sku(cache):
    juno_id = product_id(cache, "J1")
    page, similar = read_product_page(cache, juno_id, "paris", TODAY)
    assert page == load_product(cache, juno_id, "paris", TODAY)
    assert similar == similar_in_stock(cache, juno_id, "paris", today=TODAY)
    # By SKU (a sync may have renumbered the products), the id given is not used.
    assert read_product_page(cache, 999_999, "paris", TODAY, sku="J1") == (page, similar)
    assert read_product_page(cache, juno_id, "paris", TODAY, sku="GONE") == (None, [])
    assert read_product_page(cache, 999_999, "paris", TODAY) == (None, [])


def test_a_missing_product_has_no_page(cache):
    assert load_product(cache, 999_999, "paris", TODAY) is None
    assert similar_in_stock(cache, 999_999, "paris", today=TODAY) == []


def test_similar_products_are_in_stock_here_and_closest_in_price_first(cache):
    similar = similar_in_stock(cache, product_id(cache, "J1"), "paris", today=TODAY)
    # J1 costs 5600 today. D is 50 away on special; B and A are 100 away, and B shares
    # Wool with J1; E is 1600 away. C is not in stock here, F is in another category.
    assert [card.sku for card in similar] == ["D", "B", "A", "E", "G"]
    assert all(card.in_stock_here for card in similar)
    assert [c.sku for c in similar_in_stock(cache, product_id(cache, "J1"), "paris", limit=2,
                                            today=TODAY)] == ["D", "B"]


def test_sizes_run_from_letters_to_numbers_to_the_rest():
    given = ["55 cm", "XL", "32", "s", "M", "28", "XS", "10 foot", "M", None, "XXL", "L",
             "8.5", "nan"]
    assert ordered_sizes(given) == ("XS", "s", "M", "L", "XL", "XXL", "8.5", "28", "32",
                                    "55 cm", "10 foot", "nan")


def test_freshness_is_the_age_of_the_figure_never_negative():
    now = datetime(2026, 11, 24, 10, 45, tzinfo=timezone.utc)
    assert freshness("2026-11-24T10:00:00Z", now) == timedelta(minutes=45)
    assert freshness("2026-11-24T11:00:00+01:00", now) == timedelta(minutes=45)
    assert freshness("2026-11-24T10:00:00", now) == timedelta(minutes=45)
    assert freshness("2026-11-24T10:50:00Z", now) == timedelta(0)


@pytest.mark.parametrize("quantity, threshold, level", [
    (0, 3, "out_of_stock"), (1, 3, "few_left"), (3, 3, "few_left"), (4, 3, "in_stock"),
    (4, 5, "few_left"), (1, 0, "in_stock"),
])
def test_a_stock_figure_is_plenty_few_or_none(quantity, threshold, level):
    assert stock_level(quantity, threshold) == level


def test_the_default_threshold_for_few_left_is_three():
    assert (stock_level(3), stock_level(4)) == ("few_left", "in_stock")


def luma_row(luma_dir, sku):
    with open(luma_dir / "products.csv", encoding="utf-8", newline="") as source:
        return next(row for row in csv.DictReader(source) if row["sku"] == sku)


def test_a_demo_jacket_matches_the_luma_catalog(demo_cache_dir, luma_dir):
    conn = open_cache(demo_cache_dir).conn
    row = luma_row(luma_dir, "WJ01")
    expected = [dict(pair.split("=", 1) for pair in spec.split(","))
                for spec in row["configurable_variations"].split("|")]
    page = load_product(conn, product_id(conn, "WJ01"), "paris-rivoli", TODAY)
    assert page.name == row["name"] == "Stellar Solar Jacket"
    assert page.category_path == JACKETS
    assert page.regular_price_cents == round(float(row["price"]) * 100)
    assert {(v.sku, v.size, v.color) for v in page.variants} == \
        {(e["sku"], e["size"], e["color"]) for e in expected}
    assert page.sizes == ("S", "M", "L")
    assert page.colors == tuple(dict.fromkeys(e["color"] for e in expected))
    assert page.gallery == tuple(path.lstrip("/") for path in
                                 [row["base_image"], *row["additional_images"].split(",")])
    assert page.attributes["material"].startswith("Cocona® performance fabric")
    # The demo counts every variant in every store.
    assert all(v.taken_at and v.barcode for v in page.variants)
    assert all(v.in_stock_anywhere for v in page.variants if v.in_stock_here)


def test_demo_similar_jackets_are_other_jackets_in_stock_here(demo_cache_dir):
    conn = open_cache(demo_cache_dir).conn
    juno = product_id(conn, "WJ01")
    similar = similar_in_stock(conn, juno, "lyon-republique", today=TODAY)
    assert 0 < len(similar) <= 6 and juno not in {card.id for card in similar}
    for card in similar:
        other = load_product(conn, card.id, "lyon-republique", TODAY)
        assert other.category_path == JACKETS
        assert any(v.in_stock_here for v in other.variants)

