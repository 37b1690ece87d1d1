"""The task runner at shutdown: what is queued for the journal is written first."""

from __future__ import annotations

import threading
import time

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
