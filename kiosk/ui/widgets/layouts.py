"""For a layout whose widgets are made anew each time what it shows changes."""

from __future__ import annotations

from PySide6.QtWidgets import QLayout


def clear_layout(layout: QLayout) -> None:
    """Take every item out of `layout` and delete its widget. Each widget is hidden at
    once: deleted later, it would otherwise still be drawn (and found) until then."""
    while (item := layout.takeAt(0)) is not None:
        if item.widget() is not None:
            item.widget().hide()
            item.widget().deleteLater()
