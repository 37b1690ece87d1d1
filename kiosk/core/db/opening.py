"""Open a database file, check it, migrate it, and say what had to be done to get there."""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from kiosk.core.db.sqlite import Migration, connect, migrate, quick_check, set_aside

log = logging.getLogger(__name__)


@dataclass
class OpenedDatabase:
    conn: sqlite3.Connection
    path: Path
    migrated_to: list[int] = field(default_factory=list)
    # Where a damaged file was moved, and why; None when the file was sound.
    set_aside_as: Path | None = None
    damage: list[str] = field(default_factory=list)


def open_or_replace(path: Path, *, synchronous: str, migrations: Sequence[Migration],
                    check: bool = True) -> OpenedDatabase:
    """Open `path`; if SQLite finds it damaged, move it aside intact and start a new file.

    Nothing is ever deleted here: what to tell people about a replaced file is the
    caller's decision, because the cache and the journal deserve different answers.
    `check=False` skips the integrity check, which reads the whole file; the caller
    then owes one (see `damage_of`).
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    damage = _damage(path) if check else []
    set_aside_as = None
    if damage:
        stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
        set_aside_as = set_aside(path, f"corrupt-{stamp}")
    conn = connect(path, synchronous=synchronous)
    migrated = migrate(conn, migrations)
    return OpenedDatabase(conn, path, migrated, set_aside_as, damage)


def damage_of(conn: sqlite3.Connection) -> list[str]:
    """What SQLite finds wrong in an open database (empty if sound)."""
    try:
        return quick_check(conn)
    except sqlite3.DatabaseError as exc:
        return [str(exc)]


def _damage(path: Path) -> list[str]:
    """What is wrong with an existing file, as SQLite words it (empty if fine or absent)."""
    if not path.exists():
        return []
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            return quick_check(conn)
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        return [str(exc)]
