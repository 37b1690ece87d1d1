"""One store on the stores screen: its figure for the chosen variant, how sure it is, and
the store's address and opening hours a tap away."""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from kiosk.core.store_stock import Certainty, StoreStock, certainty
from kiosk.ui.restyling import Restyling
from kiosk.ui.retranslating import Retranslating
from kiosk.ui.stock_words import counted_words, level_of, level_text, restock_words
from kiosk.ui.widgets.icons import stock_level_pixmap
from kiosk.ui.widgets.text import show_text, wrapped_label

if TYPE_CHECKING:
    from kiosk.ui.screens.context import ShopperContext
    from kiosk.ui.theme import Theme

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


class StoreCard(Retranslating, Restyling, QFrame):
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
        level_row = self._level_row = QHBoxLayout()
        level_row.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignVCenter)
        level_row.addWidget(self.level, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.name)
        layout.addLayout(level_row)
        for widget in (self.age, self.restock, self.details_button, self.details):
            layout.addWidget(widget)
        self.restyle(context.theme)

    def restyle(self, theme: Theme) -> None:
        self._theme = theme
        spacing = theme.spacing
        self._level_row.setSpacing(spacing)
        self.layout().setContentsMargins(spacing * 2, spacing, spacing * 2, spacing)
        self.layout().setSpacing(spacing // 2)
        self.retranslate()          # the icon, drawn again at its new size and colour

    @property
    def certainty(self) -> Certainty:
        max_age = timedelta(minutes=self._context.config.stock_max_age_minutes)
        return certainty(self.store, self._context.clock.now(), max_age)

    def set_store(self, store: StoreStock) -> None:
        """The same store with a newer figure (a live one, or one a sync brought)."""
        self.store = store
        self.retranslate()

    def retranslate(self) -> None:
        """Every text again: at a language change, and as the figure's age grows."""
        store, formatter, theme = self.store, self._context.formatter, self._theme
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
        # The card is not focused, its button is: speech says the stock with it.
        self.details_button.setAccessibleDescription(self.accessibleName())
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
