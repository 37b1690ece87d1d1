"""Product screen benchmark: tap to page shown, and memory over 1,000 product pages.

Prints figures; asserts nothing. Runs the real kiosk offscreen at 1080x1920 on the 100k-
product cache of benchmarks/app_shell.py (built there once, under benchmarks/out/).

- Opening: from the tap (the screen is made and pushed) until the page's data is on
  screen and painted; its pictures arrive afterwards, off the GUI thread, as designed.
- Memory: resident memory before and after 1,000 product pages opened and left with Back.

    .venv/bin/python benchmarks/product_ui.py
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
sys.path.insert(0, str(ROOT / "benchmarks"))

import app_shell  # noqa: E402
from PySide6.QtCore import QCoreApplication, QEvent, QSize  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from kiosk.core.config import load_config  # noqa: E402
from kiosk.core.db.cache import open_cache  # noqa: E402

TIMED_OPENINGS = 300
MEMORY_OPENINGS = 1000


def rss_mb() -> float:
    with open("/proc/self/status") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmRSS")) / 1024


def settle(app: QApplication, until, timeout_s: float = 10.0) -> None:
    deadline = time.perf_counter() + timeout_s
    while not until():
        if time.perf_counter() > deadline:
            raise TimeoutError("the product page did not load")
        app.processEvents()
        time.sleep(0.0005)


def open_product(app: QApplication, kiosk, product_id: int) -> float:
    started = time.perf_counter()
    kiosk.navigator.open_product(product_id)
    screen = kiosk.window.current_screen()
    settle(app, lambda: screen.page is not None)
    screen.repaint()
    return time.perf_counter() - started


def leave(app: QApplication, kiosk) -> None:
    kiosk.window.back()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    app.processEvents()


def main() -> int:
    if not (app_shell.CACHE_DIR / "cache.db").exists():
        app_shell.build_cache()
    ids = [row[0] for row in open_cache(app_shell.CACHE_DIR, check=False).conn.execute(
        "SELECT id FROM products")]
    rng = random.Random(11)
    app = QApplication([])
    from kiosk.ui.app import KioskApp

    kiosk = KioskApp(app, load_config(app_shell.config_file()), windowed=True)
    kiosk.window.resize(QSize(1080, 1920))
    settle(app, lambda: kiosk.cards is not None)
    kiosk.start_session()

    for product_id in rng.sample(ids, 20):          # warm up: caches, fonts, styles
        open_product(app, kiosk, product_id)
        leave(app, kiosk)
    timings = []
    for product_id in rng.sample(ids, TIMED_OPENINGS):
        timings.append(open_product(app, kiosk, product_id) * 1000)
        leave(app, kiosk)
    timings.sort()
    print(f"product page, tap to page painted, {TIMED_OPENINGS} random products of 100,000: "
          f"p50 {statistics.median(timings):.1f} ms, "
          f"p95 {timings[int(len(timings) * 0.95)]:.1f} ms, max {timings[-1]:.1f} ms "
          "(target p95 <= 100 ms)")

    before = rss_mb()
    for product_id in rng.choices(ids, k=MEMORY_OPENINGS):
        open_product(app, kiosk, product_id)
        leave(app, kiosk)
    kiosk.runner.wait_idle()
    app.processEvents()
    after = rss_mb()
    print(f"resident memory over {MEMORY_OPENINGS:,} product pages: {before:.1f} -> "
          f"{after:.1f} MB, {after - before:+.1f} MB (target < 50 MB)")
    kiosk.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
