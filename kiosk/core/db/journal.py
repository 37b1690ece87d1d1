"""journal.db: what the terminal owes the central server. Never wiped by the application.

Orders, ratings and events wait in the outbox until the server has acknowledged them;
`synchronous=FULL` so that an acknowledged write survives a power cut.
"""

from __future__ import annotations

import logging
import sqlite3
from datetime import datetime, timezone
from pathlib import Path

from kiosk.core.db.opening import OpenedDatabase, open_or_replace
from kiosk.core.db.sqlite import Migration, sql_step, write_transaction

log = logging.getLogger(__name__)

JOURNAL_FILE = "journal.db"

_V1 = """
CREATE TABLE outbox (
    id INTEGER PRIMARY KEY,
    uuid TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL CHECK (kind IN ('order', 'rating', 'event')),
    payload TEXT NOT NULL CHECK (json_valid(payload)),
    created_at TEXT NOT NULL,
    state TEXT NOT NULL DEFAULT 'pending'
        CHECK (state IN ('pending', 'sent', 'dead', 'discarded')),
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT,
    last_error TEXT,
    sent_at TEXT
);
CREATE INDEX outbox_by_state ON outbox (state, kind, id);

-- Problems staff and IT must hear about (shown in admin mode, sent as events).
CREATE TABLE alerts (
    id INTEGER PRIMARY KEY,
    raised_at TEXT NOT NULL,
    kind TEXT NOT NULL,
    detail TEXT NOT NULL,
    acknowledged_at TEXT
);
"""

# What the server answered for each sent item (an order's id and price check), why a
# dead letter was discarded, and when an order's personal data was purged.
_V2 = """
ALTER TABLE outbox ADD COLUMN response TEXT CHECK (response IS NULL OR json_valid(response));
ALTER TABLE outbox ADD COLUMN discard_reason TEXT;
ALTER TABLE outbox ADD COLUMN purged_at TEXT;
"""

# An order reference is drawn at random: the journal makes sure this terminal never
# gives the same one twice.
_V3 = """
CREATE UNIQUE INDEX outbox_order_reference ON outbox (json_extract(payload, '$.reference'))
    WHERE kind = 'order';
"""

# Admin mode's wrong-PIN streak, one row: kept across restarts so that cutting the power
# does not hand a guesser new attempts (kiosk.core.admin).
_V4 = """
CREATE TABLE admin_lockout (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    failures INTEGER NOT NULL,
    lockouts INTEGER NOT NULL,
    locked_until TEXT
);
"""

JOURNAL_MIGRATIONS = [
    Migration(1, "outbox and alerts", sql_step(_V1)),
    Migration(2, "server answers, discard reasons, purges", sql_step(_V2)),
    Migration(3, "unique order references", sql_step(_V3)),
    Migration(4, "admin PIN lockout", sql_step(_V4)),
]


def open_journal(data_dir: Path) -> OpenedDatabase:
    """Open the journal; a damaged one is kept aside untouched and an alert is raised."""
    opened = open_or_replace(data_dir / JOURNAL_FILE, synchronous="FULL",
                             migrations=JOURNAL_MIGRATIONS)
    if opened.set_aside_as is not None:
        saved = salvage_outbox(opened.set_aside_as, opened.conn)
        detail = (f"journal.db was damaged ({'; '.join(opened.damage)[:500]}); "
                  f"kept intact as {opened.set_aside_as.name}, a new journal was started "
                  f"with the {saved} outbox items still readable in it. Items in unreadable "
                  "parts of the old file may be missing.")
        log.critical("ALERT %s", detail)
        raise_alert(opened.conn, "journal_corrupt", detail)
    return opened


# How far to look for rows when even max(id) cannot be read from a damaged file.
_SALVAGE_PROBE_LIMIT = 200_000
_OUTBOX_COLUMNS = ("uuid", "kind", "payload", "created_at", "state", "attempts",
                   "next_attempt_at", "last_error", "sent_at", "response", "discard_reason",
                   "purged_at")


def salvage_outbox(damaged: Path, conn: sqlite3.Connection) -> int:
    """Copy into `conn` every outbox row SQLite can still read from a damaged journal.

    Rows are read one by one by id, so that a damaged page loses only the rows on it.
    Pending items saved this way are sent again; the server recognises any it already
    has by their UUID.
    """
    try:
        old = sqlite3.connect(f"file:{damaged}?mode=ro", uri=True)
        old.row_factory = sqlite3.Row
        old.execute("SELECT 1 FROM outbox WHERE 0").fetchall()   # a journal at all?
        try:
            highest = old.execute("SELECT max(id) FROM outbox").fetchone()[0] or 0
        except sqlite3.DatabaseError:
            highest = _SALVAGE_PROBE_LIMIT
    except sqlite3.DatabaseError:
        return 0
    rows = []
    for row_id in range(1, highest + 1):
        try:
            row = old.execute("SELECT * FROM outbox WHERE id = ?", (row_id,)).fetchone()
        except sqlite3.DatabaseError:
            continue
        if row is not None:
            rows.append(tuple(row[c] if c in row.keys() else None for c in _OUTBOX_COLUMNS))
    old.close()
    columns = ", ".join(_OUTBOX_COLUMNS)
    with write_transaction(conn):
        conn.executemany(f"INSERT OR IGNORE INTO outbox ({columns}) VALUES "
                         f"({', '.join('?' * len(_OUTBOX_COLUMNS))})", rows)
    return len(rows)


def raise_alert(conn: sqlite3.Connection, kind: str, detail: str) -> None:
    with write_transaction(conn):
        conn.execute("INSERT INTO alerts (raised_at, kind, detail) VALUES (?, ?, ?)",
                     (_utc_now(), kind, detail))


def open_alerts(conn: sqlite3.Connection) -> list[sqlite3.Row]:
    return conn.execute(
        "SELECT id, raised_at, kind, detail FROM alerts WHERE acknowledged_at IS NULL ORDER BY id"
    ).fetchall()


def _utc_now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")
