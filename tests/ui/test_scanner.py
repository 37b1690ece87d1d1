import time
from types import SimpleNamespace

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QPushButton, QVBoxLayout, QWidget

from kiosk.ui.hardening import KioskGuard
from kiosk.ui.scanner import DEFAULT_MAX_GAP_MS, ScannerListener

EAN = "4006381333931"


class FakeClock:
    """A monotonic clock that moves only when told to."""

    def __init__(self) -> None:
        self.seconds = 1000.0

    def __call__(self) -> float:
        return self.seconds

    def advance(self, ms: float) -> None:
        self.seconds += ms / 1000


class RecordingField(QLineEdit):
    """A text field that notes every key press it receives."""

    def __init__(self) -> None:
        super().__init__()
        self.pressed: list[int] = []
        self.entered = 0
        self.returnPressed.connect(self._on_return)

    def _on_return(self) -> None:
        self.entered += 1

    def keyPressEvent(self, event):
        self.pressed.append(event.key())
        super().keyPressEvent(event)


@pytest.fixture
def clock():
    return FakeClock()


@pytest.fixture(params=["window", "application"])
def screen(request, qtbot, qapp, clock):
    window = QWidget()
    field = RecordingField()
    button = QPushButton("OK")
    button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    layout = QVBoxLayout(window)
    layout.addWidget(field)
    layout.addWidget(button)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    # On the window, where the kiosk puts its input filters, or on the whole application.
    watched = window.windowHandle() if request.param == "window" else qapp
    listener = ScannerListener(clock=clock)
    watched.installEventFilter(listener)
    scans: list[str] = []
    listener.scanned.connect(scans.append)
    yield SimpleNamespace(window=window, field=field, button=button, listener=listener,
                          scans=scans, watched=watched)
    watched.removeEventFilter(listener)


def key_code(char: str) -> int:
    # Qt's key codes for ASCII characters are their upper-case code points.
    return ord(char.upper())


def send_key(window, kind, key, text="", modifiers=Qt.KeyboardModifier.NoModifier,
             timestamp=None):
    """A key event as the window system delivers it: to the window first."""
    event = QKeyEvent(kind, key, modifiers, text)
    if timestamp is not None:
        event.setTimestamp(timestamp)
    QApplication.sendEvent(window.windowHandle(), event)


def strike(window, key, text="", modifiers=Qt.KeyboardModifier.NoModifier, timestamp=None):
    send_key(window, QEvent.Type.KeyPress, key, text, modifiers, timestamp)
    send_key(window, QEvent.Type.KeyRelease, key, text, modifiers, timestamp)


def type_chars(window, clock, text, gap_ms):
    for char in text:
        clock.advance(gap_ms)
        if char.isupper():   # as a wedge scanner does: Shift around the capital
            send_key(window, QEvent.Type.KeyPress, Qt.Key.Key_Shift)
            strike(window, key_code(char), char, Qt.KeyboardModifier.ShiftModifier)
            send_key(window, QEvent.Type.KeyRelease, Qt.Key.Key_Shift)
        else:
            strike(window, key_code(char), char)


def press_enter(window, clock, gap_ms):
    clock.advance(gap_ms)
    strike(window, Qt.Key.Key_Return, "\r")


def test_a_fast_burst_ending_with_enter_is_a_scan_that_types_nothing(screen, clock):
    screen.field.setText("écharpe")
    type_chars(screen.window, clock, EAN, gap_ms=4)
    press_enter(screen.window, clock, gap_ms=4)
    assert screen.scans == [EAN]
    assert screen.field.text() == "écharpe"
    assert screen.field.pressed == [] and screen.field.entered == 0


def test_capitals_and_dashes_of_a_sku_are_scanned_as_typed(screen, clock):
    type_chars(screen.window, clock, "MH01-XS-Black", gap_ms=DEFAULT_MAX_GAP_MS)
    press_enter(screen.window, clock, gap_ms=DEFAULT_MAX_GAP_MS)
    assert screen.scans == ["MH01-XS-Black"]
    assert screen.field.pressed == [Qt.Key.Key_Shift] * 5   # nothing but the scanner's Shift
    assert screen.field.text() == ""


def test_a_scan_through_the_window_systems_own_path_is_recognised(screen):
    # QTest's window overloads go through QGuiApplication's key handling, shortcuts included.
    handle = screen.window.windowHandle()
    for char in EAN:
        QTest.keyClick(handle, Qt.Key(key_code(char)))
    QTest.keyClick(handle, Qt.Key.Key_Return)
    assert screen.scans == [EAN]
    assert screen.field.text() == "" and screen.field.entered == 0


def test_a_scan_needs_no_focused_field(qtbot, screen, clock):
    screen.field.clearFocus()
    assert QApplication.focusWidget() is None
    type_chars(screen.window, clock, EAN, gap_ms=4)
    press_enter(screen.window, clock, gap_ms=4)
    assert screen.scans == [EAN]


