"""The shopper's session: it starts at a touch (or a scan), it ends at the idle reset or
when the shopper is done, with every trace of them gone, and meanwhile the shopper may
switch language. Each session gets a fresh `ShopperContext` made here."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from kiosk.core import journey
from kiosk.core.accessibility import AccessibilityChoices
from kiosk.core.clock import Clock
from kiosk.core.config import KioskConfig
from kiosk.core.orders import OrderLimits
from kiosk.core.store_stock import variants_named
from kiosk.core.synonyms import Synonyms
from kiosk.ui.admin.mode import AdminMode
from kiosk.ui.catalog_reader import CatalogReader
from kiosk.ui.formatting import Formatter
from kiosk.ui.idle import IdleWatcher, StillThereOverlay
from kiosk.ui.journal_writer import JournalWriter
from kiosk.ui.languages import Languages
from kiosk.ui.memory import release_freed_memory
from kiosk.ui.ratings import RatingRecorder
from kiosk.ui.screens.attract import AttractScreen
from kiosk.ui.screens.context import Navigator, ShopperContext, ShopperSession
from kiosk.ui.shell import KioskShell
from kiosk.ui.tasks import TaskRunner
from kiosk.ui.theme import Theme
from kiosk.ui.thumbnails import ThumbnailCache
from kiosk.ui.widgets.notice import Notice

# After the reset, once the shopper's screens are deleted.
RELEASE_MEMORY_AFTER_MS = 1000


class Sessions(QObject):
    # The next shopper's context, made at the reset (the compare tray bar follows it).
    context_replaced = Signal(object)     # ShopperContext
    ended = Signal()                      # the attract screen is up again
    language_changed = Signal(str)        # once every screen has its words in it

    def __init__(self, *, config: KioskConfig, clock: Clock, languages: Languages,
                 theme: Theme, thumbnails: ThumbnailCache, pictures: ThumbnailCache,
                 catalog: CatalogReader, journal: JournalWriter, runner: TaskRunner,
                 navigator: Navigator, window: KioskShell, attract: AttractScreen,
                 ratings: RatingRecorder, idle: IdleWatcher, still_there: StillThereOverlay,
                 notice: Notice, admin: AdminMode, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.config = config
        self._clock = clock
        self._languages = languages
        self._theme = theme
        self._thumbnails = thumbnails
        self._pictures = pictures
        self._catalog = catalog
        self._journal = journal
        self._runner = runner
        self._navigator = navigator
        self._window = window
        self._attract = attract
        self._ratings = ratings
        self._idle = idle
        self._still_there = still_there
        self._notice = notice
        self._admin = admin
        self.synonyms: Synonyms | None = None      # loaded after the first screen
        self.language = config.default_language
        self.formatter: Formatter = languages.formatter_for(self.language)
        self.context = self._new_context()
        attract.language_chosen.connect(self._start_in_language)
        attract.started.connect(self.start)
        self._offer_other_languages()

    def start(self) -> None:
        self._window.show_session()
        self._idle.start()
        self._journal.record(journey.SESSION_START)

    def end(self) -> None:
        """Back to the attract screen with every trace of the shopper gone."""
        self._ratings.finish()      # a rating left mid-question still counts, once
        self._idle.stop()
        self._admin.close("shopper_reset")
        self._still_there.hide()
        self._notice.withdraw()
        if self._window.showing_session():
            self._journal.record(journey.SESSION_END)
        self.context.session.deleteLater()
        self.context = self._new_context()
        self.context_replaced.emit(self.context)
        self._window.top_bar.show_basket_count(0)
        self._window.show_attract()
        self.ended.emit()
        if self.language != self.config.default_language:
            self.set_language(self.config.default_language)
        QTimer.singleShot(RELEASE_MEMORY_AFTER_MS, self._window, release_freed_memory)

    def set_language(self, language: str) -> None:
        self.language = language
        self.formatter = self._languages.install(language)   # every widget: LanguageChange
        self.context.formatter = self.formatter
        self._window.top_bar.show_language(language)
        self._attract.set_formatter(self.formatter)
        self._offer_other_languages()
        for screen in self._window.open_screens():
            screen.set_formatter(self.formatter)
        self._window.name_screens()      # once each has its words and numbers in the language
        self.language_changed.emit(language)
        self._rename_basket()

    def _rename_basket(self) -> None:
        """The basket's products, sizes and colours read in the new language: the basket,
        the review and the order's lines say what the shopper reads."""
        session, language = self.context.session, self.language
        skus = [line.sku for line in session.basket.lines]
        if skus:
            self._catalog.fetch(session, lambda conn: variants_named(conn, skus, language),
                                session.rename_basket)

    def set_theme(self, theme: Theme) -> None:
        """The shopper chose another text size or contrast: the screens they open from now
        on, and the next shopper's, are made with `theme` (kiosk/ui/appearance.py)."""
        self._theme = theme
        self.context.theme = theme

    def set_synonyms(self, synonyms: Synonyms | None) -> None:
        self.synonyms = synonyms
        self.context.synonyms = synonyms

    def apply_config(self, config: KioskConfig) -> None:
        """What sessions read of a config staff reloaded: the next session's limits and
        language, and what the current shopper's screens read from their context."""
        self.config = config
        self.context.config = config

    def _start_in_language(self, language: str) -> None:
        self.set_language(language)
        self.start()

    def _offer_other_languages(self) -> None:
        self._attract.set_other_languages(self._languages.offers_besides(self.language))

    def _new_context(self) -> ShopperContext:
        """A fresh context for the next shopper: nothing of the last one's session in it."""
        return ShopperContext(theme=self._theme, formatter=self.formatter,
                              thumbnails=self._thumbnails, pictures=self._pictures,
                              catalog=self._catalog, journal=self._journal,
                              runner=self._runner, navigator=self._navigator,
                              session=self._new_session(), config=self.config,
                              synonyms=self.synonyms, clock=self._clock)

    def _new_session(self) -> ShopperSession:
        session = ShopperSession(OrderLimits.from_config(self.config),
                                 AccessibilityChoices.from_config(self.config))
        top_bar = self._window.top_bar
        session.basket_changed.connect(
            lambda: top_bar.show_basket_count(session.basket.item_count))
        return session
