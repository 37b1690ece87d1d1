"""The kiosk's sync engine against the real central server, on loopback.

Every test ends by checking what the server holds: each order placed on the terminal
is there exactly once, with its lines; nothing is lost, nothing is doubled.
"""

from __future__ import annotations

import json
import random
import sqlite3
import threading
import time
from contextlib import closing
from datetime import datetime, timedelta, timezone

import pytest
from support.central_server import orders_on_server
from support.faulty_proxy import Fault, FaultyProxy

from kiosk.core import outbox
from kiosk.core.changes import first_fill_pending
from kiosk.core.db.cache import install_rebuilt_cache, open_cache
from kiosk.core.db.journal import open_alerts, open_journal
from kiosk.core.sync.client import CentralClient
from kiosk.core.sync.engine import SyncEngine
from kiosk.core.sync.trouble import Trouble

SKU, PRICE = "MH01-XS-Black", 5200


class Clock:
    """The terminal's clock, moved by the test so that backoff waits take no time."""

    def __init__(self) -> None:
        self.now = datetime(2026, 11, 24, 10, 0, tzinfo=timezone.utc)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


@pytest.fixture
def terminal(tmp_path, central, luma_dir):
    """A terminal of paris-rivoli: its data directory, clock and engine factory."""
    name = f"t-{tmp_path.name}"[:60]
    token = central.add_terminal(name).read_text().strip()
    data_dir = tmp_path / "terminal"
    data_dir.mkdir()
    clock = Clock()

    def engine(url: str | None = None, total_timeout_s: float = 3) -> SyncEngine:
        # A short total timeout: a trickling answer is given up on in seconds, not a minute.
        client = CentralClient(url or central.url, token, total_timeout_s=total_timeout_s)
        return SyncEngine(data_dir, client, version="test",
                          interval_s=30, purge_after=timedelta(days=30),
                          images_dir=luma_dir / "images", clock=clock, rng=random.Random(7))

    journal = open_journal(data_dir).conn
    yield Terminal(name, data_dir, clock, engine, journal, token)
    journal.close()


class Terminal:
    def __init__(self, name, data_dir, clock, engine, journal, token) -> None:
        self.name = name
        self.data_dir, self.clock, self.engine, self.journal = data_dir, clock, engine, journal
        self.token = token
        self.placed: dict[str, dict] = {}

    def place_order(self, quantity: int = 1) -> str:
        key = outbox.new_uuid()
        reference = "T" + key.replace("-", "")[:10].upper()
        payload = {
            "store_id": "paris-rivoli", "reference": reference,
            "placed_terminal_at": self.clock().isoformat(), "language": "fr",
            "customer": {"first_name": "Jeanne", "last_name": "Dupont-Lefèvre",
                         "email": "jeanne@example.fr", "phone": "+33612345678",
                         "address": {"line1": "12 rue des Lilas", "line2": "",
                                     "postal_code": "69003", "city": "Lyon", "country": "FR"},
                         "instructions": ""},
            "delivery": {"method": "standard", "fee_cents": 490},
            "lines": [{"sku": SKU, "name": "Chaz Kangeroo Hoodie", "size": "XS",
                       "color": "Black", "quantity": quantity, "unit_price_cents": PRICE}],
            "total_cents": PRICE * quantity + 490, "currency": "EUR",
            "consent": {"privacy_notice": "2026-01",
                        "given_terminal_at": self.clock().isoformat()},
        }
        outbox.enqueue(self.journal, "order", key, payload, now=self.clock())
        self.placed[key] = payload
        return key

    def pending(self) -> int:
        depths = outbox.queue_depths(self.journal)
        return depths["order"] + depths["rating"] + depths["event"]

    def states(self) -> dict[str, str]:
        return dict(self.journal.execute("SELECT uuid, state FROM outbox"))


def assert_exactly_once(central, terminal: Terminal) -> None:
    on_server = orders_on_server(central, terminal.name)
    assert set(on_server) == set(terminal.placed), "missing or extra orders"
    for key, payload in terminal.placed.items():
        [line] = payload["lines"]
        assert on_server[key] == [(line["sku"], line["quantity"], line["unit_price_cents"])]
    assert set(terminal.states().values()) == {"sent"}


def assert_fill_finished(cache):
    """The indexes a first fill goes without are back."""
    indexes = {name for (name,) in cache.execute(
        "SELECT name FROM sqlite_master WHERE type = 'index'")}
    assert not first_fill_pending(cache)
    assert {"variants_by_color", "variants_by_product", "products_prices"} <= indexes


