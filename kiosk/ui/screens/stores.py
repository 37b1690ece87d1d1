"""Where else the chosen variant is: its stock in every store, this one first, then nearest.

The cache's figures are shown at once; meanwhile the central server is asked for live
ones, which replace them card by card if they come within the configured time. Past it,
or without a server, the cached figures stay, each with its age, and a note says so.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import timedelta
from enum import Enum

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.core.catalog_change import CatalogChange
from kiosk.core.store_stock import (
    Certainty,
    LiveFigure,
    StoreStock,
    certainty,
    merge_live,
    stock_in_stores,
)
from kiosk.ui.formatting import Formatter
from kiosk.ui.live_stock import LiveStock
from kiosk.ui.screens.base import Screen
from kiosk.ui.screens.context import ShopperContext
from kiosk.ui.stock_words import counted_words, level_of, level_text, restock_words
from kiosk.ui.widgets.icons import stock_level_pixmap
from kiosk.ui.widgets.kinetic import finger_scroll_area
from kiosk.ui.widgets.text import show_text, wrapped_label

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
AGE_REFRESH_MS = 60_000     # "counted 3 min ago" must not stay at 3 for long


def _variant_of(conn, variant_sku: str) -> tuple[str, str | None, str | None]:
    """The product's name, the variant's size and colour; the SKU alone for one unknown."""
    row = conn.execute("SELECT p.name, v.size, v.color FROM variants v "
                       "JOIN products p ON p.id = v.product_id WHERE v.sku = ?",
                       (variant_sku,)).fetchone()
    return tuple(row) if row else (variant_sku, None, None)


class Figures(Enum):
    """Where the figures on screen come from."""

    CHECKING = "checking"    # the cache's, while the server is asked
    LIVE = "live"            # the server answered in time
    CACHED = "cached"        # the cache's, and no live answer will replace them


class StoreCard(QFrame):
    """One store: its figure for the variant, and its address and hours a tap away."""

    def __init__(self, context: ShopperContext, store: StoreStock,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("StoreCard")
        self._context = context
        self.store = store
        self.name = wrapped_label("StoreCardName")
        self.icon = QLabel(objectName="StoreCardIcon")
        self.level = wrapped_label("StoreCardLevel")
        self.age = wrapped_label("StoreCardAge")
        self.restock = wrapped_label("StoreCardRestock")
        self.details_button = QPushButton(objectName="StoreDetailsButton")
        self.details_button.setCheckable(True)
        self.details_button.toggled.connect(self._show_details)
        self.details = wrapped_label("StoreCardDetails")
        self.details.hide()
        spacing = context.theme.spacing
        level_row = QHBoxLayout()
        level_row.setSpacing(spacing)
        level_row.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignVCenter)
        level_row.addWidget(self.level, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(spacing * 2, spacing, spacing * 2, spacing)
        layout.setSpacing(spacing // 2)
        layout.addWidget(self.name)
        layout.addLayout(level_row)
        for widget in (self.age, self.restock, self.details_button, self.details):
            layout.addWidget(widget)
        self.retranslate()

    @property
    def certainty(self) -> Certainty:
        max_age = timedelta(minutes=self._context.config.stock_max_age_minutes)
        return certainty(self.store, self._context.clock.now(), max_age)

    def set_store(self, store: StoreStock) -> None:
        """The same store with a newer figure (a live one)."""
        self.store = store
        self.retranslate()

    def retranslate(self) -> None:
        store, formatter, theme = self.store, self._context.formatter, self._context.theme
        if store.is_here:
            title = self.tr("%1 (this store)").replace("%1", store.name)
        else:
            # Tenths only where they tell something: the store across the street.
            km = store.distance_km
            distance = formatter.locale.toString(km, "f", 1 if km < 10 else 0)
            title = self.tr("%1 · %2 km").replace("%1", store.name).replace("%2", distance)
        show_text(self.name, title)

        few_left = self._context.config.few_left_threshold
        level = level_of(store.quantity, few_left)
        sure = self.certainty is not Certainty.MAY_HAVE_CHANGED
        words = level_text(store.quantity, few_left)
        show_text(self.level, words)
        self.level.setProperty("level", level)
        self.level.setProperty("certain", sure)
        self._repolish(self.level)
        colors = theme.colors
        ink = {"in_stock": colors.in_stock, "few_left": colors.sale}.get(level,
                                                                         colors.text_muted)
        size = theme.px(40)
        self.icon.setPixmap(stock_level_pixmap(level, size, ink, sure))
        self.icon.setFixedSize(size, size)
        self.icon.setAccessibleName(words)

        age = counted_words(store.taken_at, sure, self._context.clock.now())
        show_text(self.age, age)
        self.age.setProperty("certain", sure)
        self._repolish(self.age)
        self.age.setVisible(bool(age))
        restock = (restock_words(store.restock_date, formatter.locale,
                                  self._context.clock.today())
                   if level == "out_of_stock" else "")
        show_text(self.restock, restock)
        self.restock.setVisible(bool(restock))
        self.setAccessibleName(", ".join(part for part in (title, words, age, restock) if part))

        self.details_button.setText(self.tr("Address and opening hours"))
        self.details_button.setAccessibleName(
            self.tr("Address and opening hours of %1").replace("%1", store.name))
        self._show_details(self.details_button.isChecked())

    def _show_details(self, shown: bool) -> None:
        if shown:
            text = "\n".join([self.store.address,
                              f"{self.store.postal_code} {self.store.city}",
                              self.store.phone, "", *self._hours()])
            show_text(self.details, text)
        self.details.setVisible(shown)

    def _hours(self) -> list[str]:
        locale = self._context.formatter.locale
        lines = []
        for number, day in enumerate(WEEKDAYS, start=1):
            hours = self.store.opening_hours.get(day, "")
            shown = hours.replace("-", " – ") if hours else self.tr("closed")
            # French puts a space before the colon: the translation says where.
            lines.append(self.tr("%1: %2").replace("%1", locale.dayName(number).capitalize())
                         .replace("%2", shown))
        return lines

    @staticmethod
    def _repolish(widget: QWidget) -> None:
        widget.style().unpolish(widget)
        widget.style().polish(widget)


class StoresScreen(Screen):
    def __init__(self, context: ShopperContext, variant_sku: str,
                 live: LiveStock | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self.variant_sku = variant_sku
        self.title = wrapped_label("ScreenTitle")
        spacing = context.theme.spacing
        self.variant = wrapped_label("Hint")
        self.variant.setContentsMargins(spacing * 2, 0, spacing * 2, 0)
        self.note = wrapped_label("LiveStockNote")
        self.note.setContentsMargins(spacing * 2, 0, spacing * 2, 0)
        self.list = QWidget(objectName="StoreList")
        self._list_layout = QVBoxLayout(self.list)
        self._list_layout.setContentsMargins(spacing * 2, spacing, spacing * 2, spacing)
        self._list_layout.setSpacing(spacing)
        self._list_layout.addStretch()
        scroll = finger_scroll_area(self.list)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(spacing)
        for widget in (self.title, self.variant, self.note):
            layout.addWidget(widget)
        layout.addWidget(scroll, 1)
        self.cards: list[StoreCard] = []
        self._cached: list[StoreStock] | None = None
        self._live: dict[str, LiveFigure] | None = None
        self._variant_parts: tuple[str, str | None, str | None] | None = None

        # The clock that keeps the ages right while the shopper reads.
        self._ages = QTimer(self)
        self._ages.timeout.connect(self._refresh_ages)
        self._ages.start(AGE_REFRESH_MS)
        self._deadline = QTimer(self)
        self._deadline.setSingleShot(True)
        self._deadline.timeout.connect(self._settle_on_cache)
        if live is not None and live.can_ask():
            self.figures = Figures.CHECKING
            self._deadline.start(round(live.timeout_s * 1000))
            live.fetch(self, variant_sku, self._on_live, self._on_live_failed)
        else:
            self.figures = Figures.CACHED
        self.retranslate()
        context.catalog.fetch(self, self._figures_query(), self._show)

    def _figures_query(self) -> Callable[[sqlite3.Connection], tuple[tuple, list[StoreStock]]]:
        variant_sku, store_id = self.variant_sku, self._context.store_id
        return lambda conn: (_variant_of(conn, variant_sku),
                             stock_in_stores(conn, variant_sku, store_id))

    def _show(self, found: tuple[tuple, list[StoreStock]]) -> None:
        self._variant_parts, stores = found
        self._show_variant(self._context.formatter)
        self._cached = stores
        if self._live is not None:          # the server was quicker than the cache
            stores = merge_live(stores, self._live)
        self._add_cards(stores)

    def _add_cards(self, stores: list[StoreStock]) -> None:
        for store in stores:
            card = StoreCard(self._context, store)
            self._list_layout.insertWidget(self._list_layout.count() - 1, card)
            self.cards.append(card)

    def catalog_changed(self, change: CatalogChange) -> None:
        if change.stock_of([self.variant_sku]):
            self._context.catalog.fetch(self, self._figures_query(), self._show_again)

    def _show_again(self, found: tuple[tuple, list[StoreStock]]) -> None:
        """The figures a sync brought, in place of those shown; the scroll stays."""
        self._variant_parts, stores = found
        self._show_variant(self._context.formatter)
        self._cached = stores
        # A live answer came before this sync, which is at least as recent: it goes.
        self._live = None
        if [card.store.store_id for card in self.cards] == [s.store_id for s in stores]:
            for card, store in zip(self.cards, stores, strict=True):
                card.set_store(store)
            return
        for card in self.cards:        # a store opened or closed
            self._list_layout.removeWidget(card)
            card.deleteLater()
        self.cards = []
        self._add_cards(stores)

    def _on_live(self, figures: dict[str, LiveFigure]) -> None:
        if self.figures is not Figures.CHECKING:
            return      # too late: the shopper has been told these are the cached ones
        self._deadline.stop()
        self._live = figures
        self.figures = Figures.LIVE
        if self._cached is not None:
            for card, store in zip(self.cards, merge_live(self._cached, figures), strict=True):
                card.set_store(store)
        self._show_note()

    def _on_live_failed(self, _error: BaseException) -> None:
        self._settle_on_cache()

    def _settle_on_cache(self) -> None:
        if self.figures is Figures.CHECKING:
            self._deadline.stop()
            self.figures = Figures.CACHED
            self._show_note()

    def _refresh_ages(self) -> None:
        for card in self.cards:
            card.retranslate()

    def _show_note(self) -> None:
        if self.figures is Figures.CHECKING:
            text = self.tr("Checking the latest figures with our stores…")
        elif self.figures is Figures.CACHED:
            text = self.tr("Live figures could not be fetched: these are the last we "
                           "received, with their age.")
        else:
            text = ""
        self.note.setText(text)
        self.note.setAccessibleName(text)
        self.note.setVisible(bool(text))

    def _show_variant(self, formatter: Formatter) -> None:
        """'Juno Jacket · M · Violet': the size and colour in the shopper's language."""
        if self._variant_parts is None:
            return
        name, size, color = self._variant_parts
        line = " · ".join(part for part in (name, formatter.variant(size, color)) if part)
        self.variant.setText(line)
        self.variant.setAccessibleName(line)

    def set_formatter(self, formatter: Formatter) -> None:
        self._show_variant(formatter)
        for card in self.cards:
            card.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Stock in our stores"))
        self.title.setAccessibleName(self.title.text())
        self._show_note()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            for card in self.cards:
                card.retranslate()
        super().changeEvent(event)
