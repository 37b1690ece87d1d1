"""An action that takes more than a moment shows that the kiosk is working on it, through
one mechanism for every screen: the task runner's busy signal and the strip it drives."""

from __future__ import annotations

import threading

from PySide6.QtWidgets import QWidget
from support.gestures import start


def blocked_until(gate: threading.Event):
    """Work that lasts until the test opens the gate."""
    return lambda: gate.wait(10)


def test_waited_work_that_lasts_makes_the_runner_busy_until_it_is_answered(qtbot, runner):
    gate = threading.Event()
    answers = []
    with qtbot.waitSignal(runner.busy_changed, timeout=5000) as busy:
        runner.run_db(blocked_until(gate), answers.append, waited=True)
    assert busy.args == [True] and runner.busy
    with qtbot.waitSignal(runner.busy_changed, timeout=5000) as idle:
        gate.set()
    assert idle.args == [False] and not runner.busy
    assert answers == [True]


def test_a_failure_ends_the_busy_time_too(qtbot, runner):
    gate = threading.Event()

    def fails():
        gate.wait(10)
        raise OSError("disk unplugged")

    errors = []
    with qtbot.waitSignal(runner.busy_changed, timeout=5000):
        runner.run_compute(fails, on_error=errors.append, waited=True)
    with qtbot.waitSignal(runner.busy_changed, timeout=5000) as idle:
        gate.set()
    assert idle.args == [False]
    assert isinstance(errors[0], OSError)


def test_background_work_never_shows_as_busy(qtbot, runner):
    gate = threading.Event()
    changes = []
    runner.busy_changed.connect(changes.append)
    runner.run_network(blocked_until(gate))     # a sync round nobody waits for
    runner.run_db(blocked_until(gate))          # an event written to the journal
    qtbot.wait(400)
    gate.set()
    runner.wait_idle()
    qtbot.wait(50)
    assert changes == [] and not runner.busy


def test_the_kiosk_shows_a_strip_under_the_top_bar_while_a_screen_waits(qtbot, kiosk):
    start(qtbot, kiosk)
    gate = threading.Event()
    answers = []
    kiosk.catalog.fetch(kiosk.window, lambda _conn: gate.wait(10), answers.append)
    try:
        strip = kiosk.busy
        qtbot.waitUntil(strip.isVisible, timeout=5000)
        bar = kiosk.top_bar.geometry()
        assert strip.width() == kiosk.window.width()
        assert strip.geometry().bottom() == bar.bottom(), "on the top bar's edge, over no screen"
        assert strip.accessibleName() == "Un instant…"
        # It takes no tap: a finger there reaches the top bar beneath.
        under = kiosk.window.childAt(strip.geometry().center())
        assert under is not strip and isinstance(under, QWidget)
    finally:
        gate.set()
    qtbot.waitUntil(lambda: not strip.isVisible(), timeout=5000)
    assert answers == [True]
