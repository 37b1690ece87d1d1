"""Where else the chosen variant is: its stock in every store, this one first, then nearest.

The cache's figures are shown at once; meanwhile the central server is asked for live
ones, which replace them card by card if they come within the configured time. Past it,
or without a server, the cached figures stay, each with its age, and a note says so.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QVBoxLayout, QWidget

from kiosk.core.catalog_change import CatalogChange
from kiosk.core.store_stock import LiveFigure, StoreStock, merge_live, variant_in_stores
from kiosk.ui.formatting import Formatter
from kiosk.ui.live_stock import LiveStock
from kiosk.ui.restyling import Restyling
from kiosk.ui.screens.base import Screen
from kiosk.ui.screens.context import ShopperContext
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.kinetic import finger_scroll_area
from kiosk.ui.widgets.store_card import StoreCard
from kiosk.ui.widgets.text import WrappingButton, show_text, wrapped_label

AGE_REFRESH_MS = 60_000     # "counted 3 min ago" must not stay at 3 for long


class Figures(Enum):
    """Where the figures on screen come from."""

    CHECKING = "checking"    # the cache's, while the server is asked
    LIVE = "live"            # the server answered in time
    CACHED = "cached"        # the cache's, and no live answer will replace them


class StoresScreen(Restyling, Screen):
    def __init__(self, context: ShopperContext, variant_sku: str,
                 live: LiveStock | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self.variant_sku = variant_sku
        self.heading = wrapped_label("ScreenTitle")
        self.variant = wrapped_label("Hint")
        self.note = wrapped_label("LiveStockNote")
        self.list = QWidget(objectName="StoreList")
        self._list_layout = QVBoxLayout(self.list)
        self._list_layout.addStretch()
        scroll = finger_scroll_area(self.list)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.heading, self.variant, self.note):
            layout.addWidget(widget)
        layout.addWidget(scroll, 1)
        self.cards: list[StoreCard] = []
        self.reserve_buttons: list[WrappingButton] = []
        self.restyle(context.theme)
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
        self._read_figures(self._show)

    def restyle(self, theme: Theme) -> None:
        spacing = theme.spacing
        for label in (self.variant, self.note):
            label.setContentsMargins(spacing * 2, 0, spacing * 2, 0)
        self._list_layout.setContentsMargins(spacing * 2, spacing, spacing * 2, spacing)
        self._list_layout.setSpacing(spacing)
        self.layout().setSpacing(spacing)
        for button in self.reserve_buttons:
            button.set_room(spacing * 2, spacing * 2)

    def _read_figures(self, then: Callable[[tuple[tuple, list[StoreStock]]], None]) -> None:
        variant_sku, store_id = self.variant_sku, self._context.store_id
        language = self._context.language       # the product's name, size and colour in it
        self._context.catalog.fetch(
            self, lambda conn: variant_in_stores(conn, variant_sku, store_id, language), then)

    def _show(self, found: tuple[tuple, list[StoreStock]]) -> None:
        stores = self._keep(found)
        if self._live is not None:          # the server was quicker than the cache
            stores = merge_live(stores, self._live)
        self._add_cards(stores)

    def _keep(self, found: tuple[tuple, list[StoreStock]]) -> list[StoreStock]:
        """What the cache says: the variant, shown at once, and each store's figure."""
        self._variant_parts, self._cached = found
        self._show_variant(self._context.formatter)
        return self._cached

    def _add_cards(self, stores: list[StoreStock]) -> None:
        for store in stores:
            card = StoreCard(self._context, store)
            self._list_layout.insertWidget(self._list_layout.count() - 1, card)
            self.cards.append(card)
            # "Reserve at <store>" under a store that has it (kiosk/ui/screens/reservation.py)
            # Its words wrap: a store's name in large type needs the room.
            reserve = WrappingButton("SecondaryButton", self._context.theme.spacing * 2)
            reserve.clicked.connect(lambda _=False, card=card: self._context.navigator
                                    .open_reservation(self.variant_sku, card.store.store_id,
                                                      card.store.name))
            self._list_layout.insertWidget(self._list_layout.count() - 1, reserve)
            self.reserve_buttons.append(reserve)
        self._show_reserve_buttons()

    def _show_reserve_buttons(self) -> None:
        for card, button in zip(self.cards, self.reserve_buttons, strict=True):
            button.set_text(self.tr("Reserve at %1").replace("%1", card.store.name))
            button.setVisible(bool(card.store.quantity))

    def catalog_changed(self, change: CatalogChange) -> None:
        if change.stock_of([self.variant_sku]):
            self._read_figures(self._show_again)

    def _show_again(self, found: tuple[tuple, list[StoreStock]]) -> None:
        """The figures a sync brought, in place of those shown; the scroll stays."""
        stores = self._keep(found)
        # A live answer came before this sync, which is at least as recent: it goes.
        self._live = None
        if [card.store.store_id for card in self.cards] == [s.store_id for s in stores]:
            for card, store in zip(self.cards, stores, strict=True):
                card.set_store(store)
            self._show_reserve_buttons()
            return
        for card in [*self.cards, *self.reserve_buttons]:        # a store opened or closed
            self._list_layout.removeWidget(card)
            card.deleteLater()
        self.cards, self.reserve_buttons = [], []
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
            self._show_reserve_buttons()
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

    def title(self) -> str:
        return self.tr("Stock in our stores")

    def retranslate(self) -> None:
        show_text(self.heading, self.title())
        self._show_note()
        self._show_reserve_buttons()

    def focus_order(self) -> list[QWidget]:
        # The stores from this one outwards, each offering its address and hours.
        return [widget for card, reserve in zip(self.cards, self.reserve_buttons, strict=True)
                for widget in (card.details_button, reserve) if widget.isVisibleTo(self)]
