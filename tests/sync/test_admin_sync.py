"""Admin mode against a real central server: the queue grows while the server is away and
drains when it is back; a refused order is retried once the server's price is fixed."""

from __future__ import annotations

import dataclasses
import sqlite3
import uuid
from contextlib import closing

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QPushButton
from support.gestures import named, shown, tap, touch
from support.ordering import order_missing_jacket
from support.terminal import DELIVERED_WITHIN_MS, server_orders, start_kiosk

from kiosk.core import outbox
from kiosk.core.admin import hash_pin
from kiosk.core.db.journal import open_journal

PIN = "2468"


def open_admin(qtbot, kiosk):
    for _ in range(5):                       # five quick taps in the top-left corner
        touch(kiosk.window, QPoint(8, 8))
    qtbot.waitUntil(lambda: kiosk.admin.asking_pin, timeout=5000)
    for digit in PIN:
        tap(qtbot, named(kiosk.admin.pad, QPushButton, digit))
    tap(qtbot, named(kiosk.admin.pad, QPushButton, "OK"))
    qtbot.waitUntil(lambda: kiosk.admin.is_open, timeout=5000)
    return kiosk.admin.panel


def sync_now(qtbot, panel):
    panel.show_page(panel.pages.index(panel.sync))
    tap(qtbot, named(panel, QPushButton, "Sync now"))


def status_shows(qtbot, panel, name: str, expected: str) -> None:
    """Wait until the status page, read again, shows `expected` for `name`."""
    panel.show_page(panel.pages.index(panel.status))

    def shown_now() -> bool:
        try:
            value = panel.status.figures.value(name)
        except KeyError:              # still reading
            value = None
        if value != expected:
            panel.status.refresh()
        return value == expected

    qtbot.waitUntil(shown_now, timeout=DELIVERED_WITHIN_MS)


def raised_price_order(central, store_id: str) -> tuple[str, dict, str]:
    """An order quoting 80 % of a variant's price: the server refuses it as a changed
    price. Returns its key, its body, and the variant's SKU."""
    with closing(sqlite3.connect(central.database_url.removeprefix("sqlite:///"))) as conn:
        sku, price = conn.execute(
            "SELECT v.sku, v.price_cents FROM variants v JOIN products p "
            "ON p.sku = v.product_sku WHERE v.special_price_cents IS NULL "
            "AND p.special_price_cents IS NULL ORDER BY v.sku LIMIT 1").fetchone()
    quoted = price * 8 // 10
    key = str(uuid.uuid4())
    stamp = "2026-11-25T10:00:00+01:00"
    body = {"store_id": store_id, "reference": "QX-" + key[:6].upper().replace("-", "X"),
            "placed_terminal_at": stamp, "language": "fr",
            "customer": {"first_name": "Zoé", "last_name": "Martin", "email": "zoe@example.fr",
                         "phone": "+33612345678",
                         "address": {"line1": "3 place Bellecour", "line2": "",
                                     "postal_code": "69002", "city": "Lyon", "country": "FR"},
                         "instructions": ""},
            "delivery": {"method": "standard", "fee_cents": 490},
            "lines": [{"sku": sku, "name": "Jacket", "size": None, "color": None,
                       "quantity": 1, "unit_price_cents": quoted}],
            "total_cents": quoted + 490, "currency": "EUR",
            "consent": {"privacy_notice": "2026-01", "given_terminal_at": stamp}}
    return key, body, sku


def test_staff_see_the_queue_grow_offline_drain_online_and_retry_a_dead_letter(
        qtbot, qapp, central, kiosk_config):
    config = dataclasses.replace(kiosk_config, admin_pin_hash=hash_pin(PIN, iterations=100_000))
    central.stop()
    try:
        kiosk = start_kiosk(qtbot, qapp, config)
        confirmation = order_missing_jacket(qtbot, kiosk)      # a French shopper
        reference = confirmation.order.reference
        tap(qtbot, named(kiosk.window, QPushButton, "Terminé"))
        tap(qtbot, shown(qtbot, kiosk.window, QPushButton, "Non merci"))
        kiosk.set_language("en")                                # staff read English here
        panel = open_admin(qtbot, kiosk)
        status_shows(qtbot, panel, "Orders waiting", "1")       # taken; the server is away
        sync_now(qtbot, panel)
        qtbot.waitUntil(lambda: "stopped" in panel.sync.state.text(), timeout=30_000)
    finally:
        central.start()

    # A refused order waits in the journal too (its price was raised on the server).
    key, body, sku = raised_price_order(central, config.store_id)
    journal = open_journal(config.data_dir).conn
    outbox.enqueue(journal, "order", key, body)
    journal.close()

    sync_now(qtbot, panel)
    qtbot.waitUntil(lambda: reference in server_orders(central, config.terminal_id),
                    timeout=DELIVERED_WITHIN_MS)
    status_shows(qtbot, panel, "Orders waiting", "0")
    status_shows(qtbot, panel, "Dead letters", "1")
    letters = panel.dead_letters
    panel.show_page(panel.pages.index(letters))
    qtbot.waitUntil(lambda: len(letters.letters) == 1, timeout=5000)
    assert "price_changed" in letters.list.item(0).text()

    # The chain puts the price back; staff send the order again.
    with closing(sqlite3.connect(central.database_url.removeprefix("sqlite:///"))) as conn:
        conn.execute("UPDATE variants SET price_cents = ? WHERE sku = ?",
                     (body["lines"][0]["unit_price_cents"], sku))
        conn.commit()
    letters.list.setCurrentRow(0)
    tap(qtbot, named(panel, QPushButton, "Send again"))
    qtbot.waitUntil(lambda: letters.letters == [], timeout=5000)
    sync_now(qtbot, panel)
    qtbot.waitUntil(lambda: body["reference"] in server_orders(central, config.terminal_id),
                    timeout=DELIVERED_WITHIN_MS)
    assert len(server_orders(central, config.terminal_id)) == 2
    tap(qtbot, named(panel, QPushButton, "Close admin mode"))
    assert not kiosk.admin.active
    kiosk.shutdown()