def test_a_first_sync_fills_an_empty_cache_and_the_next_pulls_nothing(terminal, central):
    engine = terminal.engine()
    status = engine.run_round()
    assert status.online and status.catalog_changed and not status.problem
    assert status.pull_seconds > 0 and status.pages_pulled >= 1
    cache = open_cache(terminal.data_dir).conn
    products, stores, stock = cache.execute(
        "SELECT (SELECT count(*) FROM products), (SELECT count(*) FROM stores), "
        "(SELECT count(*) FROM stock)").fetchone()
    with closing(sqlite3.connect(central.database_url.removeprefix("sqlite:///"))) as server:
        expected = server.execute("SELECT (SELECT count(*) FROM products), "
                                  "(SELECT count(*) FROM stock)").fetchone()
    assert (products, stock) == expected and products > 150 and stores == 8
    assert_fill_finished(cache)
    assert not engine.run_round().catalog_changed
    engine.close()


def test_orders_made_while_the_server_is_down_arrive_once_each_when_it_is_back(
        terminal, central):
    engine = terminal.engine()
    central.stop()
    for quantity in (1, 2, 3):
        terminal.place_order(quantity)
    status = engine.run_round(push_only=True)
    assert not status.online and status.queue["order"] == 3
    central.start()
    status = engine.run_round(push_only=True)
    assert status.online and status.queue["order"] == 0
    assert_exactly_once(central, terminal)
    engine.close()


def test_a_lost_acknowledgement_is_retried_into_the_same_single_order(terminal, central):
    proxy = FaultyProxy(central.port)
    engine = terminal.engine(proxy.url)
    key = terminal.place_order()
    proxy.set(Fault.LOSE_ANSWER)
    engine.run_round(push_only=True)
    assert terminal.states()[key] == "pending"            # never heard the server's yes
    assert set(orders_on_server(central, terminal.name)) == {key}        # but the server has it
    proxy.set(Fault.NONE)
    engine.run_round(push_only=True)
    assert_exactly_once(central, terminal)
    response = json.loads(terminal.journal.execute(
        "SELECT response FROM outbox WHERE uuid = ?", (key,)).fetchone()[0])
    assert response["reference"] == terminal.placed[key]["reference"]
    engine.close()
    proxy.close()


@pytest.mark.parametrize("fault", [Fault.REFUSE, Fault.RESET, Fault.TRUNCATE,
                                   Fault.TRICKLE, Fault.LATENCY, Fault.LOSE_ANSWER,
                                   Fault.SERVER_ERROR])
def test_network_faults_during_pull_and_push_end_in_one_consistent_state(
        terminal, central, fault):
    proxy = FaultyProxy(central.port)
    engine = terminal.engine(proxy.url)
    for _ in range(3):
        terminal.place_order()
    proxy.set(fault, delay_s=0.05, keep_bytes=300)
    for _ in range(3):
        engine.run_round()
        terminal.clock.advance(600)        # past any backoff
    proxy.set(Fault.NONE)
    for _ in range(3):
        engine.run_round()
        terminal.clock.advance(600)
    assert_exactly_once(central, terminal)
    cache = open_cache(terminal.data_dir).conn
    reference = cache.execute("SELECT count(*) FROM products").fetchone()[0]
    assert_fill_finished(cache)     # the first fill, cut by the faults, was resumed to its end
    fresh_dir = terminal.data_dir.parent / "fresh"
    fresh = SyncEngine(fresh_dir, CentralClient(central.url, terminal.token), version="test",
                       interval_s=30, purge_after=timedelta(days=30),
                       images_dir=engine.images_dir)
    fresh.run_round()
    assert open_cache(fresh_dir).conn.execute(
        "SELECT count(*) FROM products").fetchone()[0] == reference
    fresh.close()
    engine.close()
    proxy.close()


def test_a_server_killed_and_restarted_mid_queue_loses_and_doubles_nothing(
        terminal, central):
    engine = terminal.engine()
    for _ in range(20):
        terminal.place_order()
    central.stop(kill=True)
    engine.run_round(push_only=True)
    central.start()
    engine.run_round(push_only=True)
    assert_exactly_once(central, terminal)
    engine.close()


