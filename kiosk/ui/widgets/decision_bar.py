"""The product page's bar at the foot of the screen: the price, the shopper's choice, its
stock here and the main action, never scrolled away. The page sets its words."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QVBoxLayout, QWidget

from kiosk.ui.restyling import Restyling
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.text import FittingButton, wrapped_label


class DecisionBar(Restyling, QFrame):
    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("DecisionBar")
        self.price = wrapped_label("ProductPrice")
        self.price.setTextFormat(Qt.TextFormat.RichText)
        self.choice = wrapped_label("ProductChoice")
        self.stock = wrapped_label("StockLevel")
        self.stock_age = wrapped_label("StockDetail")
        # Prominent (the primary style) when the variant is not on this store's shelves;
        # its words in smaller type where even the whole width is too narrow for them.
        self.order_button = FittingButton(objectName="ProductAction")
        summary = self._summary = QVBoxLayout()
        for label in (self.price, self.choice, self.stock, self.stock_age):
            summary.addWidget(label)
        self._layout = QGridLayout(self)
        self._layout.addLayout(summary, 0, 0)
        self._action_beside: bool | None = None
        self.restyle(theme)

    def restyle(self, theme: Theme) -> None:
        t = theme
        self._summary.setSpacing(t.spacing // 2)
        self._layout.setContentsMargins(t.spacing * 2, t.spacing, t.spacing * 2, t.spacing)
        self._layout.setHorizontalSpacing(t.spacing * 2)
        self._layout.setVerticalSpacing(t.spacing)

    def lay_out(self, width: int) -> None:
        """The action beside the summary where its words fit in half of `width`, under
        it (full width) where they would not: large type, a long word, a narrow screen."""
        margins = self._layout.contentsMargins()
        half = (width - margins.left() - margins.right()
                - self._layout.horizontalSpacing()) // 2
        beside = self.order_button.natural_width() <= half
        if beside == self._action_beside:
            return
        self._action_beside = beside
        self._layout.removeWidget(self.order_button)
        if beside:
            self._layout.addWidget(self.order_button, 0, 1, Qt.AlignmentFlag.AlignVCenter)
            self._layout.setColumnStretch(0, 1)
            self._layout.setColumnStretch(1, 1)
        else:
            self._layout.addWidget(self.order_button, 1, 0, 1, 2)
            self._layout.setColumnStretch(1, 0)

    def show_stock_level(self, level: str, mark: str, words: str) -> None:
        """'✓ In stock here': the mark tells the level without colour, and is not read."""
        self.stock.setText(f"{mark} {words}")
        self.stock.setAccessibleName(words)
        self.stock.setProperty("level", level)
        self.stock.style().unpolish(self.stock)
        self.stock.style().polish(self.stock)

    def set_action_style(self, name: str) -> None:
        """`PrimaryButton` to stand out, `ProductAction` to sit with the others."""
        if self.order_button.objectName() != name:
            self.order_button.setObjectName(name)
            self.order_button.style().unpolish(self.order_button)
            self.order_button.style().polish(self.order_button)
            self.order_button.setText(self.order_button.text())     # fitted in the new type
