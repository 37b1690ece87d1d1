"""The terminal's data, from the screens' side: the steps of kiosk.core.db.terminal_data
scheduled on the database worker, and what the kiosk shows before anyone asks.

At start the databases are opened and the featured cards (home and attract screen) shown
at once; the category tiles and the search synonyms come next, then the cache's integrity
check. When sync has rebuilt the cache it is swapped in here, and when sync changes the
catalog the home's cards are read again and every open screen is told; so too when the
shopper switches language, for the catalog's text in theirs.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QObject, Signal

from kiosk.core.catalog_change import EVERYTHING, CatalogChange
from kiosk.core.categories import CategoryTile, top_categories
from kiosk.core.clock import Clock
from kiosk.core.config import KioskConfig, synonyms_path
from kiosk.core.db.terminal_data import TerminalData
from kiosk.core.products import ProductCard, featured_cards
from kiosk.core.synonyms import Synonyms, SynonymsError, load_synonyms
from kiosk.ui.screens.attract import AttractScreen
from kiosk.ui.screens.home import HomeScreen
from kiosk.ui.session import Sessions
from kiosk.ui.shell import KioskShell
from kiosk.ui.tasks import TaskRunner

log = logging.getLogger(__name__)

HomeContent = tuple[list[ProductCard], list[CategoryTile]]


class Storefront(QObject):
    opened = Signal()     # the databases are open and the home shows the featured cards

    def __init__(self, runner: TaskRunner, data: TerminalData, config: KioskConfig,
                 window: KioskShell, home: HomeScreen, attract: AttractScreen,
                 sessions: Sessions, clock: Clock, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._clock = clock     # whose day decides which special prices run
        self._runner = runner
        self._data = data       # used on the database worker only, never on the GUI thread
        self._config = config
        self._window = window
        self._home = home
        self._attract = attract
        self._sessions = sessions
        self.cards: list[ProductCard] | None = None   # None until the first load ends
        self.categories: list[CategoryTile] = []
        self.loading = False
        self._is_open = False
        sessions.language_changed.connect(self.language_changed)

    def open(self) -> None:
        """Open the databases on the worker; the first screen does not wait for them."""
        language, today = self._sessions.language, self._clock.today()
        self._runner.run_db(lambda: self._data.open(
                                lambda conn: featured_cards(conn, self._config.store_id,
                                                            today=today, language=language)),
                            self._on_open, self._on_data_error)

    def swap_in_rebuilt_cache(self, then: Callable[[], None]) -> None:
        """Swap in the cache sync rebuilt, on the worker that runs every query: the next
        one queued already reads the new file."""
        self._runner.run_db(self._data.swap_in_rebuilt_cache, lambda _none: then(),
                            self._on_data_error)

    def catalog_changed(self, change: CatalogChange) -> None:
        """Home reads its cards again; every open screen decides for itself."""
        if self._is_open:
            self.loading = True
            language, today = self._sessions.language, self._clock.today()
            self._runner.run_db(lambda: self._home_content(language, today), self._show)
        for screen in self._window.open_screens():
            screen.catalog_changed(change)

    def language_changed(self, _language: str) -> None:
        """The shopper switched language: the home, the attract screen and every open
        screen read the catalog's text again in it, as after a sync that changed
        everything, each keeping the shopper's place (their choice, the scroll)."""
        self.catalog_changed(EVERYTHING)

    def _on_open(self, cards: list[ProductCard]) -> None:
        # The featured products first: the attract screen waits for nothing else. The
        # category tiles (counted over the whole catalog) and the synonyms come next.
        self._is_open = True
        self._show((cards, self.categories))
        language = self._sessions.language
        self._runner.run_db(lambda: self._menu(language), self._on_menu_loaded)
        self._runner.run_db(lambda: self._check_cache(language), self._on_cache_checked)
        self.opened.emit()

    def _home_content(self, language: str, today: date) -> HomeContent:
        conn = self._data.cache_connection()
        return (featured_cards(conn, self._config.store_id, today=today, language=language),
                top_categories(conn, language))

    def _menu(self, language: str) -> tuple[list[CategoryTile], Synonyms | None]:
        return top_categories(self._data.cache_connection(), language), self._load_synonyms()

    def _load_synonyms(self) -> Synonyms | None:
        try:
            return load_synonyms(synonyms_path(self._config))
        except SynonymsError as error:   # check-config names it too; search still works
            log.error("search synonyms not loaded: %s", error)
            return None

    def _on_menu_loaded(self, loaded: tuple[list[CategoryTile], Synonyms | None]) -> None:
        self.categories, synonyms = loaded
        self._sessions.set_synonyms(synonyms)
        self._home.show_categories(self.categories)

    def _check_cache(self, language: str) -> HomeContent | None:
        # On the worker, before any query queued behind: those read the replaced cache.
        return self._home_content(language) if self._data.check_cache() else None

    def _on_cache_checked(self, content: HomeContent | None) -> None:
        if content is not None:    # the damaged cache was set aside; sync refills the new one
            self._show(content)

    def _show(self, content: HomeContent) -> None:
        self.loading = False
        self.cards, self.categories = content
        self._home.show_categories(self.categories)
        self._home.show_cards(self.cards)
        self._attract.set_cards(self.cards)

    def _on_data_error(self, error: BaseException) -> None:
        log.error("could not open the terminal's data", exc_info=error)
        self.cards = []
        self._home.show_out_of_order()
