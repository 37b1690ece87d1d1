"""Sync benchmarks: first sync, a small delta on a big cache, the central server under load.

Prints figures; asserts nothing. Builds its central database once under
benchmarks/out/ (100,000 products, stock in the 8 demo stores), then, on loopback:

- the first sync of that catalog into an empty terminal (products/s, the terminal's
  peak memory), in a process of its own so that its peak is its own;
- a delta of 100 product changes applied to the 1M-product cache of
  benchmarks/foundation.py (if built);
- idempotent orders per second, and /v1/changes latency while 2,000 simulated
  terminals poll every 30 s.

    .venv/bin/python benchmarks/sync.py [--database-url URL]
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import subprocess
import sys
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from kiosk.core.catalog import StockLevel  # noqa: E402

OUT = ROOT / "benchmarks/out/central-100000"
LUMA = ROOT.parent / "shared/datasets/luma"
PRODUCTS = 100_000
TERMINALS = 2000
POLL_EVERY_S = 30
LOAD_SECONDS = 30


def build_central(url: str) -> None:
    from central.catalog import CatalogWriter
    from central.db.engine import Database
    from central.db.schema import upgrade
    from kiosk.core.demo import DEMO_STORES, read_luma, with_barcodes, with_featured
    from kiosk.core.synthetic import synthetic_products

    db = Database(url)
    upgrade(db)
    luma = with_featured(with_barcodes(read_luma(LUMA).products))
    products = luma + list(synthetic_products(luma, PRODUCTS - len(luma)))
    rng = random.Random(7)
    taken = datetime.now(timezone.utc).isoformat()
    started = time.perf_counter()
    with db.writing(catalog=True) as session:
        writer = CatalogWriter(session)
        writer.stores(DEMO_STORES)
        for start in range(0, len(products), 2000):
            chunk = products[start:start + 2000]
            writer.products(chunk)
            writer.stock([StockLevel(v.sku, s.id, rng.randint(0, 20), taken)
                          for p in chunk for v in p.variants for s in DEMO_STORES])
    db.dispose()
    print(f"central database built in {time.perf_counter() - started:.0f} s")


FIRST_SYNC = """
import json, resource, sys, time
from datetime import timedelta
from pathlib import Path
from kiosk.core.sync.client import CentralClient
from kiosk.core.sync.engine import SyncEngine
data_dir, url, token = Path(sys.argv[1]), sys.argv[2], sys.argv[3]
engine = SyncEngine(data_dir, CentralClient(url, token), version="bench", interval_s=30,
                    purge_after=timedelta(days=30), images_dir=data_dir / "images")
started = time.perf_counter()
status = engine.run_round(push_only=False)
elapsed = time.perf_counter() - started
rows = engine._cache_conn().execute(
    "SELECT (SELECT count(*) FROM products), (SELECT count(*) FROM stock)").fetchone()
print(json.dumps({"seconds": elapsed, "products": rows[0], "stock": rows[1],
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "problem": status.problem}))
"""


def first_sync(server, token: str) -> None:
    import tempfile
    data_dir = Path(tempfile.mkdtemp(prefix="bench-terminal-"))
    (data_dir / "images").mkdir()
    done = subprocess.run([sys.executable, "-c", FIRST_SYNC, str(data_dir), server.url, token],
                          capture_output=True, text=True, cwd=ROOT)
    result = json.loads(done.stdout.strip().splitlines()[-1])
    print(f"first sync: {result['products']:,} products and {result['stock']:,} stock "
          f"figures in {result['seconds']:.1f} s = "
          f"{result['products'] / result['seconds']:,.0f} products/s "
          f"(target >= 10,000); terminal peak memory {result['peak_mb']:.0f} MB "
          f"(target <= 300 MB) {result['problem']}")


def delta_on_big_cache() -> None:
    from kiosk.core.catalog import ChangeBatch
    from kiosk.core.changes import apply_changes
    from kiosk.core.db.cache import open_cache
    from kiosk.core.demo import read_luma
    from kiosk.core.synthetic import synthetic_products

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
    from support.central_server import CentralServer

    parser = argparse.ArgumentParser()
    parser.add_argument("--database-url", default=f"sqlite:///{OUT / 'central.db'}")
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    if args.database_url.startswith("sqlite") and not (OUT / "central.db").exists():
        build_central(args.database_url)
    server = CentralServer(OUT, args.database_url, LUMA / "images")
    token = server.cli("terminals", "add", "--store", "paris-rivoli", "--name",
                       f"bench-{uuid.uuid4().hex[:6]}").strip().splitlines()[-1]
    server.start()
    try:
        print(f"database: {args.database_url.split('://')[0]}")
        first_sync(server, token)
        orders_per_second(server, token)
        polling_load(server, token)
    finally:
        server.stop()
    delta_on_big_cache()
    return 0


if __name__ == "__main__":
    sys.exit(main())
