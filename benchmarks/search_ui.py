"""Search screen benchmark: from a keystroke to its results painted, on a 100k cache.

Prints figures; asserts nothing. Uses the 100k-product cache benchmarks/app_shell.py
builds under benchmarks/out/ (built here once if missing). Qt runs offscreen.

Each keystroke goes into the field as the on-screen keyboard puts it there; the
debounce is bypassed (search_now is called at once), then the clock stops when the
answer has reached the screen and the results grid has painted it. Keys follow one
another at once, so the images of the last results are still being decoded on other
threads meanwhile (they are not waited for: cards show a placeholder first).

    .venv/bin/python benchmarks/search_ui.py
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app_shell import CACHE_DIR, LUMA_DIR, build_cache, config_file  # noqa: E402
from PySide6.QtCore import QEvent, QEventLoop, QObject, QSize, QTimer, Signal  # noqa: E402
from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget  # noqa: E402

from kiosk.core.config import load_config  # noqa: E402
from kiosk.core.db.cache import open_cache  # noqa: E402
from kiosk.core.db.journal import open_journal  # noqa: E402
from kiosk.core.search_answer import look_up  # noqa: E402
from kiosk.core.synonyms import Synonyms, load_synonyms  # noqa: E402
from kiosk.ui.assets import install_fonts  # noqa: E402
from kiosk.ui.catalog_reader import CatalogReader  # noqa: E402
from kiosk.ui.formatting import Formatter, shopper_locale  # noqa: E402
from kiosk.ui.journal_writer import JournalWriter  # noqa: E402
from kiosk.ui.screens.context import ShopperContext, ShopperSession  # noqa: E402
from kiosk.ui.screens.search import DEBOUNCE_MS, SearchScreen  # noqa: E402
from kiosk.ui.tasks import TaskRunner  # noqa: E402
from kiosk.ui.theme import Theme  # noqa: E402
from kiosk.ui.thumbnails import ThumbnailCache  # noqa: E402

TODAY = date(2026, 11, 25)     # any day: it only decides which special prices run

STORE = "paris-rivoli"
SYNONYMS = ROOT / "assets/search/synonyms.toml"
# What shoppers type, letter by letter (French words, English catalogue words, a typo,
# a code, nothing to find): every prefix is one keystroke.
TYPED_QUERIES = [
    "veste", "jaket", "hoodie", "sac à dos", "women jacket", "t-shirt noir", "pantalon yoga",
    "sweat à capuche", "bra", "water bottle", "zzzzqx", "WJ01",
]
ROUNDS = 3
TARGET_P95_MS = 50


class Navigator:
    """The benchmark taps nothing; the screen still needs somewhere to send the shopper."""

    def open_category(self, path: str) -> None: ...
    def open_search(self, text: str = "") -> None: ...
    def open_product(self, product_id: int, variant_sku: str | None = None) -> None: ...
    def open_compare(self) -> None: ...
    def notify(self, message: str) -> None: ...


def make_screen(runner: TaskRunner, journal_dir: Path, synonyms: Synonyms):
    cache = open_cache(CACHE_DIR, check=False).conn
    journal = open_journal(journal_dir).conn     # searches journalled away from the cache
    theme = Theme(font_family=install_fonts())
    images = LUMA_DIR / "images"
    context = ShopperContext(
        theme=theme, formatter=Formatter(shopper_locale("fr", "fr_FR"), "EUR"),
        thumbnails=ThumbnailCache(runner, images, QSize(300, 300)),
        pictures=ThumbnailCache(runner, images, QSize(900, 900)),
        catalog=CatalogReader(runner, lambda: cache, lambda: journal),
        journal=JournalWriter(runner, lambda: journal, STORE),
        runner=runner, navigator=Navigator(), session=ShopperSession(),
        config=load_config(config_file(CACHE_DIR)), synonyms=synonyms)
    window = QWidget()
    window.setStyleSheet(theme.style_sheet())
    screen = SearchScreen(context)
    QVBoxLayout(window).addWidget(screen)
    window.resize(1080, 1920)
    window.show()
    return window, screen, cache


class PaintCounter(QObject):
    """Counts the paint events of the results grid."""

    painted = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.paints = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.paints += 1
            self.painted.emit()
        return False


def keystroke_to_paint(screen: SearchScreen, counter: PaintCounter, char: str) -> float:
    """Milliseconds from the key to the results grid painted with its answer.

    Qt paints only what changed, when it next turns the event loop: the clock stops at
    the first paint of the grid after the answer reached the screen. The wait is an
    event loop that sleeps, not a polling one that would hold the GIL from the worker.
    """
    loop = QEventLoop()
    paints_at_answer: list[int] = []

    def on_answered(text: str) -> None:
        if text == screen.field.text():
            paints_at_answer.append(counter.paints)

    def on_painted() -> None:
        if paints_at_answer and counter.paints > paints_at_answer[-1]:
            loop.quit()

    screen.answered.connect(on_answered)
    counter.painted.connect(on_painted)
    QTimer.singleShot(5000, loop.quit)      # a lost answer shows as 5 s, not a hang
    started = time.perf_counter()
    screen.field.insert(char)
    screen.search_now()
    loop.exec()
    elapsed = time.perf_counter() - started
    screen.answered.disconnect(on_answered)
    counter.painted.disconnect(on_painted)
    return elapsed * 1000


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def main() -> int:
    if not (CACHE_DIR / "cache.db").exists():
        build_cache()
    app = QApplication([])
    runner = TaskRunner(app)
    with tempfile.TemporaryDirectory() as journal_dir:
        synonyms = load_synonyms(SYNONYMS)
        window, screen, cache = make_screen(runner, Path(journal_dir), synonyms)
        products = cache.execute("SELECT count(*) FROM products").fetchone()[0]
        counter = PaintCounter()
        screen.grid.viewport().installEventFilter(counter)
        # One unmeasured pass: first reads of the file, first layouts and fonts.
        for query in TYPED_QUERIES[:2]:
            screen.field.clear()
            for char in query:
                keystroke_to_paint(screen, counter, char)
        painted: dict[str, list[float]] = {query: [] for query in TYPED_QUERIES}
        for _ in range(ROUNDS):
            for query in TYPED_QUERIES:
                screen.field.clear()
                app.processEvents()
                for char in query:
                    painted[query].append(keystroke_to_paint(screen, counter, char))
        # The worker's share: the same look-ups, straight on the connection.
        worker = []
        for query in TYPED_QUERIES:
            for end in range(1, len(query) + 1):
                started = time.perf_counter()
                look_up(cache, query[:end], 0, STORE, synonyms, TODAY)
                worker.append((time.perf_counter() - started) * 1000)
        window.close()          # journals the last search: let the worker finish it
        runner.wait_idle()

    every = [ms for samples in painted.values() for ms in samples]
    p95 = percentile(every, 0.95)
    print(f"search screen, keystroke to results painted ({products:,} products, "
          f"1080x1920, {len(every)} keystrokes, debounce bypassed):")
    print(f"  p50 {statistics.median(every):6.1f} ms   p95 {p95:6.1f} ms   "
          f"max {max(every):6.1f} ms   (target p95 <= {TARGET_P95_MS} ms)")
    print(f"  of which the database worker's look-up (search + cards + completions): "
          f"p50 {statistics.median(worker):.1f} ms, p95 {percentile(worker, 0.95):.1f} ms")
    print(f"  with the {DEBOUNCE_MS} ms debounce, the last key of a burst shows its results "
          f"after about {DEBOUNCE_MS + statistics.median(every):.0f} ms (p50)")
    print("  per query, p95 over its keystrokes:")
    for query, samples in painted.items():
        print(f"    {query!r:20} {percentile(samples, 0.95):6.1f} ms   max {max(samples):6.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
