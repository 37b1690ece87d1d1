"""Sync benchmarks: first sync, a small delta on a big cache, the central server under load.

Prints figures; asserts nothing. Builds its central database once under
benchmarks/out/ (100,000 products, stock in the 8 demo stores), then, on loopback:

- the first sync of that catalog into an empty terminal (products/s, the terminal's
  peak memory), in a process of its own so that its peak is its own: the catalog and
  stock down, timed by the engine, and the whole round with its first images;
- a delta of 100 product changes applied to the 1M-product cache of
  benchmarks/foundation.py (if built);
- idempotent orders per second, and /v1/changes latency while 2,000 simulated
  terminals poll every 30 s.

With --french the catalog is in two languages: every product, its attributes and its
variants' colours also in French, as a chain's store-view file would make them (a
database of its own, benchmarks/out/central-100000-fr).

With --languages-side-by-side only the first sync is measured, of the one-language
catalog and of the two-language one in turn (run after run, so that both see the same
load on a shared machine), and the ratio of their rates is printed.

With --postgres the same, against a throw-away PostgreSQL cluster
(tests/support/throwaway_postgres.py) into which the central database is built each
time. That cluster runs with fsync off: its orders per second do not pay for durability.

    .venv/bin/python benchmarks/sync.py [--database-url URL | --postgres] [--french]
    .venv/bin/python benchmarks/sync.py --languages-side-by-side
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from kiosk_contract.catalog import StockLevel  # noqa: E402
from kiosk_demo.datasets import luma_dir  # noqa: E402

OUT = ROOT / "benchmarks/out/central-100000"
LUMA = luma_dir()
PRODUCTS = 100_000
TERMINALS = 2000
POLL_EVERY_S = 30
LOAD_SECONDS = 30
FIRST_SYNC_RUNS = 3


# The demo's colours, and words of its names, in French: enough to give each product a
# French name, description and colour labels of the lengths a translation has.
FRENCH_COLOURS = {"Black": "Noir", "Blue": "Bleu", "Brown": "Marron", "Gray": "Gris",
                  "Green": "Vert", "Lavender": "Lavande", "Orange": "Orange", "Purple": "Violet",
                  "Red": "Rouge", "White": "Blanc", "Yellow": "Jaune"}
FRENCH_WORDS = {"Jacket": "Veste", "Hoodie": "Sweat à capuche", "Tee": "T-shirt",
                "Pant": "Pantalon", "Pants": "Pantalon", "Short": "Short", "Shorts": "Short",
                "Tank": "Débardeur", "Bra": "Brassière", "Shirt": "Chemise", "Bag": "Sac",
                "Backpack": "Sac à dos", "Watch": "Montre", "Bottle": "Gourde",
                "Sweatshirt": "Sweat", "Legging": "Legging", "Capri": "Corsaire"}


def in_french(product):
    """`product` with a French translation of its name, description, attributes and
    colours."""
    import dataclasses
    name = " ".join(FRENCH_WORDS.get(word, word) for word in product.name.split())
    variants = tuple(
        dataclasses.replace(v, translations={"fr": {"color": FRENCH_COLOURS[v.color]}})
        if v.color in FRENCH_COLOURS else v for v in product.variants)
    text = {"name": name,
            "description_html": "<p>Version française. </p>" + product.description_html}
    if product.attributes:
        text["attributes"] = {key: f"{value} (fr)" for key, value in product.attributes.items()}
    return dataclasses.replace(product, variants=variants, translations={"fr": text})


def build_central(url: str, french: bool = False) -> None:
    from central.catalog import CatalogWriter
    from central.db.engine import Database
    from central.db.schema import upgrade
    from kiosk_demo.luma import DEMO_STORES, read_luma, with_barcodes, with_featured
    from kiosk_demo.synthetic import synthetic_products

    db = Database(url)
    upgrade(db)
    luma = with_featured(with_barcodes(read_luma(LUMA).products))
    products = luma + list(synthetic_products(luma, PRODUCTS - len(luma)))
    if french:
        products = [in_french(p) for p in products]
    rng = random.Random(7)
    taken = datetime.now(timezone.utc).isoformat()
    started = time.perf_counter()
    with db.writing(catalog=True) as session:
        CatalogWriter(session).stores(DEMO_STORES)
    # A transaction per chunk: in a single one, PostgreSQL slows down as it grows
    # (40,000 products: 32 s in one transaction, 20 s in chunks).
    for start in range(0, len(products), 2000):
        chunk = products[start:start + 2000]
        with db.writing(catalog=True) as session:
            writer = CatalogWriter(session)
            writer.products(chunk)
            writer.stock([StockLevel(v.sku, s.id, rng.randint(0, 20), taken)
                          for p in chunk for v in p.variants for s in DEMO_STORES])
    if not db.is_sqlite:
        # As after any bulk load: otherwise autovacuum analyses the new tables in the
        # middle of the measurements, on the cores they share.
        from sqlalchemy import text
        with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.execute(text("VACUUM ANALYZE"))
    db.dispose()
    print(f"central database built in {time.perf_counter() - started:.0f} s "
          f"({len(products):,} products, stock in {len(DEMO_STORES)} stores)")


def build_sqlite_central_once(path: Path, french: bool = False) -> None:
    """Built under another name and renamed when complete: a build cut short is never
    taken for the database. One whose change log holds records of an older form (none
    at all, or stock figures as objects) is built again: its feed would be measured on
    the slower path that builds such records anew."""
    if path.exists() and records_current(path):
        return
    building = path.with_name(path.name + ".building")
    for leftover in ("", "-wal", "-shm"):
        Path(f"{building}{leftover}").unlink(missing_ok=True)
    build_central(f"sqlite:///{building}", french)
    for leftover in ("-wal", "-shm"):      # the replaced database's
        Path(f"{path}{leftover}").unlink(missing_ok=True)
    os.replace(building, path)


def records_current(path: Path) -> bool:
    import sqlite3
    from contextlib import closing
    with closing(sqlite3.connect(path)) as conn:
        try:
            return conn.execute(
                "SELECT NOT EXISTS (SELECT 1 FROM change_log WHERE record IS NULL OR "
                "(kind = 'stock' AND NOT deleted AND record NOT LIKE '[%'))").fetchone()[0] == 1
        except sqlite3.OperationalError:     # no such column: an older database
            return False


FIRST_SYNC = """
import json, resource, sys, time
from datetime import timedelta
from pathlib import Path
from kiosk.core.interpreter import share_the_gil_finely
from kiosk.core.sync.client import CentralClient
from kiosk.core.sync.engine import SyncEngine
share_the_gil_finely()        # as `kiosk run` does for the app's process
data_dir, url, token = Path(sys.argv[1]), sys.argv[2], sys.argv[3]
engine = SyncEngine(data_dir, CentralClient(url, token), version="bench", interval_s=30,
                    purge_after=timedelta(days=30), images_dir=data_dir / "images")
