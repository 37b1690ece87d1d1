"""What a screen says where its content would be: loading, nothing to show, out of order,
an error. One pane for every screen that has such states.

The words stay the screen's: it passes a function that returns its texts by state, written
with its own `self.tr`, so every string keeps the tr() context (the screen's class name)
its .ts entry has. The pane remembers the state, not the text, and asks for the words
again at each language change, so a message already shown follows the shopper's language.

    self.status = StatusPane(self._status_texts, "loading")
    ...
    def _status_texts(self) -> dict[str, str]:
        return {"loading": self.tr("Loading the products…"),
                "unavailable": self.tr("The catalogue is not available at the moment.")}
    ...
    self.status.show_state("unavailable")
    self.body.setCurrentWidget(self.status)     # where the pane stands is the screen's

Styled as `#StatusMessage`: centred, word-wrapped, and said by a screen reader as shown.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from kiosk.ui.retranslating import Retranslating


class StatusPane(Retranslating, QLabel):
    def __init__(self, texts: Callable[[], Mapping[str, str]], state: str,
                 parent: QWidget | None = None) -> None:
        """`texts` gives the screen's words by state, in the language now installed;
        `state` is the one shown first and must be among them."""
        super().__init__(parent)
        self.setObjectName("StatusMessage")
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setWordWrap(True)
        self._texts = texts
        self.state = state
        self.retranslate()

    def show_state(self, state: str) -> None:
        """Say what `state` means (a key of the texts: an unknown one is a KeyError)."""
        self.state = state
        self.retranslate()

    def retranslate(self) -> None:
        text = self._texts()[self.state]
        self.setText(text)
        self.setAccessibleName(text)
