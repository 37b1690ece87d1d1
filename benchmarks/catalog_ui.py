"""Category screen benchmark: frame time while a shopper scrolls a 10,000-product category.

Prints figures; asserts nothing. Builds once, under benchmarks/out/, the Luma demo with
synthetic women's tops added until Women/Tops holds 10,000 products (with stock in every
store, as the demo has). The category screen runs offscreen at 1080x1920, with the
kiosk's typeface and style sheet; products load a page at a time as it scrolls.

Each frame moves the grid by SCROLL_STEP pixels (a brisk flick at 60 frames a second),
lets the event loop hand over pages and decoded images as it would between two frames,
then times a synchronous repaint of the grid. Frames are paced at 60 a second, so that
images decode in the time they would have on the shop floor.

    .venv/bin/python benchmarks/catalog_ui.py
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from datetime import date, datetime, timezone
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QSize  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from kiosk.core.changes import apply_changes  # noqa: E402
from kiosk.core.config import load_config  # noqa: E402
from kiosk.core.db.cache import open_cache  # noqa: E402
from kiosk.core.db.journal import open_journal  # noqa: E402
from kiosk.core.search import SearchFilters, facets, search  # noqa: E402
from kiosk.ui.assets import install_fonts  # noqa: E402
from kiosk.ui.catalog_reader import CatalogReader  # noqa: E402
from kiosk.ui.formatting import Formatter, shopper_locale  # noqa: E402
from kiosk.ui.journal_writer import JournalWriter  # noqa: E402
from kiosk.ui.screens.category import PAGE_SIZE, CategoryScreen  # noqa: E402
from kiosk.ui.screens.context import ShopperContext, ShopperSession  # noqa: E402
from kiosk.ui.tasks import TaskRunner  # noqa: E402
from kiosk.ui.theme import Theme  # noqa: E402
from kiosk.ui.thumbnails import ThumbnailCache  # noqa: E402
from kiosk_contract.catalog import ChangeBatch  # noqa: E402
from kiosk_demo.datasets import luma_dir  # noqa: E402
from kiosk_demo.luma import DEMO_STORES, build_demo_cache, demo_stock, read_luma  # noqa: E402
from kiosk_demo.synthetic import synthetic_products  # noqa: E402

TODAY = date(2026, 11, 25)     # any day: it only decides which special prices run
CATEGORY = "Women/Tops"
PRODUCTS_IN_CATEGORY = 10_000
CACHE_DIR = ROOT / "benchmarks/out/catalog-ui-10000"
LUMA_DIR = luma_dir()
BATCH = 2000
SCREEN = QSize(1080, 1920)
SCROLL_STEP = 120          # pixels a frame: about 7,000 pixels a second at 60 frames
FRAMES = 1500              # 25 seconds of scrolling
FRAME_S = 1 / 60
DEEP_OFFSETS = (0, 2_500, 5_000, 7_500, PRODUCTS_IN_CATEGORY - PAGE_SIZE)


def build_cache() -> None:
    """The demo, then synthetic tops made from the demo's own until the category is full."""
    print(f"building {CACHE_DIR} (once)...", flush=True)
    build_demo_cache(LUMA_DIR, CACHE_DIR)
    tops = [p for p in read_luma(LUMA_DIR).products
            if any(path.startswith(CATEGORY + "/") for path in p.categories)]
    extra = list(synthetic_products(tops, PRODUCTS_IN_CATEGORY - len(tops)))
    conn = open_cache(CACHE_DIR).conn
    for start in range(0, len(extra), BATCH):
        apply_changes(conn, ChangeBatch(products=extra[start:start + BATCH]))
    stock = list(demo_stock(extra, DEMO_STORES, datetime.now(timezone.utc)))
    for start in range(0, len(stock), BATCH * 20):
        apply_changes(conn, ChangeBatch(stock=stock[start:start + BATCH * 20]))
    conn.close()


def config_file() -> Path:
    path = CACHE_DIR / "catalog-ui-bench.toml"
    path.write_text(
        '[terminal]\nstore_id = "paris-rivoli"\nterminal_id = "bench-01"\n'
        f'[paths]\ndata_dir = "{CACHE_DIR}"\nlog_dir = "{CACHE_DIR / "logs"}"\n'
        f'catalog_images_dir = "{LUMA_DIR / "images"}"\n')
    return path


