"""A short message over the screen ("We do not know this product"), then gone."""

from __future__ import annotations

from PySide6.QtCore import (
    QEvent,
    QMetaObject,
    QObject,
    QRect,
    Qt,
    QTimer,
    Signal,
    SignalInstance,
)
from PySide6.QtWidgets import QLabel, QWidget

from kiosk.ui.restyling import Restyling
from kiosk.ui.theme import Theme

SHOWN_MS = 5000
# What a notice must leave in view: the buttons that carry a screen's main action, and
# the search field being typed in.
MAIN_ACTIONS = ("PrimaryButton", "ProductAction", "CompareTrayButton", "SearchField")


class Notice(Restyling, QLabel):
    """Shown above every screen of its window; a tap on it, time, or the end of what it
    says takes it away.

    It sits just under `top_bar`, or above the bottom of the window where that would hide
    a main action; it never covers one. It never blocks the screen beneath: only its own
    strip takes taps.
    """

    shown = Signal(str)       # each message as it comes up (speech says it)

    def __init__(self, theme: Theme, window: QWidget, top_bar: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("Notice")
        self.setWordWrap(True)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._theme = theme
        self._top_bar = top_bar
        self._withdrawals: list[QMetaObject.Connection] = []
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.withdraw)
        window.installEventFilter(self)     # follow the window's size
        self.hide()

    def restyle(self, theme: Theme) -> None:
        self._theme = theme
        if self.isVisible():
            self._place()

    def show_message(self, message: str, until: tuple[SignalInstance, ...] = ()) -> None:
        """Show `message` for a few seconds, or until one of `until` fires: the change that
        makes it no longer true ("up to 5 of the same item" once the quantity goes down)."""
        self._forget_withdrawals()
        self._withdrawals = [signal.connect(self.withdraw) for signal in until]
        self.setText(message)
        self.setAccessibleName(message)
        self._place()
        self.show()
        self.raise_()
        self._timer.start(SHOWN_MS)
        self.shown.emit(message)

    def withdraw(self) -> None:
        self._timer.stop()
        self._forget_withdrawals()
        self.hide()

    def mousePressEvent(self, event) -> None:
        self.withdraw()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and self.isVisible():
            self._place()
        return False

    def _forget_withdrawals(self) -> None:
        for connection in self._withdrawals:
            QObject.disconnect(connection)
        self._withdrawals = []

    def _place(self) -> None:
        window = self.parentWidget()
        margin = self._theme.spacing * 2
        width = window.width() - 2 * margin
        height = max(self.heightForWidth(width), self._theme.touch_target)
        # The window's contents: in reach mode, only the rows a shopper reaches.
        shown = window.contentsRect()
        top = margin + shown.top()
        if self._top_bar.isVisible():
            top = margin + self._top_bar.mapTo(window, self._top_bar.rect().bottomLeft()).y()
        under_top_bar = QRect(margin, top, width, height)
        above_bottom = QRect(margin, shown.bottom() + 1 - height - margin * 3, width, height)
        self.setGeometry(next((place for place in (under_top_bar, above_bottom)
                               if not self._covers_main_action(place)), under_top_bar))

    def _covers_main_action(self, place: QRect) -> bool:
        window = self.parentWidget()
        return any(widget.isVisible() and QRect(widget.mapTo(window, widget.rect().topLeft()),
                                                widget.size()).intersects(place)
                   for widget in window.findChildren(QWidget)
                   if widget.objectName() in MAIN_ACTIONS)
