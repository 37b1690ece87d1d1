"""Barcode scanners that type: tell a keyboard-wedge burst from a person, keep it out of fields.

A USB or Bluetooth scanner in keyboard mode types the code as keystrokes a few
milliseconds apart, then Enter, wherever the focus is, even when no field has it.
ScannerListener, an event filter on the kiosk's window (or on the whole application),
recognises such a burst and emits `scanned(code)`; the burst's keys reach no widget.

A burst is only known to be one at its end, so every character key is held back, not
delivered, until that is decided. Each held key must follow the one before within
`max_gap_ms`, and Enter must follow the last within it too, with at least `min_length`
characters held: then it is a scan. Otherwise (a slower key, the hold timing out, any key
that is not a character) the held keys are replayed, in order and unchanged, to the
window they were typed in: a person's typing arrives as typed, a fraction of a second late.
Letting the first keys through and taking them back on a scan would be quicker, but only
a text field can take a character back: a space would already have pressed a button.
A key press is held together with its release, so that a replayed press is followed by
its release.

Only key events that reach a window first are watched: those come from the window system,
as a scanner's do. Key events code sends straight to a widget pass untouched, and so do
a widget's re-deliveries of an event to its parents. (The on-screen keyboard sends no key
events at all: it edits its field directly.)

Gaps are measured, by default, between the timestamps the window system put on the
events, so a GUI thread too busy to read keys for a moment does not split a burst in two;
`clock` replaces them (for tests). Any doubt about a gap (a missing or backwards
timestamp) counts as a person typing, the safe side.

Install it where KioskGuard and IdleWatcher are, on the window's QWindow
(window.windowHandle().installEventFilter), or on the application. Filters run
last-installed first: installed before IdleWatcher, it runs after it, so a scan still
counts as activity. Either order with KioskGuard keeps Escape and Alt+F4 away from the
shopper, since a key that is not a character is never held.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QWindow

# Wedge scanners type a character every 1 to 20 ms over USB, up to about 30 ms over
# Bluetooth; people seldom type two keys under 80 ms apart, let alone a whole code and Enter.
DEFAULT_MAX_GAP_MS = 50
# EAN-8, the shortest retail barcode, has 8 digits, and the demo catalog's variant SKUs 7
# characters or more. Shorter codes would let a person's quick roll of three or four keys
# and Enter pass for a scan; a shorter code scanned is typed instead, which a search field
# still takes.
DEFAULT_MIN_LENGTH = 6
# Longer than any product code: something else is typing, let it through.
MAX_SCAN_LENGTH = 256

_TERMINATORS = frozenset({Qt.Key.Key_Return, Qt.Key.Key_Enter})
# Scanners press Shift around capitals (AltGr for some symbols): neither typing nor a break.
_MODIFIER_KEYS = frozenset({Qt.Key.Key_Shift, Qt.Key.Key_Control, Qt.Key.Key_Alt,
                            Qt.Key.Key_AltGr, Qt.Key.Key_Meta, Qt.Key.Key_CapsLock,
                            Qt.Key.Key_NumLock})
_COMMAND_MODIFIERS = (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
                      | Qt.KeyboardModifier.MetaModifier)


@dataclass(frozen=True)
class _HeldKey:
    """A key event kept back, with everything needed to deliver it later as it came."""

    window: QWindow
    kind: QEvent.Type
    key: int
    modifiers: Qt.KeyboardModifier
    native_scan_code: int
    native_virtual_key: int
    native_modifiers: int
    text: str
    timestamp: int

    @classmethod
    def of(cls, window: QWindow, event: QKeyEvent) -> _HeldKey:
        return cls(window, event.type(), event.key(), event.modifiers(),
                   event.nativeScanCode(), event.nativeVirtualKey(), event.nativeModifiers(),
                   event.text(), event.timestamp())

    def replay(self) -> None:
        if not shiboken6.isValid(self.window):
            return      # the window is gone, and so is whatever the key was for
        event = QKeyEvent(self.kind, self.key, self.modifiers, self.native_scan_code,
                          self.native_virtual_key, self.native_modifiers, self.text)
        event.setTimestamp(self.timestamp)
        # The window hands it to whichever widget has the focus now, as it would have.
        QCoreApplication.sendEvent(self.window, event)


class ScannerListener(QObject):
    """Emits `scanned` with the code a keyboard-wedge scanner typed, Enter not included.

    `clock`, if given, returns seconds from a monotonic clock and replaces the events'
    own timestamps.
    """

    scanned = Signal(str)

    def __init__(self, parent: QObject | None = None, *,
                 max_gap_ms: float = DEFAULT_MAX_GAP_MS,
                 min_length: int = DEFAULT_MIN_LENGTH,
                 clock: Callable[[], float] | None = None) -> None:
        super().__init__(parent)
        self.max_gap_ms = max_gap_ms
        self.min_length = min_length
        self._clock = clock
        self._enabled = True
        self._held: list[_HeldKey] = []
        self._held_characters = 0
        self._last_press_ms = 0.0
        self._unreleased: set[int] = set()        # held presses whose release is to come
        self._scan_releases: set[int] = set()     # a scan's keys, released after it ended
        self._replaying = False
        # Without a next key there is nothing to measure a gap against: after twice the
        # gap the burst is over, and what was held is let through.
        self._hold_timer = QTimer(self)
        self._hold_timer.setSingleShot(True)
        self._hold_timer.setInterval(round(2 * max_gap_ms))
        self._hold_timer.timeout.connect(self.flush)

    @property
    def enabled(self) -> bool:
        return self._enabled

    def set_enabled(self, enabled: bool) -> None:
        """Off, every key goes straight through (a staff keyboard in admin mode)."""
        if not enabled:
            self.flush()
            self._scan_releases.clear()
        self._enabled = enabled

    def flush(self) -> None:
        """Deliver the keys held so far: they were not a scan."""
        self._hold_timer.stop()
        held, self._held = self._held, []
        self._held_characters = 0
        self._unreleased.clear()
        self._replaying = True
        try:
            for key in held:
                key.replay()
        finally:
            self._replaying = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self._replaying or not self._enabled or not watched.isWindowType():
            return False
        kind = event.type()
        if kind == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            return self._on_press(watched, event)
        if kind == QEvent.Type.KeyRelease and isinstance(event, QKeyEvent):
            return self._on_release(watched, event)
        return False

    def _on_press(self, window: QWindow, event: QKeyEvent) -> bool:
        key = event.key()
        if key in _MODIFIER_KEYS:
            return False
        self._scan_releases.discard(key)    # pressed again, so its release did come
        now = self._now_ms(event)
        if self._held and not 0 <= now - self._last_press_ms <= self.max_gap_ms:
            self.flush()    # too slow to belong to what was held: that was a person
        if key in _TERMINATORS and not event.isAutoRepeat():
            if self._held_characters >= self.min_length:
                self._end_scan(key)
                return True
            self.flush()
            return False
        if not _is_character(event) or self._held_characters >= MAX_SCAN_LENGTH:
            self.flush()
            return False
        self._held.append(_HeldKey.of(window, event))
        self._held_characters += 1
        self._unreleased.add(key)
        self._last_press_ms = now
        self._hold_timer.start()
        return True

    def _on_release(self, window: QWindow, event: QKeyEvent) -> bool:
        key = event.key()
        if key in self._scan_releases:
            self._scan_releases.discard(key)
            return True
        if key in self._unreleased and not event.isAutoRepeat():
            self._held.append(_HeldKey.of(window, event))
            self._unreleased.discard(key)
            return True
        return False

    def _end_scan(self, enter_key: int) -> None:
        code = "".join(held.text for held in self._held if held.kind == QEvent.Type.KeyPress)
        self._scan_releases = self._unreleased | {enter_key}
        self._hold_timer.stop()
        self._held = []
        self._held_characters = 0
        self._unreleased = set()
        self.scanned.emit(code)

    def _now_ms(self, event: QKeyEvent) -> float:
        if self._clock is not None:
            return self._clock() * 1000
        # An event made without a timestamp gets the time it is read; mixed with stamped
        # ones that gives a wrong gap, which then counts as a person typing.
        return event.timestamp() or time.monotonic() * 1000


def _is_character(event: QKeyEvent) -> bool:
    text = event.text()
    return (len(text) == 1 and text.isprintable() and not event.isAutoRepeat()
            and not event.modifiers() & _COMMAND_MODIFIERS)
