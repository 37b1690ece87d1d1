"""The PIN pad: large digits, dots for what was typed, and the lockout in words."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QBoxLayout, QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from kiosk.ui.admin.words import AdminWords
from kiosk.ui.restyling import Restyling
from kiosk.ui.retranslating import Retranslating
from kiosk.ui.theme import Theme

MAX_DIGITS = 12
# The widest figures the pad's messages may hold, for the room kept for them.
MAX_ATTEMPTS_SAID = 99
LONGEST_LOCKOUT_SAID = 59 * 60 + 59     # "59 minutes 59 seconds"
DOT = "●"
# The words' and the keys' columns stand side by side on a wide screen: in the largest
# type, two of them and their gap must still fit a 1920-pixel-wide screen.
COLUMN_MAX_PX = 900


class PinPad(Retranslating, Restyling, QWidget):
    """Covers the window; says nothing about the PIN but how many digits are typed."""

    submitted = Signal(str)
    typed_changed = Signal(int)     # how many digits are typed now (never which)
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
        # The message's room is kept whether or not there is one (see _keep_room_for_words):
        # the keys must never move under a finger when "Wrong PIN" comes or goes.
        keep_room = self.message.sizePolicy()
        keep_room.setRetainSizeWhenHidden(True)
        self.message.setSizePolicy(keep_room)
        grid = self._grid = QGridLayout()
        self.digit_buttons: list[QPushButton] = []
        for index, digit in enumerate("1234567890"):
            button = self._button(digit, "AdminPinKey")
            button.setAccessibleName(digit)
            button.clicked.connect(lambda _=False, d=digit: self._type(d))
            self.digit_buttons.append(button)
            row, column = (index // 3, index % 3) if digit != "0" else (3, 1)
            grid.addWidget(button, row, column)
        self.erase_button = self._button("⌫", "AdminPinKey")
        self.erase_button.clicked.connect(self._erase)
        grid.addWidget(self.erase_button, 3, 0)
        self.ok_button = self._button("", "PrimaryButton")
        self.ok_button.clicked.connect(self._submit)
        grid.addWidget(self.ok_button, 3, 2)
        self.cancel_button = self._button("", "AdminButton")
        self.cancel_button.clicked.connect(self.cancelled)

        # What is said above the keys in portrait, beside them in landscape, where a
        # column of both would not fit the height in large type and the keys would squeeze.
        self._words = QWidget(objectName="AdminPinBox")
        words_layout = QVBoxLayout(self._words)
        words_layout.setContentsMargins(0, 0, 0, 0)
        words_layout.addWidget(self.title)
        words_layout.addWidget(self.dots)
        words_layout.addWidget(self.message)
        self._keys = QWidget(objectName="AdminPinBox")
        keys_layout = QVBoxLayout(self._keys)
        keys_layout.setContentsMargins(0, 0, 0, 0)
        keys_layout.addLayout(grid)
        keys_layout.addWidget(self.cancel_button)
        self._columns = QBoxLayout(QBoxLayout.Direction.TopToBottom)
        self._columns.addStretch()
        self._columns.addWidget(self._words, 0, Qt.AlignmentFlag.AlignCenter)
        self._columns.addWidget(self._keys, 0, Qt.AlignmentFlag.AlignCenter)
        self._columns.addStretch()
        layout = QVBoxLayout(self)
        layout.addStretch()
        layout.addLayout(self._columns)
        layout.addStretch()
        self.restyle(theme)
        self._show_texts()
        self.hide()

    @staticmethod
    def _button(text: str, name: str) -> QPushButton:
        button = QPushButton(text, objectName=name)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        return button

    def restyle(self, theme: Theme) -> None:
        spacing = theme.spacing
        self._grid.setSpacing(spacing)
        for button in (*self.digit_buttons, self.erase_button, self.ok_button,
                       self.cancel_button):
            button.setMinimumSize(theme.touch_target * 2, theme.touch_target * 3 // 2)
        self._column_width = min(theme.touch_target * 3 * 2 + spacing * 4, COLUMN_MAX_PX)
        for column in (self._words, self._keys):
            column.setFixedWidth(self._column_width)
            column.layout().setSpacing(spacing * 2)
        self._columns.setSpacing(spacing * 2)
        if self.isVisible():
            # The words take another height in the new type: measured once the window's
            # new sheet is in force too (it comes after every widget is restyled).
            QTimer.singleShot(0, self, self._keep_room_for_words)

    @property
    def typed(self) -> int:
        return len(self._pin)

    def open(self) -> None:
        self._pin = ""
        self._message = ""
        self._show_texts()
        self._keep_room_for_words()
        self.setGeometry(self.parentWidget().rect())
        self._arrange()
        self.layout().activate()        # laid out before it shows: no key moves after
        self.show()
        self.raise_()

    def _keep_room_for_words(self) -> None:
        """The title and the longest message the pad says get their full height at the
        column's width, measured with the admin style in force (the pad gets it after it
        is made): what the pad says then never pushes the keys."""
        width = self._column_width
        for label in (self.title, self.message):
            label.ensurePolished()
            label.setMinimumHeight(0)       # a label measures at least its least height
        self.title.setFixedHeight(self.title.heightForWidth(width))
        shown = self.message.text()
        heights = []
        for text in self._possible_messages():
            self.message.setText(text)
            heights.append(self.message.heightForWidth(width))
        self.message.setText(shown)
        self.message.setFixedHeight(max(heights))

    def _possible_messages(self) -> list[str]:
        return [self._wrong_message(1), self._wrong_message(MAX_ATTEMPTS_SAID),
                self._locked_message(AdminWords().duration(LONGEST_LOCKOUT_SAID)),
                self.tr("Checking…")]

    def clear(self, message: str = "") -> None:
        self._pin = ""
        self._message = message
        self._show_texts()

    def show_wrong(self, attempts_left: int) -> None:
        self.clear(self._wrong_message(attempts_left))

    def set_locked(self, how_long: str) -> None:
        """No digit is taken until `set_unlocked`; `how_long` is the time left, in words."""
        self._pin = ""
        self._message = self._locked_message(how_long)
        for button in (*self.digit_buttons, self.erase_button, self.ok_button):
            button.setEnabled(False)
        self._show_texts()

    def set_unlocked(self) -> None:
        for button in (*self.digit_buttons, self.erase_button, self.ok_button):
            button.setEnabled(True)
        self._message = ""
        self._show_texts()

    def set_busy(self, busy: bool) -> None:
        """While the PIN is being checked (half a second of hashing)."""
        for button in (*self.digit_buttons, self.erase_button, self.ok_button):
            button.setEnabled(not busy)
        if busy:
            self._message = self.tr("Checking…")
            self._show_texts()

    def _wrong_message(self, attempts_left: int) -> str:
        return self.tr("Wrong PIN. %n attempt(s) left before a pause.", "", attempts_left)

    def _locked_message(self, how_long: str) -> str:
        return self.tr("Too many wrong PINs. Try again in %1.").replace("%1", how_long)

    def _type(self, digit: str) -> None:
        if len(self._pin) < MAX_DIGITS:
            self._pin += digit
            self._show_dots()
            self.typed_changed.emit(len(self._pin))

    def _erase(self) -> None:
        self._pin = self._pin[:-1]
        self._show_dots()
        self.typed_changed.emit(len(self._pin))

    def _submit(self) -> None:
        if self._pin:
            pin, self._pin = self._pin, ""
            self._show_dots()
            self.submitted.emit(pin)

    def _show_dots(self) -> None:
        self.dots.setText(DOT * len(self._pin) or " ")
        self.dots.setAccessibleName(self.tr("%n digit(s) typed", "", len(self._pin)))

    def retranslate(self) -> None:
        self._show_texts()
        if self.isVisible():        # the messages' new words may take more lines
            self._keep_room_for_words()

    def _show_texts(self) -> None:
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

    def _arrange(self) -> None:
        landscape = self.width() > self.height()
        self._columns.setDirection(QBoxLayout.Direction.LeftToRight if landscape
                                   else QBoxLayout.Direction.TopToBottom)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._arrange()
