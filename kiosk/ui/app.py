"""Start the kiosk and run its sessions: shell, languages, idle reset, crash safety."""

from __future__ import annotations

import functools
import importlib
import logging
import sqlite3
import sys
import time
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSize, Qt, QTimer, QTranslator
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QLabel

from kiosk.core import journey
from kiosk.core.catalog_change import CatalogChange
from kiosk.core.categories import CategoryTile, top_categories
from kiosk.core.clock import SYSTEM_CLOCK, Clock
from kiosk.core.config import KioskConfig
from kiosk.core.db.cache import install_rebuilt_cache, open_cache, recheck_cache
from kiosk.core.db.journal import open_journal
from kiosk.core.db.opening import OpenedDatabase
from kiosk.core.orders import OrderLimits
from kiosk.core.outbox import utc_now
from kiosk.core.products import ProductCard, featured_cards
from kiosk.core.scans import ScanResult, resolve_scan
from kiosk.core.synonyms import Synonyms, SynonymsError, load_synonyms
from kiosk.core.terminal_status import IntegrityCheck, check_integrity
from kiosk.i18n import qm_path
from kiosk.ui.admin.context import AdminContext
from kiosk.ui.admin.mode import AdminMode
from kiosk.ui.assets import install_fonts
from kiosk.ui.catalog_reader import CatalogReader
from kiosk.ui.formatting import Formatter, shopper_locale
from kiosk.ui.hardening import KioskGuard
from kiosk.ui.idle import IdleWatcher, StillThereOverlay
from kiosk.ui.journal_writer import JournalWriter
from kiosk.ui.ratings import RatingRecorder
from kiosk.ui.scanner import ScannerListener
from kiosk.ui.screens.attract import AttractScreen
from kiosk.ui.screens.base import Screen
from kiosk.ui.screens.context import ShopperContext, ShopperSession
from kiosk.ui.screens.home import HomeScreen
from kiosk.ui.shell import LANGUAGE_NAMES, KioskShell, TopBar
from kiosk.ui.tasks import TaskRunner
from kiosk.ui.theme import Theme
from kiosk.ui.thumbnails import ThumbnailCache
from kiosk.ui.widgets.busy import BusyStrip
from kiosk.ui.widgets.compare_tray import CompareTrayBar
from kiosk.ui.widgets.notice import Notice

if TYPE_CHECKING:
    from kiosk.core.orders import PlacedOrder
    from kiosk.ui.live_stock import LiveStock
    from kiosk.ui.sync import SyncService

log = logging.getLogger(__name__)

SCREENSHOT_MAX_WAIT_S = 8.0
WINDOWED_SIZE = {"portrait": QSize(540, 960), "landscape": QSize(960, 540)}
HEARTBEAT_MS = 5000
HEARTBEAT_FILE = "heartbeat"
ERROR_MESSAGE_MS = 4000
# The attract screen's offer to start in another language, in that language's own words.
START_IN_LANGUAGE = QT_TRANSLATE_NOOP("AttractScreen", "Start in English")
# What the attract screen does not need is imported where it is first used (the screens
# when a shopper opens them, the admin panel at the first PIN, form validation with the
# checkout), so that the first screen comes up sooner. They are not loaded ahead on a
# worker: the imports would compete with the first shopper's touches for the interpreter,
# to save less than a tenth of a second at each screen's first opening.


# After the reset, once the shopper's screens are deleted.
RELEASE_MEMORY_AFTER_MS = 1000


@functools.cache
def _glibc():
    if not sys.platform.startswith("linux"):
        return None
    import ctypes   # here: the first screen has no use for it

    try:
        library = ctypes.CDLL("libc.so.6")
    except OSError:    # not glibc
        return None
    return library if hasattr(library, "malloc_trim") else None


def release_freed_memory() -> None:
    """Give the system back the heap that freed objects left: glibc keeps it for reuse,
    and the worker threads' heaps fragment, so that over tens of thousands of sessions the
    kiosk's resident size crept up by megabytes though what it used stayed the same."""
    library = _glibc()
    if library is not None:
        library.malloc_trim(0)


