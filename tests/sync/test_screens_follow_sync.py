"""A shopper never reads figures older than the last sync: the open product page and the
stores screen show the stock the server changed, and keep the shopper's place."""

from __future__ import annotations

import sqlite3
from contextlib import closing

from PySide6.QtCore import QCoreApplication
from support.gestures import start, tap
from support.terminal import DELIVERED_WITHIN_MS, start_kiosk

from kiosk.core.sync.pull import read_cursor
from kiosk.ui.screens.product import ProductScreen
from kiosk.ui.screens.stores import Figures, StoresScreen

STORE = "paris-rivoli"


def variant_in_stock(central) -> tuple[str, str, str, str]:
    """(product SKU, variant SKU, size, colour) of a variant of a product sold in several
    sizes and colours, with at least five on this store's shelves."""
    with closing(sqlite3.connect(central.database_url.removeprefix("sqlite:///"))) as conn:
        return conn.execute(
            "SELECT v.product_sku, v.sku, v.size, v.color FROM variants v "
            "JOIN stock s ON s.variant_sku = v.sku AND s.store_id = ? "
            "WHERE s.quantity >= 5 AND v.product_sku IN (SELECT product_sku FROM variants "
            "GROUP BY product_sku HAVING count(DISTINCT size) > 1 "
            "AND count(DISTINCT color) > 1) ORDER BY v.sku LIMIT 1", (STORE,)).fetchone()


def set_stock_on_server(central, tmp_path, sku: str, quantity: int) -> None:
    """What the chain's stock system does: a CSV imported into the central server."""
    csv = tmp_path / f"stock-{quantity}.csv"
    csv.write_text(f"store,sku,quantity,restock_date\n{STORE},{sku},{quantity},\n",
                   encoding="utf-8")
    central.cli("import-stock", str(csv))


def synced_from_cursor(kiosk) -> bool:
    """The first rounds are over: the demo copy was replaced by the server's, and the
    screens read it."""
    sync = kiosk.sync
    if sync is None or sync.running or sync.rounds_done < 2:
        return False
    with closing(sqlite3.connect(kiosk.config.data_dir / "cache.db")) as cache:
        return read_cursor(cache) is not None


def test_an_open_product_page_and_stores_screen_show_the_stock_a_sync_brings(
        qtbot, qapp, kiosk_config, central, tmp_path):
    product_sku, sku, size, color = variant_in_stock(central)
    kiosk = start_kiosk(qtbot, qapp, kiosk_config)
    qtbot.waitUntil(lambda: synced_from_cursor(kiosk), timeout=DELIVERED_WITHIN_MS)
    with closing(sqlite3.connect(kiosk_config.data_dir / "cache.db")) as cache:
        product_id = cache.execute("SELECT id FROM products WHERE sku = ?",
                                   (product_sku,)).fetchone()[0]
    start(qtbot, kiosk)
    kiosk.navigator.open_product(product_id)
    page = kiosk.window.current_screen()
    assert isinstance(page, ProductScreen)
    qtbot.waitUntil(lambda: page.page is not None and page.colors.chip(color).isVisible(),
                    timeout=10_000)
    # The shopper picks the colour and the size, then scrolls down to read on.
    tap(qtbot, page.colors.chip(color))
    qtbot.waitUntil(lambda: page.sizes.chip(size).isVisible())
    tap(qtbot, page.sizes.chip(size))
    assert page.variant is not None and page.variant.sku == sku
    assert page.variant.quantity_here >= 5 and page.stock.property("level") == "in_stock"
    bar = page.scroll.verticalScrollBar()
    assert bar.maximum() > 0
    bar.setValue(bar.maximum() // 2)
    scrolled = bar.value()

    set_stock_on_server(central, tmp_path, sku, 2)
    kiosk.sync.sync_now()
    qtbot.waitUntil(lambda: page.variant.quantity_here == 2, timeout=DELIVERED_WITHIN_MS)
    assert page.stock.property("level") == "few_left" and "2" in page.stock.text()
    assert kiosk.window.current_screen() is page
    assert (page.chosen_size, page.chosen_color, page.variant.sku) == (size, color, sku)
    assert bar.value() == scrolled

    # Where else it is: the stores screen follows the next change too, as does the page
    # under it.
    # The page was laid out again for the new figure: the finger lands once that is done.
    QCoreApplication.processEvents()
    tap(qtbot, page.other_stores)
    qtbot.waitUntil(lambda: isinstance(kiosk.window.current_screen(), StoresScreen))
    stores = kiosk.window.current_screen()
    assert stores.variant_sku == sku
    qtbot.waitUntil(lambda: bool(stores.cards) and stores.figures is not Figures.CHECKING,
                    timeout=10_000)
    here = stores.cards[0]
    assert here.store.store_id == STORE and here.store.quantity == 2
    set_stock_on_server(central, tmp_path, sku, 7)
    kiosk.sync.sync_now()
    qtbot.waitUntil(lambda: stores.cards[0].store.quantity == 7, timeout=DELIVERED_WITHIN_MS)
    assert stores.cards[0] is here           # the same card, told the new figure
    qtbot.waitUntil(lambda: page.variant.quantity_here == 7, timeout=10_000)
    kiosk.navigator.go_back()
    assert kiosk.window.current_screen() is page
    assert page.stock.property("level") == "in_stock"
    assert (page.chosen_size, page.chosen_color) == (size, color)
    kiosk.shutdown()