started = time.perf_counter()
status = engine.run_round(push_only=False)
elapsed = time.perf_counter() - started
rows = engine._cache_conn().execute(
    "SELECT (SELECT count(*) FROM products), (SELECT count(*) FROM stock)").fetchone()
usage = resource.getrusage(resource.RUSAGE_SELF)
# The peak of this process's own memory: ru_maxrss also counts the parent's, when the
# parent was the larger at fork (after building the central database, say).
peak_kb = next(int(line.split()[1]) for line in open("/proc/self/status")
               if line.startswith("VmHWM:"))
cache_mb = sum(f.stat().st_size for f in data_dir.glob("cache.db*")) / 1e6
print(json.dumps({"seconds": status.pull_seconds, "round_seconds": elapsed,
                  "cache_mb": cache_mb,
                  "images": status.images_fetched, "products": rows[0], "stock": rows[1],
                  "peak_mb": peak_kb / 1024, "cpu_s": usage.ru_utime + usage.ru_stime,
                  "problem": status.problem}))
"""


def first_sync(server, token: str) -> None:
    # A few runs, each into an empty terminal: on two shared cores one run can be half a
    # second off another, so the median is the figure.
    runs = [first_sync_run(server, token) for _ in range(FIRST_SYNC_RUNS)]
    print(f"first sync (target >= 10,000 products/s in one language, 8,000 in two): "
          f"{describe_first_sync(runs)}")


def first_sync_run(server, token: str) -> dict:
    """One first sync into an empty terminal, in a process of its own."""
    with tempfile.TemporaryDirectory(prefix="bench-terminal-") as data_dir:
        (Path(data_dir) / "images").mkdir()
        server_cpu = cpu_seconds(server.process.pid)
        done = subprocess.run([sys.executable, "-c", FIRST_SYNC, data_dir, server.url,
                               token], capture_output=True, text=True, cwd=ROOT)
        result = json.loads(done.stdout.strip().splitlines()[-1])
        result["server_cpu_s"] = cpu_seconds(server.process.pid) - server_cpu
        return result


def median_run(runs: list[dict]) -> dict:
    return sorted(runs, key=lambda r: r["seconds"])[len(runs) // 2]


def describe_first_sync(runs: list[dict]) -> str:
    result = median_run(runs)
    each = ", ".join(f"{r['seconds']:.1f}" for r in runs)
    # The products and their stock, from the first request to the last page written:
    # what the target is about. The whole round also pushes, says hello and fetches the
    # first images (IMAGES_PER_ROUND of them), which the round's time includes.
    return (f"{result['products']:,} products and {result['stock']:,} stock "
            f"figures in {result['seconds']:.1f} s = "
            f"{result['products'] / result['seconds']:,.0f} products/s "
            f"(median of {len(runs)} runs, each {each} s); "
            f"the whole round, with the first {result['images']} images: "
            f"{result['round_seconds']:.1f} s; terminal peak memory {result['peak_mb']:.0f} MB "
            f"(target <= 300 MB); cache {result['cache_mb']:.0f} MB; "
            f"CPU: terminal {result['cpu_s']:.1f} s, server "
            f"{result['server_cpu_s']:.1f} s {result['problem']}")


def languages_side_by_side() -> None:
    """The first sync of the one-language catalog and of the two-language one, a run of
    each in turn against servers started together, and how the rates compare."""
    from support.central_server import CentralServer

    servers, tokens = {}, {}
    for french in (False, True):
        out = OUT.with_name(OUT.name + "-fr") if french else OUT
        out.mkdir(parents=True, exist_ok=True)
        build_sqlite_central_once(out / "central.db", french)
        server = CentralServer(out, f"sqlite:///{out / 'central.db'}", LUMA / "images")
        server.cli("init-db")
        tokens[french] = server.cli("terminals", "add", "--store", "paris-rivoli", "--name",
                                    f"bench-{uuid.uuid4().hex[:6]}").strip().splitlines()[-1]
        servers[french] = server
    runs: dict[bool, list[dict]] = {False: [], True: []}
    try:
        for server in servers.values():
            server.start()
        print(f"database: sqlite; load average {os.getloadavg()[0]:.1f} "
              f"({os.cpu_count()} cores)")
        for _ in range(FIRST_SYNC_RUNS):
            for french in (False, True):
                runs[french].append(first_sync_run(servers[french], tokens[french]))
    finally:
        for server in servers.values():
            server.stop()
    rates = {french: median_run(r)["products"] / median_run(r)["seconds"]
             for french, r in runs.items()}
    print(f"first sync, one language (target >= 10,000 products/s): "
          f"{describe_first_sync(runs[False])}")
    print(f"first sync, two languages (target >= 8,000 products/s): "
          f"{describe_first_sync(runs[True])}")
    print(f"two languages / one language: {rates[True] / rates[False]:.2f} "
          f"(load average now {os.getloadavg()[0]:.1f})")


def cpu_seconds(pid: int) -> float:
    """User and system time of a running process, from /proc (Linux)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def delta_on_big_cache() -> None:
    from kiosk.core.changes import apply_changes
    from kiosk.core.db.cache import open_cache
    from kiosk_contract.catalog import ChangeBatch
    from kiosk_demo.luma import read_luma
    from kiosk_demo.synthetic import synthetic_products

    big = ROOT / "benchmarks/out/synthetic-1000000"
    if not (big / "cache.db").exists():
        print("delta on a 1M cache: skipped, run benchmarks/foundation.py first")
        return
    conn = open_cache(big, check=False).conn
    changed = list(synthetic_products(read_luma(LUMA).products, 100, seed="delta"))
    timings = []
    for _ in range(5):
        started = time.perf_counter()
        apply_changes(conn, ChangeBatch(products=changed), cursor="bench")
        timings.append(time.perf_counter() - started)
    conn.close()
    print(f"delta of 100 product changes on a 1M-product cache: median "
          f"{statistics.median(timings) * 1000:.0f} ms (target <= 200 ms)")