def test_a_person_typing_reaches_the_field_unchanged_and_in_order(qtbot, screen, clock):
    type_chars(screen.window, clock, "Bonjour", gap_ms=150)
    press_enter(screen.window, clock, gap_ms=150)
    assert screen.field.text() == "Bonjour"
    assert screen.field.entered == 1
    assert screen.scans == []


def test_a_lone_key_is_held_only_until_the_burst_could_have_gone_on(qtbot, screen, clock):
    type_chars(screen.window, clock, "a", gap_ms=500)
    assert screen.field.text() == ""          # held: it could be a scanner's first key
    qtbot.waitUntil(lambda: screen.field.text() == "a", timeout=1000)


def test_a_burst_without_enter_is_typed_not_scanned(qtbot, screen, clock):
    type_chars(screen.window, clock, EAN, gap_ms=4)
    qtbot.waitUntil(lambda: screen.field.text() == EAN, timeout=1000)
    assert screen.scans == []


def test_a_burst_too_short_is_typed_and_its_enter_delivered(screen, clock):
    type_chars(screen.window, clock, "12345", gap_ms=4)
    press_enter(screen.window, clock, gap_ms=4)
    assert screen.field.text() == "12345"
    assert screen.field.entered == 1
    assert screen.scans == []


def test_an_enter_that_comes_late_ends_no_scan(screen, clock):
    type_chars(screen.window, clock, EAN, gap_ms=4)
    press_enter(screen.window, clock, gap_ms=DEFAULT_MAX_GAP_MS + 1)
    assert screen.scans == []
    assert screen.field.text() == EAN and screen.field.entered == 1


def test_a_held_space_still_presses_a_focused_button(qtbot, screen, clock):
    screen.button.setFocus()
    clicks = []
    screen.button.clicked.connect(lambda: clicks.append(True))
    clock.advance(500)
    strike(screen.window, Qt.Key.Key_Space, " ")
    assert clicks == []
    # Replayed with its release: a press alone would leave the button down.
    qtbot.waitUntil(lambda: clicks == [True], timeout=1000)
    assert not screen.button.isDown()


def test_keys_sent_straight_to_a_widget_are_not_held(qtbot, screen):
    qtbot.keyClicks(screen.field, "direct")    # not from the window system
    assert screen.field.text() == "direct"


def test_disabled_it_lets_every_key_through(screen, clock):
    screen.listener.set_enabled(False)
    type_chars(screen.window, clock, EAN, gap_ms=4)
    press_enter(screen.window, clock, gap_ms=4)
    assert screen.field.text() == EAN and screen.field.entered == 1
    assert screen.scans == []


def test_by_default_gaps_are_read_from_the_events_own_timestamps(qtbot, screen):
    listener = ScannerListener()
    scans = []
    listener.scanned.connect(scans.append)
    screen.watched.removeEventFilter(screen.listener)
    screen.watched.installEventFilter(listener)
    try:
        stamp = 10_000
        for index, char in enumerate(EAN):
            if index == 6:
                time.sleep(0.15)   # the GUI thread busy mid-burst; the keys were on time
            stamp += 4
            strike(screen.window, key_code(char), char, timestamp=stamp)
        strike(screen.window, Qt.Key.Key_Return, "\r", timestamp=stamp + 4)
        assert scans == [EAN] and screen.field.text() == ""
        for char in "slow":
            stamp += 120
            strike(screen.window, key_code(char), char, timestamp=stamp)
        strike(screen.window, Qt.Key.Key_Return, "\r", timestamp=stamp + 120)
        assert screen.field.text() == "slow" and scans == [EAN]
    finally:
        screen.watched.removeEventFilter(listener)


@pytest.mark.parametrize("guard_installed_last", [True, False])
def test_the_kiosk_guard_still_stops_escape_and_alt_f4(qtbot, screen, clock,
                                                       guard_installed_last):
    guard = KioskGuard()
    if guard_installed_last:
        screen.watched.installEventFilter(guard)
    else:   # the listener runs first
        screen.watched.removeEventFilter(screen.listener)
        screen.watched.installEventFilter(guard)
        screen.watched.installEventFilter(screen.listener)
    try:
        handle = screen.window.windowHandle()
        type_chars(screen.window, clock, "ab", gap_ms=4)     # held when Escape comes
        QTest.keyClick(handle, Qt.Key.Key_Escape)
        QTest.keyClick(handle, Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier)
        # Escape, if the listener sees it first, lets the held keys through at once.
        qtbot.waitUntil(lambda: screen.field.text() == "ab", timeout=1000)
        assert Qt.Key.Key_Escape not in screen.field.pressed
        assert Qt.Key.Key_F4 not in screen.field.pressed
        assert screen.window.isVisible()
        type_chars(screen.window, clock, EAN, gap_ms=4)
        press_enter(screen.window, clock, gap_ms=4)
        assert screen.scans == [EAN] and screen.field.text() == "ab"
    finally:
        screen.watched.removeEventFilter(guard)