class KioskApp:
    """Owns the long-lived parts and wires them; screens get only what they need."""

    def __init__(self, app: QApplication, config: KioskConfig, *, windowed: bool,
                 clock: Clock = SYSTEM_CLOCK) -> None:
        self.app = app
        self.clock = clock
        self.config = config
        self.runner = TaskRunner(app)
        self.theme = Theme(scale=config.text_scale, font_family=install_fonts())
        # Opened on the database worker and used only there, never on the GUI thread.
        self.cache: OpenedDatabase | None = None
        self.journal: OpenedDatabase | None = None
        self.cards: list[ProductCard] | None = None   # None until the first load ends
        self.categories: list[CategoryTile] = []
        self.synonyms: Synonyms | None = None
        self.catalog = CatalogReader(self.runner, self._cache_connection,
                                     self._journal_connection)
        self.journal_writer = JournalWriter(self.runner, self._journal_connection,
                                            config.store_id)
        # Lives as long as the app: repeated presses and bursts span sessions.
        self.ratings = RatingRecorder(self.journal_writer, config)
        # One translator and one formatter per language, made once: reloading a .qm file
        # at every switch costs memory that Qt does not give back.
        self.translators: dict[str, QTranslator] = {}
        self.formatters: dict[str, Formatter] = {}
        self.language = config.default_language
        self._install_translation(self.language)
        self.formatter = self._formatter_for(self.language)
        self.thumbnails = ThumbnailCache(self.runner, config.images_dir,
                                         QSize(self.theme.px(300), self.theme.px(300)))
        # A product's pictures, and the attract screen's current and next: the rotation
        # through every featured product is decoded again as it turns, not kept.
        self.pictures = ThumbnailCache(self.runner, config.images_dir,
                                       QSize(self.theme.px(900), self.theme.px(900)), capacity=8)
        store_name = config.store_name or config.store_id
        self.top_bar = TopBar(self.theme, store_name, config.languages)
        self.top_bar.show_language(self.language)
        self.top_bar.language_requested.connect(self.set_language)
        self.top_bar.basket_requested.connect(self.open_basket)
        self.attract = AttractScreen(self.theme, self.formatter, self.pictures, store_name)
        self.attract.started.connect(self.start_session)
        self.attract.language_chosen.connect(self._start_in_language)
        self._offer_other_languages()
        self.window = KioskShell(self.theme, self.top_bar, self.attract, config.orientation)
        self.attract.set_landscape(self.window.landscape)
        self.window.landscape_changed.connect(self._on_landscape_changed)
        self.context = self._new_context()
        # The home and the tray bar live as long as the app: the home holds nothing of a
        # shopper's, and the bar follows each new session's tray. Screens a shopper opens
        # are made for them and destroyed at the reset.
        self.home = HomeScreen(self.context)
        self.home.set_landscape(self.window.landscape)
        self.window.push(self.home)
        self.tray = CompareTrayBar(self.context)
        self.window.set_footer(self.tray)
        self.notice = Notice(self.theme, self.window, self.top_bar)
        # Whatever a shopper or staff waits for shows, past a moment, that the kiosk works.
        self.busy = BusyStrip(self.theme, self.window, self.top_bar)
        self.runner.busy_changed.connect(self.busy.set_busy)

        self.idle = IdleWatcher(config.inactivity_timeout_seconds, config.countdown_seconds,
                                app)
        self.still_there = StillThereOverlay(self.theme, self.window)
        self.idle.warning.connect(self.still_there.show_countdown)
        self.idle.extended.connect(self.still_there.hide)
        self.idle.expired.connect(self.end_session)
        self.guard = KioskGuard(app)
        self.scanner = ScannerListener(app)
        self.scanner.scanned.connect(self.open_scanned_code)
        # The databases' integrity checks: those run at start, then those staff ask for.
        self.integrity: dict[str, IntegrityCheck] = {}
        self.admin = AdminMode(
            AdminContext(theme=self.theme, runner=self.runner, catalog=self.catalog,
                         journal=self.journal_writer,
                         config=lambda: self.config, sync=lambda: self.sync,
                         formatter=lambda: self.formatter,
                         integrity=self.integrity),
            self.window, apply_config=self.apply_config, quit=app.exit)
        self.error_message = QLabel(self.window, objectName="ErrorMessage")
        self.error_message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.error_message.setWordWrap(True)
        self.error_message.hide()
        sys.excepthook = self._on_unexpected_error

        self._show_window(windowed)
        self._watch_input()
        self._heartbeat_failing = False
        self._heartbeat = QTimer(app)
        self._heartbeat.timeout.connect(self._beat)
        self._heartbeat.start(HEARTBEAT_MS)
        self._beat()
        self._cards_loading = False
        self.sync: SyncService | None = None     # made once the data is open
        self.live_stock: LiveStock | None = None     # made when a shopper first asks
        self.runner.run_db(self._open_databases, self._on_databases_open, self._on_start_error)

    # --- sessions ---------------------------------------------------------------------

    def start_session(self) -> None:
        self.window.show_session()
        self.idle.start()
        self.journal_writer.record(journey.SESSION_START)

    def end_session(self) -> None:
        """Back to the attract screen with every trace of the shopper gone."""
        self.ratings.finish()      # a rating left mid-question still counts, once
        self.idle.stop()
        self.admin.close("shopper_reset")
        self.still_there.hide()
        self.notice.withdraw()
        if self.window.showing_session():
            self.journal_writer.record(journey.SESSION_END)
        self.context.session.deleteLater()
        self.context = self._new_context()
        self.top_bar.show_basket_count(0)
        self.tray.follow(self.context)
        self.window.show_attract()
        self.home.scroll_to_top()
        if self.language != self.config.default_language:
            self.set_language(self.config.default_language)
        QTimer.singleShot(RELEASE_MEMORY_AFTER_MS, self.window, release_freed_memory)

    def set_language(self, language: str) -> None:
        self.language = language
        self._install_translation(language)   # Qt tells every widget: LanguageChange
        self.formatter = self._formatter_for(language)
        self.context.formatter = self.formatter
        self.top_bar.show_language(language)
        self.attract.set_formatter(self.formatter)
        self._offer_other_languages()
        for index in range(self.window.screens.count()):
            screen = self.window.screens.widget(index)
            if hasattr(screen, "set_formatter"):
                screen.set_formatter(self.formatter)

    def apply_config(self, config: KioskConfig) -> None:
        """A config staff reloaded: what sessions and the idle watcher read takes effect
        now (the shopper's screens read it from their context); the rest is read at
        start only, and admin mode names those keys as waiting for a restart."""
        self.config = config
        self.context.config = config
        self.idle.set_timeouts(config.inactivity_timeout_seconds, config.countdown_seconds)

    def _start_in_language(self, language: str) -> None:
        self.set_language(language)
        self.start_session()

    def _offer_other_languages(self) -> None:
        # Each offer is written in the language it offers, by that language's translator.
        labels = {}
        for code in self.config.languages:
            if code != self.language:
                translator = self._translator_for(code)
                labels[code] = (translator.translate("AttractScreen", START_IN_LANGUAGE)
                                or LANGUAGE_NAMES[code])
        self.attract.set_other_languages(labels)

    def _new_context(self) -> ShopperContext:
        """A fresh context for the next shopper: nothing of the last one's session in it."""
        return ShopperContext(theme=self.theme, formatter=self.formatter,
                              thumbnails=self.thumbnails, pictures=self.pictures,
                              catalog=self.catalog, journal=self.journal_writer,
                              runner=self.runner, navigator=self,
                              session=self._new_session(), config=self.config,
                              synonyms=self.synonyms, clock=self.clock)

    def _new_session(self) -> ShopperSession:
        session = ShopperSession(OrderLimits.from_config(self.config))
        session.basket_changed.connect(
            lambda: self.top_bar.show_basket_count(session.basket.item_count))
        return session

    def _on_landscape_changed(self, landscape: bool) -> None:
        self.attract.set_landscape(landscape)
        for index in range(self.window.screens.count()):
            screen = self.window.screens.widget(index)
            if hasattr(screen, "set_landscape"):
                screen.set_landscape(landscape)

    # --- navigation: what screens ask for (the Navigator of kiosk.ui.screens.context) ---

    def open_category(self, path: str) -> None:
        from kiosk.ui.screens.category import CategoryScreen

        self._open(CategoryScreen(self.context, path))

    def open_search(self, text: str = "") -> None:
        from kiosk.ui.screens.search import SearchScreen

        self._open(SearchScreen(self.context, text))

    def open_product(self, product_id: int, variant_sku: str | None = None) -> None:
        from kiosk.ui.screens.product import ProductScreen

        self._open(ProductScreen(self.context, product_id, variant_sku))

    def open_compare(self) -> None:
        from kiosk.ui.screens.compare import CompareScreen

        self._open(CompareScreen(self.context))

    def open_stores(self, variant_sku: str) -> None:
        from kiosk.ui.live_stock import LiveStock
        from kiosk.ui.screens.stores import StoresScreen

        if self.live_stock is None:
            self.live_stock = LiveStock(self.runner, self.config, self._known_offline)
        self._open(StoresScreen(self.context, variant_sku, self.live_stock))

    def _known_offline(self) -> bool:
        # Only once sync has tried: before its first round, a live question may well work.
        sync = self.sync
        return sync is not None and sync.rounds_done > 0 and not sync.status.online

    def notify(self, message: str) -> None:
        # A notice speaks of the basket, the comparison or the screen as they are: it goes
        # as soon as one of them changes, rather than stay there, no longer true.
        session = self.context.session
        self.notice.show_message(message, until=(session.basket_changed,
                                                 session.compare_changed,
                                                 self.window.screens.currentChanged))

    def go_back(self) -> None:
        self.window.back()

    def open_basket(self) -> None:
        from kiosk.ui.screens.basket import BasketScreen

        if not isinstance(self.window.current_screen(), BasketScreen):
            self._open(BasketScreen(self.context))

    def open_customer_form(self) -> None:
        from kiosk.ui.screens.customer_form import CustomerFormScreen

        self._open(CustomerFormScreen(self.context))

    def open_review(self) -> None:
        from kiosk.ui.screens.review import ReviewScreen

        self._open(ReviewScreen(self.context))

    def show_confirmation(self, order: PlacedOrder) -> None:
        """The basket, the form and the review go: Back leads home, not to the address."""
        from kiosk.ui.screens.confirmation import ConfirmationScreen

        self.window.home()
        online = self.sync is not None and self.sync.status.online
        self._open(ConfirmationScreen(self.context, order, online))

    def order_sent(self) -> None:
        if self.sync is not None:
            self.sync.sync_now()

    def finish_session(self) -> None:
        self.end_session()

    def open_rating(self, at_end: bool = False) -> None:
        from kiosk.ui.screens.rating import RatingScreen

        self._open(RatingScreen(
            self.context, self.ratings, at_end=at_end,
            question_timeout_ms=self.config.rating_question_timeout_seconds * 1000))

    def _open(self, screen) -> None:
        if hasattr(screen, "set_landscape"):
            screen.set_landscape(self.window.landscape)
        self.window.push(screen)

    def open_scanned_code(self, code: str) -> None:
        """A scan anywhere: the product opens with its variant chosen, even from the
        attract screen, which a scan wakes like a touch."""
        if self.admin.take_scan(code):
            return
        if not self.window.showing_session():
            self.start_session()
        self.catalog.fetch(self.window, lambda conn: resolve_scan(conn, code),
                           self._on_scan_resolved)

    def _on_scan_resolved(self, result: ScanResult) -> None:
        self.journal_writer.record(journey.SCAN, {"known": result.outcome == "found"})
        if result.outcome == "found":
            self.open_product(result.product_id, result.variant_sku)
        elif result.outcome == "misread":
            self.notify(QCoreApplication.translate(
                "KioskApp", "The code could not be read. Please scan it again."))
        else:
            self.notify(QCoreApplication.translate(
                "KioskApp", "We do not know this product. A member of staff can help you."))

    # --- start-up ---------------------------------------------------------------------

    def _install_translation(self, language: str) -> None:
        for translator in self.translators.values():
            self.app.removeTranslator(translator)
        self.app.installTranslator(self._translator_for(language))

    def _translator_for(self, language: str) -> QTranslator:
        if language not in self.translators:
            translator = QTranslator(self.app)
            if not translator.load(str(qm_path(language))):
                log.error("no translation file for %r: texts stay in English", language)
            self.translators[language] = translator
        return self.translators[language]

    def _formatter_for(self, language: str) -> Formatter:
        if language not in self.formatters:
            self.formatters[language] = Formatter(shopper_locale(language, self.config.locale),
                                                  self.config.currency)
        return self.formatters[language]

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
        # a scan counts as activity, and keys it holds back never reach the guard twice.
        for watcher in (self.admin, self.scanner, self.guard, self.idle):
            self.input_window.installEventFilter(watcher)

    def _open_databases(self):
        # On the database worker. The cache's integrity check reads the whole file, so it
        # waits until the first screen is up (_check_cache); a file too damaged to open
        # is checked, and replaced, at once.
        data_dir = self.config.data_dir
        started = time.perf_counter()
        journal = open_journal(data_dir)     # checked whole as it opens
        # Set from the worker: one dict assignment, read later on the GUI thread.
        self.integrity["journal"] = IntegrityCheck(
            utc_now(), tuple(journal.damage), time.perf_counter() - started)
        install_rebuilt_cache(data_dir)   # one finished just before the kiosk stopped
        cache = open_cache(data_dir, check=False)
        try:
            cards = featured_cards(cache.conn, self.config.store_id)
        except sqlite3.DatabaseError:
            cache.conn.close()
            cache = open_cache(data_dir)
            cards = featured_cards(cache.conn, self.config.store_id)
        return cache, journal, cards

    def _on_menu_loaded(self, loaded: tuple[list[CategoryTile], Synonyms | None]) -> None:
        self.categories, self.synonyms = loaded
        self.context.synonyms = self.synonyms
        self.home.show_categories(self.categories)

    def _load_synonyms(self) -> Synonyms | None:
        try:
            return load_synonyms(self.config.synonyms_path)
        except SynonymsError as error:   # check-config names it too; search still works
            log.error("search synonyms not loaded: %s", error)
            return None

    def _home_content(self, conn) -> tuple[list[ProductCard], list[CategoryTile]]:
        return featured_cards(conn, self.config.store_id), top_categories(conn)

    def _on_databases_open(self, opened) -> None:
        # The featured products first: the attract screen waits for nothing else. The
        # category tiles (counted over the whole catalog) and the synonyms come next.
        self.cache, self.journal, cards = opened
        self._show_home_content((cards, self.categories))
        self.runner.run_db(lambda: (top_categories(self.cache.conn), self._load_synonyms()),
                           self._on_menu_loaded)
        self.runner.run_db(self._check_cache, self._on_cache_checked)
        if self.config.central_url:
            # The sync modules bring the HTTP stack, a fifth of a second to load: loaded
            # off the GUI thread, after the first screen, which does not need them.
            self.runner.run_compute(lambda: importlib.import_module("kiosk.core.sync.engine"),
                                    self._start_sync)

    def _start_sync(self, _engine_module) -> None:
        from kiosk.ui.sync import SyncService  # its heavy imports are loaded by now

        self.sync = SyncService(self.runner, self.config, self._install_rebuilt_cache, self.app)
        self.sync.catalog_changed.connect(self._on_catalog_changed)
        self.sync.start()

    def _on_catalog_changed(self, change: CatalogChange) -> None:
        """Home reads its cards again; every open screen decides for itself."""
        self._reload_cards()
        for index in range(self.window.screens.count()):
            screen = self.window.screens.widget(index)
            if isinstance(screen, Screen):
                screen.catalog_changed(change)

    def _reload_cards(self) -> None:
        if self.cache is not None:
            self._cards_loading = True
            self.runner.run_db(lambda: self._home_content(self.cache.conn),
                               self._show_home_content)

    def _install_rebuilt_cache(self, then: Callable[[], None]) -> None:
        """Swap in the cache sync rebuilt, on the database worker that reads the old one."""
        def swap() -> None:
            # Replaced here, on the worker, so that the next query queued behind this one
            # already reads the new file.
            if self.cache is not None:
                self.cache.conn.close()
            install_rebuilt_cache(self.config.data_dir)
            self.cache = open_cache(self.config.data_dir)

        self.runner.run_db(swap, lambda _none: then(), self._on_start_error)

    def _show_home_content(self, content: tuple[list[ProductCard], list[CategoryTile]]) -> None:
        self._cards_loading = False
        self.cards, self.categories = content
        self.home.show_categories(self.categories)
        self.home.show_cards(self.cards)
        self.attract.set_cards(self.cards)

    def _check_cache(self):
        self.integrity["cache"] = check_integrity(self.cache.conn)
        checked = self.cache if self.integrity["cache"].ok else recheck_cache(self.cache)
        if checked is self.cache:
            return None
        self.cache = checked     # on the worker, before any query queued behind
        return self._home_content(checked.conn)

    def _on_cache_checked(self, content) -> None:
        if content is not None:    # the damaged cache was set aside; sync refills the new one
            self._show_home_content(content)

    def _cache_connection(self):
        return self.cache.conn if self.cache is not None else None

    def _journal_connection(self):
        return self.journal.conn if self.journal is not None else None

    def _on_start_error(self, error: BaseException) -> None:
        log.error("could not open the terminal's data", exc_info=error)
        self.cards = []
        self.home.show_out_of_order()

    # --- staying alive ----------------------------------------------------------------

    def _beat(self) -> None:
        """Touch the heartbeat file for a watchdog; the write itself runs off the GUI thread."""
        path = self.config.data_dir / HEARTBEAT_FILE
        self.runner.run_compute(path.touch, on_done=self._on_heartbeat_written,
                                on_error=self._on_heartbeat_error)

    def _on_heartbeat_written(self, _result: None) -> None:
        if self._heartbeat_failing:
            log.info("the heartbeat file is written again")
        self._heartbeat_failing = False

    def _on_heartbeat_error(self, error: BaseException) -> None:
        # Said once per failing streak: a watchdog will restart us, and the log says why.
        if not self._heartbeat_failing:
            log.warning("cannot touch the heartbeat file: %s", error)
        self._heartbeat_failing = True

    def _on_unexpected_error(self, kind: type[BaseException], error: BaseException,
                             trace: TracebackType | None) -> None:
        """Log it, tell the shopper in a sentence, and start again from the attract screen."""
        log.error("unexpected error", exc_info=(kind, error, trace))
        if self.error_message.isVisible():
            return   # already starting again
        self.error_message.setText(QCoreApplication.translate(
            "KioskApp", "Sorry, something went wrong. The kiosk is starting again."))
        self.error_message.setAccessibleName(self.error_message.text())
        self.error_message.setGeometry(self.window.rect())
        self.error_message.show()
        self.error_message.raise_()
        QTimer.singleShot(ERROR_MESSAGE_MS, self._recover)

    def _recover(self) -> None:
        self.error_message.hide()
        self.end_session()

    def shutdown(self) -> None:
        """Let go of the application-wide hooks (at exit, and between tests)."""
        if self.sync is not None:
            self.sync.stop()
        if self.live_stock is not None:
            self.live_stock.close()
        self.idle.stop()
        self._heartbeat.stop()
        for watcher in (self.admin, self.scanner, self.guard, self.idle):
            self.input_window.removeEventFilter(watcher)
        for translator in self.translators.values():
            self.app.removeTranslator(translator)
        if sys.excepthook == self._on_unexpected_error:
            sys.excepthook = sys.__excepthook__
        self.ratings.finish()      # before the workers stop: written, not lost
        self.runner.close()

    def settled(self) -> bool:
        """Data shown and every visible image decoded (for screenshots and benchmarks)."""
        first_sync_done = not self.config.central_url or (
            self.sync is not None and self.sync.rounds_done > 0)
        return (self.cards is not None and self.window.isVisible() and first_sync_done
                and not self._cards_loading
                and not self.thumbnails.busy and not self.pictures.busy)


def take_screenshot_when_settled(kiosk: KioskApp, path: Path) -> None:
    started = time.monotonic()
    calm_polls = 0

    def attempt() -> None:
        nonlocal calm_polls
        # Two calm polls in a row: the screen has painted and asked for its images.
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
    kiosk.shutdown()
    return code
