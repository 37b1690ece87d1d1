"""Home-delivery orders from the whole kiosk to a real central server, online and offline.

The shopper's taps go through the real screens; the kiosk's own sync service sends the
orders. What the server stores is read from its database.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import urllib.request
from contextlib import closing

import pytest
from PySide6.QtWidgets import QPushButton
from support.gestures import named, shown, tap
from support.ordering import order_missing_jacket, out_of_stock_here
from support.qr import read_qr_codes

from kiosk.core.config import load_config
from kiosk.i18n.build import build
from kiosk.ui.app import KioskApp

# Long enough for the backoff of a few failed attempts, and a sync round after it.
DELIVERED_WITHIN_MS = 90_000


@pytest.fixture
def kiosk_config(tmp_path, central, demo_cache_dir, luma_dir):
    """A terminal of paris-rivoli known to the server, syncing every 5 seconds."""
    build()
    name = "k-" + tmp_path.name.lower().replace("_", "-")[:60]
    token_file = central.add_terminal(name)
    data_dir = tmp_path / "data"
    shutil.copytree(demo_cache_dir, data_dir)   # the catalog at hand; sync brings the rest
    path = tmp_path / "kiosk.toml"
    path.write_text(
        f'[terminal]\nstore_id = "paris-rivoli"\nterminal_id = "{name}"\n'
        f'[central]\nurl = "{central.url}"\ntoken_file = "{token_file}"\n'
        "sync_interval_seconds = 5\n"
        f'[paths]\ndata_dir = "{data_dir}"\nlog_dir = "{tmp_path / "logs"}"\n'
        f'catalog_images_dir = "{luma_dir / "images"}"\n', encoding="utf-8")
    return load_config(path)


def start_kiosk(qtbot, qapp, config) -> KioskApp:
    kiosk = KioskApp(qapp, config, windowed=True)
    qtbot.addWidget(kiosk.window)
    qtbot.waitUntil(lambda: kiosk.cards is not None, timeout=10_000)
    return kiosk


def server_orders(central, terminal_id: str) -> dict[str, dict]:
    """The orders the server stored from one terminal, by reference."""
    with closing(sqlite3.connect(central.database_url.removeprefix("sqlite:///"))) as conn:
        rows = conn.execute(
            "SELECT o.id, o.reference, o.customer FROM orders o JOIN terminals t "
            "ON t.id = o.terminal_id WHERE t.name = ?", (terminal_id,)).fetchall()
        return {reference: {
            "customer": json.loads(customer),
            "lines": conn.execute("SELECT sku, quantity, unit_price_cents FROM order_lines "
                                  "WHERE order_id = ? ORDER BY position",
                                  (order_id,)).fetchall()}
            for order_id, reference, customer in rows}


def test_an_order_reaches_the_server_once_with_its_accented_address(
        qtbot, qapp, central, kiosk_config):
    kiosk = start_kiosk(qtbot, qapp, kiosk_config)
    _, jacket_sku, _, _ = out_of_stock_here(kiosk_config)
    confirmation = order_missing_jacket(qtbot, kiosk)
    reference = confirmation.order.reference
    qtbot.waitUntil(lambda: reference in server_orders(central, kiosk_config.terminal_id),
                    timeout=DELIVERED_WITHIN_MS)
    (stored,) = server_orders(central, kiosk_config.terminal_id).values()
    assert stored["customer"]["first_name"] == "Zoé"
    assert stored["customer"]["last_name"] == "D'Arc-Lefèvre"
    assert stored["customer"]["address"]["line1"] == "12 rue de l'Église"
    [(sku, quantity, _price)] = stored["lines"]
    assert (sku, quantity) == (jacket_sku, 1)

    # The QR code on the screen opens the order's page on the server.
    qtbot.waitUntil(lambda: len(read_qr_codes(confirmation.code)) == 1)
    (url,) = read_qr_codes(confirmation.code)
    assert url == f"{central.url}/o/{reference}"
    with urllib.request.urlopen(url, timeout=10) as page:
        assert page.status == 200 and reference in page.read().decode()
    kiosk.shutdown()


def test_orders_taken_offline_arrive_once_each_after_a_restart(
        qtbot, qapp, central, kiosk_config):
    central.stop()
    try:
        kiosk = start_kiosk(qtbot, qapp, kiosk_config)
        references, pages = [], []
        for _ in range(3):
            confirmation = order_missing_jacket(qtbot, kiosk)
            references.append(confirmation.order.reference)
            assert "hors ligne" in confirmation.sending.text()
            qtbot.waitUntil(lambda shown=confirmation: len(read_qr_codes(shown.code)) == 1)
            pages += read_qr_codes(confirmation.code)
            tap(qtbot, named(kiosk.window, QPushButton, "Terminé"))
            tap(qtbot, shown(qtbot, kiosk.window, QPushButton, "Non merci"))   # no rating
        assert len(set(references)) == 3
        kiosk.shutdown()
    finally:
        central.start()
    assert server_orders(central, kiosk_config.terminal_id) == {}

    # The terminal comes back on: what it took offline goes up by itself.
    kiosk = start_kiosk(qtbot, qapp, kiosk_config)
    qtbot.waitUntil(lambda: len(server_orders(central, kiosk_config.terminal_id)) == 3,
                    timeout=DELIVERED_WITHIN_MS)
    assert set(server_orders(central, kiosk_config.terminal_id)) == set(references)
    # The pages the QR codes pointed to, while the server was away, now show the orders.
    for reference, url in zip(references, pages, strict=True):
        with urllib.request.urlopen(url, timeout=10) as page:
            assert page.status == 200 and reference in page.read().decode()
    kiosk.shutdown()
