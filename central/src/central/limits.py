"""Rate limits kept in the database, so that every server process of a chain shares them.

A limited key (an account, a client address, ...) has an allowance: `Rate(count,
seconds)` lets `count` tries through at once, then one more every `seconds / count`
seconds as it refills (the generic cell rate algorithm). Its only state is one row, the
moment at which its allowance is whole again.

`check` counts a try against one or more keys before the work it guards is done (a slow
password hash, for instance), in one transaction that holds each key's row locked: 50
requests at once can never let more than the allowance through. A refused try costs
nothing, so someone hammering a key is slowed to its rate, not locked out for longer.
"""

from __future__ import annotations

import hashlib
import math
import threading
import time
from collections.abc import Callable, Mapping
from typing import NamedTuple

from sqlalchemy import delete, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from central.db.engine import Database
from central.db.models import RateLimit

_MAX_KEY_LENGTH = 200
# Rows of keys whose allowance is whole are deleted once in this many checks.
_PRUNE_EVERY = 256
_PRUNE_BATCH = 1000


class Rate(NamedTuple):
    """`count` tries at once, refilled over `seconds`."""

    count: int
    seconds: float

    @property
    def interval(self) -> float:
        return self.seconds / self.count

    def __str__(self) -> str:
        return f"{self.count} per {self.seconds:g} s"


class Limiter:
    """Checks tries against the `rate_limits` table of one database."""

    def __init__(self, db: Database, clock: Callable[[], float] = time.time) -> None:
        self.db, self.clock = db, clock
        self._checks = 0
        self._checks_lock = threading.Lock()

    def check(self, limits: Mapping[str, Rate]) -> int:
        """Counts one try against every key of `limits`, if each still allows one, and
        answers 0; otherwise counts nothing and answers the whole seconds to wait (at
        least 1) before every key allows a try again."""
        now = self.clock()
        with self.db.writing() as session:
            wait = 0.0
            planned: dict[str, float] = {}
            # Rows locked in one order everywhere: two checks never wait on each other.
            for key, rate in sorted(_stored(limits).items()):
                start = max(self._locked_full_at(session, key, now), now)
                wait = max(wait, start + rate.interval - rate.seconds - now)
                planned[key] = start + rate.interval
            if wait <= 0:
                for key, full_at in planned.items():
                    session.execute(update(RateLimit).where(RateLimit.key == key)
                                    .values(full_at=full_at))
        self._prune_now_and_then(now)
        return 0 if wait <= 0 else max(1, math.ceil(wait))

    def give_back(self, limits: Mapping[str, Rate]) -> None:
        """Returns the try last counted against each key: for a try that turned out
        well (the right password), so that only failures use up an allowance."""
        now = self.clock()
        with self.db.writing() as session:
            for key, rate in sorted(_stored(limits).items()):
                full_at = self._locked_full_at(session, key, now)
                session.execute(update(RateLimit).where(RateLimit.key == key)
                                .values(full_at=max(full_at - rate.interval, now)))

    def _locked_full_at(self, session: Session, key: str, now: float) -> float:
        """The key's `full_at`, its row made if missing and locked to the end of the
        transaction (an upsert that changes nothing locks the row on PostgreSQL; SQLite
        lets one writer in at a time anyway)."""
        dialect = sqlite if self.db.is_sqlite else postgresql
        statement = dialect.insert(RateLimit).values(key=key, full_at=now)
        statement = statement.on_conflict_do_update(
            index_elements=[RateLimit.key], set_={"full_at": RateLimit.full_at})
        return session.scalar(statement.returning(RateLimit.full_at))

    def _prune_now_and_then(self, now: float) -> None:
        with self._checks_lock:
            self._checks += 1
            if self._checks % _PRUNE_EVERY:
                return
        prune(self.db, now)


def prune(db: Database, now: float) -> int:
    """Deletes the rows of keys whose allowance is whole (they mean the same as no row):
    at most a batch, and never one that a check holds locked. Answers how many."""
    expired = select(RateLimit.key).where(RateLimit.full_at < now).limit(_PRUNE_BATCH)
    if not db.is_sqlite:
        expired = expired.with_for_update(skip_locked=True)
    with db.writing() as session:
        return session.execute(delete(RateLimit).where(RateLimit.key.in_(expired))).rowcount


def _stored(limits: Mapping[str, Rate]) -> dict[str, Rate]:
    """Keys as stored: a key too long for its column (it may hold a username an
    attacker chose) is replaced by its hash."""
    return {_stored_key(key): rate for key, rate in limits.items()}


def _stored_key(key: str) -> str:
    try:
        key.encode("utf-8")       # a lone surrogate is no text a database can keep
        if len(key) <= _MAX_KEY_LENGTH and "\x00" not in key:
            return key
    except UnicodeEncodeError:
        pass
    return "sha256:" + hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()
