"""Layout checks for UI tests: text that does not fit, controls off the screen."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QPoint, QRect, Qt
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QLabel,
    QLayout,
    QPushButton,
    QScrollArea,
    QStyle,
    QStyleOptionButton,
    QToolButton,
    QWidget,
)


def scrolled(widget: QWidget, window: QWidget) -> bool:
    """Inside a scrolled area below the window: a finger brings it into view."""
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        if isinstance(parent, QAbstractScrollArea):
            return True
        parent = parent.parentWidget()
    return False


def follows_width(content: QWidget) -> bool:
    layout = content.layout()
    return layout is None or layout.sizeConstraint() != QLayout.SizeConstraint.SetFixedSize


def clipped_text(window: QWidget) -> list[str]:
    """Describe every visible label or button whose text does not fit inside it, or that
    lies outside the window where no scrolling can bring it."""
    # Laid out as the next frame draws it: a text just changed (a language switch) has
    # asked for its room, and the layouts, each asking the one around it in turn, have not
    # yet given it.
    for _level in range(8):
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
    problems = []
    for area in window.findChildren(QScrollArea):
        # Content that follows its scroller's width (all but strips made to be flicked
        # sideways, which keep their own fixed size) must not run past its right edge.
        content = area.widget()
        if area.isVisible() and content is not None and follows_width(content) \
                and content.width() > area.viewport().width():
            problems.append(f"{content.objectName()} is wider than its scroller: "
                            f"{content.width()}px in {area.viewport().width()}px")
    for widget in window.findChildren(QWidget):
        if isinstance(widget, QToolButton) and widget.isVisible() \
                and widget.width() < widget.sizeHint().width():
            # Its symbol, its word and its padding: narrower, the word is cut short.
            problems.append(f"{widget.text()!r} is cut: {widget.width()}px of "
                            f"{widget.sizeHint().width()}")
        if not widget.isVisible() or not isinstance(widget, QLabel | QPushButton):
            continue
        if not scrolled(widget, window) and \
                not window.rect().contains(widget.mapTo(window, widget.rect().bottomRight())):
            problems.append(f"{widget.objectName()} leaves the window")
        text = widget.text()
        if not text:
            continue
        if isinstance(widget, QPushButton):
            room = text_room(widget)
            metrics = widget.fontMetrics()
            width = metrics.size(Qt.TextFlag.TextShowMnemonic, text).width()
            # The ink's height: a line's leading may spill over the padding unseen.
            ink = metrics.tightBoundingRect(text.replace("&", "")).height()
            if width > room.width():
                problems.append(f"{text!r} is wider than its {room.width()}px")
            elif "\n" not in text and ink > room.height():
                problems.append(f"{text!r} is {ink}px tall, has {room.height()}px")
            continue
        box = widget.contentsRect()
        if isinstance(widget, QLabel) and widget.wordWrap():
            # A label's heightForWidth takes its whole width and takes off its margins.
            needed = widget.heightForWidth(widget.width())
            if needed > widget.height():
                problems.append(f"{text!r} needs {needed}px of height, has {widget.height()}")
        elif widget.fontMetrics().horizontalAdvance(text) > box.width():
            problems.append(f"{text!r} is wider than its {box.width()}px")
    return problems


def text_room(button: QPushButton) -> QRect:
    """The room a push button's words have: inside the style sheet's border and padding
    (which the widget's contents rect does not count), and beside its icon."""
    option = QStyleOptionButton()
    button.initStyleOption(option)
    room = button.style().subElementRect(
        QStyle.SubElement.SE_PushButtonContents, option, button)
    if not button.icon().isNull():
        # The style draws the icon left of the words with a 4 px gap (QCommonStyle).
        room.setWidth(room.width() - button.iconSize().width() - 4)
    return room


def in_view(widget: QWidget, window: QWidget) -> bool:
    """Wholly on screen without a scroll: shown, inside the window, cut by nothing, and in
    no scrolled area (which a finger could move it out of)."""
    if not widget.isVisible() or scrolled(widget, window):
        return False
    box = QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())
    return window.rect().contains(box) and \
        widget.visibleRegion().boundingRect() == widget.rect()
