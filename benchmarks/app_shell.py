"""App shell benchmarks: cold start to the painted attract screen, memory over a terminal's
tens of thousands of interactions between restarts.

Prints figures; asserts nothing. Builds once, under benchmarks/out/, a 100k-product
cache shaped like a real terminal's: the Luma demo (stores, stock, featured products
with images) plus synthetic products up to 100,000. Qt runs offscreen.

    .venv/bin/python benchmarks/app_shell.py            # cold start, then memory to 50,000
    .venv/bin/python benchmarks/app_shell.py --quick    # memory to 10,000 only
    .venv/bin/python benchmarks/app_shell.py --only cold    (or --only memory)
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kiosk_demo.datasets import luma_dir  # noqa: E402

CACHE_DIR = ROOT / "benchmarks/out/shell-100000"
# The memory run's terminal: a copy of the cache, and a journal of its own, so that its
# tens of thousands of journaled events do not slow the next cold starts. In memory where
# the machine has a tmpfs: each journaled event is synced to disk, and on a busy disk the
# syncs, not the app, would set the pace of the run. Removed once the run is over.
MEMORY_DIR = (Path("/dev/shm/kiosk-shell-memory") if Path("/dev/shm").is_dir()
              else ROOT / "benchmarks/out/shell-memory")
LUMA_DIR = luma_dir()
PRODUCTS = 100_000
BATCH = 2000
RUNS = 7
INTERACTIONS = 50_000
QUICK_INTERACTIONS = 10_000
# Growth is measured from here on: by then every cache the journey fills has had its
# chance to fill, so what still grows is what never stops growing.
GROWTH_FROM = 10_000
QUICK_GROWTH_FROM = 2_000

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

# A shopper's session in ten interactions, over and over: every screen a shopper opens is
# made, shown, and destroyed at the reset, as on the shop floor; the product, category and
# search change from one session to the next, so the image caches fill as far as they go.
DAY_ON_THE_FLOOR = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from kiosk.core.config import load_config
from kiosk.ui.app import KioskApp
app = QApplication([])
kiosk = KioskApp(app, load_config(sys.argv[1]), windowed=True)
steps, every = int(sys.argv[2]), int(sys.argv[3])
SEARCHES = ["jacket", "veste", "yoga", "sac", "running", "hoodie", "pantalon", "top"]
done = 0

def rss_mb():
    with open("/proc/self/status") as status:
        return next(int(l.split()[1]) for l in status if l.startswith("VmRSS")) / 1024

def live_qobjects():
    count, stack = 0, [app, *app.topLevelWidgets()]
    while stack:
        item = stack.pop()
        count += 1
        stack.extend(item.children())
    return count

def interact():
    # One shopper action per turn of the real event loop, so deleteLater(), query answers
    # and decoded images are handled exactly as on the shop floor.
    global done
    if kiosk.cards is None or not kiosk.categories:
        return
    session, kind = divmod(done, 10)
    done += 1
    if kind == 0:
        kiosk.start_session()
    elif kind == 1:
        kiosk.navigator.open_category(kiosk.categories[session % len(kiosk.categories)].path)
    elif kind == 2:
        kiosk.navigator.open_product(kiosk.cards[session % len(kiosk.cards)].id)
    elif kind == 3:
        kiosk.set_language("en" if kiosk.language == "fr" else "fr")
    elif kind in (4, 6):
        kiosk.navigator.go_back()
    elif kind == 5:
        kiosk.navigator.open_search(SEARCHES[session % len(SEARCHES)])
    elif kind == 7:
        kiosk.window.home()
    elif kind == 8:
        kiosk.end_session()          # the idle reset
        # A shopper takes a minute, this loop a few milliseconds: let the session's journal
        # writes (each synced to disk) land, or the queue of writes is what grows.
        kiosk.runner.wait_idle()
    else:
        kiosk.attract.show_next()    # what the attract screen does every few seconds
    if done % every == 0:
        print(done, f"{rss_mb():.1f}", len(QApplication.allWidgets()), live_qobjects(),
              f"{(kiosk.thumbnails.size_bytes + kiosk.pictures.size_bytes) / 2**20:.1f}",
              flush=True)
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
    from kiosk.core.changes import apply_changes
    from kiosk.core.db.cache import open_cache
    from kiosk_contract.catalog import ChangeBatch
    from kiosk_demo.luma import build_demo_cache, read_luma
    from kiosk_demo.synthetic import synthetic_products

    print(f"building {CACHE_DIR} (once)...", flush=True)
    imported, _ = build_demo_cache(LUMA_DIR, CACHE_DIR)
    conn = open_cache(CACHE_DIR).conn
    extra = list(synthetic_products(read_luma(LUMA_DIR).products,
                                    PRODUCTS - len(imported.products)))
    for start in range(0, len(extra), BATCH):
        apply_changes(conn, ChangeBatch(products=extra[start:start + BATCH]))
    conn.close()


def config_file(data_dir: Path) -> Path:
    """A terminal on `data_dir` whose journal starts empty, as one whose outbox is synced."""
    for journal in data_dir.glob("journal.db*"):
        journal.unlink()
    path = data_dir / "shell-bench.toml"
    path.write_text(
        '[terminal]\nstore_id = "paris-rivoli"\nterminal_id = "bench-01"\n'
        f'[paths]\ndata_dir = "{data_dir}"\nlog_dir = "{data_dir / "logs"}"\n'
        f'catalog_images_dir = "{LUMA_DIR / "images"}"\n')
    return path


def memory_config() -> Path:
    MEMORY_DIR.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(CACHE_DIR / "cache.db", MEMORY_DIR / "cache.db")
    for leftover in MEMORY_DIR.glob("cache.db-*"):
        leftover.unlink()
    return config_file(MEMORY_DIR)


def child_env() -> dict[str, str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    # A terminal runs from compiled bytecode: with PYTHONDONTWRITEBYTECODE set, every
    # start would be timing the compiler instead.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def time_to_paint(script: str, *args: str) -> float:
    env = child_env()
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


def cold_start(config: Path) -> None:
    # Side by side: each kiosk start right after a bare one, so that a busy moment of the
    # machine weighs on both alike.
    time_to_paint(KIOSK, str(config))     # untimed: writes the bytecode, warms the disk cache
    bare, kiosk = [], []
    for _ in range(RUNS):
        bare.append(time_to_paint(BARE_WINDOW))
        kiosk.append(time_to_paint(KIOSK, str(config)))
    bare_s, kiosk_s = statistics.median(bare), statistics.median(kiosk)
    print(f"cold start, median of {RUNS} side by side, process spawn to first paint "
          "(100k cache):")
    print(f"  bare PySide6 window:            {bare_s:.2f} s   "
          f"({' '.join(f'{s:.2f}' for s in bare)})")
    print(f"  kiosk attract screen + picture: {kiosk_s:.2f} s   "
          f"({' '.join(f'{s:.2f}' for s in kiosk)})")
    print(f"  ratio: {kiosk_s / bare_s:.1f}x bare (targets: <= 2 s and <= 3x)")


def memory(config: Path, steps: int, every: int, growth_from: int) -> int:
    started = time.perf_counter()
    print(f"resident memory over {steps:,} interactions (sessions of category, product, "
          "search, language switch, idle reset; the attract screen turning between them):")
    print("  interactions    RSS MB   widgets  QObjects  image caches MB", flush=True)
    # Qt's warnings go to a file: a pipe nobody reads while the run lasts would fill up.
    errors = tempfile.TemporaryFile("w+")
    process = subprocess.Popen([sys.executable, "-c", DAY_ON_THE_FLOOR, str(config),
                                str(steps), str(every)], stdout=subprocess.PIPE,
                               stderr=errors, text=True, env=child_env(), cwd=ROOT)
    rss_at = {}
    for line in process.stdout:      # each figure as it comes: the whole run takes a while
        step, rss, widgets, qobjects, images = line.split()
        rss_at[int(step)] = float(rss)
        print(f"  {int(step):>12,}  {float(rss):8.1f}  {widgets:>8}  {qobjects:>8}  "
              f"{images:>15}", flush=True)
    status = process.wait()
    print(f"  ({time.perf_counter() - started:.0f} s)")
    if status != 0 or not rss_at:
        errors.seek(0)
        print("memory run ended with status", status, errors.read().strip().splitlines()[-1:])
        return 1
    last = max(rss_at)
    if growth_from in rss_at and last > growth_from:
        print(f"  growth from {growth_from:,} to {last:,}: "
              f"{rss_at[last] - rss_at[growth_from]:+.1f} MB"
              + (" (target <= 5 MB from 10,000 to 50,000)" if growth_from == GROWTH_FROM else ""))
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=" ".join(__doc__.split("\n\n")[0].split()))
    parser.add_argument("--quick", action="store_true",
                        help=f"memory over {QUICK_INTERACTIONS:,} interactions, not "
                             f"{INTERACTIONS:,}")
    parser.add_argument("--only", choices=("cold", "memory"))
    args = parser.parse_args()
    if not (CACHE_DIR / "cache.db").exists():
        build_cache()
    if args.only != "memory":
        cold_start(config_file(CACHE_DIR))
    if args.only == "cold":
        return 0
    config = memory_config()
    try:
        if args.quick:
            return memory(config, QUICK_INTERACTIONS, 1_000, QUICK_GROWTH_FROM)
        return memory(config, INTERACTIONS, 2_500, GROWTH_FROM)
    finally:
        shutil.rmtree(MEMORY_DIR, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
