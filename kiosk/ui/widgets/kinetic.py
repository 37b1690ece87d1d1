"""Kinetic scrolling with the finger, for every scrollable list in the kiosk."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QScrollArea, QScroller, QWidget

# QScroller.grabGesture registers a new gesture recognizer at every call and never
# unregisters it when the widget goes; PySide also makes a new enum type for each new
# gesture id. Screens are created for every shopper, so the gesture is registered once
# and every later viewport grabs that same gesture, with a scroller of its own.
_flick_gesture: Qt.GestureType | None = None


def enable_kinetic_scrolling(viewport: QWidget) -> None:
    global _flick_gesture
    if _flick_gesture is None:
        _flick_gesture = QScroller.grabGesture(
            viewport, QScroller.ScrollerGestureType.LeftMouseButtonGesture)
    else:
        QScroller.scroller(viewport)
        viewport.grabGesture(_flick_gesture)


def finger_scroll_area(content: QWidget, object_name: str = "") -> QScrollArea:
    """A frameless area that scrolls `content` up and down with the finger; no scroll
    bars, which a finger does not need and a shopper might try to aim at."""
    area = QScrollArea(objectName=object_name)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidgetResizable(True)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setWidget(content)
    enable_kinetic_scrolling(area.viewport())
    return area
