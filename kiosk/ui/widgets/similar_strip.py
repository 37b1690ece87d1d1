"""Products like the one shown, in one row of cards the finger scrolls sideways."""

from __future__ import annotations

from PySide6.QtWidgets import QListView, QWidget

from kiosk.ui.restyling import Restyling
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.kinetic import finger_row
from kiosk.ui.widgets.product_grid import ProductCardDelegate, ProductGridModel


class SimilarStrip(Restyling, QListView):
    """Product cards in one row the finger scrolls sideways."""

    def __init__(self, theme: Theme, model: ProductGridModel, delegate: ProductCardDelegate,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("SimilarStrip")
        finger_row(self)
        self.setModel(model)
        self.setItemDelegate(delegate)
        self.restyle(theme)

    def restyle(self, theme: Theme) -> None:
        self.itemDelegate().set_theme(theme)
        # The cards' own inner gap plus this margin line them up with the text above.
        margin = theme.spacing * 2 - theme.px(8)
        self.setViewportMargins(margin, 0, margin, 0)
        self.setFixedHeight(self.itemDelegate().card_size().height())
