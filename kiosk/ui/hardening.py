"""Keep shoppers inside the kiosk: no context menus, no Escape, no Alt+F4."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QMouseEvent

_MOUSE_BUTTON_EVENTS = frozenset({QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease,
                                  QEvent.Type.MouseButtonDblClick})


class KioskGuard(QObject):
    """An event filter for the kiosk's window. Admin mode (a later screen) will lift it.

    It sits on the window, where input arrives before any widget sees it: a context
    menu is stopped at its cause (a right or middle button, the Menu key), since Qt
    makes the ContextMenu event afterwards and sends it straight to the widget.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.enabled = True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self.enabled:
            return False
        kind = event.type()
        if kind == QEvent.Type.ContextMenu:
            return True
        if kind in _MOUSE_BUTTON_EVENTS and isinstance(event, QMouseEvent):
            return event.button() != Qt.MouseButton.LeftButton
        if kind in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride) and \
                isinstance(event, QKeyEvent) and _is_escape_hatch(event):
            return True
        return False


def _is_escape_hatch(event: QKeyEvent) -> bool:
    key, modifiers = event.key(), event.modifiers()
    return (key in (Qt.Key.Key_Escape, Qt.Key.Key_Menu)
            or (key == Qt.Key.Key_F4 and modifiers & Qt.KeyboardModifier.AltModifier)
            or (key == Qt.Key.Key_W and modifiers & Qt.KeyboardModifier.ControlModifier)
            or (key == Qt.Key.Key_Q and modifiers & Qt.KeyboardModifier.ControlModifier))
