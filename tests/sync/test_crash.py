"""SIGKILL at random moments while orders are placed and pushed: each arrives once.

The journal is the truth of what shoppers were told: every order in it must be on the
server exactly once with its lines, whatever moment the terminal died at (writing the
order, sending it, after the server stored it but before the terminal heard).
"""

from __future__ import annotations

import json
import multiprocessing
import os
import random
import time
from datetime import timedelta

from support.central_server import orders_on_server
from support.crash_worker import engine_for, place_and_push
from test_end_to_end import PRICE, SKU

from kiosk.core import outbox
from kiosk.core.db.journal import open_journal

# CI runs 200 rounds; ./scripts/crash-soak runs 1,000.
ROUNDS = int(os.environ.get("KIOSK_CRASH_ROUNDS", "200"))


def test_orders_survive_sigkill_at_random_moments_exactly_once(tmp_path, central, luma_dir):
    token = central.add_terminal("crash").read_text().strip()
    data_dir = tmp_path / "terminal"
    data_dir.mkdir()
    rng = random.Random(2026)
    # A fork server: children start from a clean one-thread process, not from pytest's.
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["support.crash_worker"])
    for round_number in range(ROUNDS):
        ready = context.Event()
        child = context.Process(target=place_and_push, args=(
            data_dir, central.url, token, luma_dir / "images", round_number, SKU, PRICE,
            ready))
        child.start()
        assert ready.wait(timeout=20), "the terminal process did not start"
        time.sleep(rng.uniform(0.0, 0.05))
        child.kill()
        child.join(timeout=10)

    # The terminal comes back for good and drains its queue, its clock a day further at
    # each round: past the backoff of any push a loaded machine let time out.
    days_later = [1]
    engine = engine_for(data_dir, central.url, token, luma_dir / "images",
                        clock=lambda: outbox.utc_now() + timedelta(days=days_later[0]))
    for _ in range(5):
        if engine.run_round(push_only=True).queue["order"] == 0:
            break
        days_later[0] += 1
    engine.close()

    journal = open_journal(data_dir).conn
    placed = {key: json.loads(payload) for key, payload in
              journal.execute("SELECT uuid, payload FROM outbox WHERE kind = 'order'")}
    assert len(placed) >= ROUNDS // 4, "too few orders placed for the test to mean much"
    assert {state for (state,) in journal.execute("SELECT DISTINCT state FROM outbox")} == {"sent"}
    on_server = orders_on_server(central, "crash")
    assert set(on_server) == set(placed)
    for key, payload in placed.items():
        [line] = payload["lines"]
        assert on_server[key] == [(line["sku"], line["quantity"], line["unit_price_cents"])]
