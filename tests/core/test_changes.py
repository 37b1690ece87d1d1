import sqlite3

import pytest

from kiosk.core.catalog import Category, ChangeBatch, Product, StockLevel, Store, Tombstone, Variant
from kiosk.core.changes import (
    apply_changes,
    finish_first_fill,
    first_fill_pending,
    start_first_fill,
)
from kiosk.core.db.cache import open_cache
from kiosk.core.search import search


def hoodie(name="Hoodie", description="<p>Warm</p>", variants=("H-S", "H-M")):
    return Product("H", name, 5000, tuple(Variant(s, 5000, size=s[-1]) for s in variants),
                   categories=("Men",), description_html=description)


def test_applying_the_same_batch_twice_changes_nothing(tmp_path):
    conn = open_cache(tmp_path).conn
    batch = ChangeBatch(categories=[Category("Men", "Men")], products=[hoodie()],
                        stores=[Store("paris", "Paris", "1 rue", "75001", "Paris", 48.8, 2.3)],
                        stock=[StockLevel("H-S", "paris", 4, "2026-11-24T10:00:00Z")])
    apply_changes(conn, batch)
    counts = ("SELECT (SELECT count(*) FROM variants), (SELECT count(*) FROM product_titles), "
              "(SELECT count(*) FROM product_search), (SELECT count(*) FROM stock)")
    snapshot = tuple(conn.execute(counts).fetchone())
    apply_changes(conn, batch)
    assert tuple(conn.execute(counts).fetchone()) == snapshot == (2, 1, 1, 1)


def test_an_update_replaces_variants_and_reindexes(tmp_path):
    conn = open_cache(tmp_path).conn
    apply_changes(conn, ChangeBatch(categories=[Category("Men", "Men")], products=[hoodie()]))
    apply_changes(conn, ChangeBatch(products=[hoodie(name="Parka", variants=("H-L",))]))
    assert [r[0] for r in conn.execute("SELECT sku FROM variants")] == ["H-L"]
    assert search(conn, "hoodie").product_ids == []
    assert len(search(conn, "parka").product_ids) == 1


def test_descriptions_are_sanitised_on_the_way_in(tmp_path):
    conn = open_cache(tmp_path).conn
    apply_changes(conn, ChangeBatch(products=[hoodie(
        description='<p onclick="x()">Warm<script>alert(1)</script><img src="http://evil/x.png"></p>')]))
    stored = conn.execute("SELECT description_html FROM products").fetchone()[0]
    assert stored == "<p>Warm</p>"


def test_an_older_stock_figure_never_overwrites_a_newer_one(tmp_path):
    conn = open_cache(tmp_path).conn
    apply_changes(conn, ChangeBatch(stock=[StockLevel("H-S", "paris", 4, "2026-11-24T10:00:00Z")]))
    apply_changes(conn, ChangeBatch(stock=[StockLevel("H-S", "paris", 9, "2026-11-24T09:00:00Z")]))
    assert conn.execute("SELECT quantity FROM stock").fetchone()[0] == 4


def test_tombstones_delete_and_the_cursor_is_stored_with_the_batch(tmp_path):
    conn = open_cache(tmp_path).conn
    apply_changes(conn, ChangeBatch(categories=[Category("Men", "Men")], products=[hoodie()],
                                    stock=[StockLevel("H-S", "paris", 4, "2026-11-24T10:00:00Z")]))
    apply_changes(conn, ChangeBatch(deletions=[Tombstone("product", "H"),
                                               Tombstone("stock", "H-S@paris")]), cursor="c-42")
    assert conn.execute("SELECT count(*) FROM products").fetchone()[0] == 0
    assert conn.execute("SELECT count(*) FROM variants").fetchone()[0] == 0
    assert conn.execute("SELECT count(*) FROM stock").fetchone()[0] == 0
    assert search(conn, "hoodie").product_ids == []
    assert conn.execute("SELECT value FROM sync_state WHERE key = 'cursor'").fetchone()[0] == "c-42"


def test_a_failing_batch_leaves_nothing_behind(tmp_path):
    conn = open_cache(tmp_path).conn
    negative_price = Product("B", "Bad", -1, (Variant("B-1", 100),))
    with pytest.raises(sqlite3.IntegrityError):
        apply_changes(conn, ChangeBatch(products=[hoodie(), negative_price]), cursor="c-1")
    assert conn.execute("SELECT count(*) FROM products").fetchone()[0] == 0
    assert conn.execute("SELECT count(*) FROM product_search").fetchone()[0] == 0
    assert conn.execute("SELECT count(*) FROM product_titles").fetchone()[0] == 0
    assert conn.execute("SELECT count(*) FROM sync_state").fetchone()[0] == 0


def test_a_category_that_arrives_after_its_products_is_linked_to_them(tmp_path):
    # The change feed sends each record once, at its latest change: a category edited
    # after a product can come after it.
    conn = open_cache(tmp_path).conn
    apply_changes(conn, ChangeBatch(products=[hoodie()]))
    men_products = "SELECT count(*) FROM product_categories"
    assert conn.execute(men_products).fetchone()[0] == 0
    apply_changes(conn, ChangeBatch(categories=[Category("Men", "Men")]))
    assert conn.execute(men_products).fetchone()[0] == 1
    # And a category deleted then sent again finds its products once more.
    apply_changes(conn, ChangeBatch(deletions=[Tombstone("category", "Men")]))
    apply_changes(conn, ChangeBatch(categories=[Category("Men", "Men")]))
    assert conn.execute(men_products).fetchone()[0] == 1


def schema(conn):
    return sorted(tuple(row) for row in conn.execute("SELECT type, name, sql FROM sqlite_master"))


def test_a_first_fill_goes_without_the_reading_indexes_and_ends_with_the_same_ones(tmp_path):
    conn = open_cache(tmp_path).conn
    before = schema(conn)
    start_first_fill(conn)
    dropped = {name for _, name, _ in before} - {name for _, name, _ in schema(conn)}
    assert {"variants_by_color", "variants_by_product", "products_prices"} <= dropped
    # Constraints stay: a SKU is still unique, so a re-applied page replaces, not doubles.
    assert not any(name.startswith("sqlite_autoindex") for name in dropped)
    start_first_fill(conn)      # cut short before its first page, begun again
    apply_changes(conn, ChangeBatch(categories=[Category("Men", "Men")], products=[hoodie()],
                                    stock=[StockLevel("H-S", "paris", 4, "2026-11-24T10:00Z")]))
    apply_changes(conn, ChangeBatch(products=[hoodie()]))
    assert first_fill_pending(conn)
    finish_first_fill(conn)
    assert schema(conn) == before and not first_fill_pending(conn)
    assert conn.execute("SELECT count(*) FROM variants").fetchone()[0] == 2
    assert len(search(conn, "hoodie").product_ids) == 1
    finish_first_fill(conn)     # nothing under way: nothing to do
    assert schema(conn) == before


def test_a_fill_begun_before_stock_lost_its_store_index_ends_without_it(tmp_path):
    from kiosk.core.db.cache import CACHE_MIGRATIONS
    from kiosk.core.db.sqlite import connect, migrate

    old = connect(tmp_path / "cache.db", synchronous="NORMAL")
    migrate(old, CACHE_MIGRATIONS[:4])
    start_first_fill(old)
    old.close()
    conn = open_cache(tmp_path).conn
    finish_first_fill(conn)
    indexes = {name for (name,) in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'index'")}
    assert "stock_by_store" not in indexes
    assert {"variants_by_color", "variants_by_product", "products_prices"} <= indexes
