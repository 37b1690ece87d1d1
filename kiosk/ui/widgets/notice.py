"""A short message over the bottom of the screen ("We do not know this product"), then gone."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QLabel, QWidget

from kiosk.ui.theme import Theme

SHOWN_MS = 5000


class Notice(QLabel):
    """Shown above every screen of its window; a tap on it, or time, takes it away.

    It never blocks the screen beneath: only its own strip takes taps.
    """

    def __init__(self, theme: Theme, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("Notice")
        self.setWordWrap(True)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._theme = theme
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.hide)
        window.installEventFilter(self)     # follow the window's size
        self.hide()

    def show_message(self, message: str) -> None:
        self.setText(message)
        self.setAccessibleName(message)
        self._place()
        self.show()
        self.raise_()
        self._timer.start(SHOWN_MS)

    def mousePressEvent(self, event) -> None:
        self.hide()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and self.isVisible():
            self._place()
        return False

    def _place(self) -> None:
        window = self.parentWidget()
        margin = self._theme.spacing * 2
        width = window.width() - 2 * margin
        height = max(self.heightForWidth(width), self._theme.touch_target)
        self.setGeometry(margin, window.height() - height - margin * 3, width, height)
