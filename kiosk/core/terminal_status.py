"""What admin mode shows about the terminal, read from the disk and both databases.

Every figure here is measured when asked for; nothing is kept between calls except the
integrity checks, which are too slow to run at every look and are shown with their time.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.core import journey, outbox
from kiosk.core.db.cache import CACHE_FILE
from kiosk.core.db.journal import JOURNAL_FILE, open_alerts
from kiosk.core.db.opening import damage_of

if TYPE_CHECKING:   # the HTTP stack is loaded with sync, off the GUI thread, not here
    from kiosk.core.sync.client import CentralClient
    from kiosk.core.sync.trouble import Trouble

@dataclass(frozen=True)
class IntegrityCheck:
    at: datetime
    problems: tuple[str, ...]
    seconds: float

    @property
    def ok(self) -> bool:
        return not self.problems


def check_integrity(conn: sqlite3.Connection,
                    clock: Callable[[], datetime] = outbox.utc_now) -> IntegrityCheck:
    """PRAGMA quick_check on an open database (it reads the whole file: off the GUI thread)."""
    started = time.perf_counter()
    problems = damage_of(conn)
    return IntegrityCheck(clock(), tuple(problems[:20]), time.perf_counter() - started)


@dataclass(frozen=True)
class Alert:
    raised_at: str
    kind: str
    detail: str


@dataclass(frozen=True)
class LocalFigures:
    queue: dict[str, int]               # pending items by kind, and "dead"
    has_cursor: bool
    cursor_moved_at: datetime | None    # when the last change from the server arrived
    disk_free_bytes: int
    disk_total_bytes: int
    cache_bytes: int
    journal_bytes: int
    alerts: tuple[Alert, ...]


def local_figures(cache: sqlite3.Connection | None, journal: sqlite3.Connection,
                  data_dir: Path) -> LocalFigures:
    """Queue depths, sync cursor, disk and file sizes, open alerts (on the database worker)."""
    usage = shutil.disk_usage(data_dir)
    has_cursor, moved = False, None
    if cache is not None:
        has_cursor = cache.execute("SELECT 1 FROM sync_state WHERE key = 'cursor'"
                                   ).fetchone() is not None
        moved = cursor_moved_at(cache)
    alerts = tuple(Alert(r["raised_at"], r["kind"], r["detail"]) for r in open_alerts(journal))
    return LocalFigures(outbox.queue_depths(journal), has_cursor, moved, usage.free,
                        usage.total, database_bytes(data_dir / CACHE_FILE),
                        database_bytes(data_dir / JOURNAL_FILE), alerts)


def cursor_moved_at(cache: sqlite3.Connection) -> datetime | None:
    # Imported here: the change feed's writer brings pydantic-core, which the kiosk's
    # start (it checks its databases with this module) does not otherwise need.
    from kiosk.core.changes import CURSOR_MOVED_KEY

    row = cache.execute("SELECT value FROM sync_state WHERE key = ?",
                        (CURSOR_MOVED_KEY,)).fetchone()
    return datetime.fromisoformat(row[0]) if row else None


def database_bytes(path: Path) -> int:
    """A database's size on disk, its write-ahead log included."""
    total = 0
    for suffix in ("", "-wal"):
        try:
            total += Path(f"{path}{suffix}").stat().st_size
        except FileNotFoundError:
            pass
    return total


@dataclass(frozen=True)
class TodayFigures:
    sessions: int
    searches: int                # every search settled on, those that found nothing included
    zero_result_searches: int
    orders: int
    ratings: int                 # ratings not flagged as misuse
    average_rating: float | None


def today_figures(journal: sqlite3.Connection, since: datetime) -> TodayFigures:
    """What happened on this terminal since `since` (the start of the local day), read from
    the journal's outbox, where every session, search, order and rating is kept."""
    bound = since.astimezone(timezone.utc).isoformat(timespec="microseconds")
    events = dict(journal.execute(
        "SELECT json_extract(payload, '$.type'), count(*) FROM outbox "
        "WHERE kind = 'event' AND created_at >= ? GROUP BY 1", (bound,)).fetchall())
    orders = journal.execute("SELECT count(*) FROM outbox WHERE kind = 'order' "
                             "AND created_at >= ?", (bound,)).fetchone()[0]
    ratings, average = journal.execute(
        "SELECT count(*), avg(json_extract(payload, '$.score')) FROM outbox "
        "WHERE kind = 'rating' AND created_at >= ? "
        "AND NOT coalesce(json_extract(payload, '$.misuse'), 0)", (bound,)).fetchone()
    zero = events.get(journey.ZERO_RESULT_SEARCH, 0)
    return TodayFigures(events.get(journey.SESSION_START, 0),
                        events.get(journey.SEARCH, 0) + zero, zero, orders, ratings,
                        None if average is None else float(average))


def start_of_local_day(now: datetime) -> datetime:
    local = now.astimezone()
    return local.replace(hour=0, minute=0, second=0, microsecond=0)


@dataclass(frozen=True)
class DeadLetter:
    id: int
    kind: str
    created_at: str
    attempts: int
    reason: str
    summary: str       # what it is, without personal data: an order's reference, an event's type


def dead_letter_list(journal: sqlite3.Connection) -> list[DeadLetter]:
    rows = journal.execute(
        "SELECT id, kind, created_at, attempts, last_error, "
        "json_extract(payload, '$.reference') AS reference, "
        "json_extract(payload, '$.type') AS type, "
        "json_extract(payload, '$.score') AS score FROM outbox "
        "WHERE state = 'dead' ORDER BY id").fetchall()
    return [DeadLetter(r["id"], r["kind"], r["created_at"], r["attempts"],
                       r["last_error"] or "", _summary(r)) for r in rows]


def _summary(row: sqlite3.Row) -> str:
    if row["kind"] == "order":
        return str(row["reference"] or "")
    if row["kind"] == "event":
        return str(row["type"] or "")
    return "" if row["score"] is None else json.dumps(row["score"])


@dataclass(frozen=True)
class Reachability:
    reachable: bool
    latency_s: float | None     # the whole request, answer read
    reason: str                 # why not, when not: the technical detail
    trouble: Trouble | None = None   # why not, as a cause staff can act on


def measure_central(client: CentralClient, timeout_s: float = 3.0) -> Reachability:
    """One small request to the central server, timed (on a network worker)."""
    from kiosk.core.sync.client import Verdict
    started = time.perf_counter()
    answer = client.probe(timeout_s)
    elapsed = time.perf_counter() - started
    if answer.verdict is Verdict.OK:
        return Reachability(True, elapsed, "")
    return Reachability(False, None, answer.reason or f"HTTP {answer.status}", answer.trouble)
