"""The accessible keypad: the whole journey without touching the screen (EN 301 549 5.1.6.1).

Keypads on accessible kiosks (four arrows, select, back, help, volume up and down) plug
in as a USB keyboard; the config's [keypad] section says which key each button sends.
`Keypad` is an event filter on the kiosk's window, like the scanner's and the idle
watcher's: a mapped key is taken there and never reaches a widget.

Where focus goes. The controls on screen come in groups, in reading order: the top bar's
buttons, the current screen's `focus_order()`, then what stands under every screen (the
compare tray, the accessibility button); while a layer covers the screen (the
accessibility panel), only that layer's controls. (The "Still there?" question needs
none: any key answers it.) A group is a button or a field; a list (the product grid)
whose items are its stops; or a panel of buttons (a row of chips, the on-screen
keyboard, the faces), whose buttons are its stops in reading order.

- right and left: the next and the previous stop in reading order, across groups;
- down and up: the stop below or above in the same group (a keyboard's next row), else
  the first stop of the next or the previous group (a list is passed over at once);
- select: presses the button, taps the field (its keyboard comes up), opens the item;
- back: the screen before, as the top bar's Back;
- help: says again what speech said last, switching speech on if it was off; pause
  pauses and resumes speech; volume up and down change the shopper's speech volume.

Any keypad key on the attract screen starts a session with speech on (5.2): a shopper who
cannot see the screen finds the keypad, and the kiosk talks from then on.

Focus moves for real (QWidget.setFocus), so that speech (kiosk/ui/narrator.py) and
assistive technology follow it; the on-screen keyboard still types into its field, which
it targets whatever has the focus. A ring of two bands, each at least 3 px, dark outside
and light inside, is drawn around the control with keypad focus (`FocusRing`, styled by
`#KeypadFocusRing` in shop.qss): one of the two contrasts with any colour around it, in
every theme. Nothing is drawn until a keypad key is pressed, and a touch takes the ring
away, so a screen used by touch looks exactly as before.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import shiboken6
from PySide6.QtCore import QEvent, QObject, QPoint, QPointF, QRect, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QFrame,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from kiosk.ui.screens.base import Screen
from kiosk.ui.session import Sessions
from kiosk.ui.shell import KioskShell
from kiosk.ui.speech import VOLUME_STEP, Speech

# Each band of the ring (shop.qss, #KeypadFocusRing); two bands, so that one always
# contrasts with what is around it.
RING_BAND = 3
_TOUCHES = frozenset({QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin})
# What moves a widget on the window without telling it (a scrolled area moves its content).
_GEOMETRY_EVENTS = frozenset({QEvent.Type.Move, QEvent.Type.Resize, QEvent.Type.Show,
                              QEvent.Type.Hide})
_FOLLOWED = "keypad_follows"     # set on a list or a screen the keypad follows

Controls = Callable[[], list[QWidget]]


def qt_keys(bindings: dict[str, tuple[str, ...]]) -> dict[int, str]:
    """The config's key names ("Up", "F1") as Qt keys, each with its action."""
    return {getattr(Qt.Key, f"Key_{name}"): action
            for action, names in bindings.items() for name in names}


@dataclass(frozen=True)
class Stop:
    """Where keypad focus can be: a control, or one item of a list (`row`)."""

    group: QWidget
    widget: QWidget
    row: int | None = None

    def rect(self, window: QWidget) -> QRect:
        """Where it is drawn, in the window's coordinates."""
        if self.row is not None and isinstance(self.widget, QAbstractItemView):
            view = self.widget
            box = view.visualRect(view.model().index(self.row, 0))
            return QRect(view.viewport().mapTo(window, box.topLeft()), box.size())
        return QRect(self.widget.mapTo(window, QPoint(0, 0)), self.widget.size())

    def alive(self) -> bool:
        return shiboken6.isValid(self.widget) and shiboken6.isValid(self.group) \
            and self.widget.isVisible()


def stops_of(group: QWidget) -> list[Stop]:
    """A group's stops in reading order."""
    if isinstance(group, QAbstractItemView):
        model = group.model()
        count = model.rowCount() if model is not None else 0
        return [Stop(group, group, row) for row in range(count)]
    if isinstance(group, QAbstractButton | QLineEdit):
        return [Stop(group, group)]
    buttons = [button for button in group.findChildren(QAbstractButton)
               if button.isVisibleTo(group)]
    window = group.window()
    buttons.sort(key=lambda button: (button.mapTo(window, QPoint(0, 0)).y(),
                                     button.mapTo(window, QPoint(0, 0)).x()))
    return [Stop(group, button) for button in buttons]


