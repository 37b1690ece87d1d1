"""The one way the kiosk runs work off the GUI thread.

Pools as in Anki's task manager: a single worker for the cache database, so reads and
writes never race on one connection; a single worker for the network (sync with the
central server, with connections of its own), so a slow server never delays a screen;
a single worker for the live questions a shopper waits on (the stock in other stores),
which a long sync round on the network worker must not hold up; and a small pool for
CPU work such as image decoding. Results come back to the GUI thread through a queued
signal; a callback never runs on a worker thread.

Work submitted as `waited` is what someone at the screen waits for (a screen's contents,
an order being saved, a PIN being checked): once some has taken longer than
BUSY_AFTER_MS, `busy_changed` says so, and the app shows that it is working.

While a runner is open, Python's garbage is collected on the GUI thread only (see
`garbage`): a Qt object collected in a worker can deadlock the two threads.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal, Slot

from kiosk.ui.garbage import hold_gui_thread_collection, release_gui_thread_collection

log = logging.getLogger(__name__)

# Quicker than this, an answer feels immediate; slower, the screen must show it is working.
BUSY_AFTER_MS = 150


# At shutdown, the longest the database worker is given to write what is queued for the
# journal: local writes, each a few milliseconds; a minute means the disk is failing.
JOURNAL_WAIT_MS = 60_000


class _Relay(QObject):
    """Lives on the GUI thread; workers emit, the GUI thread runs the callbacks."""

    finished = Signal(object, object, object, bool)   # callback, result, error, waited


class _Job(QRunnable):
    def __init__(self, relay: _Relay, work: Callable[[], Any],
                 on_done: Callable[[Any], None] | None,
                 on_error: Callable[[BaseException], None] | None, waited: bool) -> None:
        super().__init__()
        self.relay, self.work, self.on_done, self.on_error = relay, work, on_done, on_error
        self.waited = waited

    def run(self) -> None:
        try:
            result = self.work()
        except Exception as exc:   # reported on the GUI thread, never lost in a worker
            self.relay.finished.emit(self.on_error, None, exc, self.waited)
        else:
            self.relay.finished.emit(self.on_done, result, None, self.waited)
        # PySide keeps some finished jobs for a while: without their callbacks, these do
        # not keep the screens that asked (and their shopper's session) alive with them.
        self.work = self.on_done = self.on_error = None


class TaskRunner(QObject):
    # True once waited-for work has been running BUSY_AFTER_MS; False when none is left.
    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._relay = _Relay(self)
        self._relay.finished.connect(self._deliver)
        self._database = QThreadPool(self)
        self._database.setMaxThreadCount(1)
        self._network = QThreadPool(self)
        self._network.setMaxThreadCount(1)
        self._live = QThreadPool(self)
        self._live.setMaxThreadCount(1)
        self._compute = QThreadPool(self)
        self._compute.setMaxThreadCount(2)
        self._closed = False
        self._waited = 0          # waited-for jobs submitted and not yet answered
        self.busy = False
        self._busy_timer = QTimer(self)
        self._busy_timer.setSingleShot(True)
        self._busy_timer.timeout.connect(self._on_busy_timer)
        hold_gui_thread_collection()

    def run_db(self, work: Callable[[], Any], on_done: Callable[[Any], None] | None = None,
               on_error: Callable[[BaseException], None] | None = None, *,
               waited: bool = False) -> None:
        """Run `work` on the database worker (one at a time, in submission order)."""
        self._start(self._database, work, on_done, on_error, waited)

    def run_network(self, work: Callable[[], Any],
                    on_done: Callable[[Any], None] | None = None,
                    on_error: Callable[[BaseException], None] | None = None) -> None:
        """Run `work` on the network worker (one at a time, in submission order)."""
        self._start(self._network, work, on_done, on_error, waited=False)

    def run_live(self, work: Callable[[], Any],
                 on_done: Callable[[Any], None] | None = None,
                 on_error: Callable[[BaseException], None] | None = None, *,
                 waited: bool = False) -> None:
        """Run `work` on the live worker: short network questions a shopper is waiting
        for, one at a time, never queued behind a sync round."""
        self._start(self._live, work, on_done, on_error, waited)

    def run_compute(self, work: Callable[[], Any],
                    on_done: Callable[[Any], None] | None = None,
                    on_error: Callable[[BaseException], None] | None = None, *,
                    waited: bool = False) -> None:
        self._start(self._compute, work, on_done, on_error, waited)

    def _start(self, pool: QThreadPool, work: Callable[[], Any],
               on_done: Callable[[Any], None] | None,
               on_error: Callable[[BaseException], None] | None, waited: bool) -> None:
        if waited:
            self._waited += 1
            if not self.busy and not self._busy_timer.isActive():
                self._busy_timer.start(BUSY_AFTER_MS)
        pool.start(_Job(self._relay, work, on_done, on_error, waited))

    def wait_idle(self, timeout_ms: int = 5000) -> bool:
        """Block until queued work is done: for shutdown and tests only. Every pool is
        waited for, even after one has run out of time."""
        done = [pool.waitForDone(timeout_ms)
                for pool in (self._network, self._live, self._database, self._compute)]
        return all(done)

    def close(self) -> None:
        """Finish what is queued, then drop any answer still on its way: its callback
        belongs to an app that is shutting down and whose widgets are going.

        What waits for the database worker (ratings, journey events for the journal) is
        written before the app goes, however long a sync round on the network worker
        still takes: that round is given up on, not the shopper's data."""
        if self._closed:
            return
        self._database.waitForDone(JOURNAL_WAIT_MS)
        self.wait_idle()
        self._closed = True
        release_gui_thread_collection()

    def _on_busy_timer(self) -> None:
        if self._waited and not self.busy:
            self.busy = True
            self.busy_changed.emit(True)

    def _answered(self) -> None:
        self._waited -= 1
        if self._waited == 0:
            self._busy_timer.stop()
            if self.busy:
                self.busy = False
                self.busy_changed.emit(False)

    @Slot(object, object, object, bool)
    def _deliver(self, callback: Callable | None, result: Any, error: BaseException | None,
                 waited: bool) -> None:
        if waited:
            self._answered()    # first: the callback may ask for more
        if self._closed:
            return
        if error is not None:
            if callback is None:
                log.error("background task failed", exc_info=error)
                return
            callback(error)
        elif callback is not None:
            callback(result)
