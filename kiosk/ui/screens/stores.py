"""Where else the chosen variant is: its stock in every store, this one first, then nearest."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from kiosk.core.store_stock import StoreStock, stock_in_stores
from kiosk.ui.formatting import Formatter
from kiosk.ui.screens.context import ShopperContext
from kiosk.ui.stock_words import age_words, level_words, restock_words
from kiosk.ui.widgets.kinetic import enable_kinetic_scrolling

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def _variant_line(conn, variant_sku: str) -> str:
    row = conn.execute("SELECT p.name, v.size, v.color FROM variants v "
                       "JOIN products p ON p.id = v.product_id WHERE v.sku = ?",
                       (variant_sku,)).fetchone()
    return " · ".join(part for part in row if part) if row else variant_sku


class StoreCard(QFrame):
    """One store: its figure for the variant, and its address and hours a tap away."""

    def __init__(self, context: ShopperContext, store: StoreStock,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("StoreCard")
        self._context = context
        self.store = store
        self.name = QLabel(objectName="StoreCardName")
        self.name.setWordWrap(True)
        self.figure = QLabel(objectName="StoreCardFigure")
        self.figure.setWordWrap(True)
        self.details_button = QPushButton(objectName="StoreDetailsButton")
        self.details_button.setCheckable(True)
        self.details_button.toggled.connect(self._show_details)
        self.details = QLabel(objectName="StoreCardDetails")
        self.details.setWordWrap(True)
        self.details.hide()
        layout = QVBoxLayout(self)
        spacing = context.theme.spacing
        layout.setContentsMargins(spacing * 2, spacing, spacing * 2, spacing)
        layout.setSpacing(spacing // 2)
        for widget in (self.name, self.figure, self.details_button, self.details):
            layout.addWidget(widget)
        self.retranslate()

    def retranslate(self) -> None:
        store, formatter = self.store, self._context.formatter
        if store.is_here:
            title = self.tr("%1 (this store)").replace("%1", store.name)
        else:
            distance = formatter.locale.toString(round(store.distance_km))
            title = self.tr("%1 · %2 km").replace("%1", store.name).replace("%2", distance)
        self.name.setText(title)
        self.name.setAccessibleName(title)
        facts = [level_words(store.quantity, self._context.config.few_left_threshold),
                 age_words(store.taken_at),
                 restock_words(store.restock_date, formatter.locale)]
        figure = " · ".join(fact for fact in facts if fact)
        self.figure.setText(figure)
        self.figure.setAccessibleName(figure)
        self.details_button.setText(self.tr("Address and opening hours"))
        self.details_button.setAccessibleName(
            self.tr("Address and opening hours of %1").replace("%1", store.name))
        self._show_details(self.details_button.isChecked())

    def _show_details(self, shown: bool) -> None:
        if shown:
            text = "\n".join([self.store.address,
                              f"{self.store.postal_code} {self.store.city}",
                              self.store.phone, "", *self._hours()])
            self.details.setText(text)
            self.details.setAccessibleName(text)
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


class StoresScreen(QWidget):
    def __init__(self, context: ShopperContext, variant_sku: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self.variant_sku = variant_sku
        self.title = QLabel(objectName="ScreenTitle")
        self.title.setWordWrap(True)
        self.variant = QLabel(objectName="Hint")
        self.variant.setWordWrap(True)
        self.variant.setContentsMargins(context.theme.spacing * 2, 0, context.theme.spacing * 2, 0)
        self.list = QWidget(objectName="StoreList")
        self._list_layout = QVBoxLayout(self.list)
        spacing = context.theme.spacing
        self._list_layout.setContentsMargins(spacing * 2, spacing, spacing * 2, spacing)
        self._list_layout.setSpacing(spacing)
        self._list_layout.addStretch()
        scroll = QScrollArea()
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(self.list)
        enable_kinetic_scrolling(scroll.viewport())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(spacing)
        layout.addWidget(self.title)
        layout.addWidget(self.variant)
        layout.addWidget(scroll, 1)
        self.cards: list[StoreCard] = []
        self.retranslate()
        store_id = context.store_id
        context.catalog.fetch(self, lambda conn: (_variant_line(conn, variant_sku),
                                                  stock_in_stores(conn, variant_sku, store_id)),
                              self._show)

    def _show(self, found: tuple[str, list[StoreStock]]) -> None:
        line, stores = found
        self.variant.setText(line)
        self.variant.setAccessibleName(line)
        for store in stores:
            card = StoreCard(self._context, store)
            self._list_layout.insertWidget(self._list_layout.count() - 1, card)
            self.cards.append(card)

    def set_formatter(self, formatter: Formatter) -> None:
        for card in self.cards:
            card.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Stock in our stores"))
        self.title.setAccessibleName(self.title.text())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            for card in self.cards:
                card.retranslate()
        super().changeEvent(event)
