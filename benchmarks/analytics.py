"""Dashboard data for a month of a large chain: 1M ratings and 10M events, 50 stores.

Prints figures; asserts nothing. Builds the database once under benchmarks/out/ (SQLite;
with --postgres a throw-away PostgreSQL cluster from tests/support, built each time):
the raw rows bulk-inserted (executemany on SQLite, COPY on PostgreSQL) in chunks, and
the count tables the server keeps as rows arrive, counted here on the way. Then times
what the dashboard asks for one month: every panel for all stores, every panel for one
store, and each panel alone for all stores, with p50 and p95 over repeated runs.

    .venv/bin/python benchmarks/analytics.py [--postgres] [--ratings N] [--events N]
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from central.analytics import queries  # noqa: E402
from central.analytics.local_time import week_of  # noqa: E402

OUT = ROOT / "benchmarks/out/analytics"
FIRST_DAY = date(2026, 11, 2)            # all of it at +01:00: no clock change inside
DAYS = 30
CHUNK = 100_000
EVENT_TYPES = (("session_start", 15), ("session_end", 14), ("search", 24),
               ("zero_result_search", 3), ("product_view", 36), ("scan", 6),
               ("order_placed", 2))
HOURS = {9: 3, 10: 6, 11: 8, 12: 13, 13: 13, 14: 8, 15: 7, 16: 8, 17: 11, 18: 13, 19: 8,
         20: 2}
REASONS = ("waiting_time", "staff", "product_availability", "prices", "store_tidiness",
           "other", "staff_helpful", "found_everything", "good_prices", "tidy_store",
           "quick_visit", "other_positive")


def build(db, stores: int, ratings: int, events: int) -> None:
    from central.catalog import CatalogWriter
    from central.db import models
    from central.db.engine import utc_now
    from kiosk_contract.catalog import Store

    rng = random.Random(11)
    started = time.perf_counter()
    ids = [f"store-{n:02d}" for n in range(stores)]
    with db.writing(catalog=True) as session:
        CatalogWriter(session).stores([Store(i, f"Store {i}", "1 rue", "75001", "Paris", 48.0,
                                             2.0, "", {}) for i in ids])
    with db.writing() as session:
        for n, store_id in enumerate(ids):
            session.add(models.Terminal(id=n + 1, name=f"bench-{store_id}", store_id=store_id,
                                        token_hash=f"{n:064x}", created_at=utc_now()))
    hours, hour_weights = list(HOURS), list(HOURS.values())
    types, type_weights = [t for t, _ in EVENT_TYPES], [w for _, w in EVENT_TYPES]
    texts = [f"recherche {n}" for n in range(2000)]
    text_weights = [1 / (n + 1) for n in range(2000)]
    rating_counts, reason_counts = Counter(), Counter()
    event_counts, zero_counts = Counter(), Counter()

    # Drawn a chunk at a time (random.choices with k), and times written as text from
    # per-day-and-hour prefixes: 10M rows must not take a datetime object each.
    days = [FIRST_DAY + timedelta(days=d) for d in range(DAYS)]
    stamp_local = {(d, h): f"{d.isoformat()}T{h:02d}:" for d in days for h in hours}
    stamp_received = {(d, h): f"{d.isoformat()} {h - 1:02d}:" for d in days for h in hours}
    minutes = [f"{m:02d}:{s:02d}" for m in range(60) for s in range(0, 60, 7)]
    text_json = {t: json.dumps({"text": t}) for t in texts}

    def moments(count: int):
        return zip(rng.choices(range(stores), k=count), rng.choices(days, k=count),
                   rng.choices(hours, hour_weights, k=count), rng.choices(minutes, k=count),
                   strict=True)

    def received(day, hour, minute):
        return stamp_received[(day, hour)] + minute + (".000000" if db.is_sqlite else "+00")

    def rating_rows(start: int, count: int):
        scores = rng.choices((1, 2, 3, 4), (8, 15, 42, 35), k=count)
        for n, (store, day, hour, minute), score in zip(range(start, start + count),
                                                        moments(count), scores, strict=True):
            misuse = rng.random() < 0.01
            reasons = rng.sample(REASONS, rng.choice((0, 0, 1, 1, 2)))
            rating_counts[(day, ids[store], hour, day.weekday(), score, misuse)] += 1
            for reason in reasons:
                reason_counts[(day, ids[store], reason, score, misuse)] += 1
            yield (f"{n:08x}-0000-4000-8000-000000000000", "0" * 64, store + 1, ids[store],
                   score, json.dumps(reasons), misuse,
                   stamp_local[(day, hour)] + minute + "+01:00", received(day, hour, minute),
                   day.isoformat(), hour, day.weekday(), day.isoformat())

    def event_rows(start: int, count: int):
        kinds = rng.choices(types, type_weights, k=count)
        searched = rng.choices(texts, text_weights, k=count)
        for n, (store, day, hour, minute), kind, text in zip(
                range(start, start + count), moments(count), kinds, searched, strict=True):
            data = "{}"
            if kind == "search" or kind == "zero_result_search":
                data = text_json[text]
                if kind == "zero_result_search":
                    zero_counts[(day, ids[store], text)] += 1
            event_counts[(day, ids[store], kind, hour, day.weekday())] += 1
            yield (f"{n:08x}-0000-4000-8000-000000000001", "0" * 64, store + 1, ids[store],
                   kind, data, stamp_local[(day, hour)] + minute + "+01:00",
                   received(day, hour, minute), day.isoformat(), hour, day.weekday(),
                   day.isoformat())

    rating_columns = ("id", "content_hash", "terminal_id", "store_id", "score", "reasons",
                      "misuse", "rated_terminal_at", "received_at", "local_date",
                      "local_hour", "local_dow", "day")
    event_columns = ("id", "content_hash", "terminal_id", "store_id", "type", "data",
                     "occurred_terminal_at", "received_at", "local_date", "local_hour",
                     "local_dow", "day")
    load = _sqlite_load if db.is_sqlite else _postgres_load
    for start in range(0, ratings, CHUNK):
        load(db, "ratings", rating_columns, rating_rows(start, min(CHUNK, ratings - start)))
    print(f"  {ratings:,} ratings in {time.perf_counter() - started:.0f} s", flush=True)
    for start in range(0, events, CHUNK):
        load(db, "events", event_columns, event_rows(start, min(CHUNK, events - start)))
        if start and start % 2_000_000 == 0:
            print(f"  {start:,} events, {time.perf_counter() - started:.0f} s", flush=True)
    counts = [
        ("rating_counts", ("day", "store_id", "hour", "dow", "score", "misuse", "week",
                           "count"),
         [(*k, week_of(k[0]), n) for k, n in rating_counts.items()]),
        ("reason_counts", ("day", "store_id", "reason", "score", "misuse", "count"),
         [(*k, n) for k, n in reason_counts.items()]),
        ("event_counts", ("day", "store_id", "type", "hour", "dow", "week", "count"),
         [(*k, week_of(k[0]), n) for k, n in event_counts.items()]),
        ("zero_result_counts", ("day", "store_id", "text", "count"),
         [(*k, n) for k, n in zero_counts.items()]),
    ]
    for table, columns, rows in counts:
        load(db, table, columns, iter(rows))
        print(f"  {table}: {len(rows):,} rows")
    _analyze(db)
    print(f"built in {time.perf_counter() - started:.0f} s")


def _sqlite_load(db, table, columns, rows) -> None:
    def cell(value):
        return value.isoformat() if isinstance(value, date) else value
    connection = db.engine.raw_connection()
    try:
        cursor = connection.cursor()
        cursor.execute("BEGIN")
        cursor.executemany(
            f"INSERT INTO {table} ({', '.join(columns)}) VALUES "
            f"({', '.join('?' for _ in columns)})",
            (row if table in ("ratings", "events") else tuple(cell(v) for v in row)
             for row in rows))
        cursor.execute("COMMIT")
    finally:
        connection.close()


def _postgres_load(db, table, columns, rows) -> None:
    connection = db.engine.raw_connection()
    try:
        with connection.cursor() as cursor, cursor.copy(
                f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
        connection.commit()
    finally:
        connection.close()


def _analyze(db) -> None:
    connection = db.engine.raw_connection()
    try:
        if db.is_sqlite:
            connection.execute("ANALYZE")
        else:
            driver = connection.driver_connection     # VACUUM needs no open transaction
            driver.rollback()
            driver.autocommit = True
            with driver.cursor() as cursor:
                cursor.execute("VACUUM ANALYZE")
    finally:
        connection.close()


def time_it(db, label: str, work, runs: int) -> None:
    durations = []
    for _ in range(runs):
        started = time.perf_counter()
        with db.reading() as session:
            work(session)
        durations.append(time.perf_counter() - started)
    durations.sort()
    p95 = durations[min(len(durations) - 1, round(0.95 * len(durations)) - 1)]
    print(f"  {label:<38} p50 {1000 * statistics.median(durations):7.1f} ms   "
          f"p95 {1000 * p95:7.1f} ms")


def measure(db, runs: int) -> None:
    month = queries.Filters(FIRST_DAY, FIRST_DAY + timedelta(days=DAYS - 1))
    one_store = queries.Filters(month.start, month.end, store_id="store-07")
    print(f"dashboard data, {month.start} to {month.end}, {runs} runs each:")
    time_it(db, "every panel, all stores", lambda s: queries.dashboard(s, month), runs)
    time_it(db, "every panel, one store", lambda s: queries.dashboard(s, one_store), runs)
    with_misuse = queries.Filters(month.start, month.end, include_misuse=True)
    time_it(db, "every panel, all stores, with bursts",
            lambda s: queries.dashboard(s, with_misuse), runs)
    for name in queries.PANELS:
        time_it(db, f"  {name}, all stores", lambda s, n=name: queries.panel(s, month, n),
                runs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--postgres", action="store_true")
    parser.add_argument("--ratings", type=int, default=1_000_000)
    parser.add_argument("--events", type=int, default=10_000_000)
    parser.add_argument("--stores", type=int, default=50)
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    from central.db.engine import Database
    from central.db.schema import upgrade

    if args.postgres:
        from support.throwaway_postgres import ThrowawayPostgres
        server = ThrowawayPostgres()
        server.start()
        try:
            db = Database(server.new_database("analytics"))
            upgrade(db)
            print("PostgreSQL (throw-away cluster, fsync off):")
            build(db, args.stores, args.ratings, args.events)
            measure(db, args.runs)
            db.dispose()
        finally:
            server.stop()
        return
    path = OUT / f"central-{args.ratings}-{args.events}-{args.stores}.db"
    built = path.with_suffix(".built")
    if not built.exists():
        OUT.mkdir(parents=True, exist_ok=True)
        for stale in (path, path.with_suffix(".db-wal"), path.with_suffix(".db-shm")):
            stale.unlink(missing_ok=True)
        db = Database(f"sqlite:///{path}")
        upgrade(db)
        print(f"SQLite, building {path.relative_to(ROOT)}:")
        build(db, args.stores, args.ratings, args.events)
        built.touch()
    else:
        db = Database(f"sqlite:///{path}")
        print(f"SQLite ({path.relative_to(ROOT)}, built before):")
    print(f"  file: {path.stat().st_size / 1e9:.1f} GB")
    measure(db, args.runs)
    db.dispose()


if __name__ == "__main__":
    main()
