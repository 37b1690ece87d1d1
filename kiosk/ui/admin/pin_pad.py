"""The PIN pad: large digits, dots for what was typed, and the lockout in words."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from kiosk.ui.theme import Theme

MAX_DIGITS = 12
DOT = "●"


class PinPad(QWidget):
    """Covers the window; says nothing about the PIN but how many digits are typed."""

    submitted = Signal(str)
    cancelled = Signal()

    def __init__(self, theme: Theme, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("AdminPinPad")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self._pin = ""
        self._message = ""
        self.title = QLabel(objectName="AdminTitle")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title.setWordWrap(True)
        self.dots = QLabel(objectName="AdminPinDots")
        self.dots.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message = QLabel(objectName="AdminPinMessage")
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)
        # Room for two lines kept whether or not there is a message: the keys must not
        # move under a finger when "Wrong PIN" comes or goes.
        keep_room = self.message.sizePolicy()
        keep_room.setRetainSizeWhenHidden(True)
        self.message.setSizePolicy(keep_room)
        self.message.ensurePolished()
        self.message.setMinimumHeight(2 * self.message.fontMetrics().lineSpacing())
        grid = QGridLayout()
        grid.setSpacing(theme.spacing)
        self.digit_buttons: list[QPushButton] = []
        for index, digit in enumerate("1234567890"):
            button = self._button(theme, digit, "AdminPinKey")
            button.setAccessibleName(digit)
            button.clicked.connect(lambda _=False, d=digit: self._type(d))
            self.digit_buttons.append(button)
            row, column = (index // 3, index % 3) if digit != "0" else (3, 1)
            grid.addWidget(button, row, column)
        self.erase_button = self._button(theme, "⌫", "AdminPinKey")
        self.erase_button.clicked.connect(self._erase)
        grid.addWidget(self.erase_button, 3, 0)
        self.ok_button = self._button(theme, "", "PrimaryButton")
        self.ok_button.clicked.connect(self._submit)
        grid.addWidget(self.ok_button, 3, 2)
        self.cancel_button = self._button(theme, "", "AdminButton")
        self.cancel_button.clicked.connect(self.cancelled)

        pad = QWidget(objectName="AdminPinBox")
        pad.setMaximumWidth(theme.touch_target * 3 * 2 + theme.spacing * 4)
        box = QVBoxLayout(pad)
        box.setSpacing(theme.spacing * 2)
        box.addWidget(self.title)
        box.addWidget(self.dots)
        box.addWidget(self.message)
        box.addLayout(grid)
        box.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addStretch()
        layout.addWidget(pad, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch()
        self._retranslate()
        self.hide()

    @staticmethod
    def _button(theme: Theme, text: str, name: str) -> QPushButton:
        button = QPushButton(text, objectName=name)
        button.setMinimumSize(theme.touch_target * 2, theme.touch_target * 3 // 2)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        return button

    @property
    def typed(self) -> int:
        return len(self._pin)

    def open(self) -> None:
        self._pin = ""
        self._message = ""
        self._retranslate()
        self.setGeometry(self.parentWidget().rect())
        self.show()
        self.raise_()

    def clear(self, message: str = "") -> None:
        self._pin = ""
        self._message = message
        self._retranslate()

    def show_wrong(self, attempts_left: int) -> None:
        self.clear(self.tr("Wrong PIN. %n attempt(s) left before a pause.", "", attempts_left))

    def set_locked(self, how_long: str) -> None:
        """No digit is taken until `set_unlocked`; `how_long` is the time left, in words."""
        self._pin = ""
        self._message = self.tr("Too many wrong PINs. Try again in %1.").replace("%1", how_long)
        for button in (*self.digit_buttons, self.erase_button, self.ok_button):
            button.setEnabled(False)
        self._retranslate()

    def set_unlocked(self) -> None:
        for button in (*self.digit_buttons, self.erase_button, self.ok_button):
            button.setEnabled(True)
        self._message = ""
        self._retranslate()

    def set_busy(self, busy: bool) -> None:
        """While the PIN is being checked (half a second of hashing)."""
        for button in (*self.digit_buttons, self.erase_button, self.ok_button):
            button.setEnabled(not busy)
        if busy:
            self._message = self.tr("Checking…")
            self._retranslate()

    def _type(self, digit: str) -> None:
        if len(self._pin) < MAX_DIGITS:
            self._pin += digit
            self._show_dots()

    def _erase(self) -> None:
        self._pin = self._pin[:-1]
        self._show_dots()

    def _submit(self) -> None:
        if self._pin:
            pin, self._pin = self._pin, ""
            self._show_dots()
            self.submitted.emit(pin)

    def _show_dots(self) -> None:
        self.dots.setText(DOT * len(self._pin) or " ")
        self.dots.setAccessibleName(self.tr("%n digit(s) typed", "", len(self._pin)))

    def _retranslate(self) -> None:
        self.title.setText(self.tr("Staff access: enter the PIN"))
        self.title.setAccessibleName(self.title.text())
        self.message.setText(self._message)
        self.message.setAccessibleName(self._message)
        self.message.setVisible(bool(self._message))
        self.erase_button.setAccessibleName(self.tr("Erase a digit"))
        self.ok_button.setText(self.tr("OK"))
        self.ok_button.setAccessibleName(self.tr("OK"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.cancel_button.setAccessibleName(self.tr("Cancel"))
        self._show_dots()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
