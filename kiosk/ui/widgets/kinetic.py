"""Kinetic scrolling with the finger, for every scrollable list in the kiosk."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QFrame,
    QListView,
    QScrollArea,
    QScroller,
    QScrollerProperties,
    QWidget,
)

# QScroller.grabGesture registers a new gesture recognizer at every call; PySide also
# makes a new enum type for each new gesture id. Screens are created for every shopper,
# so the gesture is registered once and every viewport grabs that same gesture, with a
# scroller of its own. It is registered for the application, not for a viewport: the
# recognizer goes with the scroller that registered it, and a viewport made after that
# one went would grab a gesture nobody recognizes any more (no finger scrolling at all).
_flick_gesture: Qt.GestureType | None = None

# Far outside any widget: a release there lets go of a button without clicking it.
_NOWHERE = QPointF(-1e6, -1e6)


def enable_kinetic_scrolling(viewport: QWidget) -> None:
    global _flick_gesture
    if _flick_gesture is None:
        _flick_gesture = QScroller.grabGesture(
            QCoreApplication.instance(), QScroller.ScrollerGestureType.LeftMouseButtonGesture)
    viewport.grabGesture(_flick_gesture)
    scroller = QScroller.scroller(viewport)
    # By default the scroller holds a press back for a quarter of a second, to see
    # whether it starts a flick: a button in a list would show no pressed look for that
    # long. The press goes through at once; a flick lets go of what it pressed instead.
    properties = scroller.scrollerProperties()
    properties.setScrollMetric(QScrollerProperties.ScrollMetric.MousePressEventDelay, 0)
    # No stretching past the ends. The scroller moves the viewport by whole pixels for the
    # stretch but counts it in fractions, so a finger lifted past the end within a few
    # milliseconds of its last move (a busy kiosk delivers both at once) read as a fling
    # backwards, and the list flew back to its top.
    for policy in (QScrollerProperties.ScrollMetric.HorizontalOvershootPolicy,
                   QScrollerProperties.ScrollMetric.VerticalOvershootPolicy):
        properties.setScrollMetric(policy, QScrollerProperties.OvershootPolicy.OvershootAlwaysOff)
    scroller.setScrollerProperties(properties)
    scroller.stateChanged.connect(
        lambda state: state == QScroller.State.Dragging and _let_go(viewport))


def _let_go(viewport: QWidget) -> None:
    """The finger is scrolling, not tapping: the button it pressed is released without a
    click. The scroller keeps the real release to itself, and would filter one sent as
    an event too, so the button's own handler is called."""
    for button in viewport.findChildren(QAbstractButton):
        if button.isDown():
            button.mouseReleaseEvent(QMouseEvent(
                QEvent.Type.MouseButtonRelease, _NOWHERE, _NOWHERE, Qt.MouseButton.LeftButton,
                Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier))


def finger_scroll_area(content: QWidget, object_name: str = "") -> QScrollArea:
    """A frameless area that scrolls `content` up and down with the finger."""
    area = QScrollArea(objectName=object_name)
    scroll_with_finger(area, content)
    return area


def scroll_with_finger(area: QScrollArea, content: QWidget) -> None:
    """`area` shows `content`, frameless, and scrolls it with the finger; no scroll bars,
    which a finger does not need and a shopper might try to aim at."""
    area.setFrameShape(QFrame.Shape.NoFrame)
    # No control itself: focus goes to what it holds (an unnamed pane would be read out).
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    area.setWidgetResizable(True)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setWidget(content)
    enable_kinetic_scrolling(area.viewport())


def finger_row(view: QListView) -> None:
    """Make `view` one row of items the finger scrolls sideways: frameless, without
    selection, focus or scroll bars."""
    view.setFrameShape(QFrame.Shape.NoFrame)
    view.setFlow(QListView.Flow.LeftToRight)
    view.setWrapping(False)
    view.setUniformItemSizes(True)
    view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
    view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    view.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    enable_kinetic_scrolling(view.viewport())
