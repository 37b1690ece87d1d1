"""The terminal's two databases over the kiosk's life: opened at start, checked, a damaged
file set aside, a cache rebuilt by sync swapped in.

Every method reads a whole file or waits on the disk, so the kiosk calls them on its one
database worker, which also runs every query: a connection swapped here is the one the
next query reads. No Qt here; the app only schedules these steps.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TypeVar

from kiosk.core.db.cache import install_rebuilt_cache, open_cache, recheck_cache
from kiosk.core.db.journal import open_journal
from kiosk.core.db.opening import OpenedDatabase
from kiosk.core.outbox import utc_now
from kiosk.core.terminal_status import IntegrityCheck, check_integrity

T = TypeVar("T")


class TerminalData:
    def __init__(self, data_dir: Path, clock: Callable[[], datetime] = utc_now) -> None:
        self.data_dir = data_dir
        self._clock = clock
        self.cache: OpenedDatabase | None = None
        self.journal: OpenedDatabase | None = None
        # The latest integrity check of each database ("cache", "journal"): those made
        # here, and those staff ask for in admin mode, which writes into the same dict.
        self.integrity: dict[str, IntegrityCheck] = {}

    def open(self, first_read: Callable[[sqlite3.Connection], T]) -> T:
        """Open both databases and answer `first_read` from the cache.

        The journal is checked whole as it opens. The cache's check reads the whole file,
        so it waits for `check_cache`, after the first screen is up; a cache too damaged
        to open or to answer `first_read` is checked, and replaced by an empty one, at
        once. A cache rebuilt just before the kiosk last stopped is put in place first.
        """
        started = time.perf_counter()
        self.journal = open_journal(self.data_dir)
        self.integrity["journal"] = IntegrityCheck(
            self._clock(), tuple(self.journal.damage), time.perf_counter() - started)
        install_rebuilt_cache(self.data_dir)
        try:
            self.cache = open_cache(self.data_dir, check=False)
            return first_read(self.cache.conn)
        except sqlite3.DatabaseError:
            if self.cache is not None:
                self.cache.conn.close()
            self.cache = open_cache(self.data_dir)
            return first_read(self.cache.conn)

    def check_cache(self) -> bool:
        """The check `open` put off. True when the cache was damaged: it is set aside and an
        empty one, which sync refills, takes its place."""
        cache = self.cache
        if cache is None:
            raise RuntimeError("the cache is checked once it is open")
        self.integrity["cache"] = check_integrity(cache.conn, self._clock)
        if self.integrity["cache"].ok:
            return False
        self.cache = recheck_cache(cache)
        return self.cache is not cache

    def swap_in_rebuilt_cache(self) -> None:
        """Replace the cache by the one sync rebuilt: the old connection is closed first."""
        if self.cache is not None:
            self.cache.conn.close()
            self.cache = None
        install_rebuilt_cache(self.data_dir)
        self.cache = open_cache(self.data_dir)

    def cache_connection(self) -> sqlite3.Connection | None:
        """The cache's connection, None until it is open (or while it is being swapped)."""
        return self.cache.conn if self.cache is not None else None

    def journal_connection(self) -> sqlite3.Connection | None:
        return self.journal.conn if self.journal is not None else None
