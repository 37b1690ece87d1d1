"""Foundation benchmarks: import throughput, search latency per keystroke, memory at start.

Prints figures; asserts nothing. Synthetic caches are built once under benchmarks/out/
(reused on later runs; --rebuild to measure the import again).

    .venv/bin/python benchmarks/foundation.py                  # 100k and 1M
    .venv/bin/python benchmarks/foundation.py --sizes 100000   # quicker
    .venv/bin/python benchmarks/foundation.py --sizes 1000000 --french

With --french each size is also built with every product in French as well (names,
descriptions, colours, as benchmarks/sync.py --french makes them), and its search
figures and cache size are printed beside the one-language ones, with French typing too.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kiosk.core.changes import apply_changes  # noqa: E402
from kiosk.core.db.cache import open_cache  # noqa: E402
from kiosk.core.search import query_words, search  # noqa: E402
from kiosk_contract.catalog import ChangeBatch  # noqa: E402
from kiosk_demo.datasets import luma_dir  # noqa: E402
from kiosk_demo.luma import read_luma  # noqa: E402
from kiosk_demo.synthetic import synthetic_products  # noqa: E402

TODAY = date(2026, 11, 25)     # any day: it only decides which special prices run

BATCH = 2000
# What shoppers type, letter by letter: every prefix is one keystroke.
TYPED_QUERIES = [
    "hoodie", "jacket", "yoga pants", "tee", "bag", "watch", "shorts", "tank", "fleece",
    "wool jacket", "cotton tee", "running", "bra", "leggings", "sweatshirt", "backpack",
    "water bottle", "zip hoodie", "gym", "breathe", "cocona", "hero", "chaz", "summit",
]
# What French shoppers type into the two-language cache (names as sync.py translates them).
FRENCH_TYPED_QUERIES = [
    "veste", "sweat à capuche", "pantalon", "t-shirt", "sac à dos", "montre", "gourde",
    "débardeur", "brassière", "veste noir", "short", "corsaire",
]


def build(data_dir: Path, size: int, luma_dir: Path,
          french: bool = False) -> tuple[float, int] | None:
    """Build a synthetic cache; returns (seconds inside apply_changes, variants)."""
    if (data_dir / "cache.db").exists():
        return None
    from sync import in_french  # benchmarks/sync.py: the same French as its --french
    luma = read_luma(luma_dir)
    conn = open_cache(data_dir).conn
    apply_changes(conn, ChangeBatch(categories=list(luma.categories.values())))
    spent, variants, batch = 0.0, 0, []

    def flush() -> None:
        nonlocal spent, variants
        started = time.perf_counter()
        report = apply_changes(conn, ChangeBatch(products=batch))
        spent += time.perf_counter() - started
        variants += report.variants
        batch.clear()

    for product in synthetic_products(luma.products, size):
        batch.append(in_french(product) if french else product)
        if len(batch) == BATCH:
            flush()
    if batch:
        flush()
    conn.execute("INSERT INTO product_search (product_search) VALUES ('optimize')")
    conn.close()
    return spent, variants


def luma_shaped_import(luma_dir: Path, copies: int = 40) -> str:
    """Import rate on real Luma-shaped products (12.6 variants each), SKUs made unique."""
    import dataclasses
    import tempfile

    luma = read_luma(luma_dir)
    products = [
        dataclasses.replace(p, sku=f"{p.sku}~{n}", variants=tuple(
            dataclasses.replace(v, sku=f"{v.sku}~{n}") for v in p.variants))
        for n in range(copies) for p in luma.products]
    with tempfile.TemporaryDirectory() as scratch:
        conn = open_cache(Path(scratch)).conn
        apply_changes(conn, ChangeBatch(categories=list(luma.categories.values())))
        started, variants = time.perf_counter(), 0
        for start in range(0, len(products), BATCH):
            batch = ChangeBatch(products=products[start:start + BATCH])
            variants += apply_changes(conn, batch).variants
        seconds = time.perf_counter() - started
        conn.close()
    return (f"{variants:,} variants of {len(products):,} products in {seconds:.1f} s = "
            f"{variants / seconds:,.0f} variants/s")


def percentiles(samples: list[float]) -> str:
    cuts = statistics.quantiles(samples, n=100, method="inclusive")
    return f"p50 {cuts[49]:6.2f} ms   p95 {cuts[94]:6.2f} ms   p99 {cuts[98]:6.2f} ms"


def keystrokes(queries: list[str] = TYPED_QUERIES) -> list[str]:
    return [query[:n] for query in queries for n in range(1, len(query) + 1)]


def plain_expression(words: list[str]) -> str:
    """The naive query: every word a prefix."""
    return " AND ".join(f'"{w}"*' for w in words)


def time_search(conn: sqlite3.Connection, *, with_plain: bool = True,
                queries: list[str] = TYPED_QUERIES,
                language: str | None = None) -> tuple[list[float], list[float]]:
    ours, plain = [], []
    for text in keystrokes(queries):
        started = time.perf_counter()
        search(conn, text, limit=50, language=language, today=TODAY)
        ours.append((time.perf_counter() - started) * 1000)
        words = query_words(text)
        if not words or not with_plain:
            continue
        started = time.perf_counter()
        conn.execute("SELECT rowid FROM product_search WHERE product_search MATCH ? "
                     "ORDER BY rank LIMIT 50", (plain_expression(words),)).fetchall()
        plain.append((time.perf_counter() - started) * 1000)
    return ours, plain


def resident_memory_after_start(data_dir: Path) -> str:
    """Start the real app offscreen on this cache; report its RSS once the screen is settled."""
    config = data_dir / "bench.toml"
    config.write_text(
        '[terminal]\nstore_id = "paris-rivoli"\nterminal_id = "bench-01"\n'
        f'[paths]\ndata_dir = "{data_dir}"\nlog_dir = "{data_dir / "logs"}"\n'
        f'catalog_images_dir = "{luma_dir() / "images"}"\n')
    probe = (
        "import sys, time\n"
        "from PySide6.QtWidgets import QApplication\n"
        "from kiosk.core.config import load_config\n"
        "from kiosk.ui.app import KioskApp\n"
        "app = QApplication([])\n"
        f"kiosk = KioskApp(app, load_config({str(config)!r}), windowed=True)\n"
        "deadline = time.monotonic() + 20\n"
        "while kiosk.cards is None and time.monotonic() < deadline:\n"
        "    app.processEvents(); time.sleep(0.01)\n"
        "for _ in range(50):\n"
        "    app.processEvents(); time.sleep(0.01)\n"
        "rss = [l for l in open('/proc/self/status') if l.startswith('VmRSS')][0].split()[1]\n"
        "print(int(rss) // 1024)\n"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                            env=env, cwd=ROOT, timeout=120)
    if result.returncode != 0:
        return f"failed: {result.stderr.strip().splitlines()[-1:]}"
    return f"{result.stdout.strip()} MB"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--luma", type=Path, default=luma_dir())
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks/out")
    parser.add_argument("--rebuild", action="store_true")
    parser.add_argument("--french", action="store_true",
                        help="also a two-language cache of each size, measured beside")
    args = parser.parse_args()

    print(f"SQLite {sqlite3.sqlite_version}, Python {sys.version.split()[0]}, "
          f"{os.cpu_count()} CPUs; {len(keystrokes())} keystrokes over {len(TYPED_QUERIES)} "
          "typed queries")
    print(f"import, Luma-shaped catalog: {luma_shaped_import(args.luma)} (target >= 20,000)")
    for size, french in [(size, french) for size in args.sizes
                         for french in ((False, True) if args.french else (False,))]:
        data_dir = args.out / (f"synthetic-{size}-fr" if french else f"synthetic-{size}")
        if args.rebuild and data_dir.exists():
            shutil.rmtree(data_dir)
        print(f"\n== {size:,} products{', English and French' if french else ''} ==")
        built = build(data_dir, size, args.luma, french)
        if built:
            seconds, variants = built
            print(f"import: {variants:,} variants of {size:,} products in {seconds:.1f} s inside "
                  f"apply_changes = {variants / seconds:,.0f} variants/s, "
                  f"{size / seconds:,.0f} products/s (target >= 20,000 variants/s)")
        else:
            print("import: cache reused (--rebuild to measure the import)")
        print(f"cache size: {(data_dir / 'cache.db').stat().st_size / 2**20:,.0f} MB")
        conn = open_cache(data_dir).conn
        time_search(conn, with_plain=False)   # warm the page cache, as a running kiosk's is
        ours, plain = time_search(conn)
        print(f"search per keystroke, ours:        {percentiles(ours)}  (target p95 <= 15 ms, "
              "p99 <= 20 ms)")
        print(f"plain MATCH 'tok*' ORDER BY rank:  {percentiles(plain)}")
        if french:
            ours, _ = time_search(conn, with_plain=False, queries=FRENCH_TYPED_QUERIES,
                                  language="fr")
            print(f"French typing ({len(keystrokes(FRENCH_TYPED_QUERIES))} keystrokes): "
                  f"{percentiles(ours)}")
        conn.close()
        if size == 100_000:
            print(f"resident memory after start: {resident_memory_after_start(data_dir)} "
                  "(target <= 250 MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
