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

JOURNAL_MIGRATIONS = [
    Migration(1, "outbox and alerts", sql_step(_V1)),
    Migration(2, "server answers, discard reasons, purges", sql_step(_V2)),
]


def open_journal(data_dir: Path) -> OpenedDatabase:
    """Open the journal; a damaged one is kept aside untouched and an alert is raised."""
    opened = open_or_replace(data_dir / JOURNAL_FILE, synchronous="FULL",
                             migrations=JOURNAL_MIGRATIONS)
    if opened.set_aside_as is not None:
        detail = (f"journal.db was damaged ({'; '.join(opened.damage)[:500]}); "
                  f"kept intact as {opened.set_aside_as.name}, a new journal was started. "
                  "Unsent orders or ratings may be in the old file.")
        log.critical("ALERT %s", detail)
        raise_alert(opened.conn, "journal_corrupt", detail)
    return opened


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
