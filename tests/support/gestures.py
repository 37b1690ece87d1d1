"""A shopper's gestures for UI tests, and how tests find widgets: by accessible name."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest


def find_named(root, cls, name):
    return next((w for w in root.findChildren(cls) if w.accessibleName() == name), None)


def named(root, cls, name):
    found = find_named(root, cls, name)
    assert found is not None, f"no {cls.__name__} named {name!r}"
    return found


def tap(qtbot, widget, button=Qt.MouseButton.LeftButton):
    """A finger on the screen: the press enters through the window, as real input does."""
    window = widget.window()
    assert widget.isVisible(), "a shopper cannot tap what is not on screen"
    QTest.mouseClick(window.windowHandle(), button, Qt.KeyboardModifier.NoModifier,
                     widget.mapTo(window, widget.rect().center()))


def press_key(window, key, modifiers=Qt.KeyboardModifier.NoModifier):
    """A key from a keyboard plugged into the terminal, entering through the window."""
    QTest.keyClick(window.windowHandle(), key, modifiers)
