"""Start the kiosk: Qt application, translations, window, first data load."""

from __future__ import annotations

import logging
import sys
import time
from pathlib import Path

from PySide6.QtCore import QSize, Qt, QTimer, QTranslator
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from kiosk.core.config import KioskConfig
from kiosk.core.db.cache import open_cache
from kiosk.core.db.journal import open_journal
from kiosk.core.db.opening import OpenedDatabase
from kiosk.core.products import ProductCard, featured_cards
from kiosk.i18n import qm_path
from kiosk.ui.formatting import Formatter, shopper_locale
from kiosk.ui.main_window import KioskWindow
from kiosk.ui.tasks import TaskRunner
from kiosk.ui.theme import Theme
from kiosk.ui.thumbnails import ThumbnailCache

log = logging.getLogger(__name__)

SCREENSHOT_MAX_WAIT_S = 8.0
WINDOWED_SIZE = QSize(540, 960)


class KioskApp:
    """Owns the long-lived parts and wires them; screens get only what they need."""

    def __init__(self, app: QApplication, config: KioskConfig, *, windowed: bool) -> None:
        self.app = app
        self.config = config
        self.runner = TaskRunner(app)
        self.theme = Theme()
        self.translator = QTranslator(app)
        self.install_language(config.default_language)
        self.formatter = Formatter(shopper_locale(config.default_language, config.locale),
                                   config.currency)
        self.thumbnails = ThumbnailCache(self.runner, config.images_dir,
                                         QSize(self.theme.px(300), self.theme.px(300)))
        self.window = KioskWindow(config.store_name or config.store_id, self.theme,
                                  self.formatter, self.thumbnails)
        # Opened on the database worker and used only there, never on the GUI thread.
        self.cache: OpenedDatabase | None = None
        self.journal: OpenedDatabase | None = None
        self.cards: list[ProductCard] | None = None   # None until the first load ends
        if windowed or not config.fullscreen:
            self.window.resize(WINDOWED_SIZE)
            self.window.show()
        else:
            # Without a window manager (a bare kiosk session) fullscreen does not resize
            # the window by itself, so give it the screen's geometry first.
            screen = app.primaryScreen()
            if screen is not None:
                self.window.setGeometry(screen.geometry())
            self.window.showFullScreen()
        if not config.show_cursor:
            app.setOverrideCursor(Qt.CursorShape.BlankCursor)
        self.runner.run_db(self._open_databases, self._on_databases_open, self._on_start_error)

    def install_language(self, language: str) -> None:
        self.app.removeTranslator(self.translator)
        if self.translator.load(str(qm_path(language))):
            self.app.installTranslator(self.translator)

    def _open_databases(self):
        # On the database worker: quick_check and migrations may take a while on a big cache.
        data_dir = self.config.data_dir
        journal = open_journal(data_dir)
        cache = open_cache(data_dir)
        cards = featured_cards(cache.conn, self.config.store_id)
        return cache, journal, cards

    def _on_databases_open(self, opened) -> None:
        self.cache, self.journal, cards = opened
        self.cards = cards
        self.window.show_cards(cards)

    def _on_start_error(self, error: BaseException) -> None:
        log.error("could not open the terminal's data", exc_info=error)
        self.window.show_out_of_order()
        self.cards = []

    def settled(self) -> bool:
        """Data shown and every visible image decoded (for screenshots and benchmarks)."""
        return self.cards is not None and self.window.isVisible() and not self.thumbnails.busy


def take_screenshot_when_settled(kiosk: KioskApp, path: Path) -> None:
    started = time.monotonic()
    calm_polls = 0

    def attempt() -> None:
        nonlocal calm_polls
        # Two calm polls in a row: the grid has painted and asked for its images.
        calm_polls = calm_polls + 1 if kiosk.settled() else 0
        if calm_polls >= 2 or time.monotonic() - started > SCREENSHOT_MAX_WAIT_S:
            timer.stop()
            screen = QGuiApplication.primaryScreen()
            image = screen.grabWindow(0) if screen else kiosk.window.grab()
            if image.isNull():
                image = kiosk.window.grab()
            image.save(str(path))
            log.info("screenshot written to %s", path)
            # exit(), not quit(): quit() asks the windows, and the kiosk window says no.
            kiosk.app.exit(0)

    timer = QTimer(kiosk.app)
    timer.timeout.connect(attempt)
    timer.start(200)


def run_app(config: KioskConfig, *, windowed: bool = False,
            screenshot: Path | None = None) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("kiosk")
    kiosk = KioskApp(app, config, windowed=windowed)
    if screenshot is not None:
        take_screenshot_when_settled(kiosk, screenshot)
    code = app.exec()
    kiosk.runner.wait_idle()
    return code
