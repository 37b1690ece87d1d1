"""What the kiosk says aloud, through `Speech`, while the shopper has speech on
(EN 301 549 5.1.3: a kiosk is closed functionality, so it carries its own screen reader).

The narrator listens; screens and widgets only describe themselves:

- a screen's `arrival_words()` when it opens (its title; the confirmation, whole), and its
  title again when `title_changed` brings another (a product's name once it is read);
- the focused control's name, role, state and value, then its accessible description
  (where a widget keeps a price, a stock level and its age, or why a field is wrong);
  a list's current item as focus moves through it;
- what appears by itself: a notice, a screen's `announced` words (a field found wrong),
  the idle warning, and that it is answered;
- a control the shopper pressed, by a tap or the keypad's select, again once what it says
  changed by it (a chip chosen, a box ticked, a quantity stepped with its line's total);
- the staff PIN as "Digit 3" (never a digit), a customer's detail through
  `Speech.field_readback` (its value only into a headset).

What happens in one turn of the event loop is said as one utterance, in that order (a
screen's title, then what appeared, then the control focus lands on), so the title of a
screen is not cut off by the focus landing on its first control; anything later cuts in
(5.1.3.5). Speech follows the UI's language; the AccessibilityCoordinator puts the
shopper's choices in force (speech on or off, rate, volume) and resets Speech at the idle
reset, when the narrator drops whatever it had still to say.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import (
    QEvent,
    QMetaObject,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
)
from PySide6.QtGui import QAccessible, QPointerEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QPushButton,
    QWidget,
)
from shiboken6 import isValid

from kiosk.core.accessibility import AccessibilityChoices
from kiosk.ui.admin.pin_pad import PinPad
from kiosk.ui.idle import IdleWatcher, StillThereOverlay
from kiosk.ui.screens.base import CUSTOMER_DETAIL, Screen
from kiosk.ui.screens.context import ShopperContext
from kiosk.ui.session import Sessions
from kiosk.ui.shell import KioskShell
from kiosk.ui.speech import Speech
from kiosk.ui.widgets.notice import Notice
from kiosk.ui.wording import sentences

Role = QAccessible.Role
# Roles said after a control's name; a label or a plain panel is said by its name alone.
_SILENT_ROLES = {Role.StaticText, Role.Client, Role.Pane, Role.Grouping, Role.Window,
                 Role.NoRole, Role.Graphic}
_PRESSES = frozenset({QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin})
_LIFTS = frozenset({QEvent.Type.MouseButtonRelease, QEvent.Type.TouchEnd})


class Narrator(QObject):
    def __init__(self, speech: Speech, app: QApplication, window: KioskShell,
                 sessions: Sessions, idle: IdleWatcher, still_there: StillThereOverlay,
                 notice: Notice, pin_pad: PinPad, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.speech = speech
        self._app: QApplication | None = app
        self._window = window
        self._sessions = sessions
        self._still_there = still_there
        self._speech_was_on = False
        self._screen: QWidget | None = None
        self._screen_links: list[QMetaObject.Connection] = []
        self._list_link: QMetaObject.Connection | None = None
        self._title_said = ""
        self._warning_said = False
        self._renamed_in_new_language = False   # a language switch, titles read again
        # What this turn of the event loop has to say, in the order it is said; the
        # words of a screen and of a control are taken when said, once a language change
        # has reached every widget.
        self._arrival = False
        self._arrival_waited = False    # a turn let pass for the keypad to place focus
        self._appeared: list[Callable[[], str]] = []
        self._focus: QWidget | QPersistentModelIndex | None = None
        self._flush = QTimer(self)
        self._flush.setSingleShot(True)
        self._flush.setInterval(0)
        self._flush.timeout.connect(self._say_pending)
        # A control being pressed, with what it said before; looked at again once pressed.
        self._pressed: tuple[QWidget, str] | None = None
        self._pressed_check = QTimer(self)
        self._pressed_check.setSingleShot(True)
        self._pressed_check.setInterval(0)
        self._pressed_check.timeout.connect(self._say_if_changed)

        speech.set_language(sessions.language)
        sessions.context_replaced.connect(self._on_context_replaced)
        sessions.language_changed.connect(self._on_language_changed)
        window.screens.currentChanged.connect(self._on_screen_changed)
        window.layers.currentChanged.connect(self._on_screen_changed)
        app.focusChanged.connect(self._on_focus_changed)
        notice.shown.connect(self._appear)
        idle.warning.connect(self._on_idle_warning)
        idle.extended.connect(self._on_idle_extended)
        pin_pad.typed_changed.connect(self._on_pin_typed)
        self._on_screen_changed()

    def close(self) -> None:
        """Stop following focus (at the app's shutdown: the application outlives it)."""
        if self._app is None:
            return
        self._app.focusChanged.disconnect(self._on_focus_changed)
        self._app = None
        self._follow_list(None)
        self._clear_pending()

    # --- the shopper's choices --------------------------------------------------------

    def _on_context_replaced(self, _context: ShopperContext) -> None:
        # The idle reset (the coordinator resets Speech): nothing of this shopper's is said.
        self._clear_pending()
        self._warning_said = False

    def choices_applied(self, choices: AccessibilityChoices) -> None:
        """The shopper's choices are in force (AccessibilityCoordinator.applied): speech
        just switched on says where the shopper is, and what they are on."""
        if choices.speech and not self._speech_was_on:
            self._say_where_we_are()
        self._speech_was_on = choices.speech

    def _on_language_changed(self, language: str) -> None:
        self.speech.set_language(language)
        self._say_where_we_are()
        # A screen showing the catalog reads its text again in the new language: its new
        # title, a moment later, is said with the focused control again.
        self._renamed_in_new_language = True

    def _say_where_we_are(self) -> None:
        self._announce_arrival()
        self._on_focus_changed(None, QApplication.focusWidget())

    # --- screens ----------------------------------------------------------------------

    def _on_screen_changed(self, _index: int = 0) -> None:
        screen = self._window.current_screen()
        if screen is self._screen:
            return
        for connection in self._screen_links:
            QObject.disconnect(connection)
        self._screen, self._screen_links = screen, []
        self._renamed_in_new_language = False
        if isinstance(screen, Screen):
            self._screen_links = [screen.title_changed.connect(self._on_title_changed),
                                  screen.announced.connect(self._appear)]
        self._announce_arrival()

    def _announce_arrival(self) -> None:
        screen = self._screen
        if not self.speech.enabled or not isinstance(screen, Screen):
            return
        self._arrival = True
        self._appeared.clear()     # of the screen left behind
        self._flush.start()

    def _on_title_changed(self) -> None:
        if self.speech.enabled and self._screen.title() != self._title_said:
            if self._renamed_in_new_language:
                self._say_where_we_are()
            else:
                self._announce_arrival()
        self._renamed_in_new_language = False

    # --- what appears by itself -------------------------------------------------------

    def _appear(self, words: str) -> None:
        if words.strip():
            self._appear_later(lambda: words)

    def _appear_later(self, words: Callable[[], str]) -> None:
        if self.speech.enabled:
            self._appeared.append(words)
            self._flush.start()

    def _on_idle_warning(self, _seconds_left: int) -> None:
        # Said as it comes up, not at every second of the countdown; its words are read
        # once the overlay has them.
        if not self._warning_said:
            self._warning_said = True
            self._appear_later(lambda: sentences([
                self._still_there.accessibleName(),
                self._still_there.stay_button.accessibleName()]))

    def _on_idle_extended(self) -> None:
        # The shopper who heard the warning hears that it is answered, and where they are.
        if self._warning_said:
            self._appear(self.tr("You have more time."))
            self._on_focus_changed(None, QApplication.focusWidget())
        self._warning_said = False

    def _on_pin_typed(self, typed: int) -> None:
        # Its length when IT gave it, as long as the digits typed are within it.
        length = self._sessions.config.admin_pin_length
        self._appear(self.speech.pin_progress(typed, length if typed <= length else None))

    # --- focus ------------------------------------------------------------------------

    def _on_focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        self._follow_list(new if isinstance(new, QAbstractItemView) else None)
        if not self.speech.enabled or new is None or new.window() is not self._window:
            return
        self._focus = new
        self._flush.start()

    def say_control(self, control: QWidget) -> None:
        """Say `control` again, as if focus had just come to it (its state changed under
        the shopper's key: a box ticked, a quantity stepped)."""
        if self.speech.enabled:
            self._focus = control
            self._flush.start()

    # --- a control changed by the shopper's press -----------------------------------------

    def pressing(self, control: QWidget) -> None:
        """The keypad's select is about to press `control`: said again once pressed, if
        what it says changed."""
        self._note_pressed(control)
        self._pressed_check.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """On the window's input: a finger pressing a button, then lifted from it (as a
        touch, or the mouse events Qt makes of one)."""
        kind = event.type()
        if kind in _PRESSES and self.speech.enabled and isinstance(event, QPointerEvent) \
                and event.points():
            where = event.points()[0].globalPosition().toPoint()
            control = QApplication.widgetAt(where)
            while control is not None and not isinstance(control, QAbstractButton):
                control = control.parentWidget()
            self._pressed = None
            if control is not None:
                self._note_pressed(control)
        elif kind in _LIFTS and self._pressed is not None:
            self._pressed_check.start()      # once the release has pressed it
        return False

    def _note_pressed(self, control: QWidget) -> None:
        if self.speech.enabled and control.window() is self._window:
            self._pressed = (control, self.described(control))

    def _say_if_changed(self) -> None:
        if self._pressed is None:
            return
        control, words = self._pressed
        self._pressed = None
        if isValid(control) and control.isVisible() and self.described(control) != words:
            self.say_control(control)

    def _follow_list(self, view: QAbstractItemView | None) -> None:
        """While a list has focus, each item focus moves to is said."""
        if self._list_link is not None:
            QObject.disconnect(self._list_link)
            self._list_link = None
        if view is not None and view.selectionModel() is not None:
            self._list_link = view.selectionModel().currentChanged.connect(self._on_item)

    def _on_item(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self.speech.enabled and current.isValid():
            self._focus = QPersistentModelIndex(current)
            self._flush.start()

    def described(self, widget: QWidget) -> str:
        """'Size M, in stock here, button, selected': name, role, state and value, then
        the widget's description."""
        interface = QAccessible.queryAccessibleInterface(widget)
        if interface is None:
            return widget.accessibleName()
        role, state = interface.role(), interface.state()
        if isinstance(widget, QPushButton):
            role = Role.Button      # Qt calls a button that stays pressed a check box
        name = interface.text(QAccessible.Text.Name) or widget.accessibleName()
        parts = [name]
        if role not in _SILENT_ROLES:
            parts.append(self._role_words(role))
        if state.checkable:
            parts.append(self._checked_words(role, state.checked))
        if state.disabled:
            parts.append(self.tr("unavailable"))
        if role == Role.EditableText:
            value = interface.text(QAccessible.Text.Value)
            if widget.property(CUSTOMER_DETAIL):
                # The label is said by field_readback, with the value only into a headset.
                parts[0] = self.speech.field_readback(name, value)
            else:
                parts.append(value or self.tr("empty"))
        said = ", ".join(part for part in parts if part)
        current = widget.currentIndex() if isinstance(widget, QAbstractItemView) else None
        return sentences([said, interface.text(QAccessible.Text.Description),
                          self._item_words(current) if current is not None
                          and current.isValid() else ""])

    def _item_words(self, index: QModelIndex | QPersistentModelIndex) -> str:
        return str(index.data(Qt.ItemDataRole.AccessibleTextRole)
                   or index.data(Qt.ItemDataRole.DisplayRole) or "")

    def _role_words(self, role: Role) -> str:
        return {
            Role.Button: self.tr("button"),
            Role.CheckBox: self.tr("check box"),
            Role.RadioButton: self.tr("radio button"),
            Role.EditableText: self.tr("text field"),
            Role.List: self.tr("list"),
            Role.ListItem: self.tr("list item"),
            Role.ComboBox: self.tr("list of choices"),
            Role.Slider: self.tr("slider"),
            Role.PageTab: self.tr("tab"),
            Role.Link: self.tr("link"),
            Role.Table: self.tr("table"),
            Role.ScrollBar: self.tr("scroll bar"),
        }.get(role, "")

    def _checked_words(self, role: Role, checked: bool) -> str:
        if role in (Role.CheckBox, Role.RadioButton):
            return self.tr("checked") if checked else self.tr("not checked")
        return self.tr("selected") if checked else self.tr("not selected")

    # --- saying -----------------------------------------------------------------------

    def _say_pending(self) -> None:
        if self._arrival and not self._arrival_waited:
            # A screen just shown: the keypad, at the next turn, puts focus on its first
            # control, which is said with the title rather than Qt's passing choice.
            self._arrival_waited = True
            self._flush.start()
            return
        parts = []
        screen, focus = self._screen, self._focus
        if self._arrival and isinstance(screen, Screen) and isValid(screen):
            self._title_said = screen.title()
            parts.append(screen.arrival_words(self.speech.spelled))
        parts.extend(words() for words in self._appeared)
        if isinstance(focus, QWidget) and isValid(focus):
            parts.append(self.described(focus))
        elif isinstance(focus, QPersistentModelIndex) and focus.isValid():
            parts.append(self._item_words(focus))
        self._clear_pending()
        self.speech.say(self._sessions.formatter.spoken_prices(sentences(parts)))

    def _clear_pending(self) -> None:
        self._flush.stop()
        self._arrival, self._appeared, self._focus = False, [], None
        self._arrival_waited = False
