"""Screens read the cache (and admin pages the journal) through here, never on the GUI
thread; what is written to the journal goes through `JournalWriter`.

What a screen asks for is waited for: past a moment, the app shows it is working (see
TaskRunner).

Queries run on the database worker, which owns both connections. An answer reaches the
screen that asked only if that screen still exists: a shopper may have tapped Back, or
the idle reset may have wiped the session, while the query ran.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable
from typing import TypeVar

import shiboken6
from PySide6.QtCore import QObject

from kiosk.ui.tasks import TaskRunner

log = logging.getLogger(__name__)

T = TypeVar("T")


class CatalogReader:
    def __init__(self, runner: TaskRunner, cache: Callable[[], sqlite3.Connection | None],
                 journal: Callable[[], sqlite3.Connection | None]) -> None:
        self._runner = runner
        self._cache = cache          # read on the worker: sync may swap in a rebuilt cache
        self._journal = journal

    def fetch(self, owner: QObject, query: Callable[[sqlite3.Connection], T],
              on_done: Callable[[T], None],
              on_error: Callable[[BaseException], None] | None = None) -> None:
        """Run `query(cache connection)` on the database worker; hand its answer to
        `on_done` on the GUI thread if `owner` is still alive."""
        def work() -> T:
            conn = self._cache()
            if conn is None:
                raise CatalogUnavailable("the cache is not open yet")
            return query(conn)

        def done(result: T) -> None:
            if shiboken6.isValid(owner):
                on_done(result)

        def failed(error: BaseException) -> None:
            log.error("catalog query failed", exc_info=error)
            if on_error is not None and shiboken6.isValid(owner):
                on_error(error)

        self._runner.run_db(work, done, failed, waited=True)

    def inspect(self, owner: QObject,
                work: Callable[[sqlite3.Connection | None, sqlite3.Connection], T],
                on_done: Callable[[T], None],
                on_error: Callable[[BaseException], None] | None = None) -> None:
        """Run `work(cache or None, journal)` on the database worker, for admin mode:
        staff look at the journal even when the cache could not be opened."""
        def work_on_both() -> T:
            journal = self._journal()
            if journal is None:
                raise CatalogUnavailable("the journal is not open yet")
            return work(self._cache(), journal)

        def done(result: T) -> None:
            if shiboken6.isValid(owner):
                on_done(result)

        def failed(error: BaseException) -> None:
            log.error("admin query failed", exc_info=error)
            if on_error is not None and shiboken6.isValid(owner):
                on_error(error)

        self._runner.run_db(work_on_both, done, failed, waited=True)


class CatalogUnavailable(Exception):
    """The cache (or, for admin pages, the journal) is not open: screens say the
    catalogue is unavailable."""
