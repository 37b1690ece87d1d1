import sqlite3
from datetime import date

import pytest

from kiosk.core.changes import (
    apply_changes,
    finish_first_fill,
    first_fill_pending,
    start_first_fill,
)
from kiosk.core.db.cache import open_cache
from kiosk.core.search import search
from kiosk_contract.catalog import (
    Category,
    ChangeBatch,
    Product,
    StockLevel,
    Store,
    Tombstone,
    Variant,
)

TODAY = date(2026, 11, 25)     # a fixed day: it decides which special prices run


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
    assert search(conn, "hoodie", today=TODAY).product_ids == []
    assert len(search(conn, "parka", today=TODAY).product_ids) == 1


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
    assert search(conn, "hoodie", today=TODAY).product_ids == []
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
    assert len(search(conn, "hoodie", today=TODAY).product_ids) == 1
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


def translated_jacket():
    return Product(
        "J", "Jacket", 9000,
        (Variant("J-S", 9000, size="S", color="Black",
                 translations={"fr": {"color": "Noir"}}), Variant("J-M", 9000, size="M")),
        categories=("Men",), description_html="<p>Dry</p>",
        short_description_html="<p>Light<script>x()</script></p>", image_label="Front",
        translations={"fr": {"name": "Veste", "description_html": "<p onclick=x>Au sec</p>",
                             "attributes": {"material": "Laine"}},
                      "ja": {"name": "ジャケット"}})


def test_the_cache_keeps_every_language_it_receives(tmp_path):
    import json
    conn = open_cache(tmp_path).conn
    apply_changes(conn, ChangeBatch(
        categories=[Category("Men", "Men", translations={"fr": {"name": "Hommes"}})],
        products=[translated_jacket(), hoodie()]))
    texts = dict(conn.execute("SELECT sku, translations FROM products"))
    assert json.loads(texts["J"]) == {
        "fr": {"name": "Veste", "description_html": "<p>Au sec</p>",
               "attributes": {"material": "Laine"}},
        "ja": {"name": "ジャケット"}}
    assert texts["H"] == "{}"
    assert tuple(conn.execute("SELECT short_description_html, image_label FROM products "
                              "WHERE sku = 'J'").fetchone()) == ("<p>Light</p>", "Front")
    colours = dict(conn.execute("SELECT sku, translations FROM variants"))
    assert json.loads(colours["J-S"]) == {"fr": {"color": "Noir"}} and colours["J-M"] == "{}"
    # The shopper's language, else the default: what the screens will read.
    assert tuple(conn.execute(
        "SELECT coalesce(translations ->> '$.fr.name', name), "
        "coalesce(translations ->> '$.de.name', name) FROM categories").fetchone()) == (
        "Hommes", "Men")
    # A product sent again without a language loses it: each record comes whole.
    apply_changes(conn, ChangeBatch(products=[hoodie(name="Jacket")]))
    apply_changes(conn, ChangeBatch(products=[
        Product("J", "Jacket", 9000, (Variant("J-S", 9000),), categories=("Men",))]))
    assert tuple(conn.execute("SELECT translations FROM products WHERE sku = 'J'")
                 .fetchone()) == ("{}",)


def test_a_cache_of_one_language_keeps_its_catalog_when_it_learns_languages(tmp_path):
    from kiosk.core.db.cache import CACHE_MIGRATIONS
    from kiosk.core.db.sqlite import connect, migrate

    old = connect(tmp_path / "cache.db", synchronous="NORMAL")
    migrate(old, CACHE_MIGRATIONS[:5])
    old.execute("INSERT INTO categories (path, name) VALUES ('Men', 'Men')")
    old.execute("INSERT INTO products (sku, name, price_cents) VALUES ('H', 'Hoodie', 5000)")
    old.execute("INSERT INTO variants (product_id, sku, price_cents) VALUES (1, 'H-S', 5000)")
    old.commit()
    old.close()
    conn = open_cache(tmp_path).conn
    assert tuple(conn.execute("SELECT name, short_description_html, image_label, translations "
                              "FROM products").fetchone()) == ("Hoodie", "", None, "{}")
    assert tuple(conn.execute("SELECT translations FROM variants").fetchone()) == ("{}",)
    assert tuple(conn.execute("SELECT translations FROM categories").fetchone()) == ("{}",)
    apply_changes(conn, ChangeBatch(products=[translated_jacket()]))
    assert tuple(conn.execute("SELECT translations ->> '$.fr.name' FROM products "
                              "WHERE sku = 'J'").fetchone()) == ("Veste",)
