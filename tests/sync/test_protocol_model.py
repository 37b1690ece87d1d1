"""A stateful model of terminal <-> central sync: each item arrives once, whatever happens.

The end-to-end tests pin one scenario each; this one lets Hypothesis look for the
interleaving nobody wrote down. It mixes shoppers placing orders, ratings and events with
sync rounds, terminal crashes (between rounds, and in the middle of one just after the
server acted), network faults, lost acknowledgements, 500s and a clock jumping past backoff
waits. After every step the server may hold only what was placed, nothing twice, and
everything the terminal calls sent; at the end the network heals, the queue drains, and
the server holds exactly what was placed.
"""

from __future__ import annotations

import itertools
import json
import os
import random
import shutil
import socket
import sqlite3
import sys
import tempfile
from collections import Counter
from collections.abc import Iterator
from contextlib import closing, suppress
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

import pytest
import requests
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    rule,
    run_state_machine_as_test,
)
from support.central_server import CentralServer
from support.crash_worker import engine_for
from support.faulty_proxy import Fault, FaultyProxy
from test_end_to_end import Clock, Terminal

from central.db.engine import Database
from central.terminals import add_terminal
from kiosk.core import outbox
from kiosk.core.db.cache import CACHE_FILE
from kiosk.core.db.journal import open_journal
from kiosk.core.sync.client import CentralClient
from kiosk.core.sync.engine import SyncEngine
from kiosk.core.sync.push import BACKOFF_CAP_S

# CI runs 30 examples of 30 steps; KIOSK_MODEL_EXAMPLES=500 soaks for longer.
EXAMPLES = int(os.environ.get("KIOSK_MODEL_EXAMPLES", "30"))
STEPS = 30
DRAIN_ROUNDS = 4
STORE = "paris-rivoli"
RATING_REASONS = ["staff", "choice", "price", "wait"]
EVENT_TYPES = ["search", "product_view", "basket_add"]
# NONE heals the network; SERVER_ERROR is a 500 the server never knew of.
NETWORK_STATES = [Fault.NONE, Fault.REFUSE, Fault.RESET, Fault.TRUNCATE, Fault.LATENCY,
                  Fault.LOSE_ANSWER, Fault.SERVER_ERROR]
PAST_ANY_BACKOFF_S = BACKOFF_CAP_S + 1
# Forward in small and large steps, a month on (old personal data is purged), and back
# a day: terminal clocks get reset.
CLOCK_MOVES_S = [1, 30, PAST_ANY_BACKOFF_S, 3600, 31 * 86400, -86400]
LIVE_STATES = ("pending", "sent")
GATEWAY_ERROR = (b"HTTP/1.1 500 Internal Server Error\r\nContent-Length: 0\r\n"
                 b"Connection: close\r\n\r\n")


class TerminalCrashed(Exception):
    """The terminal's process died here: what it had not written to its journal is gone."""


class MortalSession(requests.Session):
    """The terminal's HTTP session, which can die with the terminal.

    Armed with a count, it lets that many of the server's answers through, then kills the
    terminal as the next one arrives: after the server acted on the request, before the
    terminal could write down what it heard.
    """

    def __init__(self) -> None:
        super().__init__()
        # A connection per request, so that a fault set between two steps meets the very
        # next request, refusals included: a kept-alive connection would slip past them.
        self.headers["Connection"] = "close"
        self.answers_to_survive: int | None = None

    def request(self, *args, **kwargs) -> requests.Response:
        response = super().request(*args, **kwargs)
        if self.answers_to_survive is not None:
            if self.answers_to_survive == 0:
                response.close()
                raise TerminalCrashed
            self.answers_to_survive -= 1
        return response


class GatewayProxy(FaultyProxy):
    """The fault proxy, plus a 500 it cannot give: from a gateway that gave up on an answer
    the server had already committed (the proxy's own 500 never reaches the server)."""

    def __init__(self, upstream_port: int) -> None:
        super().__init__(upstream_port)
        self.error_after_server = False

    def set(self, fault: Fault, **options: float) -> None:
        self.error_after_server = False
        super().set(fault, **options)

    def _answer(self, upstream: socket.socket, client: socket.socket) -> None:
        if not self.error_after_server:
            super()._answer(upstream, client)
        elif upstream.recv(65536):          # the server has answered, so it did the work
            client.sendall(GATEWAY_ERROR)


def enrol(database: Database, name: str) -> str:
    """A new terminal of the store, and its token: what `central terminals add` does, in
    this process (the command takes three seconds to start)."""
    with database.writing() as session:
        return add_terminal(session, STORE, name)


@dataclass
class Site:
    """What every example shares: the running server and its database, the product
    images, a cache already filled from the server."""

    central: CentralServer
    database: Database
    images_dir: Path
    workdir: Path
    filled_cache: Path
    numbers: Iterator[int] = field(default_factory=itertools.count)


