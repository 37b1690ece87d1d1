"""Catalog and stock down: the change feed, page by page, into the cache.

Each page and the cursor after it are written in one transaction, so a crash between
pages replays at most one page, and replaying a page is harmless. When the server
says the cursor is too old ("reset"), a new cache is built beside the current one,
which shoppers keep browsing, and swapped in once complete.
"""

from __future__ import annotations

import logging
import os
import sqlite3
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from kiosk.core.changes import (
    apply_changes,
    finish_first_fill,
    first_fill_pending,
    start_first_fill,
)
from kiosk.core.db.cache import REBUILT_CACHE_FILE, open_cache
from kiosk.core.sync.client import Answer, CentralClient, Verdict
from kiosk.core.sync.wire import PageHead, ProtocolError, read_changes_page, read_page_head

log = logging.getLogger(__name__)

# The most the contract allows: a terminal far behind catches up in fewer round trips and
# transactions; one up to date gets a small page anyway.
PAGE_LIMIT = 10_000
REBUILDING_CACHE_FILE = "cache.db.rebuilding"


@dataclass
class PullResult:
    records: int = 0
    pages: int = 0
    complete: bool = False         # reached the end of the feed
    reset: bool = False            # the server asked for a rebuild
    failure: Answer | None = None  # why it stopped early


def read_cursor(conn: sqlite3.Connection) -> str | None:
    row = conn.execute("SELECT value FROM sync_state WHERE key = 'cursor'").fetchone()
    return row[0] if row else None


def pull(conn: sqlite3.Connection, client: CentralClient, *,
         page_limit: int = PAGE_LIMIT) -> PullResult:
    """Apply pages from the stored cursor until the feed is exhausted or something fails.

    The next page is asked for as soon as this one's cursor is known, and travels (and
    is built by the server, and parsed) on another thread while this one is read and
    written. Never more than one page ahead, so memory stays bounded; a page fetched
    ahead but not applied (a failure, a crash) is asked for again from the stored cursor.
    """
    result = PullResult()
    cursor = read_cursor(conn)
    if cursor is None and _is_empty(conn):
        start_first_fill(conn)
    try:
        _pull_pages(conn, client, cursor, page_limit, result)
    finally:
        # Done, or the copy is to be thrown away: the cache gets its indexes back. Cut
        # short, the fill goes on at the next round without them.
        if (result.complete or result.reset) and first_fill_pending(conn):
            finish_first_fill(conn)
    return result


def _is_empty(conn: sqlite3.Connection) -> bool:
    return conn.execute("SELECT NOT EXISTS (SELECT 1 FROM products) "
                        "AND NOT EXISTS (SELECT 1 FROM stock)").fetchone()[0] == 1


def _pull_pages(conn: sqlite3.Connection, client: CentralClient, cursor: str | None,
                page_limit: int, result: PullResult) -> None:
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="pull") as fetcher:
        coming = fetcher.submit(_fetch, client, cursor, page_limit)
        while True:
            answer, head = coming.result()
            if answer.verdict is Verdict.REJECTED and cursor is not None:
                # The cursor is the only thing we send: this server cannot continue from
                # it (its database was replaced, say). Start a new copy, as for a reset.
                log.warning("the server refused the sync cursor (%s)", answer.reason)
                result.reset = True
                return
            if head is None:
                result.failure = answer
                return
            if head.reset:
                result.reset = True
                return
            if head.has_more:
                coming = fetcher.submit(_fetch, client, head.cursor, page_limit)
            try:
                page = read_changes_page(answer.body)
            except ProtocolError as error:
                result.failure = _unreadable(answer, error)
                return
            del answer       # the parsed JSON: the records are all that is needed now
            apply_changes(conn, page.batch, cursor=page.cursor, stock_rows=page.stock_rows)
            cursor = page.cursor
            result.pages += 1
            result.records += page.records
            if not page.has_more:
                result.complete = True
                return


def _fetch(client: CentralClient, cursor: str | None,
           limit: int) -> tuple[Answer, PageHead | None]:
    """The page after `cursor`, parsed, and its head; or, without a head, why not."""
    answer = client.changes(cursor, limit)
    if answer.verdict is not Verdict.OK:
        return answer, None
    try:
        return answer, read_page_head(answer.body)
    except ProtocolError as error:
        return _unreadable(answer, error), None


def _unreadable(answer: Answer, error: ProtocolError) -> Answer:
    # Not applied: the next round asks for the same page again.
    return Answer(Verdict.UNREACHABLE, answer.status, reason=f"unreadable change page: {error}")


def rebuild_beside(data_dir: Path, client: CentralClient, *,
                   page_limit: int = PAGE_LIMIT) -> PullResult:
    """Build a complete new cache next to the current one, from no cursor.

    The unfinished file is kept between rounds and resumed from its own cursor; once
    complete it is renamed to REBUILT_CACHE_FILE for `install_rebuilt_cache`.
    """
    building = data_dir / REBUILDING_CACHE_FILE
    opened = open_cache(data_dir, file_name=REBUILDING_CACHE_FILE)
    try:
        result = pull(opened.conn, client, page_limit=page_limit)
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
