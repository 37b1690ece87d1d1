"""Text on screen, said to a screen reader as it is shown."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QLabel


def wrapped_label(object_name: str) -> QLabel:
    """A label that wraps its words (large type and French need the room) and takes no
    selection or cursor from a finger."""
    label = QLabel(objectName=object_name)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
    return label


def show_text(widget: QLabel | QAbstractButton, text: str) -> None:
    """Show `text` and make it what a screen reader says for the widget."""
    widget.setText(text)
    widget.setAccessibleName(text)