def stored_on_server(central: CentralServer, terminal_name: str) -> list[tuple[str, str, object]]:
    """Every item the server holds from one terminal, as (kind, key, content), one entry
    per row: an item stored twice shows twice, whatever the server's unique indexes say."""
    database = central.database_url.removeprefix("sqlite:///")
    with closing(sqlite3.connect(database)) as conn:
        keys: dict[int, str] = {}
        lines: dict[int, list[tuple]] = {}
        for order_id, key, sku, quantity, price in conn.execute(
                "SELECT o.id, o.idempotency_key, l.sku, l.quantity, l.unit_price_cents "
                "FROM orders o JOIN terminals t ON t.id = o.terminal_id "
                "LEFT JOIN order_lines l ON l.order_id = o.id WHERE t.name = ? "
                "ORDER BY o.id, l.position", (terminal_name,)):
            keys[order_id] = key
            lines.setdefault(order_id, [])
            if sku is not None:
                lines[order_id].append((sku, quantity, price))
        ratings = conn.execute(
            "SELECT r.id, r.score, r.reasons, r.misuse FROM ratings r "
            "JOIN terminals t ON t.id = r.terminal_id WHERE t.name = ?", (terminal_name,))
        events = conn.execute(
            "SELECT e.id, e.type, e.data FROM events e "
            "JOIN terminals t ON t.id = e.terminal_id WHERE t.name = ?", (terminal_name,))
        return ([("order", keys[order_id], lines[order_id]) for order_id in keys]
                + [("rating", key, (score, json.loads(reasons), bool(misuse)))
                   for key, score, reasons, misuse in ratings]
                + [("event", key, (kind, json.loads(data))) for key, kind, data in events])


