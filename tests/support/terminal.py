"""The whole kiosk run against the tests' central server, and what that server stored."""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing

from kiosk.ui.app import KioskApp
from support.clock import TEST_CLOCK

# Long enough for the backoff of a few failed attempts, and a sync round after it.
DELIVERED_WITHIN_MS = 90_000


def start_kiosk(qtbot, qapp, config) -> KioskApp:
    kiosk = KioskApp(qapp, config, windowed=True, clock=TEST_CLOCK)
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
