"""The catalog read in the shopper's language: every text the catalog translates comes in
that language, and what it leaves untranslated comes in the chain's default."""

from datetime import date

import pytest

from kiosk.core.browse import OptionWords, first_page, option_words
from kiosk.core.categories import category, named_breadcrumb, sub_categories, top_categories
from kiosk.core.changes import apply_changes
from kiosk.core.compare import compare_rows
from kiosk.core.config import ShownAttribute
from kiosk.core.db.cache import open_cache
from kiosk.core.orders import Basket, BasketLine, OrderLimits
from kiosk.core.product_page import load_product, read_product_page
from kiosk.core.products import cards_by_id, cards_by_sku, featured_cards
from kiosk.core.search import SearchFilters
from kiosk.core.search_answer import discover, look_up
from kiosk.core.store_stock import variant_named, variants_named
from kiosk_contract.catalog import Category, ChangeBatch, Product, StockLevel, Variant

TODAY = date(2026, 11, 24)
TAKEN = "2026-11-24T09:00:00Z"


@pytest.fixture
def cache(tmp_path):
    conn = open_cache(tmp_path).conn
    categories = [
        Category("Women", "Women", translations={"fr": {"name": "Femmes"}}),
        Category("Women/Tops", "Tops"),                  # no French: read in English
        Category("Women/Tops/Jackets", "Jackets", translations={"fr": {"name": "Vestes"}}),
    ]
    juno = Product(
        sku="J1", name="Juno Jacket", price_cents=7000, featured=True,
        description_html="<p>Warm and light.</p>", categories=("Women/Tops/Jackets",),
        attributes={"material": "Wool", "climate": "Cool, Windy"},
        translations={"fr": {"name": "Veste Juno", "attributes": {"climate": "Frais, Venteux"}},
                      "de": {"name": "Juno-Jacke"}},
        variants=(
            Variant("J1-S-Black", 7000, size="S", color="Black",
                    translations={"fr": {"color": "Noir"}}),
            Variant("J1-M-Black", 7000, size="M", color="Black",
                    translations={"fr": {"color": "Noir"}}),
            Variant("J1-S-Teal", 7000, size="S", color="Teal"),   # colour left in English
        ))
    ida = Product(sku="I1", name="Ida Workout Parachute Pant", price_cents=4800,
                  featured=True, description_html="<p>Light.</p>",
                  categories=("Women/Tops/Jackets",),
                  variants=(Variant("I1-28-Blue", 4800, size="28", color="Blue"),))
    apply_changes(conn, ChangeBatch(
        categories=categories, products=[juno, ida],
        stock=[StockLevel(sku, "paris", 3, TAKEN)
               for sku in ("J1-S-Black", "J1-M-Black", "I1-28-Blue")]))
    yield conn
    conn.close()


def test_cards_are_named_in_the_shopper_s_language_else_in_the_default(cache):
    ids = [row[0] for row in cache.execute("SELECT id FROM products ORDER BY sku DESC")]
    assert [c.name for c in cards_by_id(cache, ids, "paris", TODAY, "fr")] == [
        "Veste Juno", "Ida Workout Parachute Pant"]
    assert [c.name for c in cards_by_id(cache, ids, "paris", TODAY, "en")] == [
        "Juno Jacket", "Ida Workout Parachute Pant"]
    assert [c.name for c in cards_by_id(cache, ids, "paris", TODAY)] == [
        "Juno Jacket", "Ida Workout Parachute Pant"]
    assert [c.name for c in cards_by_sku(cache, ["J1"], "paris", TODAY, "de")] == ["Juno-Jacke"]
    assert {c.name for c in featured_cards(cache, "paris", today=TODAY, language="fr")} == {
        "Veste Juno", "Ida Workout Parachute Pant"}


def test_a_language_code_that_is_no_code_reads_the_default(cache):
    ids = [row[0] for row in cache.execute("SELECT id FROM products WHERE sku = 'J1'")]
    assert cards_by_id(cache, ids, "paris", TODAY, "fr'; DROP TABLE products; --")[0].name \
        == "Juno Jacket"


def test_categories_and_breadcrumbs_in_the_shopper_s_language(cache):
    assert [t.name for t in top_categories(cache, "fr")] == ["Femmes"]
    assert [t.name for t in sub_categories(cache, "Women", "fr")] == ["Tops"]
    assert category(cache, "Women/Tops/Jackets", "fr").name == "Vestes"
    assert category(cache, "Women/Tops/Jackets", "en").name == "Jackets"
    assert [c.name for c in named_breadcrumb(cache, "Women/Tops/Jackets", "fr")] == [
        "Femmes", "Tops", "Vestes"]
    assert [c.name for c in named_breadcrumb(cache, "Women/Gone", "fr")] == ["Femmes", "Gone"]


