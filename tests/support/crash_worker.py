"""A terminal that places orders and pushes them, for the test that kills it with SIGKILL.

Run in a child process; everything it knows is in its data directory, as on a real
terminal after a power cut.
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta, timezone
from pathlib import Path

from kiosk.core import outbox
from kiosk.core.db.journal import open_journal
from kiosk.core.sync.client import CentralClient
from kiosk.core.sync.engine import SyncEngine


def order_payload(key: str, quantity: int, sku: str, price_cents: int) -> dict:
    stamp = datetime.now(timezone.utc).isoformat()
    return {
        "store_id": "paris-rivoli", "reference": "K" + key.replace("-", "")[:12].upper(),
        "placed_terminal_at": stamp, "language": "fr",
        "customer": {"first_name": "Zoé", "last_name": "Martin", "email": "zoe@example.fr",
                     "phone": "+33612345678",
                     "address": {"line1": "3 place Bellecour", "line2": "",
                                 "postal_code": "69002", "city": "Lyon", "country": "FR"},
                     "instructions": ""},
        "delivery": {"method": "standard", "fee_cents": 490},
        "lines": [{"sku": sku, "name": "Hoodie", "size": "XS", "color": "Black",
                   "quantity": quantity, "unit_price_cents": price_cents}],
        "total_cents": quantity * price_cents + 490, "currency": "EUR",
        "consent": {"privacy_notice": "2026-01", "given_terminal_at": stamp},
    }


def engine_for(data_dir: Path, url: str, token: str, images_dir: Path,
               clock=None) -> SyncEngine:
    return SyncEngine(data_dir, CentralClient(url, token), version="crash-test",
                      interval_s=30, purge_after=timedelta(days=30), images_dir=images_dir,
                      clock=clock or outbox.utc_now)


def place_and_push(data_dir: Path, url: str, token: str, images_dir: Path, seed: int,
                   sku: str, price_cents: int, ready) -> None:
    rng = random.Random(seed)
    journal = open_journal(data_dir).conn
    engine = engine_for(data_dir, url, token, images_dir,
                        clock=lambda: outbox.utc_now() + timedelta(hours=1))
    ready.set()   # the killing may start
    while True:   # until killed
        key = outbox.new_uuid()
        outbox.enqueue(journal, "order", key, order_payload(key, rng.randint(1, 5), sku,
                                                            price_cents))
        engine.run_round(push_only=True)
