"""Category and search results show the prices and stock a sync brought, in place: the
shopper keeps where they scrolled and what they typed."""

import sqlite3
from contextlib import closing

from PySide6.QtCore import QSize

from kiosk.core.catalog_change import CatalogChange
from kiosk.ui.screens.category import CategoryScreen
from kiosk.ui.screens.search import SearchScreen

STORE = "paris-rivoli"


def change_cache(context, sql, *args):
    """What a sync page does to the cache the screens read."""
    with closing(sqlite3.connect(context.config.data_dir / "cache.db")) as conn, conn:
        conn.execute(sql, args)


def shown(qtbot, screen):
    screen.setStyleSheet(screen._context.theme.style_sheet())
    qtbot.addWidget(screen)
    screen.resize(QSize(540, 960))
    screen.show()
    qtbot.waitUntil(lambda: screen.model.rowCount() > 0, timeout=5000)
    return screen


def test_a_category_grid_shows_a_new_price_where_the_shopper_scrolled(qtbot, shopper):
    screen = shown(qtbot, CategoryScreen(shopper, "Women"))
    bar = screen.grid.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    bar.setValue(bar.maximum() // 2)
    scrolled, rows = bar.value(), screen.model.rowCount()
    row = rows // 2
    card = screen.model.card(row)
    change_cache(shopper, "UPDATE products SET price_cents = ?, special_price_cents = NULL "
                          "WHERE sku = ?", card.regular_price_cents + 1000, card.sku)

    screen.catalog_changed(CatalogChange.listing(products=[card.sku.lower()]))
    qtbot.waitUntil(lambda: screen.model.card(row).price_cents == card.regular_price_cents + 1000)
    assert screen.model.card(row).id == card.id
    assert (bar.value(), screen.model.rowCount()) == (scrolled, rows)


def test_search_results_show_a_sell_out_under_the_words_typed(qtbot, shopper):
    screen = shown(qtbot, SearchScreen(shopper))
    screen.field.setText("jacket")
    qtbot.waitUntil(lambda: screen.model.rowCount() > 0 and screen.field.text() == "jacket"
                    and any(screen.model.card(r).in_stock_here
                            for r in range(screen.model.rowCount())), timeout=5000)
    rows = screen.model.rowCount()
    row = next(r for r in range(rows) if screen.model.card(r).in_stock_here)
    card = screen.model.card(row)
    with closing(sqlite3.connect(shopper.config.data_dir / "cache.db")) as conn:
        skus = [sku for (sku,) in conn.execute(
            "SELECT v.sku FROM variants v WHERE v.product_id = ?", (card.id,))]
    for sku in skus:
        change_cache(shopper, "UPDATE stock SET quantity = 0 WHERE variant_sku = ? "
                              "AND store_id = ?", sku, STORE)

    screen.catalog_changed(CatalogChange.listing(stock=skus))
    qtbot.waitUntil(lambda: not screen.model.card(row).in_stock_here)
    assert screen.field.text() == "jacket" and screen.model.rowCount() == rows
