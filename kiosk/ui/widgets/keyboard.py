"""The on-screen keyboard: a terminal has no other, so every text field is typed here.

Why our own widget and not Qt Virtual Keyboard: the latter is a QML input method. With
QtWidgets it opens its panel as a second top-level window, which would have to stay above
our frameless always-on-top window on a machine without a window manager; under the
offscreen platform its panel never became visible, so no test could tap it; it follows
neither our theme nor the 1.5x type scale; and it is offered under GPLv3 or a commercial
licence only. A few dozen QPushButtons inside our own window have none of these problems.

The keyboard never takes the focus: its keys accept no focus, so the field being typed in
keeps its cursor, and the keyboard edits that field through QLineEdit's own editing calls
(insert, backspace, delete), which respect its validator and maximum length and emit
textEdited as typing would.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import shiboken6
from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLineEdit, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from kiosk.ui.restyling import Restyling
from kiosk.ui.retranslating import Retranslating
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.text import FittingButton
from kiosk.ui.widgets.toggle import act_on_toggle

# The physical letter layout that goes with each shopper language.
LANGUAGE_LAYOUTS = {"fr": "azerty", "en": "qwerty"}
MODES = ("text", "numeric", "email")

# French names and addresses need their accents whatever language the shopper reads,
# so the accent row is on both letter layouts: one tap each, no long press to discover.
ACCENTS = "éèêëàâîïôûùç"
DIGITS = "1234567890"
LETTER_ROWS = {
    "azerty": ("azertyuiop", "qsdfghjklm", "wxcvbn'-"),
    "qwerty": ("qwertyuiop", "asdfghjkl'", "zxcvbnm-"),
}
BACKSPACE_REPEAT_DELAY_MS = 500   # long enough that a tap never deletes twice


@dataclass(frozen=True)
class KeySpec:
    """One key: what it does, what it types (for "type"), and its width in key units."""

    action: str
    text: str = ""
    width: float = 1.0


def _typing(chars: str) -> list[KeySpec]:
    return [KeySpec("type", char) for char in chars]


def layout_rows(layout: str, mode: str) -> list[list[KeySpec]]:
    """The rows of keys for a layout ("azerty", "qwerty" or "numeric"), top to bottom.

    No row is wider than 12 units: that is what fits across a 1080-pixel portrait screen
    with keys at their minimum size.
    """
    if layout == "numeric":
        # A telephone pad: wide keys, and + for international numbers.
        return [
            [*(KeySpec("type", d, 2) for d in "123"), KeySpec("backspace", width=3)],
            [*(KeySpec("type", d, 2) for d in "456"), KeySpec("clear", width=3)],
            [*(KeySpec("type", d, 2) for d in "789"), KeySpec("letters", width=3)],
            [KeySpec("type", "+", 2), KeySpec("type", "0", 4), KeySpec("done", width=3)],
        ]
    first, second, third = LETTER_ROWS[layout]
    email = mode == "email"
    rows = [
        # Addresses take digits far more often than accents, which they may not contain.
        _typing(DIGITS if email else ACCENTS),
        _typing(first),
        _typing(second),
        [KeySpec("shift", width=1.5), *_typing(third), KeySpec("backspace", width=2)],
    ]
    if email:
        rows.append([KeySpec("clear", width=3), *_typing("@._"), KeySpec("type", ".com", 2),
                     KeySpec("type", ".fr", 1.5), KeySpec("done", width=2)])
    else:
        rows.append([KeySpec("numbers", width=1.5), KeySpec("clear", width=3),
                     KeySpec("type", ","), KeySpec("space", " ", 3.5), KeySpec("type", "."),
                     KeySpec("done", width=2)])
    return rows


class _Key(FittingButton):
    def __init__(self, spec: KeySpec, parent: QWidget) -> None:
        super().__init__(parent)
        self.spec = spec
        # Never take the focus from the field being typed in.
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        if spec.action == "done":
            self.setObjectName("KeyboardDoneKey")
        elif spec.action == "type":
            self.setObjectName("KeyboardKey")
        else:
            self.setObjectName("KeyboardActionKey")
        if spec.action == "shift":
            self.setCheckable(True)
        if spec.action == "backspace":
            self.setAutoRepeat(True)    # hold to delete a whole word
            self.setAutoRepeatDelay(BACKSPACE_REPEAT_DELAY_MS)


class _KeyPage(QWidget):
    """One layout's keys, placed on a grid of equal units that shrinks to the width given.

    Every row is centred, which staggers the rows as on a real keyboard. Keys never get
    narrower than the theme's minimum target: below that the page asks for more width.
    """

    def __init__(self, theme: Theme, layout: str, rows: list[list[KeySpec]],
                 parent: QWidget, compact: bool = False) -> None:
        super().__init__(parent)
        self.layout_name = layout
        self.rows = [[_Key(spec, self) for spec in row] for row in rows]
        self._units = max(sum(spec.width for spec in row) for row in rows)
        self._gap = theme.spacing // 2
        self._margin = theme.spacing // 2
        self._key_height = theme.minimum_target if compact else theme.touch_target
        self._min_unit = theme.minimum_target
        # Wide screens would otherwise get keys a hand wide.
        self._max_unit = theme.touch_target * 3 // 2
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    @property
    def keys(self) -> list[_Key]:
        return [key for row in self.rows for key in row]

    def _width_for_unit(self, unit: int) -> int:
        return math.ceil(self._units * (unit + self._gap) - self._gap + 2 * self._margin)

    def _height(self) -> int:
        count = len(self.rows)
        return count * self._key_height + (count - 1) * self._gap + 2 * self._margin

    def sizeHint(self) -> QSize:
        return QSize(self._width_for_unit(self._max_unit), self._height())

    def minimumSizeHint(self) -> QSize:
        return QSize(self._width_for_unit(self._min_unit), self._height())

    def unit(self) -> int:
        """The width of a one-unit key at the page's current width."""
        room = self.width() - 2 * self._margin + self._gap
        fitting = math.floor(room / self._units) - self._gap
        return max(self._min_unit, min(self._max_unit, fitting))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place_keys()

    def _place_keys(self) -> None:
        unit, gap = self.unit(), self._gap
        y = self._margin
        for row in self.rows:
            widths = [round(key.spec.width * unit + (key.spec.width - 1) * gap) for key in row]
            row_width = sum(widths) + gap * (len(row) - 1)
            # Centred when there is room; against the left margin when there is not.
            x = max(self._margin, (self.width() - row_width) // 2)
            for key, width in zip(row, widths, strict=True):
                key.setGeometry(x, y, width, self._key_height)
                x += width + gap
            y += self._key_height + gap


class OnScreenKeyboard(Retranslating, Restyling, QWidget):
    """Types into one QLineEdit at a time (set_target) without ever taking its focus.

    Letters follow the shopper's language (AZERTY for French, QWERTY for English); the
    mode follows the field: "text", "numeric" (postal codes, phone numbers, quantities)
    or "email". Shift applies to the next letter only. Done emits `done`; whoever owns
    the keyboard decides whether that hides it or moves to the next field.
    """

    done = Signal()

    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("OnScreenKeyboard")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._theme = theme
        self._language = "fr"
        self._mode = "text"
        self._shift = False
        self._target: QLineEdit | None = None
        self._compact = False
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._page: _KeyPage | None = None
        self._retired: list[_KeyPage] = []
        self._show_layout(LANGUAGE_LAYOUTS[self._language])

    # --- public API -------------------------------------------------------------------

    @property
    def language(self) -> str:
        return self._language

    @property
    def mode(self) -> str:
        return self._mode

    @property
    def layout_name(self) -> str:
        """The layout on screen: "azerty", "qwerty" or "numeric"."""
        assert self._page is not None
        return self._page.layout_name

    @property
    def shift_active(self) -> bool:
        return self._shift

    @property
    def keys(self) -> list[QPushButton]:
        """The keys on screen, top row first."""
        assert self._page is not None
        return list(self._page.keys)

    def target(self) -> QLineEdit | None:
        if self._target is not None and not shiboken6.isValid(self._target):
            self._target = None     # the field went with its screen
        return self._target

    def set_target(self, line_edit: QLineEdit | None) -> None:
        self._target = line_edit
        self._set_shift(False)

    def set_language(self, language: str) -> None:
        if language not in LANGUAGE_LAYOUTS:
            raise ValueError(f"no keyboard layout for language {language!r}")
        self._language = language
        if self.layout_name not in ("numeric", LANGUAGE_LAYOUTS[language]):
            self._show_layout(LANGUAGE_LAYOUTS[language])

    def restyle(self, theme: Theme) -> None:
        self._theme = theme
        assert self._page is not None
        self._show_layout(self._page.layout_name)     # its keys made again at the new size

    def set_compact(self, compact: bool) -> None:
        """Keys of the least target height, for a short (landscape) screen in large type
        where a form must keep room above the keyboard."""
        if compact != self._compact:
            self._compact = compact
            assert self._page is not None
            self._show_layout(self._page.layout_name)

    def set_mode(self, mode: str) -> None:
        if mode not in MODES:
            raise ValueError(f"unknown keyboard mode {mode!r}; expected one of {MODES}")
        self._mode = mode
        self._show_layout("numeric" if mode == "numeric" else LANGUAGE_LAYOUTS[self._language])

    # --- keys -------------------------------------------------------------------------

    def _show_layout(self, layout: str) -> None:
        page = _KeyPage(self._theme, layout, layout_rows(layout, self._mode), self,
                        self._compact)
        for key in page.keys:
            if key.isCheckable():
                # Shift, turned by a tap or by an assistive technology's Toggle.
                act_on_toggle(key, lambda: self._shift, self._set_shift)
            else:
                key.clicked.connect(lambda _checked=False, key=key: self._on_key(key))
        if self._page is not None:
            self._retire(self._page)
        self._page = page
        self._layout.addWidget(page)
        # Laid out now rather than at the next turn of the event loop, so that the new keys
        # are in place for whatever the caller does next.
        page.show()
        self._layout.activate()
        self._shift = False
        self.retranslate()
        self.updateGeometry()

    def _retire(self, page: _KeyPage) -> None:
        # The page may hold the very key being tapped ("123"), so it cannot be deleted now;
        # taken out of the tree at once, it no longer shows nor answers findChildren.
        self._retired = [old for old in self._retired if shiboken6.isValid(old)]
        self._layout.removeWidget(page)
        page.hide()
        page.setParent(None)
        self._retired.append(page)
        page.deleteLater()

    def _on_key(self, key: _Key) -> None:
        action = key.spec.action
        if action in ("type", "space"):
            self._type(self._shifted(key.spec.text))
            self._set_shift(False)
        elif action == "backspace":
            self._edit_target(QLineEdit.backspace)
        elif action == "clear":
            self._edit_target(_clear)
        elif action == "numbers":
            self._show_layout("numeric")
        elif action == "letters":
            self._show_layout(LANGUAGE_LAYOUTS[self._language])
        elif action == "done":
            self._set_shift(False)
            self.done.emit()

    def _type(self, text: str) -> None:
        self._edit_target(lambda field: field.insert(text))

    def _edit_target(self, edit) -> None:
        target = self.target()
        if target is not None and target.isEnabled() and not target.isReadOnly():
            edit(target)

    def _shifted(self, text: str) -> str:
        return text.upper() if self._shift and len(text) == 1 and text.isalpha() else text

    def _set_shift(self, active: bool) -> None:
        self._shift = active
        self.retranslate()      # also puts the shift key's checked state right

    def retranslate(self) -> None:
        """Each key's label and spoken name, in the language installed and, for letters,
        in capitals while shift is on."""
        if self._page is None:
            return
        names = self._action_names()
        symbol_names = self._symbol_names()
        for key in self._page.keys:
            action = key.spec.action
            if action == "type":
                shown = self._shifted(key.spec.text)
                key.setText(shown)
                # Capitals on the keys say shift is on without relying on the colour.
                key.setAccessibleName(symbol_names.get(shown, shown))
            else:
                label, name = names[action]
                key.setText(label)
                key.setAccessibleName(name)
            if action == "shift":
                key.setChecked(self._shift)
        self.setAccessibleName(self.tr("Keyboard"))

    def _action_names(self) -> dict[str, tuple[str, str]]:
        """Each named key's (label, accessible name); labels stay short enough to fit."""
        return {
            "shift": (self.tr("Shift", "key label"), self.tr("Shift")),
            "backspace": (self.tr("Delete", "key label"), self.tr("Backspace")),
            "clear": (self.tr("Clear all", "key label"), self.tr("Clear")),
            "space": (self.tr("Space"), self.tr("Space")),
            "done": (self.tr("Done"), self.tr("Done")),
            "numbers": (self.tr("123", "key label"), self.tr("Numbers")),
            "letters": (self.tr("ABC", "key label"), self.tr("Letters")),
        }

    def _symbol_names(self) -> dict[str, str]:
        # A screen reader says "apostrophe" better than it says "'".
        return {
            "'": self.tr("Apostrophe"),
            "-": self.tr("Hyphen"),
            ",": self.tr("Comma"),
            ".": self.tr("Full stop"),
            "@": self.tr("At sign"),
            "_": self.tr("Underscore"),
            "+": self.tr("Plus"),
        }


def _clear(field: QLineEdit) -> None:
    # Select-and-delete rather than clear(): it emits textEdited, as a shopper's edit should,
    # and can be undone.
    field.selectAll()
    field.del_()
