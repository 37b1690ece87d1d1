"""Connections, versioned migrations and integrity checks shared by both databases."""

from __future__ import annotations

import contextlib
import logging
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from itertools import chain
from pathlib import Path

log = logging.getLogger(__name__)

BUSY_TIMEOUT_MS = 5000


@dataclass(frozen=True)
class Migration:
    """One schema step; `version` is the `user_version` the database has once it ran."""

    version: int
    description: str
    apply: Callable[[sqlite3.Connection], None]


def sql_step(script: str) -> Callable[[sqlite3.Connection], None]:
    """A migration body made of plain SQL statements, run inside the migration's transaction."""

    def run(conn: sqlite3.Connection) -> None:
        for statement in split_sql(script):
            conn.execute(statement)

    return run


def split_sql(script: str) -> list[str]:
    """Split a script on statement boundaries (executescript would commit our transaction)."""
    statements, current = [], []
    for line in script.splitlines(keepends=True):
        current.append(line)
        candidate = "".join(current).strip()
        if candidate.endswith(";") and sqlite3.complete_statement(candidate):
            statements.append(candidate)
            current = []
    rest = "".join(current).strip()
    if rest:
        statements.append(rest)
    return statements


def connect(path: Path, *, synchronous: str) -> sqlite3.Connection:
    """Open a database in WAL mode with the durability the file deserves.

    Transactions are managed explicitly (`isolation_level=None`) so that writers can
    take the write lock up front with BEGIN IMMEDIATE.
    """
    conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    conn.row_factory = sqlite3.Row
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute(f"PRAGMA synchronous = {synchronous}")
    conn.execute("PRAGMA foreign_keys = ON")
    return conn


# Rows per statement of `insert_rows`, at most: larger statements cost more CPU per row
# than they save in trips back to Python (measured from 2,000 to 10,000 rows).
ROWS_PER_STATEMENT = 500


def insert_rows(conn: sqlite3.Connection, statement: str, rows: Sequence[Sequence]) -> None:
    """`executemany(statement, rows)` with many rows to each statement.

    `statement` holds "{values}" where its VALUES list goes: "INSERT INTO t (a, b)
    VALUES {values} ON CONFLICT ...". Rows are written in order, as executemany would: a
    later row wins over an earlier.

    Each statement is one step of SQLite's, run without the GIL, and takes up to
    ROWS_PER_STATEMENT rows, fewer if the build of SQLite binds fewer values. executemany
    comes back to Python, and waits for the GIL, between rows: behind a thread that
    holds the GIL (the one fetching the next page, say), writing a row took milliseconds.
    """
    if not rows:
        return
    width = len(rows[0])
    row = "(" + ", ".join("?" * width) + ")"
    most_values = conn.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER)
    per_statement = max(1, min(ROWS_PER_STATEMENT, most_values // width))
    whole = len(rows) - len(rows) % per_statement
    if whole:
        conn.executemany(statement.format(values=", ".join([row] * per_statement)),
                         [list(chain.from_iterable(rows[start:start + per_statement]))
                          for start in range(0, whole, per_statement)])
    if whole < len(rows):
        conn.execute(statement.format(values=", ".join([row] * (len(rows) - whole))),
                     list(chain.from_iterable(rows[whole:])))


@contextlib.contextmanager
def write_transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """BEGIN IMMEDIATE ... COMMIT, rolled back on any exception."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
        conn.execute("COMMIT")    # a full disk can refuse the commit itself
    except BaseException:
        # SQLite rolls back by itself after some errors (SQLITE_FULL): roll back what is
        # left, without hiding the error that got us here.
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise


def schema_version(conn: sqlite3.Connection) -> int:
    return conn.execute("PRAGMA user_version").fetchone()[0]


def migrate(conn: sqlite3.Connection, migrations: Sequence[Migration]) -> list[int]:
    """Apply every step newer than the file's `user_version`, each in its own transaction.

    Returns the versions applied. A file newer than this code is refused rather than
    guessed at: an older kiosk must not write into a newer schema.
    """
    versions = [m.version for m in migrations]
    if versions != sorted(set(versions)) or (versions and versions[0] < 1):
        raise ValueError("migrations must have strictly increasing versions from 1")
    current = schema_version(conn)
    latest = versions[-1] if versions else 0
    if current > latest:
        raise sqlite3.DatabaseError(
            f"schema version {current} is newer than this kiosk knows ({latest})"
        )
    applied = []
    for migration in migrations:
        if migration.version <= current:
            continue
        with write_transaction(conn):
            migration.apply(conn)
            conn.execute(f"PRAGMA user_version = {migration.version}")
        log.info("%s: migrated to schema %d (%s)", _db_name(conn), migration.version,
                 migration.description)
        applied.append(migration.version)
    return applied


def quick_check(conn: sqlite3.Connection) -> list[str]:
    """Problems reported by `PRAGMA quick_check`; empty when the file is sound."""
    rows = [row[0] for row in conn.execute("PRAGMA quick_check").fetchall()]
    return [] if rows == ["ok"] else rows


def set_aside(path: Path, suffix: str) -> Path:
    """Move a database and its WAL/SHM companions out of the way, keeping every byte."""
    target = path.with_name(f"{path.name}.{suffix}")
    n = 1
    while target.exists():
        n += 1
        target = path.with_name(f"{path.name}.{suffix}-{n}")
    for companion in ("-wal", "-shm"):
        side = path.with_name(path.name + companion)
        if side.exists():
            side.rename(target.with_name(target.name + companion))
    path.rename(target)
    return target


def _db_name(conn: sqlite3.Connection) -> str:
    row = conn.execute("PRAGMA database_list").fetchone()
    return Path(row["file"]).name if row and row["file"] else ":memory:"
