"""The kiosk's composition root: `KioskApp` makes the long-lived parts and wires them
together; each part's job is in its own module.

- kiosk/ui/shell.py: the window, the top bar and the stack of screens;
- kiosk/ui/navigator.py: where screens are made and opened;
- kiosk/ui/session.py: a shopper's session, language and context (languages.py: the
  translators and formatters);
- kiosk/ui/catalog_reader.py, journal_writer.py: what screens read and write, on the
  database worker;
- kiosk/ui/storefront.py: opening, checking and swapping the terminal's data (the work
  itself in kiosk/core/db/terminal_data.py), and what the home shows of it;
- kiosk/ui/heartbeat.py, crash_recovery.py, screenshot.py: staying alive and seen.
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QApplication, QLabel

from kiosk.core.categories import CategoryTile
from kiosk.core.clock import SYSTEM_CLOCK, Clock
from kiosk.core.config import KioskConfig
from kiosk.core.db.terminal_data import TerminalData
from kiosk.core.products import ProductCard
from kiosk.ui.accessibility import AccessibilityCoordinator
from kiosk.ui.admin.context import AdminContext
from kiosk.ui.admin.mode import AdminMode
from kiosk.ui.appearance import PICTURE_PX, THUMBNAIL_PX, Appearance, image_bound
from kiosk.ui.assets import install_fonts
from kiosk.ui.catalog_reader import CatalogReader
from kiosk.ui.crash_recovery import CrashRecovery
from kiosk.ui.fleet_settings import FleetSettings
from kiosk.ui.formatting import Formatter
from kiosk.ui.hardening import KioskGuard
from kiosk.ui.heartbeat import Heartbeat
from kiosk.ui.idle import IdleWatcher, StillThereOverlay
from kiosk.ui.journal_writer import JournalWriter
from kiosk.ui.keypad import Keypad
from kiosk.ui.languages import Languages
from kiosk.ui.narrator import Narrator
from kiosk.ui.navigator import ScreenNavigator
from kiosk.ui.ratings import RatingRecorder
from kiosk.ui.scanner import ScannerListener
from kiosk.ui.screens.attract import AttractScreen
from kiosk.ui.screens.context import ShopperContext
from kiosk.ui.screens.home import HomeScreen
from kiosk.ui.screenshot import take_screenshot_when_settled
from kiosk.ui.service import ServiceWatch, SigtermQuit
from kiosk.ui.session import Sessions
from kiosk.ui.shell import KioskShell, TopBar
from kiosk.ui.speech import Speech
from kiosk.ui.storefront import Storefront
from kiosk.ui.tasks import TaskRunner
from kiosk.ui.theme import Theme
from kiosk.ui.thumbnails import ThumbnailCache
from kiosk.ui.widgets.accessibility_menu import AccessibilityMenu
from kiosk.ui.widgets.busy import BusyStrip
from kiosk.ui.widgets.compare_tray import CompareTrayBar
from kiosk.ui.widgets.notice import Notice

if TYPE_CHECKING:
    from kiosk.ui.sync import SyncService

WINDOWED_SIZE = {"portrait": QSize(540, 960), "landscape": QSize(960, 540)}
# What the attract screen does not need is imported where it is first used (the screens
# when a shopper opens them, the admin panel at the first PIN, form validation with the
# checkout), so that the first screen comes up sooner. They are not loaded ahead on a
# worker: the imports would compete with the first shopper's touches for the interpreter,
# to save less than a tenth of a second at each screen's first opening.


class KioskApp:
    """Owns the long-lived parts and wires them; screens get only what they need."""

    def __init__(self, app: QApplication, config: KioskConfig, *, windowed: bool,
                 clock: Clock = SYSTEM_CLOCK) -> None:
        self.app = app
        self.config = config
        self.runner = TaskRunner(app)
        self.theme = Theme(scale=config.text_scale, font_family=install_fonts())
        # Opened, checked and swapped on the database worker, and read only there.
        self.data = TerminalData(config.data_dir)
        self.catalog = CatalogReader(self.runner, self.data.cache_connection,
                                     self.data.journal_connection)
        self.journal_writer = JournalWriter(self.runner, self.data.journal_connection,
                                            config.store_id)
        # Lives as long as the app: repeated presses and bursts span sessions.
        self.ratings = RatingRecorder(self.journal_writer, config)
        self.languages = Languages(app, config)
        formatter = self.languages.install(config.default_language)
        self.thumbnails = ThumbnailCache(self.runner, config.images_dir,
                                         image_bound(self.theme, THUMBNAIL_PX))
        # A product's pictures, and the attract screen's current and next: the rotation
        # through every featured product is decoded again as it turns, not kept.
        self.pictures = ThumbnailCache(self.runner, config.images_dir,
                                       image_bound(self.theme, PICTURE_PX), capacity=8)
        store_name = config.store_name or config.store_id
        self.top_bar = TopBar(self.theme, store_name, config.languages)
        self.top_bar.show_language(config.default_language)
        self.attract = AttractScreen(self.theme, formatter, self.pictures, store_name)
        self.window = KioskShell(self.theme, self.top_bar, self.attract, config.orientation,
                                 config.screen_mounting)
        self.notice = Notice(self.theme, self.window, self.top_bar)
        # Whatever a shopper or staff waits for shows, past a moment, that the kiosk works.
        self.busy = BusyStrip(self.theme, self.window, self.top_bar)
        self.runner.busy_changed.connect(self.busy.set_busy)
        self.sync: SyncService | None = None     # made once the data is open
        self.navigator = ScreenNavigator(self.window, self.notice, lambda: self.context,
                                         self.ratings, lambda: self.sync, self.end_session)
        self.idle = IdleWatcher(config.inactivity_timeout_seconds, config.countdown_seconds,
                                app)
        self.still_there = StillThereOverlay(self.theme, self.window)
        self.admin = AdminMode(
            AdminContext(theme=self.theme, runner=self.runner, catalog=self.catalog,
                         journal=self.journal_writer,
                         config=lambda: self.config, sync=lambda: self.sync,
                         formatter=lambda: self.formatter,
                         integrity=self.data.integrity, clock=clock),
            self.window, apply_config=self.apply_config, quit=app.exit)
        self.sessions = Sessions(
            config=config, clock=clock, languages=self.languages, theme=self.theme,
            thumbnails=self.thumbnails, pictures=self.pictures, catalog=self.catalog,
            journal=self.journal_writer, runner=self.runner, navigator=self.navigator,
            window=self.window, attract=self.attract, ratings=self.ratings, idle=self.idle,
            still_there=self.still_there, notice=self.notice, admin=self.admin)
        # The kiosk's own screen reader, silent until a shopper switches speech on.
        self.speech = Speech(config)
        self.narrator = Narrator(self.speech, app, self.window, self.sessions, self.idle,
                                 self.still_there, self.notice, self.admin.pad)
        # The shopper's text size and contrast, applied live (self.theme is the starting one).
        self.appearance = Appearance(self.theme, self.window, thumbnails=self.thumbnails,
                                     pictures=self.pictures)
        self.appearance.follow(self.sessions.set_theme)
        self.appearance.follow(self.admin.set_theme)
        self.top_bar.language_requested.connect(self.set_language)
        self.top_bar.basket_requested.connect(self.navigator.open_basket)
        # The home and the tray bar live as long as the app: the home holds nothing of a
        # shopper's, and the bar follows each new session's tray. Screens a shopper opens
        # are made for them and destroyed at the reset.
        self.home = HomeScreen(self.context)
        self.window.push(self.home)
        self.tray = CompareTrayBar(self.context)
        self.window.set_footer(self.tray)
        self.sessions.context_replaced.connect(self.tray.follow)
        self.sessions.language_changed.connect(self.tray.language_changed)
        # What the current shopper switched on, and the button and panel to do it with.
        self.accessibility = AccessibilityCoordinator(
            self.sessions, self.idle, speech=self.speech, appearance=self.appearance,
            shell=self.window, parent=self.window)
        self.accessibility.applied.connect(self.narrator.choices_applied)
        self.accessibility_menu = AccessibilityMenu(self.theme, self.window, self.accessibility,
                                                    lambda: self.formatter)
        self.sessions.ended.connect(self.home.scroll_to_top)
        # What IT set on the central server, applied at the idle reset, never mid-session.
        self.fleet_settings = FleetSettings(self.runner, lambda: self.config, self.apply_config)
        self.sessions.ended.connect(self.fleet_settings.apply_if_changed)
        self.idle.warning.connect(self.still_there.show_countdown)
        self.idle.extended.connect(self.still_there.hide)
        self.idle.expired.connect(self.end_session)
        self.guard = KioskGuard(app)
        self.scanner = ScannerListener(app)
        self.scanner.scanned.connect(self._on_scanned)
        # The accessible keypad (EN 301 549 5.1.6.1); staff's admin mode has the keys.
        self.keypad = Keypad(config.keypad_bindings, self.window, self.sessions,
                             self.navigator.go_back, self.speech)
        self.keypad.block_while(lambda: self.admin.active)
        self.keypad.answer_warning_with(self.idle.answered_with)
        self.keypad.pressing.connect(self.narrator.pressing)
        menu = self.accessibility_menu
        self.keypad.add_trailing(lambda: [self.tray, menu.bar.button])
        self.keypad.add_layer(lambda: menu.panel.focus_order() if menu.panel.isVisible() else [])
        self.crash_recovery = CrashRecovery(self.window, self.end_session)
        self.crash_recovery.install()

        self._show_window(windowed)
        self._watch_input()
        self.heartbeat = Heartbeat(self.runner, config.data_dir)
        self.heartbeat.start()
        self.storefront = Storefront(self.runner, self.data, config, self.window, self.home,
                                     self.attract, self.sessions, clock)
        if config.central_url:
            self.storefront.opened.connect(self._load_sync)
        self.storefront.open()
        # systemd's READY once the attract screen is painted, its watchdog from this thread.
        self.service = ServiceWatch(self.attract, parent=self.window)

    # --- what tests, scripts and benchmarks use ---------------------------------------

    @property
    def context(self) -> ShopperContext:
        """The current shopper's context (a new one each session)."""
        return self.sessions.context

    @property
    def language(self) -> str:
        return self.sessions.language

    @property
    def formatter(self) -> Formatter:
        return self.sessions.formatter

    @property
    def cards(self) -> list[ProductCard] | None:
        """The featured products; None until the data is first read."""
        return self.storefront.cards

    @property
    def categories(self) -> list[CategoryTile]:
        return self.storefront.categories

    @property
    def error_message(self) -> QLabel:
        return self.crash_recovery.error_message

    def start_session(self) -> None:
        self.sessions.start()

    def end_session(self) -> None:
        self.sessions.end()

    def set_language(self, language: str) -> None:
        self.sessions.set_language(language)

    def apply_config(self, config: KioskConfig) -> None:
        """A config staff reloaded: what sessions and the idle watcher read takes effect
        now (the shopper's screens read it from their context); the rest is read at
        start only, and admin mode names those keys as waiting for a restart."""
        self.config = config
        self.sessions.apply_config(config)
        self.accessibility.apply_timeouts()     # the new times, as long as the shopper asked

    def settled(self) -> bool:
        """Data shown and every visible image decoded (for screenshots and benchmarks)."""
        first_sync_done = not self.config.central_url or (
            self.sync is not None and self.sync.rounds_done > 0)
        return (self.cards is not None and self.window.isVisible() and first_sync_done
                and not self.storefront.loading
                and not self.thumbnails.busy and not self.pictures.busy)

    def shutdown(self) -> None:
        """Let go of the application-wide hooks (at exit, and between tests)."""
        if self.sync is not None:
            self.sync.stop()
        self.navigator.close()
        self.service.stop()
        self.idle.stop()
        self.heartbeat.stop()
        for watcher in (self.narrator, self.admin, self.keypad, self.scanner, self.guard,
                        self.idle):
            self.input_window.removeEventFilter(watcher)
        self.languages.uninstall()
        self.crash_recovery.uninstall()
        self.ratings.finish()      # before the workers stop: written, not lost
        self.narrator.close()
        self.speech.shutdown()
        self.runner.close()

    # --- wiring -----------------------------------------------------------------------

    def _on_scanned(self, code: str) -> None:
        """A scan anywhere: the product opens with its variant chosen, even from the
        attract screen, which a scan wakes like a touch; staff's scans go to admin mode."""
        if self.admin.take_scan(code):
            return
        if not self.window.showing_session():
            self.start_session()
        self.navigator.open_scanned_code(code)

    def _load_sync(self) -> None:
        # The sync modules bring the HTTP stack, a fifth of a second to load: loaded off
        # the GUI thread, after the first screen, which does not need them.
        self.runner.run_compute(lambda: importlib.import_module("kiosk.core.sync.engine"),
                                self._start_sync)

    def _start_sync(self, _engine_module) -> None:
        from kiosk.ui.sync import SyncService  # its heavy imports are loaded by now

        self.sync = SyncService(self.runner, self.config, self.storefront.swap_in_rebuilt_cache,
                                self.app)
        self.sync.catalog_changed.connect(self.storefront.catalog_changed)
        self.service.follow_sync(self.sync)
        self.sync.status_changed.connect(self._on_sync_status)
        self.sync.start()

    def _on_sync_status(self, status) -> None:
        # New settings from central with nobody at the kiosk: no need to wait for a reset.
        if status.new_fleet_config and not self.window.showing_session():
            self.fleet_settings.apply_if_changed()

    def _show_window(self, windowed: bool) -> None:
        if windowed or not self.config.fullscreen:
            size = WINDOWED_SIZE.get(self.config.orientation, WINDOWED_SIZE["portrait"])
            self.window.resize(size)
            self.window.show()
        else:
            # Without a window manager (a bare kiosk session) fullscreen does not resize
            # the window by itself, so give it the screen's geometry first.
            screen = self.app.primaryScreen()
            if screen is not None:
                self.window.setGeometry(screen.geometry())
            self.window.showFullScreen()
        if not self.config.show_cursor:
            self.app.setOverrideCursor(Qt.CursorShape.BlankCursor)

    def _watch_input(self) -> None:
        # Every touch, click and key reaches the window's QWindow before any widget, so
        # the filters sit there. On the application they would also be called, in Python,
        # for every paint, polish and timer event of every widget.
        self.input_window = self.window.windowHandle()
        # Filters run last installed first: the scanner runs after the idle watcher, so
        # a scan counts as activity, and keys it holds back never reach the guard twice;
        # the keypad after the scanner, which takes a scan's Enter first. The narrator only
        # notes which button a finger presses, whatever the others let through.
        for watcher in (self.narrator, self.admin, self.keypad, self.scanner, self.guard,
                        self.idle):
            self.input_window.installEventFilter(watcher)


def run_app(config: KioskConfig, *, windowed: bool = False,
            screenshot: Path | None = None) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("kiosk")
    kiosk = KioskApp(app, config, windowed=windowed)
    kiosk.stop_on_sigterm = SigtermQuit(app, kiosk.service.notifier)   # systemctl stop
    if screenshot is not None:
        take_screenshot_when_settled(kiosk, screenshot)
    code = app.exec()
    kiosk.shutdown()
    return code
