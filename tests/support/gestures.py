"""A shopper's gestures for UI tests, and how tests find widgets: by accessible name."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QPushButton, QScrollArea, QScroller


def find_named(root, cls, name):
    """The widget of that name, the one on screen first: a screen on its way out (its
    on-screen keyboard's "Terminé" key, say) may still hold a hidden namesake."""
    matches = [w for w in root.findChildren(cls) if w.accessibleName() == name]
    return next((w for w in matches if w.isVisible()), matches[0] if matches else None)


def named(root, cls, name):
    found = find_named(root, cls, name)
    assert found is not None, f"no {cls.__name__} named {name!r}"
    return found


def shown(qtbot, root, cls, name, timeout=5000):
    """Wait for a widget of that name to be on screen (a widget added to a shown layout
    appears at the next turn of the event loop), and return it."""
    def on_screen():
        return next((w for w in root.findChildren(cls)
                     if w.accessibleName() == name and w.isVisible()), None)
    qtbot.waitUntil(lambda: on_screen() is not None, timeout=timeout)
    return on_screen()


def tap(qtbot, widget, button=Qt.MouseButton.LeftButton):
    """A finger on the screen: the press enters through the window, as real input does."""
    window = widget.window()
    # A finger aims at what is drawn: what waits for the next turn of the event loop (a
    # bar taking a second row) is drawn before any shopper could aim.
    QCoreApplication.processEvents()
    assert widget.isVisible(), "a shopper cannot tap what is not on screen"
    scroll_into_view(widget)
    # A finger lands on the part that shows: a field half under the fold is tapped there.
    visible = widget.visibleRegion().boundingRect()
    target = visible.center() if not visible.isEmpty() else widget.rect().center()
    touch(window, widget.mapTo(window, target), button)


def press_key(window, key, modifiers=Qt.KeyboardModifier.NoModifier):
    """A key from a keyboard plugged into the terminal, entering through the window."""
    QTest.keyClick(window.windowHandle(), key, modifiers)


def start(qtbot, kiosk):
    """A French-speaking shopper touches the attract screen."""
    tap(qtbot, named(kiosk.window, QPushButton, "Touchez l’écran pour commencer"))
    assert kiosk.window.showing_session()


def scroll_into_view(widget):
    """What a shopper does first with a finger: bring the control into its scrolled area."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QScrollArea):
            parent.ensureWidgetVisible(widget, 0, 0)
        parent = parent.parentWidget()


def tap_item(qtbot, view, row):
    """A finger on one item of a list or grid view (a product card)."""
    index = view.model().index(row, 0)
    view.scrollTo(index)
    centre = view.visualRect(index).center()
    window = view.window()
    touch(window, view.viewport().mapTo(window, centre))


def touch(window, position, button=Qt.MouseButton.LeftButton):
    """Press, rest a moment as a finger does, release. A press and release in the same
    millisecond can be taken by a kinetic scroller for nothing at all."""
    handle = window.windowHandle()
    QTest.mousePress(handle, button, Qt.KeyboardModifier.NoModifier, position)
    QTest.qWait(50)
    QTest.mouseRelease(handle, button, Qt.KeyboardModifier.NoModifier, position)


def drag(window, start, end, steps=20, step_ms=15):
    """A finger laid on the screen at `start`, slid to `end` and lifted, the events
    entering through the window. Each step takes real time: the kinetic scroller reads
    the finger's speed from its own clock."""
    handle, left = window.windowHandle(), Qt.MouseButton.LeftButton
    QTest.mousePress(handle, left, Qt.KeyboardModifier.NoModifier, start)
    for step in range(1, steps + 1):
        QTest.qWait(step_ms)
        QTest.mouseMove(handle, start + (end - start) * step / steps)
    QTest.mouseRelease(handle, left, Qt.KeyboardModifier.NoModifier, end)


def finger_scroll(qtbot, window, area):
    """A finger laid low on what shows of `area` and slid up over most of it: how far it
    slid, and how far the area scrolled once its glide ended."""
    viewport = area.viewport()
    showing = viewport.visibleRegion().boundingRect()
    centre = viewport.mapTo(window, showing.center())
    slide = showing.height() * 2 // 5
    start_at, end_at = centre + QPoint(0, slide), centre - QPoint(0, slide)
    assert viewport.isAncestorOf(window.childAt(start_at)) \
        or window.childAt(start_at) is viewport, "the finger lands on the area"
    bar = area.verticalScrollBar()
    assert bar.value() < bar.maximum(), "the area has more to show"
    before = bar.value()
    drag(window, start_at, end_at)
    scroller = QScroller.scroller(viewport)
    qtbot.waitUntil(lambda: scroller.state() == QScroller.State.Inactive, timeout=5000)
    return 2 * slide, bar.value() - before