class NowhereNavigator:
    """The benchmark only scrolls: nothing is opened."""

    def open_category(self, path: str) -> None: ...
    def open_search(self, text: str = "") -> None: ...
    def open_product(self, product_id: int, variant_sku: str | None = None) -> None: ...
    def open_compare(self) -> None: ...
    def open_stores(self, variant_sku: str) -> None: ...
    def notify(self, message: str) -> None: ...


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def query_times(conn) -> None:
    """What the database worker spends on each answer, deep into the category."""
    print(f"database worker, {PRODUCTS_IN_CATEGORY:,}-product category, page of {PAGE_SIZE}:")
    for sort in ("relevance", "price_asc"):
        filters = SearchFilters(category_path=CATEGORY, sort=sort)
        cells = []
        for offset in DEEP_OFFSETS:
            started = time.perf_counter()
            search(conn, "", filters, limit=PAGE_SIZE, offset=offset, today=TODAY)
            cells.append(f"{offset:>5}: {(time.perf_counter() - started) * 1000:5.1f} ms")
        print(f"  page at offset ({sort:9}) " + "  ".join(cells))
    for label, filters in (("none", SearchFilters(category_path=CATEGORY)),
                           ("M + in stock here", SearchFilters(
                               category_path=CATEGORY, sizes=frozenset({"M"}),
                               in_stock_at="paris-rivoli"))):
        started = time.perf_counter()
        counted = facets(conn, "", filters, today=TODAY)
        print(f"  facets, filters {label:18} {(time.perf_counter() - started) * 1000:5.1f} ms "
              f"({counted.count:,} products)")


def main() -> int:
    if not (CACHE_DIR / "cache.db").exists():
        build_cache()
    config = load_config(config_file())
    app = QApplication([])
    theme = Theme(font_family=install_fonts())
    runner = TaskRunner(app)
    cache = open_cache(CACHE_DIR).conn
    journal = open_journal(CACHE_DIR).conn
    query_times(cache)
    context = ShopperContext(
        theme=theme,
        formatter=Formatter(shopper_locale("fr", config.locale), config.currency),
        thumbnails=ThumbnailCache(runner, config.images_dir, QSize(300, 300)),
        pictures=ThumbnailCache(runner, config.images_dir, QSize(900, 900)),
        catalog=CatalogReader(runner, lambda: cache, lambda: journal),
        journal=JournalWriter(runner, lambda: journal, config.store_id),
        runner=runner, navigator=NowhereNavigator(), session=ShopperSession(), config=config)
    screen = CategoryScreen(context, CATEGORY)
    screen.setStyleSheet(theme.style_sheet())
    screen.resize(SCREEN)
    screen.show()
    while screen.model.rowCount() == 0 or context.thumbnails.busy:
        app.processEvents()
        time.sleep(0.001)

    grid, bar = screen.grid, screen.grid.verticalScrollBar()
    frames: list[float] = []
    between: list[float] = []      # event loop work before the paint: pages, images, layout
    stalled = 0           # frames that reached the last loaded card before the next page
    for _ in range(FRAMES):
        started = time.perf_counter()
        if bar.value() >= bar.maximum() and screen.model.loading:
            stalled += 1
        bar.setValue(bar.value() + SCROLL_STEP)
        app.processEvents()
        painting = time.perf_counter()
        grid.viewport().repaint()
        frames.append((time.perf_counter() - painting) * 1000)
        between.append((painting - started) * 1000)
        time.sleep(max(0.0, FRAME_S - (time.perf_counter() - started)))

    loaded = screen.model.rowCount()
    print(f"scrolling {CATEGORY} at {SCREEN.width()}x{SCREEN.height()}, {SCROLL_STEP} px a "
          f"frame, {FRAMES} frames ({loaded:,} cards loaded, "
          f"{loaded // PAGE_SIZE} pages of {PAGE_SIZE}):")
    print(f"  grid repaint: p50 {statistics.median(frames):5.2f} ms   "
          f"p95 {percentile(frames, 0.95):5.2f} ms   max {max(frames):5.2f} ms   "
          "(target p95 <= 20 ms)")
    print(f"  event loop before each paint (scroll, pages, images): p50 "
          f"{statistics.median(between):5.2f} ms   p95 {percentile(between, 0.95):5.2f} ms")
    print(f"  frames that reached the end before the next page came: {stalled}")
    runner.wait_idle()
    cache.close()
    journal.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
