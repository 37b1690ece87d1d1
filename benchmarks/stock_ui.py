"""Stores screen benchmark: other stores' stock shown from the cache.

Prints figures; asserts nothing. Runs the real kiosk offscreen at 1080x1920 on the demo
cache (the Luma catalog in the chain's 8 stores, built once under benchmarks/out/),
without a central server, so every opening shows the cached figures.

- Opening: from the tap (the screen is made and pushed) until every store's card is on
  screen and painted, over random variants of the catalog.

    .venv/bin/python benchmarks/stock_ui.py
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QCoreApplication, QEvent, QSize  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from kiosk.core.config import load_config  # noqa: E402
from kiosk.core.db.cache import open_cache  # noqa: E402
from kiosk_demo.datasets import luma_dir  # noqa: E402
from kiosk_demo.luma import build_demo_cache  # noqa: E402

LUMA_DIR = luma_dir()
OUT_DIR = ROOT / "benchmarks/out/stock-demo"
TIMED_OPENINGS = 200


def config_file() -> Path:
    if not (OUT_DIR / "cache.db").exists():
        build_demo_cache(LUMA_DIR, OUT_DIR)
    path = OUT_DIR / "stock-bench.toml"
    path.write_text(
        '[terminal]\nstore_id = "paris-rivoli"\nterminal_id = "bench-01"\n'
        f'[paths]\ndata_dir = "{OUT_DIR}"\nlog_dir = "{OUT_DIR / "logs"}"\n'
        f'catalog_images_dir = "{LUMA_DIR / "images"}"\n')
    return path


def settle(app: QApplication, until, timeout_s: float = 10.0) -> None:
    deadline = time.perf_counter() + timeout_s
    while not until():
        if time.perf_counter() > deadline:
            raise TimeoutError("the stores screen did not fill")
        app.processEvents()
        time.sleep(0.0005)


def open_stores(app: QApplication, kiosk, sku: str, stores: int) -> float:
    started = time.perf_counter()
    kiosk.navigator.open_stores(sku)
    screen = kiosk.window.current_screen()
    settle(app, lambda: len(screen.cards) == stores)
    screen.repaint()
    return time.perf_counter() - started


def leave(app: QApplication, kiosk) -> None:
    kiosk.window.back()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    app.processEvents()


def main() -> int:
    config = load_config(config_file())
    conn = open_cache(OUT_DIR, check=False).conn
    skus = [row[0] for row in conn.execute("SELECT sku FROM variants")]
    stores = conn.execute("SELECT count(*) FROM stores").fetchone()[0]
    conn.close()
    rng = random.Random(7)
    app = QApplication([])
    from kiosk.ui.app import KioskApp

    kiosk = KioskApp(app, config, windowed=True)
    kiosk.window.resize(QSize(1080, 1920))
    settle(app, lambda: kiosk.cards is not None)
    kiosk.start_session()

    for sku in rng.sample(skus, 20):           # warm up: fonts, styles, the query plan
        open_stores(app, kiosk, sku, stores)
        leave(app, kiosk)
    timings = []
    for sku in rng.sample(skus, TIMED_OPENINGS):
        timings.append(open_stores(app, kiosk, sku, stores) * 1000)
        leave(app, kiosk)
    timings.sort()
    print(f"other stores' stock shown from the cache, tap to {stores} cards painted, "
          f"{TIMED_OPENINGS} random variants of {len(skus):,}: "
          f"p50 {statistics.median(timings):.1f} ms, "
          f"p95 {timings[int(len(timings) * 0.95)]:.1f} ms, max {timings[-1]:.1f} ms "
          "(target p95 <= 100 ms)")
    kiosk.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
