"""Products like the one shown, in one row of cards the finger scrolls sideways."""

from __future__ import annotations

from PySide6.QtWidgets import QListView, QWidget

from kiosk.ui.theme import Theme
from kiosk.ui.widgets.kinetic import finger_row
from kiosk.ui.widgets.product_grid import ProductCardDelegate, ProductGridModel


class SimilarStrip(QListView):
    """Product cards in one row the finger scrolls sideways."""

    def __init__(self, theme: Theme, model: ProductGridModel, delegate: ProductCardDelegate,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("SimilarStrip")
        finger_row(self)
        # The cards' own inner gap plus this margin line them up with the text above.
        margin = theme.spacing * 2 - theme.px(8)
        self.setViewportMargins(margin, 0, margin, 0)
        self.setModel(model)
        self.setItemDelegate(delegate)
        self.setFixedHeight(delegate.card_size().height())
