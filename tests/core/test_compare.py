import dataclasses
from datetime import date

import pytest

from kiosk.core.compare import MAX_COMPARED, CompareTray, TrayAdd, compare_rows
from kiosk.core.config import DEFAULT_SHOWN_ATTRIBUTES, ShownAttribute
from kiosk.core.db.cache import open_cache
from kiosk.core.product_page import ProductPage, load_product


def page(product_id, price, sizes=("S", "M"), colors=("Black",), **attributes):
    return ProductPage(id=product_id, sku=f"P{product_id}", name=f"Product {product_id}",
                       description_html="", attributes=attributes, gallery=(),
                       price_cents=price, regular_price_cents=price, special_until=None,
                       category_path=None, variants=(), sizes=sizes, colors=colors)


def shown(key, en, fr=None, agrees_with=""):
    return ShownAttribute(key, (("fr", fr or en), ("en", en)), agrees_with)


# What IT lists for shoppers, in its order; the products' other attributes stay hidden.
TODAY = date(2026, 11, 25)     # a fixed day: it decides which special prices run
SHOWN = (shown("climate", "Climate"), shown("material", "Material"),
         shown("pattern", "Pattern"), shown("features_bags", "Features", "Caractéristiques"))


def by_key(rows):
    return {row.key: row for row in rows}


def test_rows_are_price_sizes_colours_then_the_listed_attributes_in_the_listed_order():
    rows = compare_rows([page(1, 5000, material="Wool", climate="Cold", erin_recommends="Yes"),
                         page(2, 6000, pattern="Solid", material="Nylon", new="Yes")], SHOWN)
    assert [(row.kind, row.key) for row in rows] == [
        ("price", "price"), ("sizes", "sizes"), ("colors", "colors"),
        ("attribute", "climate"), ("attribute", "material"), ("attribute", "pattern")]
    assert [row.label for row in rows] == ["Price", "Sizes", "Colours", "Climate", "Material",
                                           "Pattern"]
    assert rows[3].attribute is SHOWN[0]      # its labels in every language, for the UI


def test_a_sale_flag_is_compared_only_where_the_prices_agree_with_it():
    sale = shown("sale", "On sale", agrees_with="special_price")
    full_price = page(1, 5000, sale="Yes")
    reduced = dataclasses.replace(page(2, 4000, sale="Yes"), regular_price_cents=5000)
    rows = by_key(compare_rows([full_price, reduced], [sale]))
    assert rows["sale"].values == (None, "Yes")
    assert "sale" not in by_key(compare_rows([full_price, page(3, 4500, sale="Yes")], [sale]))


def test_each_row_holds_one_value_per_product_and_none_where_one_is_missing():
    rows = by_key(compare_rows([page(1, 5000, sizes=("M",), material="Wool"),
                                page(2, 6000, colors=("Red", "Blue")),
                                page(3, 5000, features_bags="Hood")], SHOWN))
    assert rows["price"].values == (5000, 6000, 5000)
    assert rows["sizes"].values == (("M",), ("S", "M"), ("S", "M"))
    assert rows["colors"].values == (("Black",), ("Red", "Blue"), ("Black",))
    assert rows["material"].values == ("Wool", None, None)
    assert rows["features_bags"].values == (None, None, "Hood")
    assert rows["features_bags"].label == "Features"


def test_a_row_differs_only_when_its_values_do():
    rows = by_key(compare_rows([page(1, 5000, material="Wool", pattern="Solid"),
                                page(2, 5000, sizes=("M", "S"), material="Wool")], SHOWN))
    assert not rows["price"].differs
    assert not rows["colors"].differs
    assert not rows["material"].differs
    assert rows["sizes"].differs            # same sizes, but a different range on offer
    assert rows["pattern"].differs          # one has none


@pytest.mark.parametrize("count", [0, 1, 4])
def test_only_two_or_three_products_are_compared(count):
    with pytest.raises(ValueError, match="2 to 3"):
        compare_rows([page(i, 1000) for i in range(count)], SHOWN)


def test_the_tray_keeps_up_to_three_products_in_the_order_added():
    tray = CompareTray()
    assert not tray.can_compare
    assert [tray.add(i) for i in (7, 3)] == [TrayAdd.ADDED, TrayAdd.ADDED]
    assert tray.can_compare
    assert tray.add(7) is TrayAdd.ALREADY_IN
    assert tray.add(5) is TrayAdd.ADDED
    assert tray.is_full and len(tray) == MAX_COMPARED
    assert tray.add(9) is TrayAdd.FULL
    assert tray.product_ids == (7, 3, 5) and 9 not in tray and 3 in tray


def test_removing_one_makes_room_and_clear_empties_the_tray():
    tray = CompareTray()
    for product_id in (1, 2, 3):
        tray.add(product_id)
    assert tray.remove(2) and not tray.remove(2)
    assert tray.add(4) is TrayAdd.ADDED
    assert tray.product_ids == (1, 3, 4)
    tray.clear()
    assert tray.product_ids == () and len(tray) == 0 and not tray.is_full


def test_two_demo_jackets_compare_on_their_catalog_attributes(demo_cache_dir):
    conn = open_cache(demo_cache_dir).conn
    ids = [conn.execute("SELECT id FROM products WHERE sku = ?", (sku,)).fetchone()[0]
           for sku in ("WJ01", "WJ06")]
    rows = by_key(compare_rows([load_product(conn, i, "paris-rivoli", TODAY) for i in ids],
                               DEFAULT_SHOWN_ATTRIBUTES))
    assert rows["price"].values == (7500, 7700) and rows["price"].differs
    assert rows["pattern"].values == ("Solid", "Solid") and not rows["pattern"].differs
    assert rows["material"].differs
    assert rows["sizes"].values[0] == ("S", "M", "L")
    assert "erin_recommends" not in rows and "new" not in rows
