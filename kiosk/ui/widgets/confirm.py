"""A question over the screen with two large answers, before something cannot be undone."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import QFrame, QPushButton, QVBoxLayout, QWidget

from kiosk.ui.restyling import Restyling
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.text import show_text, wrapped_label

GAP_PX = 16


class ConfirmPanel(Restyling, QWidget):
    """Covers its parent with a card: a question, what follows, and two full-width buttons,
    the one that keeps things as they are on top. Only the buttons answer; a tap beside
    the card does nothing, so that nothing is lost by a stray finger."""

    kept = Signal()         # the safe answer: nothing changes
    confirmed = Signal()    # the answer that goes on

    def __init__(self, theme: Theme, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("ConfirmPanel")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        card = QFrame(objectName="ConfirmCard")
        self.title = wrapped_label("ConfirmTitle")
        self.detail = wrapped_label("ConfirmDetail")
        self.keep_button = QPushButton(objectName="PrimaryButton")
        self.confirm_button = QPushButton(objectName="SecondaryButton")
        for button in (self.keep_button, self.confirm_button):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.keep_button.clicked.connect(self._on_keep)
        self.confirm_button.clicked.connect(self._on_confirm)
        lines = self._lines = QVBoxLayout(card)
        for widget in (self.title, self.detail, self.keep_button, self.confirm_button):
            lines.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(card)
        layout.addStretch(1)
        self.restyle(theme)
        parent.installEventFilter(self)      # it keeps covering the parent as that resizes
        self.hide()

    def restyle(self, theme: Theme) -> None:
        for button in (self.keep_button, self.confirm_button):
            button.setMinimumHeight(theme.touch_target + theme.spacing)
        # The gaps stay as at the usual size: on a wide screen in the largest type the
        # question and its two answers need the whole height.
        gap = min(theme.spacing, GAP_PX)
        self._lines.setContentsMargins(gap * 3, gap * 3, gap * 3, gap * 3)
        self._lines.setSpacing(gap * 2)
        self.layout().setContentsMargins(gap * 2, gap * 2, gap * 2, gap * 2)

    def ask(self, title: str, detail: str, keep: str, confirm: str) -> None:
        show_text(self.title, title)
        show_text(self.detail, detail)
        show_text(self.keep_button, keep)
        show_text(self.confirm_button, confirm)
        self.setAccessibleName(title)
        self.setGeometry(self.parentWidget().rect())
        self.show()
        self.raise_()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.parentWidget() and event.type() == QEvent.Type.Resize:
            self.setGeometry(self.parentWidget().rect())
        return False

    def _on_keep(self) -> None:
        self.hide()
        self.kept.emit()

    def _on_confirm(self) -> None:
        self.hide()
        self.confirmed.emit()