class SyncProtocolModel(RuleBasedStateMachine):
    """One terminal of its own, behind a fault proxy, against the module's server."""

    def __init__(self, site: Site) -> None:
        super().__init__()
        self.site = site
        name = f"model-{next(site.numbers)}"
        data_dir = Path(tempfile.mkdtemp(dir=site.workdir))
        shutil.copy(site.filled_cache, data_dir / CACHE_FILE)
        self.proxy = GatewayProxy(site.central.port)
        self.lives = 0
        self.terminal = Terminal(name, data_dir, Clock(), self._start_engine,
                                 open_journal(data_dir).conn, enrol(site.database, name))
        self.engine = self.terminal.engine()
        # What the shoppers did here, by key: (kind, what the server must hold for it).
        self.placed: dict[str, tuple[str, object]] = {}

    def _start_engine(self) -> SyncEngine:
        self.lives += 1
        self.session = MortalSession()
        client = CentralClient(self.proxy.url, self.terminal.token, total_timeout_s=3,
                               session=self.session)
        return SyncEngine(self.terminal.data_dir, client, version="model", interval_s=30,
                          purge_after=timedelta(days=30), images_dir=self.site.images_dir,
                          clock=self.terminal.clock, rng=random.Random(self.lives))

    def _restart(self) -> None:
        """Everything in memory is gone; the terminal starts again from its data directory."""
        self.engine.close()
        self.terminal.journal.close()
        self.terminal.journal = open_journal(self.terminal.data_dir).conn
        self.engine = self.terminal.engine()

    def _journal(self, kind: str, payload: dict) -> None:
        outbox.enqueue(self.terminal.journal, kind, payload["id"], payload,
                       now=self.terminal.clock())

    # --- what shoppers do -------------------------------------------------------------------

    @initialize(orders=st.integers(0, 3), ratings=st.integers(0, 2), events=st.integers(0, 2))
    def shoppers_came_before_the_first_round(self, orders: int, ratings: int,
                                              events: int) -> None:
        # Most runs start with a queue, so that the first fault has something to hurt.
        for quantity in range(1, orders + 1):
            self.place_order(quantity)
        for score in range(1, ratings + 1):
            self.rate(score, [], misuse=False)
        for results in range(events):
            self.record_event("search", results)

    @rule(quantity=st.integers(1, 5))
    def place_order(self, quantity: int) -> None:
        key = self.terminal.place_order(quantity)
        self.placed[key] = ("order", [(line["sku"], line["quantity"], line["unit_price_cents"])
                                      for line in self.terminal.placed[key]["lines"]])

    @rule(score=st.integers(1, 4), misuse=st.booleans(),
          reasons=st.lists(st.sampled_from(RATING_REASONS), unique=True, max_size=3))
    def rate(self, score: int, reasons: list[str], misuse: bool) -> None:
        key = outbox.new_uuid()
        self._journal("rating", {"id": key, "store_id": STORE, "score": score,
                                 "reasons": reasons, "misuse": misuse,
                                 "rated_terminal_at": self.terminal.clock().isoformat()})
        self.placed[key] = ("rating", (score, reasons, misuse))

    @rule(event_type=st.sampled_from(EVENT_TYPES), results=st.integers(0, 40))
    def record_event(self, event_type: str, results: int) -> None:
        key = outbox.new_uuid()
        self._journal("event", {"id": key, "store_id": STORE, "type": event_type,
                                "occurred_terminal_at": self.terminal.clock().isoformat(),
                                "data": {"results": results}})
        self.placed[key] = ("event", (event_type, {"results": results}))

    # --- the terminal -----------------------------------------------------------------------

    @rule()
    def push_round(self) -> None:
        self.engine.run_round(push_only=True)

    @rule()
    def full_round(self) -> None:
        self.engine.run_round()

    @rule()
    def terminal_restarts(self) -> None:
        self._restart()

    @rule(answers_first=st.integers(0, 3), push_only=st.booleans())
    def terminal_dies_mid_round(self, answers_first: int, push_only: bool) -> None:
        self.session.answers_to_survive = answers_first
        with suppress(TerminalCrashed):     # or it outlived the round, and dies after it
            self.engine.run_round(push_only=push_only)
        self._restart()

    @rule(seconds=st.sampled_from(CLOCK_MOVES_S))
    def clock_moves(self, seconds: int) -> None:
        self.terminal.clock.advance(seconds)

    # --- the network and the server ---------------------------------------------------------

    @rule(fault=st.sampled_from(NETWORK_STATES), keep_bytes=st.sampled_from([12, 200]))
    def network_changes(self, fault: Fault, keep_bytes: int) -> None:
        self.proxy.set(fault, delay_s=0.01, keep_bytes=keep_bytes)

    @rule()
    def server_fails_after_storing(self) -> None:
        self.proxy.set(Fault.NONE)
        self.proxy.error_after_server = True

    # --- after every step -------------------------------------------------------------------

    # One invariant, so one look at each side per step: cheaper, and a failing run reads
    # as its steps, not as five checks between every two of them.
    @invariant()
    def nothing_invented_nothing_twice_nothing_called_sent_too_soon(self) -> None:
        stored = stored_on_server(self.site.central, self.terminal.name)
        on_server = Counter(key for _, key, _ in stored)
        strangers = set(on_server) - set(self.placed)
        assert not strangers, f"on the server but never placed: {strangers}"
        twice = {key: count for key, count in on_server.items() if count > 1}
        assert not twice, f"stored more than once: {twice}"
        for kind, key, content in stored:
            assert (kind, content) == self.placed[key], f"{kind} {key} stored wrong: {content}"
        states = self.terminal.states()
        assert set(states) == set(self.placed), "an item went missing from the journal"
        # Every item placed is valid: a dead letter can only be the protocol's doing.
        given_up = {key: state for key, state in states.items() if state not in LIVE_STATES}
        assert not given_up, f"items given up on: {given_up}"
        too_soon = {key for key, state in states.items() if state == "sent"} - set(on_server)
        assert not too_soon, f"marked sent, not on the server: {too_soon}"

    # --- at the end -------------------------------------------------------------------------

    def teardown(self) -> None:
        try:
            # Hypothesis calls this from a `finally`: an exception in flight is a failed
            # step, which a drain would only bury under a second failure.
            if sys.exc_info()[0] is None:
                self._heal_and_drain()
                self._assert_the_server_holds_exactly_what_was_placed()
        finally:
            self.engine.close()
            self.terminal.journal.close()
            self.proxy.close()
            shutil.rmtree(self.terminal.data_dir)

    def _heal_and_drain(self) -> None:
        self.proxy.set(Fault.NONE)
        self.session.answers_to_survive = None
        for _ in range(DRAIN_ROUNDS):
            self.terminal.clock.advance(PAST_ANY_BACKOFF_S)
            if self.engine.run_round().online and self.terminal.pending() == 0:
                return

    def _assert_the_server_holds_exactly_what_was_placed(self) -> None:
        stored = stored_on_server(self.site.central, self.terminal.name)
        assert len(stored) == len(self.placed), "missing or extra items on the server"
        assert {key: (kind, content) for kind, key, content in stored} == self.placed
        assert set(self.terminal.states().values()) <= {"sent"}, "items left unsent"


@pytest.fixture(scope="module")
def site(tmp_path_factory, central, luma_dir) -> Iterator[Site]:
    database = Database(central.database_url)
    workdir = tmp_path_factory.mktemp("model")
    # One first full round, whose filled cache every example starts from: pulling the
    # whole catalog again in each would cost a second and a half apiece.
    first = workdir / "first"
    first.mkdir()
    engine = engine_for(first, central.url, enrol(database, "model-first"), luma_dir / "images")
    assert engine.run_round().online
    engine.close()
    yield Site(central, database, luma_dir / "images", workdir, first / CACHE_FILE)
    database.dispose()


def test_every_item_placed_reaches_the_server_exactly_once_whatever_happens(site):
    run_state_machine_as_test(
        lambda: SyncProtocolModel(site),
        settings=settings(max_examples=EXAMPLES, stateful_step_count=STEPS, deadline=None,
                          derandomize=True, database=None,
                          suppress_health_check=[HealthCheck.too_slow]))
