"""Why the server could not be used, in the staff's language, with the technical detail
a tap away."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QVBoxLayout, QWidget

from kiosk.core.sync.trouble import Trouble
from kiosk.ui.admin.parts import touch_button
from kiosk.ui.retranslating import Retranslating
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.text import show_text, wrapped_label

ZERO_WIDTH_SPACE = "\u200b"
# After these, a line may break inside a long technical word: a URL, a class path.
_BREAK_AFTER = "/.:,=(_"


class TroubleWords(QObject):
    def cause(self, trouble: Trouble | None) -> str:
        """The cause, said so staff know what to check."""
        causes = {
            Trouble.UNREACHABLE:
                self.tr("server unreachable: check the network and the server"),
            Trouble.NAME_NOT_RESOLVED:
                self.tr("server name not found: check the address and the DNS"),
            Trouble.TIMEOUT:
                self.tr("the server did not answer in time"),
            Trouble.TOKEN_REFUSED:
                self.tr("the server refused this terminal's token: IT must renew it"),
            Trouble.CERTIFICATE:
                self.tr("secure connection failed: certificate not trusted, or not https"),
            Trouble.SERVER_ERROR:
                self.tr("fault on the server's side; the terminal will try again"),
            Trouble.BAD_ANSWER:
                self.tr("answer not understood: is this the central server's address?"),
        }
        return causes.get(trouble, self.tr("unexpected problem: see the details"))

    def alert(self, kind: str) -> str:
        """What an alert raised for staff means (kept in the journal until dealt with)."""
        if kind == "token_refused":
            return self.tr("token refused by the server: nothing is lost, sync waits for IT")
        if kind == "journal_corrupt":
            return self.tr("the journal was damaged: it was set aside and a new one started")
        return kind


def breakable(text: str) -> str:
    """`text` with invisible line-break chances inside its long technical words, so a
    wrapping label wraps them instead of running past its edge."""
    for mark in _BREAK_AFTER:
        text = text.replace(mark, mark + ZERO_WIDTH_SPACE)
    return text


class TroubleDetails(Retranslating, QWidget):
    """A "Show details" button and, once tapped, the technical text under it, wrapped.
    Hidden while there is nothing to show."""

    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="TroubleDetails")
        self.button = touch_button(theme, "AdminButton")
        self.button.setCheckable(True)
        self.button.toggled.connect(self._show_open)
        self.text = wrapped_label("AdminDetails")
        self.text.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.button)
        layout.addWidget(self.text)
        self._details = ""
        self.hide()
        self.retranslate()

    def set_details(self, details: str) -> None:
        if details == self._details:
            return
        self._details = details
        self.text.setText(breakable(details))
        self.text.setAccessibleName(details)
        self.setVisible(bool(details))
        if not details:
            self.button.setChecked(False)

    @property
    def details(self) -> str:
        return self._details

    def _show_open(self, open_: bool) -> None:
        self.text.setVisible(open_)
        self.retranslate()

    def retranslate(self) -> None:
        show_text(self.button, self.tr("Hide details") if self.button.isChecked()
                  else self.tr("Show details"))
