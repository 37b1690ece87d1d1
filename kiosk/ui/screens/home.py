"""The shopper's home screen: featured products (categories come with the catalog screens)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QLabel, QStackedWidget, QVBoxLayout, QWidget

from kiosk.core.products import ProductCard
from kiosk.ui.formatting import Formatter
from kiosk.ui.theme import Theme
from kiosk.ui.thumbnails import ThumbnailCache
from kiosk.ui.widgets.product_grid import ProductCardDelegate, ProductGrid, ProductGridModel


class HomeScreen(QWidget):
    def __init__(self, theme: Theme, formatter: Formatter, thumbnails: ThumbnailCache,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel(objectName="ScreenTitle")
        self.status = QLabel(objectName="StatusMessage")
        self.status.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.status.setWordWrap(True)

        self.model = ProductGridModel(thumbnails, formatter, self)
        self.delegate = ProductCardDelegate(theme, formatter, self)
        self.grid = ProductGrid(theme, self.model, self.delegate)
        self.body = QStackedWidget()
        self.body.addWidget(self.status)
        self.body.addWidget(self.grid)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.title)
        layout.addWidget(self.body, 1)
        self._status_source = ""
        self.retranslate()
        self.show_loading()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Our selection"))
        self.title.setAccessibleName(self.title.text())
        self.grid.setAccessibleName(self.tr("Featured products"))
        self._show_status_text()

    def set_formatter(self, formatter: Formatter) -> None:
        self.delegate.set_formatter(formatter)
        self.model.set_formatter(formatter)

    def show_loading(self) -> None:
        self._show_status("loading")

    def show_out_of_order(self) -> None:
        self._show_status("out_of_order")

    def show_cards(self, cards: list[ProductCard]) -> None:
        if not cards:
            self._show_status("empty")
            return
        self.model.set_cards(cards)
        self.body.setCurrentWidget(self.grid)

    def _show_status(self, which: str) -> None:
        self._status_source = which
        self._show_status_text()
        self.body.setCurrentWidget(self.status)

    def _show_status_text(self) -> None:
        # Kept as a key, not a text, so that a language switch re-translates it.
        text = {
            "loading": self.tr("Loading the catalogue…"),
            "empty": self.tr("The catalogue is not available yet. "
                             "Please ask a member of staff."),
            "out_of_order": self.tr("This terminal is out of order for a moment. "
                                    "Please ask a member of staff."),
        }.get(self._status_source, "")
        self.status.setText(text)
        self.status.setAccessibleName(text)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
