"""App shell benchmarks: cold start to the painted attract screen, memory over a day's use.

Prints figures; asserts nothing. Builds once, under benchmarks/out/, a 100k-product
cache shaped like a real terminal's: the Luma demo (stores, stock, featured products
with images) plus synthetic products up to 100,000. Qt runs offscreen.

    .venv/bin/python benchmarks/app_shell.py
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kiosk.core.datasets import luma_dir  # noqa: E402

CACHE_DIR = ROOT / "benchmarks/out/shell-100000"
LUMA_DIR = luma_dir()
PRODUCTS = 100_000
BATCH = 2000
RUNS = 5
INTERACTIONS = 10_000

BARE_WINDOW = """
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication([])
label = QLabel("hello")
label.resize(1080, 1920)
label.show()
app.processEvents()
label.repaint()
print("painted", flush=True)
"""

KIOSK = """
import sys, time
from PySide6.QtWidgets import QApplication
from kiosk.core.config import load_config
from kiosk.ui.app import KioskApp
app = QApplication([])
kiosk = KioskApp(app, load_config(sys.argv[1]), windowed=True)
kiosk.window.resize(1080, 1920)
# Painted means: featured products loaded and every image on screen decoded.
while not kiosk.settled():
    app.processEvents()
    time.sleep(0.001)
kiosk.window.repaint()
print("painted", flush=True)
"""

DAY_ON_THE_FLOOR = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLineEdit
from kiosk.core.config import load_config
from kiosk.ui.app import KioskApp
app = QApplication([])
kiosk = KioskApp(app, load_config(sys.argv[1]), windowed=True)
steps = int(sys.argv[2])
done = 0

def rss_mb():
    with open("/proc/self/status") as status:
        return next(int(l.split()[1]) for l in status if l.startswith("VmRSS")) / 1024

def interact():
    # One shopper action per turn of the real event loop, so deleteLater() and
    # image decoding results are handled exactly as on the shop floor.
    global done
    if kiosk.cards is None:
        return
    done += 1
    kind = done % 5
    if kind == 0:
        kiosk.start_session()
    elif kind == 1:
        kiosk.window.push(QLineEdit("typed text"))
    elif kind == 2:
        kiosk.window.back()
    elif kind == 3:
        kiosk.set_language("en" if kiosk.language == "fr" else "fr")
    else:
        kiosk.end_session()          # the idle reset
    if done == 1000 or done % 2000 == 0:
        print(f"{done} {rss_mb():.1f}", flush=True)
    if done == steps:
        timer.stop()
        kiosk.runner.wait_idle()
        app.exit(0)

timer = QTimer()
timer.timeout.connect(interact)
timer.start(0)
app.exec()
kiosk.shutdown()
"""


def build_cache() -> None:
    """The demo catalog, then synthetic products until the cache holds PRODUCTS."""
    sys.path.insert(0, str(ROOT))
    from kiosk.core.catalog import ChangeBatch
    from kiosk.core.changes import apply_changes
    from kiosk.core.db.cache import open_cache
    from kiosk.core.demo import build_demo_cache, read_luma
    from kiosk.core.synthetic import synthetic_products

    print(f"building {CACHE_DIR} (once)...", flush=True)
    imported, _ = build_demo_cache(LUMA_DIR, CACHE_DIR)
    conn = open_cache(CACHE_DIR).conn
    extra = list(synthetic_products(read_luma(LUMA_DIR).products,
                                    PRODUCTS - len(imported.products)))
    for start in range(0, len(extra), BATCH):
        apply_changes(conn, ChangeBatch(products=extra[start:start + BATCH]))
    conn.close()


def config_file() -> Path:
    path = CACHE_DIR / "shell-bench.toml"
    path.write_text(
        '[terminal]\nstore_id = "paris-rivoli"\nterminal_id = "bench-01"\n'
        f'[paths]\ndata_dir = "{CACHE_DIR}"\nlog_dir = "{CACHE_DIR / "logs"}"\n'
        f'catalog_images_dir = "{LUMA_DIR / "images"}"\n')
    return path


def time_to_paint(script: str, *args: str) -> float:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    started = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-c", script, *args], stdout=subprocess.PIPE,
                               stderr=subprocess.DEVNULL, text=True, env=env, cwd=ROOT)
    for line in process.stdout:
        if line.strip() == "painted":
            elapsed = time.perf_counter() - started
            process.kill()
            process.wait()
            return elapsed
    raise RuntimeError("the process ended without painting")


def main() -> int:
    if not (CACHE_DIR / "cache.db").exists():
        build_cache()
    config = config_file()
    bare = [time_to_paint(BARE_WINDOW) for _ in range(RUNS)]
    kiosk = [time_to_paint(KIOSK, str(config)) for _ in range(RUNS)]
    bare_s, kiosk_s = statistics.median(bare), statistics.median(kiosk)
    print(f"cold start, median of {RUNS}, process spawn to first paint (100k cache):")
    print(f"  bare PySide6 window:            {bare_s:.2f} s")
    print(f"  kiosk attract screen + picture: {kiosk_s:.2f} s  = {kiosk_s / bare_s:.1f}x bare "
          "(targets: <= 2 s and <= 3x)")

    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run([sys.executable, "-c", DAY_ON_THE_FLOOR, str(config),
                             str(INTERACTIONS)], capture_output=True, text=True, env=env,
                            cwd=ROOT, timeout=1800)
    samples = [tuple(map(float, line.split())) for line in result.stdout.split("\n") if line]
    if not samples:
        print("memory run failed:", result.stderr.strip().splitlines()[-1:])
        return 1
    print(f"resident memory over {INTERACTIONS:,} interactions (navigation, language "
          "switches, idle resets):")
    for step, rss in samples:
        print(f"  after {int(step):>6,}: {rss:6.1f} MB")
    after_first = dict(samples)[1000]
    print(f"  growth after the first 1,000: {samples[-1][1] - after_first:+.1f} MB "
          "(target <= 20 MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
