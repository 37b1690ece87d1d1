"""The journal's outbox: orders, ratings and events the central server has not yet stored.

An item is written once, durably, before the shopper sees it confirmed; its row is the
only record of it on the terminal (no second write a crash could separate from the
first). It is marked sent only after the server's acknowledgement, and never deleted:
a refused item becomes a dead letter for staff, who may retry or discard it, and a
sent order keeps its lines but loses its customer's personal data after a while.
"""

from __future__ import annotations

import json
import sqlite3
import uuid as uuidlib
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Any, Literal

from kiosk.core.db.sqlite import write_transaction

Kind = Literal["order", "rating", "event"]
KINDS: tuple[Kind, ...] = ("order", "rating", "event")
PURGED = {"purged": True}


@dataclass(frozen=True)
class OutboxItem:
    id: int
    uuid: str
    kind: Kind
    body: bytes          # the exact bytes sent at every attempt
    attempts: int
    created_at: str


class JournalWriteError(Exception):
    """The item could not be written (disk full, read-only disk): it was not taken.

    Nothing of it is in the journal; the shopper must be told it did not go through.
    """


def new_uuid() -> str:
    return str(uuidlib.uuid4())


def encode(payload: dict[str, Any]) -> str:
    """The one serialisation of an item: kept as is, so every retry sends the same body.
    Standard JSON only: a NaN would be refused by the server at every retry."""
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":"), sort_keys=True,
                      allow_nan=False)


def enqueue(conn: sqlite3.Connection, kind: Kind, item_uuid: str, payload: dict[str, Any],
            *, now: datetime | None = None) -> None:
    """Write one item durably (the journal commits with synchronous=FULL)."""
    try:
        with write_transaction(conn):
            conn.execute("INSERT INTO outbox (uuid, kind, payload, created_at) "
                         "VALUES (?, ?, ?, ?)",
                         (item_uuid, kind, encode(payload), _iso(now or utc_now())))
    except sqlite3.OperationalError as error:   # SQLITE_FULL, SQLITE_IOERR, read-only...
        raise JournalWriteError(str(error)) from error


def due(conn: sqlite3.Connection, kind: Kind, now: datetime, limit: int,
        *, longest_wait: timedelta) -> list[OutboxItem]:
    """Pending items whose retry time has come, oldest first.

    A retry time further away than the longest wait can only come from a clock that
    was wrong when it was set (terminal clocks get reset): such an item is due now.
    """
    rows = conn.execute(
        "SELECT id, uuid, kind, payload, attempts, created_at FROM outbox "
        "WHERE state = 'pending' AND kind = ? AND (next_attempt_at IS NULL "
        "OR next_attempt_at <= ? OR next_attempt_at > ?) ORDER BY id LIMIT ?",
        (kind, _iso(now), _iso(now + longest_wait), limit)).fetchall()
    return [OutboxItem(r["id"], r["uuid"], r["kind"], r["payload"].encode(), r["attempts"],
                       r["created_at"]) for r in rows]


def mark_sent(conn: sqlite3.Connection, item_id: int, response: Any, now: datetime) -> None:
    with write_transaction(conn):
        conn.execute("UPDATE outbox SET state = 'sent', sent_at = ?, response = ?, "
                     "attempts = attempts + 1, last_error = NULL, next_attempt_at = NULL "
                     "WHERE id = ? AND state = 'pending'",
                     (_iso(now), None if response is None else json.dumps(response), item_id))


def mark_dead(conn: sqlite3.Connection, item_id: int, reason: str) -> None:
    with write_transaction(conn):
        conn.execute("UPDATE outbox SET state = 'dead', attempts = attempts + 1, "
                     "last_error = ?, next_attempt_at = NULL WHERE id = ? AND state = 'pending'",
                     (reason, item_id))


def retry_later(conn: sqlite3.Connection, item_id: int, at: datetime, error: str) -> None:
    with write_transaction(conn):
        conn.execute("UPDATE outbox SET attempts = attempts + 1, next_attempt_at = ?, "
                     "last_error = ? WHERE id = ? AND state = 'pending'",
                     (_iso(at), error, item_id))


def queue_depths(conn: sqlite3.Connection) -> dict[str, int]:
    """Items waiting, by kind, and the dead letters: for staff and the heartbeat."""
    depths = {kind: 0 for kind in KINDS} | {"dead": 0}
    for state, kind, count in conn.execute(
            "SELECT state, kind, count(*) FROM outbox WHERE state IN ('pending', 'dead') "
            "GROUP BY state, kind"):
        depths["dead" if state == "dead" else kind] += count
    return depths


def dead_letters(conn: sqlite3.Connection) -> list[sqlite3.Row]:
    return conn.execute("SELECT id, uuid, kind, created_at, attempts, last_error FROM outbox "
                        "WHERE state = 'dead' ORDER BY id").fetchall()


def retry_dead(conn: sqlite3.Connection, item_id: int) -> bool:
    """Staff send a dead letter again (after the cause was fixed on the server)."""
    with write_transaction(conn):
        return conn.execute("UPDATE outbox SET state = 'pending', next_attempt_at = NULL "
                            "WHERE id = ? AND state = 'dead'", (item_id,)).rowcount == 1


def discard_dead(conn: sqlite3.Connection, item_id: int, reason: str) -> bool:
    """Staff give up on a dead letter; it stays in the journal, marked, with their reason."""
    if not reason.strip():
        raise ValueError("a reason is required to discard an item")
    with write_transaction(conn):
        return conn.execute("UPDATE outbox SET state = 'discarded', discard_reason = ? "
                            "WHERE id = ? AND state = 'dead'", (reason, item_id)).rowcount == 1


def purge_personal_data(conn: sqlite3.Connection, sent_before: datetime, now: datetime) -> int:
    """Drop the customer's details from orders the server stored long enough ago."""
    with write_transaction(conn):
        return conn.execute(
            "UPDATE outbox SET payload = json_set(payload, '$.customer', json(?)), "
            "purged_at = ? WHERE kind = 'order' AND state = 'sent' AND purged_at IS NULL "
            "AND sent_at < ?", (json.dumps(PURGED), _iso(now), _iso(sent_before))).rowcount


def utc_now() -> datetime:
    return datetime.now(timezone.utc)


def _iso(moment: datetime) -> str:
    return moment.astimezone(timezone.utc).isoformat(timespec="microseconds")
