"""Pressed-state benchmark: from the finger landing to the pressed look painted.

Prints figures; asserts nothing. Runs the real kiosk offscreen at 1080x1920 on the demo
catalog (built into a temporary directory), and presses each kind of control many times
where a shopper finds it: a button of each family, a chip in a scrolled row, a product
card in the grid, a category tile, a keyboard key, a face, a comparison header.

One press: the mouse press enters through the window, as real input does; the clock stops
when the event loop has painted the control (its paint event seen, and the loop turn that
painted it over). The finger then lifts with the control's signals blocked, so that the
screen stays where it is for the next press.

    .venv/bin/python benchmarks/pressed_state.py
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import datetime, timezone
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QEvent, QObject, QPoint, QSize, Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import (  # noqa: E402
    QAbstractButton,
    QApplication,
    QListView,
    QPushButton,
    QWidget,
)  # noqa: E402

from kiosk.core.config import load_config  # noqa: E402
from kiosk_demo.datasets import luma_dir  # noqa: E402
from kiosk_demo.luma import build_demo_cache  # noqa: E402

PRESSES = 200           # per kind of control
TARGET_P95_MS = 16      # one frame at 60 Hz


class PaintWatch(QObject):
    """Notes when the watched widget is painted."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__()
        self.painted = False
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.painted = True
        return False


def settle(app: QApplication, until: Callable[[], bool], timeout_s: float = 10.0) -> None:
    deadline = time.perf_counter() + timeout_s
    while not until():
        if time.perf_counter() > deadline:
            raise TimeoutError("the kiosk did not get there")
        app.processEvents()
        time.sleep(0.001)


def press_to_paint(app: QApplication, widget: QWidget, at: QPoint) -> float:
    """Milliseconds from the press to the pressed look painted, then the finger lifts."""
    window = widget.window()
    handle, left, none = window.windowHandle(), Qt.MouseButton.LeftButton, \
        Qt.KeyboardModifier.NoModifier
    point = widget.mapTo(window, at)
    app.processEvents()
    watch = PaintWatch(widget)
    started = time.perf_counter()
    QTest.mousePress(handle, left, none, point)
    while not watch.painted:
        app.processEvents()
        if time.perf_counter() - started > 5:
            raise TimeoutError(f"{widget.objectName()} was never painted pressed")
    elapsed = (time.perf_counter() - started) * 1000
    if isinstance(widget, QAbstractButton) and not widget.isDown():
        raise RuntimeError(f"{widget.objectName()} was painted, but not as pressed")
    widget.removeEventFilter(watch)
    sender = widget.parentWidget() if isinstance(widget.parentWidget(), QListView) else widget
    sender.blockSignals(True)
    QTest.mouseRelease(handle, left, none, point)
    sender.blockSignals(False)
    app.processEvents()
    return elapsed


def measure(app: QApplication, kind: str, widget: QWidget,
            at: QPoint | None = None) -> list[float]:
    centre = widget.rect().center() if at is None else at
    for _ in range(10):                                  # warm up: styles, fonts
        press_to_paint(app, widget, centre)
    timings = sorted(press_to_paint(app, widget, centre) for _ in range(PRESSES))
    print(f"  {kind:<34} p50 {statistics.median(timings):5.1f} ms   "
          f"p95 {timings[int(len(timings) * 0.95)]:5.1f} ms   max {timings[-1]:5.1f} ms")
    return timings


def named(root: QWidget, cls: type, object_name: str) -> QWidget:
    return next(widget for widget in root.findChildren(cls)
                if widget.objectName() == object_name and widget.isVisible())


def main() -> int:
    app = QApplication([])
    from kiosk.ui.app import KioskApp

    with tempfile.TemporaryDirectory() as scratch:
        data_dir = Path(scratch) / "data"
        build_demo_cache(luma_dir(), data_dir, now=datetime.now(timezone.utc))
        config_path = Path(scratch) / "kiosk.toml"
        config_path.write_text(
            '[terminal]\nstore_id = "paris-rivoli"\nterminal_id = "bench-01"\n'
            f'[paths]\ndata_dir = "{data_dir}"\nlog_dir = "{Path(scratch) / "logs"}"\n'
            f'catalog_images_dir = "{luma_dir() / "images"}"\n', encoding="utf-8")
        kiosk = KioskApp(app, load_config(config_path), windowed=True)
        kiosk.window.resize(QSize(1080, 1920))
        settle(app, lambda: kiosk.cards is not None and bool(kiosk.categories))
        kiosk.start_session()
        window = kiosk.window
        print(f"press -> pressed look painted, {PRESSES} presses per control, 1080x1920:")
        everything: list[float] = []

        home = window.current_screen()
        everything += measure(app, "search entry", named(home, QPushButton, "SearchEntry"))
        everything += measure(app, "secondary button", named(home, QPushButton,
                                                             "SecondaryButton"))
        tile = next(w for w in home.findChildren(QWidget) if w.objectName() == "CategoryTile")
        everything += measure(app, "category tile", tile)

        kiosk.navigator.open_category(kiosk.categories[0].path)
        category = window.current_screen()
        settle(app, lambda: category.model.rowCount() > 0)
        everything += measure(app, "top bar button (Home)",
                              named(window.top_bar, QPushButton, "TopBarButton"))
        everything += measure(app, "chip in a scrolled row",
                              named(category.sub_categories, QPushButton, "Chip"))
        grid = category.grid
        card = grid.visualRect(grid.model().index(0, 0))
        everything += measure(app, "product card in the grid", grid.viewport(), card.center())
        category.open_filters()
        settle(app, lambda: category.panel.isVisible())
        everything += measure(app, "filter chip", named(category.panel, QPushButton, "Chip"))
        everything += measure(app, "primary button",
                              named(category.panel, QPushButton, "PrimaryButton"))
        category.close_filters()

        kiosk.navigator.open_search()
        search = window.current_screen()
        everything += measure(app, "on-screen keyboard key",
                              named(search.keyboard, QPushButton, "KeyboardKey"))

        session = kiosk.context.session
        for card_ in kiosk.cards[:2]:
            session.add_to_compare(card_.id)
        kiosk.navigator.open_compare()
        compare = window.current_screen()
        settle(app, lambda: any(w.objectName() == "CompareHeader" and w.isVisible()
                                for w in compare.findChildren(QWidget)))
        header = next(w for w in compare.findChildren(QWidget)
                      if w.objectName() == "CompareHeader")
        everything += measure(app, "comparison header (tap area)", header)

        kiosk.navigator.open_rating()
        rating = window.current_screen()
        everything += measure(app, "face (rating)", rating.faces[0])

        everything.sort()
        p95 = everything[int(len(everything) * 0.95)]
        print(f"all controls: p50 {statistics.median(everything):.1f} ms, p95 {p95:.1f} ms, "
              f"max {everything[-1]:.1f} ms (target p95 <= {TARGET_P95_MS} ms)")
        kiosk.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