class FocusRing(QFrame):
    """Two bands around the control with keypad focus, drawn over the window."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("KeypadFocusRing")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        inner = QFrame(self, objectName="KeypadFocusRingInner")
        inner.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        inner.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)     # the outer band is the frame's border
        layout.addWidget(inner)
        self.hide()

    def surround(self, box: QRect) -> None:
        """Show the ring just outside `box` (window coordinates), not over the control."""
        grow = 2 * RING_BAND
        self.setGeometry(box.adjusted(-grow, -grow, grow, grow))
        self.show()
        self.raise_()


class Keypad(QObject):
    """Takes the keypad's keys at the window and moves focus, presses, goes back, speaks."""

    # A button about to be pressed with select: what it says may change with no focus
    # change to tell it (a chip chosen, a quantity stepped), for speech to say again.
    pressing = Signal(QWidget)

    def __init__(self, bindings: dict[str, tuple[str, ...]], window: KioskShell,
                 sessions: Sessions, go_back: Callable[[], None],
                 speech: Speech | None = None, parent: QObject | None = None) -> None:
        # Goes with the window: its ring and timer are the window's.
        super().__init__(window if parent is None else parent)
        self._actions = qt_keys(bindings)
        self._window = window
        self._sessions = sessions
        self._go_back = go_back
        self.speech = speech
        self._layers: list[Controls] = []
        self._trailing: list[Controls] = []
        self._blocked: Callable[[], bool] = lambda: False
        self._answers_warning: Callable[[QKeyEvent], bool] = lambda _event: False
        self.current: Stop | None = None
        self._last_box = QRect()        # where the current stop was last seen
        # True once a keypad key is pressed, for the rest of the session.
        self.in_use = False
        self.ring = FocusRing(window)
        self._watched: list[QObject] = []
        # A new screen (or a layer) comes with keypad focus on its first control, read
        # out, rather than left on a control that is gone.
        window.screens.currentChanged.connect(lambda _index: self._on_screen_changed())
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(0)
        self._settle.timeout.connect(self._place_ring)
        sessions.ended.connect(self._forget)

    # --- what the app tells it --------------------------------------------------------

    def add_layer(self, controls: Controls) -> None:
        """Something that covers the screens at times: while `controls()` gives any, the
        keypad moves among those only (later layers first)."""
        self._layers.insert(0, controls)

    def add_trailing(self, controls: Controls) -> None:
        """Controls under every screen, read after the screen's own (the compare tray,
        the accessibility button)."""
        self._trailing.append(controls)

    def block_while(self, blocked: Callable[[], bool]) -> None:
        """Let the keys through to the widgets while `blocked()` (staff's admin mode)."""
        self._blocked = blocked

    def answer_warning_with(self, answered: Callable[[QKeyEvent], bool]) -> None:
        """A key for which `answered(key)` (IdleWatcher.answered_with) answered "Still
        there?": it only gave more time, so the keypad does nothing with it."""
        self._answers_warning = answered

    # --- the chain of controls ----------------------------------------------------------

    def groups(self) -> list[QWidget]:
        """The groups a shopper can reach now, in reading order."""
        layer = self._layer_groups()
        if layer:
            return layer
        window = self._window
        groups: list[QWidget] = []
        if window.showing_session():
            bar = window.top_bar
            groups += [bar.back_button, bar.home_button, bar.basket_button,
                       *bar.language_buttons.values()]
        screen = window.current_screen()
        if screen is not None:
            groups += screen.focus_order()
        for controls in self._trailing:
            groups += controls()
        return [group for group in groups if _usable(group)]

    def _layer_groups(self) -> list[QWidget]:
        for layer in self._layers:
            shown = [group for group in layer() if _usable(group)]
            if shown:
                return shown
        return []

    def _screen_groups(self) -> list[QWidget]:
        screen = self._window.current_screen()
        order = screen.focus_order() if screen is not None else []
        return [group for group in order if _usable(group)]

    # --- keys ---------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if not watched.isWindowType():      # the focused control, or what holds it
            if kind in _GEOMETRY_EVENTS:
                self._settle.start()
            return False
        if kind in _TOUCHES:
            self._forget()         # a finger on the screen: the ring goes
            return False
        if kind not in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease) \
                or not isinstance(event, QKeyEvent):
            return False
        action = self._actions.get(event.key())
        if action is None or self._blocked():
            return False
        if kind == QEvent.Type.KeyPress and not self._answers_warning(event):
            self.act(action)
        return True

    def act(self, action: str) -> None:
        """Do what the keypad's `action` button does ("up", "select", "help"...)."""
        self.in_use = True
        if not self._window.showing_session():
            self._start_session_with_speech()
            return
        if action in ("up", "down", "left", "right"):
            self._move(action)
        elif action == "select":
            self._select()
        elif action == "back":
            self._go_back()
        elif action == "help":
            self._help()
        elif action == "pause" and self.speech is not None:
            self.speech.toggle_pause()
        elif action in ("volume_up", "volume_down"):
            session = self._sessions.context.session
            step = VOLUME_STEP if action == "volume_up" else -VOLUME_STEP
            choices = session.accessibility
            session.choose_accessibility(choices.with_volume(choices.speech_volume + step))

    def _start_session_with_speech(self) -> None:
        session = self._sessions.context.session
        session.choose_accessibility(session.accessibility.with_speech(True))
        self._sessions.start()
        self._follow_screen()

    def _help(self) -> None:
        session = self._sessions.context.session
        if not session.accessibility.speech:
            session.choose_accessibility(session.accessibility.with_speech(True))
        if self.speech is not None:
            self.speech.repeat()

    # --- moving -------------------------------------------------------------------------

    def _move(self, direction: str) -> None:
        groups = self.groups()
        if not groups:
            return
        current = self.current if self.current is not None and self.current.alive() \
            and self.current.group in groups else None
        if current is None:
            # Back after a screen change or a touch: the screen's first control (the top
            # bar's, while the screen shows none yet).
            self.current = None
            self._land_on_screen()
            if self.current is None:
                self._focus(next((entry for entry in map(_entry, groups) if entry), None))
            return
        if direction in ("left", "right"):
            stops = [stop for group in groups for stop in stops_of(group)]
            index = stops.index(current) if current in stops else 0
            index += 1 if direction == "right" else -1
            if 0 <= index < len(stops):
                self._focus(stops[index])
            return
        below = direction == "down"
        if not isinstance(current.group, QAbstractItemView):
            beside = _nearest_row(current, stops_of(current.group), self._window, below)
            if beside is not None:
                self._focus(beside)
                return
        index = groups.index(current.group)
        beyond = groups[index + 1:] if below else reversed(groups[:index])
        self._focus(next((_entry(group) for group in beyond if stops_of(group)), None))

    def _on_screen_changed(self) -> None:
        screen = self._window.current_screen()
        if isinstance(screen, Screen) and not screen.property(_FOLLOWED):
            # A screen that reads its data shows its controls later, with its title.
            screen.setProperty(_FOLLOWED, True)
            screen.title_changed.connect(self._follow_screen)
        self._follow_screen()

    def _follow_screen(self) -> None:
        """A new screen or layer: keypad focus, if in use, goes to its first control."""
        if not self.in_use:
            return
        QTimer.singleShot(0, self._window, self._land_on_screen)

    def _land_on_screen(self) -> None:
        """Unless the control with focus is still there to use, focus goes to the first
        control of the layer shown, else of the screen."""
        layer = self._layer_groups()
        current = self.current
        # A screen just left may still stand, hidden at the next turn: its controls are
        # no longer among those a shopper can reach.
        if current is not None and current.alive() and current.group in self.groups():
            return
        # A screen still reading its data has nothing yet: focus waits for its title.
        first_groups = layer or self._screen_groups()
        entries = (_entry(group) for group in first_groups)
        self._focus(next((entry for entry in entries if entry is not None), None))

    def _focus(self, stop: Stop | None) -> None:
        """Keypad focus, and Qt's, on `stop`, with the ring around it."""
        if stop is None:
            return
        self.current = stop
        widget = stop.widget
        if stop.row is not None and isinstance(widget, QAbstractItemView):
            index = widget.model().index(stop.row, 0)
            widget.setFocus(Qt.FocusReason.TabFocusReason)
            widget.setCurrentIndex(index)
            widget.scrollTo(index)
        else:
            _bring_into_view(widget)
            widget.setFocus(Qt.FocusReason.TabFocusReason)
        self._watch(widget)
        self._place_ring()
        self._settle.start()      # again once layouts have moved it

    # --- pressing -----------------------------------------------------------------------

    def _select(self) -> None:
        stop = self.current
        if stop is None or not stop.alive():
            self._move("down")
            return
        widget = stop.widget
        chosen_by_screen = False
        if stop.row is not None and isinstance(widget, QAbstractItemView):
            widget.clicked.emit(widget.model().index(stop.row, 0))
        elif isinstance(widget, QAbstractButton):
            self.pressing.emit(widget)
            with _FocusChoice() as choice:
                widget.click()
            chosen_by_screen = choice.widget is not None
        elif isinstance(widget, QLineEdit):
            _tap(widget)
        # The keyboard's Done moved on to the next field and made its keys again: the
        # field keeps the focus (and is read out), the keypad stays on the keys.
        self._stay_in_group(take_focus=not chosen_by_screen)
        self._settle.start()
        self._follow_screen()       # it may have opened a layer, or closed one

    def _stay_in_group(self, take_focus: bool = True) -> None:
        """The control with focus went while its group stayed (the keyboard turned to its
        digits' page, a row of chips was made again): focus goes to the control of the
        group now where it was."""
        stop = self.current
        if stop is None or stop.alive() or not _usable(stop.group):
            return
        stops = stops_of(stop.group)
        if stops:
            where = self._last_box.center()
            nearest = min(stops, key=lambda other: _distance(other.rect(self._window), where))
            if take_focus:
                self._focus(nearest)
            else:
                self.current = nearest
                self._place_ring()

    # --- the ring -----------------------------------------------------------------------

    def _place_ring(self) -> None:
        self._stay_in_group()
        stop = self.current
        if stop is None or not stop.alive():
            self.ring.hide()
            return
        self._last_box = stop.rect(self._window)
        self.ring.surround(self._last_box)

    def _watch(self, widget: QWidget) -> None:
        """Follow `widget` and what holds it as they move, to keep the ring around it."""
        self._unwatch()
        chain = widget
        while chain is not None and chain is not self._window:
            chain.installEventFilter(self)
            self._watched.append(chain)
            chain = chain.parentWidget()
        if isinstance(widget, QAbstractItemView) and not widget.property(_FOLLOWED):
            widget.setProperty(_FOLLOWED, True)     # a scrolled list moves its items
            for bar in (widget.horizontalScrollBar(), widget.verticalScrollBar()):
                bar.valueChanged.connect(lambda _value: self._settle.start())

    def _unwatch(self) -> None:
        for watched in self._watched:
            if shiboken6.isValid(watched):
                watched.removeEventFilter(self)
        self._watched = []

    def _forget(self) -> None:
        """A touch, or the next shopper: until a keypad key, no keypad focus and no ring."""
        self.in_use = False
        self.current = None
        self._unwatch()
        self.ring.hide()


