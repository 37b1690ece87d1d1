"""What a terminal keeps over weeks of shoppers, and what its first screen waits for.

Counts objects, never time or memory figures: benchmarks/app_shell.py prints those.
"""

from __future__ import annotations

import gc
import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QSize, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from kiosk.ui.screens.context import ShopperSession
from kiosk.ui.thumbnails import ThumbnailCache

ROOT = Path(__file__).resolve().parents[2]
SESSIONS = 6


def live_qobjects(app: QApplication) -> int:
    """Every QObject reachable from the application and its top-level widgets."""
    count, stack = 0, [app, *app.topLevelWidgets()]
    while stack:
        item = stack.pop()
        count += 1
        stack.extend(item.children())
    return count


def live_sessions() -> int:
    gc.collect()
    return sum(isinstance(item, ShopperSession) for item in gc.get_objects())


def settle(qtbot, kiosk) -> None:
    """Nothing left in flight: the workers' answers delivered (and the work they asked
    for), and what deleteLater() was called on deleted. A wait alone left some for later
    on a loaded CI worker."""
    for _ in range(3):
        kiosk.runner.wait_idle()
        QCoreApplication.sendPostedEvents()
        qtbot.wait(20)
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def shop(qtbot, kiosk, session: int) -> None:
    """One shopper: a category, a product, the other language, a search, the basket, and
    the idle reset."""
    kiosk.start_session()
    kiosk.navigator.open_category(kiosk.categories[session % len(kiosk.categories)].path)
    settle(qtbot, kiosk)
    kiosk.navigator.open_product(kiosk.cards[session % len(kiosk.cards)].id)
    settle(qtbot, kiosk)
    kiosk.set_language("en")
    kiosk.navigator.go_back()
    kiosk.navigator.open_search("veste")
    settle(qtbot, kiosk)
    kiosk.navigator.open_basket()
    kiosk.window.home()
    kiosk.end_session()
    settle(qtbot, kiosk)


def test_shoppers_leave_no_widget_object_or_session_behind(qtbot, qapp, kiosk):
    qtbot.waitUntil(lambda: bool(kiosk.categories), timeout=10000)
    shop(qtbot, kiosk, 0)      # what is made once, at the first use, is made now
    # Collected first: what earlier tests left for the garbage collector must not go
    # during the shoppers and pass for widgets they made and freed.
    sessions = live_sessions()
    widgets, qobjects = len(QApplication.allWidgets()), live_qobjects(qapp)

    for session in range(1, SESSIONS + 1):
        shop(qtbot, kiosk, session)

    assert live_sessions() == sessions     # the one waiting for the next shopper
    assert len(QApplication.allWidgets()) == widgets
    assert live_qobjects(qapp) == qobjects


def test_the_image_caches_hold_a_bounded_number_of_bytes(qtbot, runner, tmp_path):
    for index in range(5):
        image = QImage(10, 10, QImage.Format.Format_RGB32)
        image.fill(Qt.GlobalColor.blue)
        image.save(str(tmp_path / f"{index}.png"))
    cache = ThumbnailCache(runner, tmp_path, QSize(10, 10), capacity=2)
    for index in range(5):
        with qtbot.waitSignal(cache.ready, timeout=5000):
            cache.get(f"{index}.png")
        assert cache.size_bytes <= cache.max_bytes

    assert cache.get("4.png") is not None and cache.get("3.png") is not None
    assert cache.get("0.png") is None       # the least recently asked for went first
    assert cache.busy                       # and is decoded again when asked for
    runner.wait_idle()


# Run in a fresh interpreter: the test process has imported everything long before.
FIRST_SCREEN = """
import sys, time
from PySide6.QtWidgets import QApplication
from kiosk.core.config import load_config
from kiosk.ui.app import KioskApp

NOT_FOR_THE_FIRST_SCREEN = (
    "kiosk.ui.screens.category", "kiosk.ui.screens.search", "kiosk.ui.screens.product",
    "kiosk.ui.screens.stores", "kiosk.ui.screens.compare", "kiosk.ui.screens.basket",
    "kiosk.ui.screens.customer_form", "kiosk.ui.screens.review",
    "kiosk.ui.screens.confirmation", "kiosk.ui.screens.rating", "kiosk.ui.admin.panel",
    "kiosk.ui.live_stock", "kiosk.core.validation", "phonenumbers", "email_validator",
    "pydantic_core", "importlib.metadata", "PySide6.QtMultimedia")

app = QApplication([])
kiosk = KioskApp(app, load_config(sys.argv[1]), windowed=True)
give_up = time.monotonic() + 60
while not kiosk.settled() and time.monotonic() < give_up:
    app.processEvents()
    time.sleep(0.01)
print("painted", kiosk.settled(), *(name for name in NOT_FOR_THE_FIRST_SCREEN
                                     if name in sys.modules))
kiosk.start_session()
kiosk.navigator.open_product(kiosk.cards[0].id)
print("opened", type(kiosk.window.current_screen()).__name__)
kiosk.shutdown()
"""


def test_the_first_screen_is_painted_before_the_rest_of_the_app_is_loaded(
        tmp_path, demo_config):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run([sys.executable, "-c", FIRST_SCREEN, str(tmp_path / "kiosk.toml")],
                            capture_output=True, text=True, env=env, cwd=ROOT, timeout=120)
    lines = {line.split()[0]: line.split()[1:] for line in result.stdout.splitlines()}
    assert lines["painted"] == ["True"], result.stderr
    assert lines["opened"] == ["ProductScreen"]      # loaded when the shopper asks
