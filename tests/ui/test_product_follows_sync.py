"""The product page after a sync: it reads itself again only when the change concerns
its product or its variants, keeps the shopper's choice, and says so when the product
is gone."""

import sqlite3
from contextlib import closing

from PySide6.QtCore import QCoreApplication, QSize

from kiosk.core.catalog_change import EVERYTHING, CatalogChange
from kiosk.ui.screens.product import ProductScreen

STORE = "paris-rivoli"


def change_cache(context, sql, *args):
    """What a sync page does to the cache the screens read."""
    with closing(sqlite3.connect(context.config.data_dir / "cache.db")) as conn, conn:
        conn.execute(sql, args)


def jacket_page(qtbot, context, variant_sku="WJ01-M-Blue"):
    with closing(sqlite3.connect(context.config.data_dir / "cache.db")) as conn:
        product_id = conn.execute("SELECT id FROM products WHERE sku = 'WJ01'").fetchone()[0]
    screen = ProductScreen(context, product_id, variant_sku)
    screen.setStyleSheet(context.theme.style_sheet())
    qtbot.addWidget(screen)
    screen.resize(QSize(540, 960))
    screen.show()
    qtbot.waitUntil(lambda: screen.variant is not None, timeout=5000)
    return screen


def read_back(qtbot, screen):
    """Wait until the database worker has answered everything asked so far."""
    done = []
    screen._context.catalog.fetch(screen, lambda _conn: None, done.append)
    qtbot.waitUntil(lambda: bool(done))
    QCoreApplication.processEvents()


def test_a_change_elsewhere_leaves_the_page_and_one_of_its_variants_updates_it(qtbot,
                                                                               shopper):
    change_cache(shopper, "UPDATE stock SET quantity = 9 WHERE variant_sku = 'WJ01-M-Blue' "
                          "AND store_id = ?", STORE)
    screen = jacket_page(qtbot, shopper)
    assert screen.variant.quantity_here == 9
    change_cache(shopper, "UPDATE stock SET quantity = 1 WHERE variant_sku = 'WJ01-M-Blue' "
                          "AND store_id = ?", STORE)

    screen.catalog_changed(CatalogChange.listing(stock=["MH01-S-Black"], products=["MH01"]))
    read_back(qtbot, screen)
    assert screen.variant.quantity_here == 9          # not its product, not its variants

    screen.catalog_changed(CatalogChange.listing(stock=["wj01-m-blue"]))
    qtbot.waitUntil(lambda: screen.variant.quantity_here == 1)
    assert (screen.chosen_size, screen.chosen_color) == ("M", "Blue")
    assert screen.stock.property("level") == "few_left"


def test_a_new_price_shows_under_the_same_choice(qtbot, shopper):
    screen = jacket_page(qtbot, shopper)
    change_cache(shopper, "UPDATE variants SET price_cents = 6100, special_price_cents = NULL "
                          "WHERE sku = 'WJ01-M-Blue'")
    screen.catalog_changed(CatalogChange.listing(products=["WJ01"]))
    qtbot.waitUntil(lambda: screen.variant.price_cents == 6100)
    assert screen.price.text() == "61,00\u00a0€"
    assert (screen.chosen_size, screen.chosen_color) == ("M", "Blue")


def test_a_product_the_sync_deleted_says_it_is_gone(qtbot, shopper):
    screen = jacket_page(qtbot, shopper)
    change_cache(shopper, "DELETE FROM products WHERE sku = 'WJ01'")
    screen.catalog_changed(EVERYTHING)
    qtbot.waitUntil(lambda: screen.page is None)
    assert screen.body.currentWidget() is screen.status
    assert "catalogue" in screen.status.text()
    assert not screen._freshness_timer.isActive()       # no figure left to age
    # Back in the catalog at the next sync, it shows again.
    change_cache(shopper, "INSERT INTO products (id, sku, name, description_html, price_cents, "
                          "image, gallery, attributes, category_paths) "
                          "VALUES (?, 'WJ01', 'Stellar Solar Jacket', '', 7500, NULL, '[]', "
                          "'{}', '[]')", screen._product_id)
    screen.catalog_changed(CatalogChange.listing(products=["WJ01"]))
    qtbot.waitUntil(lambda: screen.page is not None)
    assert screen.body.currentWidget() is not screen.status
