"""A product's details as a table of two columns: what (material, climate...) and its
value, each wrapping in its own cell."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QWidget

from kiosk.ui.restyling import Restyling
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.layouts import clear_layout
from kiosk.ui.widgets.text import show_text, wrapped_label


class AttributeTable(Restyling, QWidget):
    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ProductAttributes")
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setColumnStretch(1, 1)
        self.restyle(theme)

    def restyle(self, theme: Theme) -> None:
        self._grid.setHorizontalSpacing(theme.spacing * 2)
        self._grid.setVerticalSpacing(theme.spacing)

    def show_rows(self, rows: list[tuple[str, str]]) -> None:
        """(name, value) in the shopper's words, in place of the rows shown; hidden
        when there are none."""
        clear_layout(self._grid)
        for row, cells in enumerate(rows):
            labels = (wrapped_label("AttributeName"), wrapped_label("AttributeValue"))
            # The cells are filled, the text set at their top: a grid gives an item added
            # with an alignment its one-line height, not the height its wrapped text needs.
            for column, (label, text) in enumerate(zip(labels, cells, strict=True)):
                show_text(label, text)
                label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
                self._grid.addWidget(label, row, column)
        self.setVisible(bool(rows))