def order_body() -> bytes:
    return json.dumps({
        "store_id": "paris-rivoli", "reference": "B" + uuid.uuid4().hex[:12].upper(),
        "placed_terminal_at": "2026-11-24T15:03:12+01:00", "language": "fr",
        "customer": {"first_name": "A", "last_name": "B", "email": "a@example.fr",
                     "phone": "+33612345678", "address": {
                         "line1": "1 rue", "line2": "", "postal_code": "75001",
                         "city": "Paris", "country": "FR"}, "instructions": ""},
        "delivery": {"method": "standard", "fee_cents": 490},
        "lines": [{"sku": "MH01-XS-Black", "name": "Hoodie", "quantity": 1,
                   "unit_price_cents": 5200}],
        "total_cents": 5690, "currency": "EUR",
        "consent": {"privacy_notice": "2026-01", "given_terminal_at": "2026-11-24T15:00:00Z"},
    }).encode()


def orders_per_second(server, token: str) -> None:
    import requests
    session = requests.Session()
    headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
    count, started = 0, time.perf_counter()
    while time.perf_counter() - started < 10:
        key = str(uuid.uuid4())
        body = order_body()
        for _ in range(2):      # each order sent twice: the second is a replay
            answer = session.post(f"{server.url}/v1/orders", data=body,
                                  headers=headers | {"Idempotency-Key": key})
            assert answer.status_code == 201, answer.text
        count += 1
    elapsed = time.perf_counter() - started
    print(f"idempotent orders: {count / elapsed:,.0f} new orders/s, each also replayed once "
          f"({2 * count / elapsed:,.0f} requests/s), one client")


