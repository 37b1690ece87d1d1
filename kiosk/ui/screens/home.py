"""The kiosk's window: a top bar with the store's name, and the featured products.

The window asks for data through the task runner and shows what it has meanwhile
("Loading the catalogue…"), so it paints at once even on a large cache.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QStackedWidget, QVBoxLayout, QWidget

from kiosk.core.products import ProductCard
from kiosk.ui.formatting import Formatter
from kiosk.ui.theme import Theme
from kiosk.ui.thumbnails import ThumbnailCache
from kiosk.ui.widgets.product_grid import ProductCardDelegate, ProductGrid, ProductGridModel


class KioskWindow(QWidget):
    def __init__(self, store_name: str, theme: Theme, formatter: Formatter,
                 thumbnails: ThumbnailCache, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("KioskWindow")
        self.setWindowFlag(Qt.WindowType.FramelessWindowHint)
        self.setStyleSheet(theme.style_sheet())

        top_bar = QWidget(objectName="TopBar")
        top_layout = QHBoxLayout(top_bar)
        top_layout.setContentsMargins(theme.spacing * 2, 0, theme.spacing * 2, 0)
        self.store_label = QLabel(store_name)
        self.store_label.setAccessibleName(store_name)
        top_layout.addWidget(self.store_label)
        top_layout.addStretch()

        self.title = QLabel(objectName="ScreenTitle")
        self.status = QLabel(objectName="StatusMessage")
        self.status.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.status.setWordWrap(True)

        self.model = ProductGridModel(thumbnails, formatter, self)
        self.grid = ProductGrid(theme, self.model, ProductCardDelegate(theme, formatter, self))
        self.body = QStackedWidget()
        self.body.addWidget(self.status)
        self.body.addWidget(self.grid)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(top_bar)
        layout.addWidget(self.title)
        layout.addWidget(self.body, 1)
        self.retranslate()
        self.show_status(self.tr("Loading the catalogue…"))

    def retranslate(self) -> None:
        self.title.setText(self.tr("Our selection"))
        self.title.setAccessibleName(self.title.text())
        self.grid.setAccessibleName(self.tr("Featured products"))

    def show_status(self, message: str) -> None:
        self.status.setText(message)
        self.status.setAccessibleName(message)
        self.body.setCurrentWidget(self.status)

    def show_cards(self, cards: list[ProductCard]) -> None:
        if not cards:
            self.show_status(self.tr("The catalogue is not available yet. "
                                     "Please ask a member of staff."))
            return
        self.model.set_cards(cards)
        self.body.setCurrentWidget(self.grid)

    def show_out_of_order(self) -> None:
        self.show_status(self.tr("This terminal is out of order for a moment. "
                                 "Please ask a member of staff."))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        # A shopper cannot close the kiosk; the application quits it explicitly.
        if not self.property("closing_allowed"):
            event.ignore()
            return
        super().closeEvent(event)
