"""A shopper comparing products reads the prices of the last sync, where they scrolled to."""

from __future__ import annotations

import csv
import sqlite3
from contextlib import closing

from support.gestures import start
from support.terminal import DELIVERED_WITHIN_MS, start_kiosk
from test_screens_follow_sync import synced_from_cursor

from kiosk.ui.screens.compare import CompareScreen

COMPARED = ("WJ01", "WJ06", "WJ11")
REPRICED = "WJ06"


def reprice_on_server(central, luma_dir, tmp_path, product_sku: str, price: str) -> None:
    """What the chain's catalog does: the product's rows of its Magento export, with a new
    price, imported into the central server."""
    with (luma_dir / "products.csv").open(encoding="utf-8", newline="") as source:
        reader = csv.DictReader(source)
        rows = [row for row in reader
                if row["sku"] == product_sku or row["sku"].startswith(product_sku + "-")]
        fields = reader.fieldnames
    assert rows, f"{product_sku} is not in the Luma export"
    export = tmp_path / f"{product_sku}-{price}.csv"
    with export.open("w", encoding="utf-8", newline="") as target:
        writer = csv.DictWriter(target, fields)
        writer.writeheader()
        writer.writerows({**row, "price": price, "special_price": ""} for row in rows)
    central.cli("import-magento", str(export))


def test_an_open_comparison_shows_the_price_a_sync_brings_and_keeps_its_scroll(
        qtbot, qapp, kiosk_config, central, luma_dir, tmp_path):
    kiosk = start_kiosk(qtbot, qapp, kiosk_config)
    kiosk.window.resize(1920, 1080)        # wide: the table is taller than its room
    qtbot.waitUntil(lambda: synced_from_cursor(kiosk), timeout=DELIVERED_WITHIN_MS)
    with closing(sqlite3.connect(kiosk_config.data_dir / "cache.db")) as cache:
        product_ids = [cache.execute("SELECT id FROM products WHERE sku = ?",
                                     (sku,)).fetchone()[0] for sku in COMPARED]
    start(qtbot, kiosk)
    for product_id in product_ids:
        kiosk.context.session.add_to_compare(product_id)
    kiosk.context.navigator.open_compare()
    screen = kiosk.window.current_screen()
    assert isinstance(screen, CompareScreen)
    qtbot.waitUntil(lambda: screen.value_label("price", 1) is not None, timeout=10_000)
    column = COMPARED.index(REPRICED)
    assert screen.value_label("price", column).text() != "61,00\u00a0€"
    bar = screen.scroll.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    bar.setValue(bar.maximum())
    scrolled = bar.value()

    reprice_on_server(central, luma_dir, tmp_path, REPRICED, "61.00")
    kiosk.sync.sync_now()
    qtbot.waitUntil(lambda: screen.value_label("price", column).text() == "61,00\u00a0€",
                    timeout=DELIVERED_WITHIN_MS)
    assert kiosk.window.current_screen() is screen
    assert bar.value() == scrolled
    assert [page.sku for page in screen.pages()] == list(COMPARED)
    kiosk.shutdown()
