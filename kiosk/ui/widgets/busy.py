"""The sign that the kiosk is working on what was asked: a band sweeping along under the
top bar, shown only while an answer takes longer than a moment (TaskRunner.busy_changed)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget

from kiosk.ui.restyling import Restyling
from kiosk.ui.retranslating import Retranslating
from kiosk.ui.theme import Theme

FRAME_MS = 33           # about 30 frames a second: smooth enough, light on the CPU
SWEEP_FRAMES = 45       # one sweep across in a second and a half
HEIGHT_PX = 8


class BusyStrip(Retranslating, Restyling, QWidget):
    """Across the window along the bottom edge of `anchor` (the top bar), or along the top
    of the window while the anchor is not shown. Motion tells it, not colour alone; it takes
    no taps, so that the screen under it stays usable."""

    def __init__(self, theme: Theme, window: QWidget, anchor: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("BusyStrip")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self._theme = theme
        self._anchor = anchor
        self._frame = 0
        self._timer = QTimer(self)
        self._timer.setInterval(FRAME_MS)
        self._timer.timeout.connect(self._advance)
        window.installEventFilter(self)     # follow the window's size
        self.retranslate()
        self.hide()

    def set_busy(self, busy: bool) -> None:
        if busy:
            self._frame = 0
            self._place()
            self.show()
            self.raise_()
            self._timer.start()
        else:
            self._timer.stop()
            self.hide()

    def retranslate(self) -> None:
        self.setAccessibleName(self.tr("Working on it…"))

    def restyle(self, theme: Theme) -> None:
        self._theme = theme
        if self.isVisible():
            self._place()

    def _place(self) -> None:
        window, anchor = self.parentWidget(), self._anchor
        height = self._theme.px(HEIGHT_PX)
        top = 0
        if anchor.isVisible():
            top = anchor.mapTo(window, anchor.rect().bottomLeft()).y() + 1 - height
        self.setGeometry(0, top, window.width(), height)

    def _advance(self) -> None:
        self._frame = (self._frame + 1) % SWEEP_FRAMES
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        c = self._theme.colors
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor(c.primary_light))
        band = self.width() // 3
        left = (self.width() + band) * self._frame // SWEEP_FRAMES - band
        painter.fillRect(left, 0, band, self.height(), QColor(c.on_primary))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and self.isVisible():
            self._place()
        return False