def test_the_product_page_in_french_keeps_the_catalog_s_words_as_its_choices(cache):
    page = load_product(cache, _id(cache, "J1"), "paris", TODAY, "fr")
    assert page.name == "Veste Juno"
    assert page.description_html == "<p>Warm and light.</p>"      # not translated: English
    assert page.attributes == {"material": "Wool", "climate": "Frais, Venteux"}
    # A choice is made of the catalog's words, shown in the shopper's.
    assert page.colors == ("Black", "Teal")
    assert [page.color_word(c) for c in page.colors] == ["Noir", "Teal"]
    assert page.size_word("S") == "S"
    line = page.basket_line(page.variant_for("M", "Black"))
    assert (line.name, line.size, line.color) == ("Veste Juno", "M", "Noir")
    english = load_product(cache, _id(cache, "J1"), "paris", TODAY, "en")
    assert english.name == "Juno Jacket" and english.color_word("Black") == "Black"
    assert english.attributes["climate"] == "Cool, Windy"


def test_the_product_screen_s_read_names_its_similar_products_in_the_language(cache):
    page, similar = read_product_page(cache, 0, "paris", TODAY, sku="I1", language="fr")
    assert page.name == "Ida Workout Parachute Pant"
    assert [card.name for card in similar] == ["Veste Juno"]


def test_search_browse_and_stores_in_the_shopper_s_language(cache):
    answer = look_up(cache, "juno", 1, "paris", None, TODAY, "fr")
    assert [card.name for card in answer.cards] == ["Veste Juno"]
    discovery = discover(cache, "paris", TODAY, "fr")
    assert [t.name for t in discovery.categories] == ["Femmes"]
    assert "Veste Juno" in {card.name for card in discovery.popular}
    found, words, cards, _last = first_page(
        cache, SearchFilters(category_path="Women/Tops/Jackets"), 10, "paris", TODAY, "fr")
    assert "Veste Juno" in {card.name for card in cards}
    # The filters' colours in French where the catalog translates them; a choice stays
    # the catalog's own word.
    assert set(found.colors) == {"Black", "Blue", "Teal"}
    assert words == OptionWords(sizes={}, colors={"Black": "Noir"})
    assert option_words(cache, ["S"], ["Black"], "en") == OptionWords()
    assert variant_named(cache, "J1-S-Black", "fr") == ("Veste Juno", "S", "Noir")
    assert variant_named(cache, "J1-S-Teal", "fr") == ("Veste Juno", "S", "Teal")
    assert variant_named(cache, "J1-S-Black", "en") == ("Juno Jacket", "S", "Black")


def test_compare_rows_show_each_product_s_words_in_the_language(cache):
    pages = [load_product(cache, _id(cache, sku), "paris", TODAY, "fr") for sku in ("J1", "I1")]
    climate = ShownAttribute("climate", (("en", "Climate"), ("fr", "Climat")))
    rows = {row.key: row for row in compare_rows(pages, [climate])}
    assert rows["colors"].values == (("Noir", "Teal"), ("Blue",))
    assert rows["climate"].values == ("Frais, Venteux", None)


def _id(conn, sku):
    return conn.execute("SELECT id FROM products WHERE sku = ?", (sku,)).fetchone()[0]


def test_a_basket_is_named_anew_in_the_shopper_s_new_language(cache):
    basket = Basket(OrderLimits(max_quantity_per_line=5, max_lines=10, max_items=20))
    basket.add(BasketLine("J1-S-Black", _id(cache, "J1"), "Juno Jacket", "S", "Black", 7000, 2))
    basket.add(BasketLine("I1-28-Blue", _id(cache, "I1"), "Ida Workout Parachute Pant", "28",
                          "Blue", 4800, 1))
    names = variants_named(cache, ["J1-S-Black", "I1-28-Blue", "GONE"], "fr")
    assert names == {"J1-S-Black": ("Veste Juno", "S", "Noir"),
                     "I1-28-Blue": ("Ida Workout Parachute Pant", "28", "Blue")}
    assert basket.rename(names) is True
    assert [(line.name, line.color, line.quantity) for line in basket.lines] == [
        ("Veste Juno", "Noir", 2), ("Ida Workout Parachute Pant", "Blue", 1)]
    assert basket.rename(names) is False        # nothing new: the basket need not redraw
