"""Keep shoppers inside the kiosk: no context menus, no Escape, no Alt+F4."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent


class KioskGuard(QObject):
    """An application-wide event filter. Admin mode (a later screen) will lift it."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.enabled = True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self.enabled:
            return False
        kind = event.type()
        if kind == QEvent.Type.ContextMenu:
            return True
        if kind in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride) and \
                isinstance(event, QKeyEvent) and _is_escape_hatch(event):
            return True
        return False


def _is_escape_hatch(event: QKeyEvent) -> bool:
    key, modifiers = event.key(), event.modifiers()
    return (key == Qt.Key.Key_Escape
            or (key == Qt.Key.Key_F4 and modifiers & Qt.KeyboardModifier.AltModifier)
            or (key == Qt.Key.Key_W and modifiers & Qt.KeyboardModifier.ControlModifier)
            or (key == Qt.Key.Key_Q and modifiers & Qt.KeyboardModifier.ControlModifier))