class _FocusChoice(QObject):
    """While in a `with` block, notes a control a screen gives the focus to itself (not
    Qt passing it on from a control that went)."""

    def __init__(self) -> None:
        super().__init__()
        self.widget: QWidget | None = None

    def __enter__(self) -> _FocusChoice:
        QApplication.instance().installEventFilter(self)
        return self

    def __exit__(self, *_exc) -> None:
        QApplication.instance().removeEventFilter(self)
        if self.widget is not None and not (shiboken6.isValid(self.widget)
                                            and self.widget.hasFocus()):
            self.widget = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusIn and isinstance(watched, QWidget) \
                and event.reason() == Qt.FocusReason.OtherFocusReason:
            self.widget = watched
        return False


def _usable(widget: QWidget) -> bool:
    # A control that is off for now is still reached, and said to be unavailable: a
    # shopper who cannot see it learns it is there (Confirm, until the box is ticked).
    return shiboken6.isValid(widget) and widget.isVisible()


def _entry(group: QWidget) -> Stop | None:
    """Where focus lands on entering a group: a list's current item, or its first stop."""
    if isinstance(group, QAbstractItemView):
        current = group.currentIndex()
        if current.isValid():
            return Stop(group, group, current.row())
    stops = stops_of(group)
    return stops[0] if stops else None


