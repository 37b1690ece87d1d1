"""Catalog and stock down: the change feed, page by page, into the cache.

Each page and the cursor after it are written in one transaction, so a crash between
pages replays at most one page, and replaying a page is harmless. When the server
says the cursor is too old ("reset"), a new cache is built beside the current one,
which shoppers keep browsing, and swapped in once complete.
"""

from __future__ import annotations

import logging
import os
import queue
import sqlite3
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from kiosk.core.catalog_change import EVERYTHING, NO_CHANGE, CatalogChange
from kiosk.core.changes import (
    apply_changes,
    describe_change,
    finish_first_fill,
    first_fill_pending,
    start_first_fill,
)
from kiosk.core.db.cache import REBUILT_CACHE_FILE, open_cache
from kiosk.core.sync.client import Answer, CentralClient, Verdict
from kiosk.core.sync.trouble import Trouble
from kiosk.core.sync.wire import ChangesPage, read_changes_page
from kiosk_contract.change_feed import ProtocolError

log = logging.getLogger(__name__)

# The most the contract allows: a terminal far behind catches up in fewer round trips and
# transactions; one up to date gets a small page anyway.
PAGE_LIMIT = 10_000
# Pages fetched and read but not written yet, at most: a few megabytes each.
PAGES_AHEAD = 4
REBUILDING_CACHE_FILE = "cache.db.rebuilding"
# A page should come down in a quarter of the time an answer is allowed, so that on a
# slow link every round keeps pages, rather than asking again for one too big to arrive.
PAGE_SHARE_OF_TIMEOUT = 0.25
# The server's own cap on a page (docs/api.md), and the least worth asking for.
SERVER_PAGE_BYTES = 4 * 1024 * 1024
MIN_PAGE_BYTES = 16 * 1024
# Compressing pays while the link is slower than gzip itself. Pages that arrive and
# inflate at over 200 MB/s of JSON come from a link that needs no compression (the
# terminal on the server's own host, a fast LAN): the next ones come plain, until plain
# pages arrive at under 30 MB/s. Only answers long enough to time the link decide.
PLAIN_ABOVE_BYTES_S = 200_000_000
COMPRESSED_BELOW_BYTES_S = 30_000_000
TIMED_ANSWER_BYTES = 256 * 1024