def test_one_refused_order_becomes_a_dead_letter_and_the_others_go_through(
        terminal, central):
    engine = terminal.engine()
    good = terminal.place_order()
    poison = terminal.place_order()
    terminal.placed[poison]["lines"][0]["quantity"] = 0        # the server refuses it
    terminal.journal.execute("UPDATE outbox SET payload = ? WHERE uuid = ?",
                             (outbox.encode(terminal.placed[poison]), poison))
    after = terminal.place_order()
    status = engine.run_round(push_only=True)
    assert status.queue == {"order": 0, "rating": 0, "event": 0, "dead": 1}
    [dead] = outbox.dead_letters(terminal.journal)
    assert dead["uuid"] == poison and "lines.0.quantity" in dead["last_error"]
    assert set(orders_on_server(central, terminal.name)) == {good, after}
    engine.close()


def test_a_revoked_token_keeps_every_item_and_alerts_staff_once(terminal, central):
    engine = terminal.engine()
    terminal.place_order()
    central.cli("terminals", "revoke", terminal.name)
    for _ in range(3):
        status = engine.run_round(push_only=True)
    assert status.unauthorized and status.queue["order"] == 1 and status.queue["dead"] == 0
    assert [a["kind"] for a in open_alerts(terminal.journal)] == ["token_refused"]
    engine.close()


def test_a_reset_rebuilds_the_cache_beside_the_old_one_and_swaps_it_in(terminal, central):
    engine = terminal.engine()
    engine.run_round()
    cache = open_cache(terminal.data_dir).conn
    cache.execute("UPDATE sync_state SET value = 'not-a-cursor-of-this-server' "
                  "WHERE key = 'cursor'")
    browsing = cache.execute("SELECT count(*) FROM products").fetchone()[0]
    cache.execute("DELETE FROM products WHERE id IN (SELECT id FROM products LIMIT 5)")
    status = engine.run_round()
    # The new copy is complete beside the old one, which shoppers still browse.
    assert status.rebuilt_cache_ready
    assert cache.execute("SELECT count(*) FROM products").fetchone()[0] == browsing - 5
    cache.close()              # the app lets go of the old cache, then swaps
    assert install_rebuilt_cache(terminal.data_dir)
    rebuilt = open_cache(terminal.data_dir).conn
    assert rebuilt.execute("SELECT count(*) FROM products").fetchone()[0] == browsing
    assert rebuilt.execute("SELECT value FROM sync_state WHERE key = 'cursor'").fetchone()[0] \
        != "not-a-cursor-of-this-server"
    status = engine.run_round()
    assert status.online and not status.rebuilt_cache_ready
    engine.close()


def test_a_first_sync_at_128_kbits_completes_while_an_order_goes_up(terminal, central):
    """A congested 4G link: 128 kbit/s down, 300 ms each way. The feed comes compressed,
    a page that cannot arrive in time is asked again smaller, every round keeps what it
    received, and an order placed during the pull goes up between two pages."""
    proxy = FaultyProxy(central.port)
    proxy.set(Fault.SLOW_LINK, bytes_per_s=128_000 / 8, delay_s=0.3)
    # An answer is allowed 8 s here (a minute in the product): the first page, which
    # would take about 12 s, times out and is asked for again smaller.
    engine = terminal.engine(proxy.url, total_timeout_s=8)
    statuses: list = []

    def rounds() -> None:
        while len(statuses) < 40 and (not statuses or statuses[-1].last_pull_at is None):
            statuses.append(engine.run_round())

    worker = threading.Thread(target=rounds)
    worker.start()
    cache = open_cache(terminal.data_dir).conn
    deadline = time.monotonic() + 120
    while not cache.execute("SELECT count(*) FROM stock").fetchone()[0]:
        assert time.monotonic() < deadline, "no page ever arrived"
        time.sleep(0.1)
    terminal.place_order()              # a shopper orders while the catalog comes down
    engine.push_waiting.set()           # as SyncService.sync_now does
    while not orders_on_server(central, terminal.name):
        assert time.monotonic() < deadline, "the order never went up"
        time.sleep(0.1)
    pulled_when_sent = all(s.last_pull_at is None for s in statuses)
    worker.join(timeout=180)
    assert not worker.is_alive()
    engine.close()
    proxy.close()
    assert pulled_when_sent, "the order waited for the whole first sync"
    assert statuses[-1].last_pull_at is not None, "the first sync never completed"
    assert any(s.trouble is Trouble.TIMEOUT for s in statuses)     # a page was too big
    assert_exactly_once(central, terminal)
    assert cache.execute("SELECT count(*) FROM products").fetchone()[0] > 150
    assert_fill_finished(cache)
    assert proxy.bytes_down < 600_000      # compressed: the uncompressed feed is 1.5 MB
