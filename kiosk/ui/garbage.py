"""Python's cyclic garbage is collected on the GUI thread, never in a worker.

CPython runs its collector in whichever thread happens to allocate past a threshold. When
that is a worker (a QR code being drawn, a sync round) and the garbage holds a Qt object,
the object's C++ destructor runs in the worker: it takes Qt's connection lock, then waits
for the interpreter, while the GUI thread holds the interpreter and waits for that lock
to connect a signal. Both stop for good (seen once in a few full test runs).

So while worker pools exist, automatic collection is off and a GUI-thread timer does the
same work CPython would: a generation is collected once its count passes its threshold,
and the oldest one only when what it would add is a quarter of what it holds, as CPython
does, so that a large heap is not walked over and over.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QCoreApplication, QTimer

# Often enough that cyclic garbage made by a busy worker never piles up for long.
COLLECT_EVERY_MS = 250


class _GuiThreadCollector:
    def __init__(self) -> None:
        self.holders = 0
        self.was_enabled = False
        self.timer: QTimer | None = None
        self.long_lived_total = 0      # objects in the oldest generation after a full pass
        self.long_lived_pending = 0    # objects moved there since

    def hold(self) -> None:
        if self.holders == 0:
            self.was_enabled = gc.isenabled()
            gc.disable()
            self.timer = QTimer(QCoreApplication.instance())
            self.timer.setInterval(COLLECT_EVERY_MS)
            self.timer.timeout.connect(self.collect_due)
            self.timer.start()
        self.holders += 1

    def release(self) -> None:
        self.holders -= 1
        if self.holders == 0:
            self.timer.stop()
            self.timer.deleteLater()
            self.timer = None
            if self.was_enabled:
                gc.enable()

    def collect_due(self) -> None:
        counts, thresholds = gc.get_count(), gc.get_threshold()
        if counts[0] <= thresholds[0]:
            return
        if counts[1] <= thresholds[1]:
            gc.collect(0)
            return
        if counts[2] > thresholds[2] and self.long_lived_pending > self.long_lived_total / 4:
            gc.collect(2)
            self.long_lived_total = len(gc.get_objects(generation=2))
            self.long_lived_pending = 0
            return
        # What survives a middle-generation pass moves to the oldest one: at most this.
        young = len(gc.get_objects(generation=0)) + len(gc.get_objects(generation=1))
        gc.collect(1)
        self.long_lived_pending += young


_collector = _GuiThreadCollector()


def hold_gui_thread_collection() -> None:
    """Called on the GUI thread by whatever starts worker threads, with a QApplication."""
    _collector.hold()


def release_gui_thread_collection() -> None:
    """Once the last holder has let go, CPython collects as it did before."""
    _collector.release()
