"""The task runner: what is queued for the journal is written first at shutdown, and
Python's garbage is collected on the GUI thread only while workers run."""

from __future__ import annotations

import gc
import threading
import time

from PySide6.QtCore import QObject, Qt

from kiosk.ui.tasks import TaskRunner


def test_closing_writes_what_waits_for_the_journal_while_a_sync_round_hangs(qapp):
    runner = TaskRunner(qapp)
    round_may_end = threading.Event()
    runner.run_network(lambda: round_may_end.wait(30))   # a round stuck on a slow server
    written: list[str] = []

    def write_rating() -> None:
        time.sleep(5.5)            # longer than the network worker is waited for
        written.append("rating")
        round_may_end.set()

    runner.run_db(write_rating)
    runner.close()
    assert written == ["rating"]


class _Cycle:
    """Garbage only the cyclic collector frees, holding a Qt object as a screen might."""

    def __init__(self, deleted_in: list[int]) -> None:
        self.itself = self
        self.qt_object = QObject()
        self.qt_object.destroyed.connect(lambda: deleted_in.append(threading.get_ident()),
                                         Qt.ConnectionType.DirectConnection)


def _allocate_like_a_qr_code() -> list[list[int]]:
    # Kept alive, these pass the youngest generation's threshold many times over.
    return [[index] for index in range(10_000)]


def test_a_qt_object_in_garbage_is_deleted_on_the_gui_thread_while_a_worker_allocates(
        qtbot, qapp):
    # Deleted in a worker, it once deadlocked the worker against the GUI thread.
    gui_thread = threading.get_ident()
    deleted_in: list[int] = []
    runner = TaskRunner(qapp)
    try:
        _Cycle(deleted_in)
        finished = []
        runner.run_compute(_allocate_like_a_qr_code, finished.append)
        qtbot.waitUntil(lambda: bool(finished and deleted_in), timeout=10_000)
        assert deleted_in == [gui_thread]
    finally:
        runner.close()


def test_once_every_runner_is_closed_python_collects_on_its_own_again(qapp):
    assert gc.isenabled()
    first, second = TaskRunner(qapp), TaskRunner(qapp)
    assert not gc.isenabled()
    first.close()
    first.close()                      # closing twice lets go once
    assert not gc.isenabled()          # the second still runs workers
    second.close()
    assert gc.isenabled()
