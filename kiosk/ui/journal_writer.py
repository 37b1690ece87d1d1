"""What the kiosk writes to its journal (orders, ratings, shopper and admin events), never
on the GUI thread.

The journal holds what the terminal owes the central server; reading the catalog is
`CatalogReader`'s business. Writes run on the database worker, which owns the journal's
connection, in the order they were asked for.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import Any, TypeVar

from kiosk.core import journey
from kiosk.ui.tasks import TaskRunner

T = TypeVar("T")


class JournalWriter:
    def __init__(self, runner: TaskRunner, journal: Callable[[], sqlite3.Connection | None],
                 store_id: str) -> None:
        self._runner = runner
        self._journal = journal      # read on the worker: None until the journal is open
        self.store_id = store_id

    def write(self, work: Callable[[sqlite3.Connection], T], on_done: Callable[[T], None],
              on_error: Callable[[BaseException], None]) -> None:
        """Run `work(journal connection)` on the database worker (an order being placed).

        The answer is delivered whatever screen asked: once written, an order exists, and
        the app must show its confirmation even if the screen that sent it is gone.
        """
        def work_on_journal() -> T:
            conn = self._journal()
            if conn is None:
                raise JournalUnavailable("the journal is not open yet")
            return work(conn)

        self._runner.run_db(work_on_journal, on_done, on_error, waited=True)

    def record(self, event_type: str, data: dict[str, Any] | None = None) -> None:
        """Journal an anonymous shopper event (it is synced later); never blocks or raises."""
        def work() -> None:
            conn = self._journal()
            if conn is not None:
                journey.record_event(conn, self.store_id, event_type, data)

        self._runner.run_db(work)

    def record_search(self, text: str, result_count: int) -> None:
        def work() -> None:
            conn = self._journal()
            if conn is not None:
                journey.record_search(conn, self.store_id, text, result_count)

        self._runner.run_db(work)


class JournalUnavailable(Exception):
    """The journal is not open (yet): nothing could be written."""
