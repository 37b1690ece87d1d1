"""Home-delivery orders from the whole kiosk to a real central server, online and offline.

The shopper's taps go through the real screens; the kiosk's own sync service sends the
orders. What the server stores is read from its database.
"""

from __future__ import annotations

import urllib.request

from PySide6.QtWidgets import QPushButton
from support.gestures import named, shown, tap
from support.ordering import order_missing_jacket, out_of_stock_here
from support.qr import read_qr_codes
from support.terminal import DELIVERED_WITHIN_MS, server_orders, start_kiosk


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
