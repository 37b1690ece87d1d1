"""The hidden gesture: a quick run of taps in one corner of the screen.

Watched on the kiosk window's QWindow, where every press arrives first. A tap is
counted, never taken: the corner holds the Back button, which shoppers must keep. A
press anywhere else starts the count again, so only a deliberate run opens the PIN pad.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QPointF, QSize, Signal
from PySide6.QtGui import QInputDevice, QMouseEvent, QTouchEvent

CORNERS = ("top-left", "top-right", "bottom-left", "bottom-right")


def in_corner(point: QPointF, window: QSize, corner: str, side: int) -> bool:
    """Whether `point` lies in the `side`-pixel square at `corner` of a `window`-sized area."""
    left = corner.endswith("left")
    top = corner.startswith("top")
    x_ok = point.x() < side if left else point.x() >= window.width() - side
    y_ok = point.y() < side if top else point.y() >= window.height() - side
    return x_ok and y_ok


class CornerTaps(QObject):
    """Emits `triggered` after `taps` presses in the corner within `seconds`.

    `clock` gives seconds from a monotonic clock (for tests). `enabled` off: nothing
    is counted (admin mode is open already).
    """

    triggered = Signal()

    def __init__(self, corner: str, taps: int, seconds: float, side: int,
                 parent: QObject | None = None, *,
                 clock: Callable[[], float] = time.monotonic) -> None:
        super().__init__(parent)
        self.enabled = True
        self._clock = clock
        self._times: list[float] = []
        self.configure(corner, taps, seconds, side)

    def configure(self, corner: str, taps: int, seconds: float, side: int) -> None:
        self.corner, self.taps, self.seconds, self.side = corner, taps, seconds, side
        self._times = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self.enabled or not watched.isWindowType():
            return False
        kind = event.type()
        if kind == QEvent.Type.TouchBegin and isinstance(event, QTouchEvent):
            points = event.points()
            if points:
                self._press(points[0].position(), watched.size())
        elif kind == QEvent.Type.MouseButtonPress and isinstance(event, QMouseEvent):
            # A press Qt made from a touch was counted as the touch already.
            device = event.pointingDevice()
            if device is None or device.type() != QInputDevice.DeviceType.TouchScreen:
                self._press(event.position(), watched.size())
        return False     # counted, never swallowed

    def _press(self, position: QPointF, window: QSize) -> None:
        if not in_corner(position, window, self.corner, self.side):
            self._times = []
            return
        now = self._clock()
        self._times = [t for t in self._times if now - t <= self.seconds] + [now]
        if len(self._times) >= self.taps:
            self._times = []
            self.triggered.emit()