def polling_load(server, token: str) -> None:
    import requests
    head = requests.get(f"{server.url}/v1/changes", params={"limit": 1},
                        headers={"Authorization": f"Bearer {token}"}).json()
    # Terminals up to date: their polls mostly find nothing, as on a normal day.
    cursor = head["cursor"]
    while True:
        page = requests.get(f"{server.url}/v1/changes", params={"cursor": cursor,
                                                                 "limit": 2000},
                            headers={"Authorization": f"Bearer {token}"}).json()
        cursor = page["cursor"]
        if not page["has_more"]:
            break
    rate = TERMINALS / POLL_EVERY_S
    latencies: list[float] = []
    lock = threading.Lock()
    local = threading.local()

    def poll() -> None:
        session = getattr(local, "session", None) or requests.Session()
        local.session = session
        started = time.perf_counter()
        answer = session.get(f"{server.url}/v1/changes", params={"cursor": cursor},
                             headers={"Authorization": f"Bearer {token}"})
        assert answer.status_code == 200
        with lock:
            latencies.append(time.perf_counter() - started)

    with ThreadPoolExecutor(max_workers=32) as pool:
        begin = time.perf_counter()
        sent = 0
        while time.perf_counter() - begin < LOAD_SECONDS:
            due = int((time.perf_counter() - begin) * rate)
            while sent < due:
                pool.submit(poll)
                sent += 1
            time.sleep(0.002)
    latencies.sort()
    p50 = latencies[len(latencies) // 2] * 1000
    p99 = latencies[int(len(latencies) * 0.99)] * 1000
    print(f"/v1/changes with {TERMINALS:,} terminals polling every {POLL_EVERY_S} s "
          f"({rate:.0f} requests/s for {LOAD_SECONDS} s): p50 {p50:.1f} ms, "
          f"p99 {p99:.1f} ms (target p99 <= 100 ms)")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--database-url", default=None,
                        help="default: a SQLite database under benchmarks/out")
    parser.add_argument("--postgres", action="store_true",
                        help="build the central database in a throw-away PostgreSQL cluster "
                             "(fsync off) and measure against that")
    parser.add_argument("--french", action="store_true",
                        help="a catalog in two languages: everything also in French")
    parser.add_argument("--languages-side-by-side", action="store_true",
                        help="only the first sync, of the one-language catalog and of the "
                             "two-language one in turn, and the ratio of their rates "
                             "(SQLite)")
    args = parser.parse_args()
    if args.languages_side_by_side:
        languages_side_by_side()
        return 0
    global OUT
    if args.french:
        OUT = OUT.with_name(OUT.name + "-fr")
    OUT.mkdir(parents=True, exist_ok=True)
    if not args.postgres:
        url = args.database_url or f"sqlite:///{OUT / 'central.db'}"
        if url.startswith("sqlite:///"):
            build_sqlite_central_once(Path(url.removeprefix("sqlite:///")), args.french)
        measure(url)
        return 0
    from support.throwaway_postgres import ThrowawayPostgres
    postgres = ThrowawayPostgres()
    postgres.start()
    try:
        url = postgres.new_database("bench")
        build_central(url, args.french)
        measure(url)
    finally:
        postgres.stop()
    return 0


def measure(url: str) -> None:
    from support.central_server import CentralServer

    server = CentralServer(OUT, url, LUMA / "images")
    server.cli("init-db")         # a database built by an older version is brought up to date
    token = server.cli("terminals", "add", "--store", "paris-rivoli", "--name",
                       f"bench-{uuid.uuid4().hex[:6]}").strip().splitlines()[-1]
    server.start()
    try:
        print(f"database: {url.split('://')[0].split('+')[0]}; load average "
              f"{os.getloadavg()[0]:.1f} ({os.cpu_count()} cores)")
        first_sync(server, token)
        orders_per_second(server, token)
        polling_load(server, token)
    finally:
        server.stop()
    delta_on_big_cache()


if __name__ == "__main__":
    sys.exit(main())
