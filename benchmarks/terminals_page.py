"""The dashboard's Terminals page and its CSV file for a chain of 20,000 terminals.

Fills a fresh central database (SQLite by default, `--postgres` for a throwaway PostgreSQL
cluster) with `--stores` stores and `--terminals` terminals, each with a heartbeat: most
heard from a minute ago, and as in a real fleet a few silent, never heard from, holding
refused items, a large outbox or a clock far off. Then asks the running app, in process
and logged in as a manager, for: the page as staff first open it, a page deep in the
list, one store's page, the page of only those needing attention, and the CSV file of
every terminal. Prints p50 and p95 of each answer's time and its size. Asserts nothing.

    .venv/bin/python benchmarks/terminals_page.py [--terminals 20000] [--stores 400]
        [--repeat 20] [--postgres]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from fastapi.testclient import TestClient  # noqa: E402
from sqlalchemy import insert  # noqa: E402
from support.throwaway_postgres import ThrowawayPostgres  # noqa: E402

from central.app import create_app  # noqa: E402
from central.catalog import CatalogWriter  # noqa: E402
from central.db import models  # noqa: E402
from central.db.engine import Database, utc_now  # noqa: E402
from central.db.schema import upgrade  # noqa: E402
from central.fleet_health import queue_figures  # noqa: E402
from central.settings import Settings  # noqa: E402
from central.staff import add_staff  # noqa: E402
from kiosk_contract.catalog import Store  # noqa: E402

PASSWORD = "a long enough benchmark password"


def fill(db: Database, stores: int, terminals: int, seed: int = 18) -> None:
    """Stores and terminals, written in bulk (no ORM object per terminal)."""
    chance = random.Random(seed)
    now = utc_now()
    with db.writing(catalog=True) as session:
        CatalogWriter(session).stores([
            Store(f"store-{n:04d}", f"Luma {n:04d}", f"{n} rue du Commerce", "75001", "Paris",
                  48.8, 2.3, "+33 1 99 00 00 00", {"mon": "10:00-20:00"})
            for n in range(stores)])
    rows = []
    for n in range(terminals):
        roll = chance.random()
        seen = None if roll < 0.005 else now - timedelta(
            minutes=chance.randint(30, 3000) if roll < 0.03 else chance.uniform(0, 2))
        queue = {"order": 0, "rating": chance.randint(0, 3), "event": chance.randint(0, 40),
                 "dead": 2 if 0.03 <= roll < 0.04 else 0}
        if 0.04 <= roll < 0.045:
            queue["event"] = 900
        drift = 0.0 if seen is None else (600.0 if 0.045 <= roll < 0.05 else
                                          chance.uniform(-2, 2))
        rows.append({
            "name": f"caisse-{n:05d}", "store_id": f"store-{n % stores:04d}",
            "token_hash": f"{n:064x}", "created_at": now - timedelta(days=30),
            "last_heartbeat_at": seen, "clock_drift_s": None if seen is None else drift,
            **(queue_figures(queue) if seen else {"outbox": None, "dead_letters": None}),
            "last_heartbeat": None if seen is None else {
                "version": "2.1.0", "terminal_time": (seen + timedelta(seconds=drift))
                .isoformat(), "last_pull_at": "2026-11-24T14:07:00Z", "last_push_at": None,
                "queue": queue, "config_version": 1, "config_revision": ""}})
    with db.writing() as session:
        for start in range(0, len(rows), 2000):
            session.execute(insert(models.Terminal), rows[start:start + 2000])
        add_staff(session, "bench-manager", PASSWORD)


def timed(client: TestClient, url: str, repeat: int) -> tuple[list[float], int]:
    seconds, size = [], 0
    for _ in range(repeat):
        started = time.perf_counter()
        answer = client.get(url)
        seconds.append(time.perf_counter() - started)
        if answer.status_code != 200:
            raise SystemExit(f"{url}: {answer.status_code} {answer.text[:300]}")
        size = len(answer.content)
    return seconds, size


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--terminals", type=int, default=20_000)
    parser.add_argument("--stores", type=int, default=400)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--postgres", action="store_true")
    options = parser.parse_args()
    postgres = None
    with tempfile.TemporaryDirectory() as workdir:
        if options.postgres:
            postgres = ThrowawayPostgres()
            postgres.start()
            url = postgres.new_database("terminals")
        else:
            url = f"sqlite:///{Path(workdir) / 'central.db'}"
        db = Database(url)
        try:
            upgrade(db)
            started = time.perf_counter()
            fill(db, options.stores, options.terminals)
            print(f"{options.terminals:,} terminals in {options.stores} stores on "
                  f"{db.engine.dialect.name}, written in {time.perf_counter() - started:.1f} s")
            with TestClient(create_app(Settings(url), db)) as client:
                client.post("/dashboard/login", data={"username": "bench-manager",
                                                      "password": PASSWORD})
                deep = options.terminals // 100 // 2
                asks = [("page, first (trouble first)", "/dashboard/terminals?lang=fr"),
                        ("page, deep", f"/dashboard/terminals?lang=fr&page={deep}"),
                        ("page, one store", "/dashboard/terminals?lang=fr&store_id=store-0007"),
                        ("page, needing attention",
                         "/dashboard/terminals?lang=fr&attention=1"),
                        ("CSV, every terminal", "/v1/analytics/terminals/csv"),
                        ("JSON, every terminal", "/v1/analytics/terminals")]
                print(f"{'answer':30} {'p50 ms':>8} {'p95 ms':>8} {'bytes':>11}")
                for label, path in asks:
                    repeat = options.repeat if path.startswith("/dashboard") \
                        else max(3, options.repeat // 4)
                    timed(client, path, 1)                 # warm: templates, plans
                    seconds, size = timed(client, path, repeat)
                    print(f"{label:30} {statistics.median(seconds) * 1000:8.1f} "
                          f"{p95(seconds) * 1000:8.1f} {size:11,}")
        finally:
            db.dispose()
            if postgres is not None:
                postgres.stop()


if __name__ == "__main__":
    main()