def _nearest_row(current: Stop, stops: list[Stop], window: QWidget,
                 below: bool) -> Stop | None:
    """The stop of the row just below (or above) `current`, nearest across."""
    here = current.rect(window)
    middle = here.center().x()

    def beyond(stop: Stop) -> bool:
        box = stop.rect(window)
        return box.top() >= here.bottom() if below else box.bottom() <= here.top()

    candidates = [stop for stop in stops if stop != current and beyond(stop)]
    if not candidates:
        return None

    def distance(stop: Stop) -> tuple[int, int]:
        box = stop.rect(window)
        gap = box.top() - here.bottom() if below else here.top() - box.bottom()
        return gap, abs(box.center().x() - middle)

    return min(candidates, key=distance)


def _distance(box: QRect, point: QPoint) -> int:
    return (box.center() - point).manhattanLength()


def _bring_into_view(widget: QWidget) -> None:
    """Scroll every scrolled area holding `widget` so that it shows."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QScrollArea) and parent.widget() is not None \
                and parent.widget().isAncestorOf(widget):
            parent.ensureWidgetVisible(widget)
        parent = parent.parentWidget()


def _tap(widget: QWidget) -> None:
    """A finger's press and release at the middle of `widget`, as a screen hears a tap."""
    centre = QPointF(widget.rect().center())
    where = QPointF(widget.mapToGlobal(centre.toPoint()))
    for kind in (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease):
        buttons = Qt.MouseButton.LeftButton if kind == QEvent.Type.MouseButtonPress \
            else Qt.MouseButton.NoButton
        event = QMouseEvent(kind, centre, where, Qt.MouseButton.LeftButton, buttons,
                            Qt.KeyboardModifier.NoModifier)
        QApplication.sendEvent(widget, event)

