import pytest

from kiosk.core.compare import MAX_COMPARED, CompareTray, TrayAdd, compare_rows
from kiosk.core.db.cache import open_cache
from kiosk.core.product_page import ProductPage, load_product


def page(product_id, price, sizes=("S", "M"), colors=("Black",), **attributes):
    return ProductPage(id=product_id, sku=f"P{product_id}", name=f"Product {product_id}",
                       description_html="", attributes=attributes, gallery=(),
                       price_cents=price, regular_price_cents=price, special_until=None,
                       category_path=None, variants=(), sizes=sizes, colors=colors)


def by_key(rows):
    return {row.key: row for row in rows}


def test_rows_are_price_sizes_colours_then_attributes_in_first_seen_order():
    rows = compare_rows([page(1, 5000, material="Wool", climate="Cold"),
                         page(2, 6000, pattern="Solid", material="Nylon")])
    assert [(row.kind, row.key) for row in rows] == [
        ("price", "price"), ("sizes", "sizes"), ("colors", "colors"),
        ("attribute", "material"), ("attribute", "climate"), ("attribute", "pattern")]
    assert [row.label for row in rows] == ["Price", "Sizes", "Colours", "Material", "Climate",
                                           "Pattern"]


def test_each_row_holds_one_value_per_product_and_none_where_one_is_missing():
    rows = by_key(compare_rows([page(1, 5000, sizes=("M",), material="Wool"),
                                page(2, 6000, colors=("Red", "Blue")),
                                page(3, 5000, features_bags="Hood")]))
    assert rows["price"].values == (5000, 6000, 5000)
    assert rows["sizes"].values == (("M",), ("S", "M"), ("S", "M"))
    assert rows["colors"].values == (("Black",), ("Red", "Blue"), ("Black",))
    assert rows["material"].values == ("Wool", None, None)
    assert rows["features_bags"].values == (None, None, "Hood")
    assert rows["features_bags"].label == "Features"


def test_a_row_differs_only_when_its_values_do():
    rows = by_key(compare_rows([page(1, 5000, material="Wool", pattern="Solid"),
                                page(2, 5000, sizes=("M", "S"), material="Wool")]))
    assert not rows["price"].differs
    assert not rows["colors"].differs
    assert not rows["material"].differs
    assert rows["sizes"].differs            # same sizes, but a different range on offer
    assert rows["pattern"].differs          # one has none


@pytest.mark.parametrize("count", [0, 1, 4])
def test_only_two_or_three_products_are_compared(count):
    with pytest.raises(ValueError, match="2 to 3"):
        compare_rows([page(i, 1000) for i in range(count)])


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
    rows = by_key(compare_rows([load_product(conn, i, "paris-rivoli") for i in ids]))
    assert rows["price"].values == (7500, 7700) and rows["price"].differs
    assert rows["pattern"].values == ("Solid", "Solid") and not rows["pattern"].differs
    assert rows["material"].differs
    assert rows["sizes"].values[0] == ("S", "M", "L")