class PageSize:
    """How many bytes of records to ask for in a page, learnt from how fast full pages
    arrived; kept across rounds by the engine. None: as much as the server sends."""

    def __init__(self, page_seconds: float) -> None:
        self.page_seconds = page_seconds
        self.max_bytes: int | None = None
        self.compressed = True

    def after_transfer(self, size_bytes: int, seconds: float) -> None:
        """A page of `size_bytes` of JSON took `seconds` from its head to its last byte,
        inflated: gzip or not for the next ones, by how fast it came."""
        if size_bytes < TIMED_ANSWER_BYTES:
            return
        rate = size_bytes / max(seconds, 1e-6)
        if self.compressed and rate > PLAIN_ABOVE_BYTES_S:
            self.compressed = False
        elif not self.compressed and rate < COMPRESSED_BELOW_BYTES_S:
            self.compressed = True

    def after_page(self, size_bytes: int, seconds: float) -> None:
        """A page cut by its limits arrived: ask for what this link brings in time, but
        at most twice the last page: one quick answer is no proof of a fast link."""
        fitting = int(size_bytes / max(seconds, 1e-3) * self.page_seconds)
        if self.max_bytes is not None:
            fitting = min(fitting, 2 * self.max_bytes)
        self.max_bytes = None if fitting >= SERVER_PAGE_BYTES else max(MIN_PAGE_BYTES,
                                                                         fitting)

    def after_timeout(self, received_bytes: int, seconds: float) -> None:
        """A page did not arrive in time: ask for what came in its share of the time,
        or, if nothing came, for a quarter of it."""
        if received_bytes and seconds > 0:
            fitting = int(received_bytes / seconds * self.page_seconds)
        else:
            fitting = (self.max_bytes or SERVER_PAGE_BYTES) // 4
        self.max_bytes = max(MIN_PAGE_BYTES, min(fitting, SERVER_PAGE_BYTES // 2))


@dataclass
class PullResult:
    records: int = 0
    pages: int = 0
    complete: bool = False         # reached the end of the feed
    reset: bool = False            # the server asked for a rebuild
    failure: Answer | None = None  # why it stopped early
    change: CatalogChange = NO_CHANGE   # what the applied pages changed


def read_cursor(conn: sqlite3.Connection) -> str | None:
    row = conn.execute("SELECT value FROM sync_state WHERE key = 'cursor'").fetchone()
    return row[0] if row else None


def pull(conn: sqlite3.Connection, client: CentralClient, *,
         page_limit: int = PAGE_LIMIT, page_size: PageSize | None = None,
         interrupted: Callable[[], bool] = lambda: False) -> PullResult:
    """Apply pages from the stored cursor until the feed is exhausted, something fails,
    or `interrupted()` says that something more urgent waits (an order to send): what
    was applied is kept, and the next round goes on from there.

    Pages are fetched (built by the server, sent, parsed and checked) on another thread
    while earlier ones are written: a page of products takes several times longer to
    write than a page of stock figures to fetch, so the fetching runs up to
    PAGES_AHEAD pages ahead. No further, so memory stays bounded; a page fetched ahead
    but not applied (a failure, a crash) is asked for again from the stored cursor.
    """
    result = PullResult()
    cursor = read_cursor(conn)
    filling = cursor is None and _is_empty(conn)
    if filling:
        start_first_fill(conn)
    # The pages' records were checked by the page's schema (wire.py), and the cache's JSON
    # columns are written by our own encoder: the tables' CHECKs would check it all again,
    # a JSON parse per column and row, a tenth of the writing of a two-language catalog.
    conn.execute("PRAGMA ignore_check_constraints = ON")
    try:
        page_size = page_size or PageSize(client.total_timeout_s * PAGE_SHARE_OF_TIMEOUT)
        _pull_pages(conn, client, cursor, page_limit, page_size, interrupted, result)
        if filling and result.pages:
            result.change = EVERYTHING     # whatever a screen showed came from nothing
    finally:
        conn.execute("PRAGMA ignore_check_constraints = OFF")
        # Done, or the copy is to be thrown away: the cache gets its indexes back. Cut
        # short, the fill goes on at the next round without them.
        if (result.complete or result.reset) and first_fill_pending(conn):
            finish_first_fill(conn)
    return result


def _is_empty(conn: sqlite3.Connection) -> bool:
    return conn.execute("SELECT NOT EXISTS (SELECT 1 FROM products) "
                        "AND NOT EXISTS (SELECT 1 FROM stock)").fetchone()[0] == 1


def _pull_pages(conn: sqlite3.Connection, client: CentralClient, cursor: str | None,
                page_limit: int, page_size: PageSize, interrupted: Callable[[], bool],
                result: PullResult) -> None:
    fetched: queue.Queue[tuple[Answer, ChangesPage | None] | Exception] = \
        queue.Queue(PAGES_AHEAD)
    stop = threading.Event()
    fetcher = threading.Thread(target=_fetch_ahead, name="pull",
                               args=(client, cursor, page_limit, page_size, fetched, stop))
    fetcher.start()
    try:
        while True:
            item = fetched.get()
            if isinstance(item, Exception):
                raise item             # a fault of this code: raised here, as it was there
            answer, page = item
            if answer.verdict is Verdict.REJECTED and cursor is not None:
                # The cursor is the only thing we send: this server cannot continue from
                # it (its database was replaced, say). Start a new copy, as for a reset.
                log.warning("the server refused the sync cursor (%s)", answer.reason)
                result.reset = True
                return
            if page is None:
                result.failure = answer
                return
            if page.reset:
                result.reset = True
                return
            apply_changes(conn, page.batch, cursor=page.cursor, product_rows=page.product_rows,
                          stock_rows=page.stock_rows)
            result.change |= describe_change(page.batch, page.stock_rows, page.product_rows)
            cursor = page.cursor
            result.pages += 1
            result.records += page.records
            if not page.has_more:
                result.complete = True
                return
            if interrupted():
                return
    finally:
        stop.set()
        fetcher.join()


def _fetch_ahead(client: CentralClient, cursor: str | None, limit: int, page_size: PageSize,
                 fetched: queue.Queue, stop: threading.Event) -> None:
    """Fetch pages one after the other into `fetched` until the last, a failure, or
    `stop`."""
    while not stop.is_set():
        try:
            answer, page = _fetch(client, cursor, limit, page_size)
        except Exception as error:     # a bug: handed to the writer, which raises it
            _hand_over(fetched, error, stop)
            return
        _hand_over(fetched, (answer, page), stop)
        if page is None or page.reset or not page.has_more:
            return
        cursor = page.cursor


def _hand_over(fetched: queue.Queue, item: object, stop: threading.Event) -> None:
    """Put `item` in the queue once there is room, unless the writer has stopped."""
    while not stop.is_set():
        try:
            fetched.put(item, timeout=0.1)
            return
        except queue.Full:
            continue


def _fetch(client: CentralClient, cursor: str | None, limit: int,
           page_size: PageSize) -> tuple[Answer, ChangesPage | None]:
    """The page after `cursor`, read and checked; or, without a page, why not.

    Runs on the fetching thread: reading a page is Python work that overlaps with the
    writing of the one before, which spends its time in SQLite, out of the GIL."""
    started = time.monotonic()
    answer = client.changes(cursor, limit, page_size.max_bytes, page_size.compressed)
    if answer.verdict is not Verdict.OK:
        if answer.trouble is Trouble.TIMEOUT:
            page_size.after_timeout(answer.received_bytes, answer.received_s)
            log.info("a page of changes did not arrive in time: asking for at most %d "
                     "bytes from now on", page_size.max_bytes)
        return answer, None
    seconds = time.monotonic() - started
    page_size.after_transfer(len(answer.body), answer.transfer_s)
    try:
        page = read_changes_page(answer.body)
    except ProtocolError as error:
        # Not applied: the next round asks for the same page again.
        reason = f"unreadable change page: {error}"
        return Answer(Verdict.UNREACHABLE, answer.status, reason=reason,
                      trouble=Trouble.BAD_ANSWER), None
    if page.has_more:     # a full page tells how fast this link is; the last one does not
        page_size.after_page(len(answer.body), seconds)
    # The body's bytes are let go here: the page's records are all that is needed now.
    return Answer(answer.verdict, answer.status), page


def rebuild_beside(data_dir: Path, client: CentralClient, *,
                   page_limit: int = PAGE_LIMIT, page_size: PageSize | None = None,
                   interrupted: Callable[[], bool] = lambda: False) -> PullResult:
    """Build a complete new cache next to the current one, from no cursor.

    The unfinished file is kept between rounds and resumed from its own cursor; once
    complete it is renamed to REBUILT_CACHE_FILE for `install_rebuilt_cache`.
    """
    building = data_dir / REBUILDING_CACHE_FILE
    opened = open_cache(data_dir, file_name=REBUILDING_CACHE_FILE)
    try:
        result = pull(opened.conn, client, page_limit=page_limit, page_size=page_size,
                      interrupted=interrupted)
        if result.reset:          # the server was rebuilt again meanwhile: start over
            opened.conn.close()
            _remove_database(building)
            return result
        if result.complete:
            # One self-contained file: no WAL left beside it to pair with the wrong db.
            opened.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            opened.conn.execute("PRAGMA journal_mode = DELETE")
    finally:
        opened.conn.close()
    if result.complete:
        os.replace(building, data_dir / REBUILT_CACHE_FILE)
    return result


def _remove_database(path: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
