"""Dashboard logins: a random token in an HttpOnly cookie, its hash in `staff_sessions`.

Kept on the server rather than as a signed token because a logout, or `central staff
disable`, must end a session at once, and because there is then no signing key to keep
secret and share between server processes. Looking the session up costs one indexed
read per page, nothing next to the page's own queries.
"""

from __future__ import annotations

import hashlib
import secrets
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from central.db import models
from central.db.engine import as_utc, utc_now
from central.staff import StaffMember, normalise_username

COOKIE_NAME = "central_session"
SESSION_LIFETIME = timedelta(hours=8)     # a working day; then log in again


@dataclass(frozen=True)
class LoggedIn:
    member: StaffMember
    csrf_token: str


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8", "replace")).hexdigest()


def open_session(session: Session, member: StaffMember,
                 now: datetime | None = None) -> tuple[str, datetime]:
    """A new session for `member`: its token (for the cookie, never stored) and expiry."""
    now = now or utc_now()
    session.execute(delete(models.StaffSession).where(models.StaffSession.expires_at < now))
    token = secrets.token_urlsafe(32)
    expires = now + SESSION_LIFETIME
    session.add(models.StaffSession(token_hash=_hash(token), staff_id=member.id,
                                    csrf_token=secrets.token_urlsafe(32), created_at=now,
                                    expires_at=expires))
    return token, expires


def find_session(session: Session, token: str | None,
                 now: datetime | None = None) -> LoggedIn | None:
    """Who holds this cookie: None if unknown, expired, or the account is disabled."""
    if not token or len(token) > 200:
        return None
    row = session.execute(
        select(models.StaffSession, models.StaffUser)
        .join(models.StaffUser, models.StaffUser.id == models.StaffSession.staff_id)
        .where(models.StaffSession.token_hash == _hash(token))).first()
    if row is None:
        return None
    stored, user = row
    if as_utc(stored.expires_at) <= (now or utc_now()) or user.disabled_at is not None:
        return None
    return LoggedIn(StaffMember(user.id, user.username), stored.csrf_token)


def close_session(session: Session, token: str | None) -> None:
    if token and len(token) <= 200:
        session.execute(delete(models.StaffSession).where(
            models.StaffSession.token_hash == _hash(token)))


class LoginLimiter:
    """Slows down password guessing: after a few failures for one username from one
    address, or many from one address, further tries are refused for a while (429),
    the right password included.

    Kept in memory: the reference server is one process, and what it protects against
    is a script trying passwords, not a fleet of servers. A restart forgets the count.
    """

    def __init__(self, per_account: int = 5, per_address: int = 30,
                 window_s: float = 15 * 60,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.per_account, self.per_address = per_account, per_address
        self.window_s, self.clock = window_s, clock
        self._failures: dict[tuple[str, str], deque[float]] = {}
        self._lock = threading.Lock()

    def retry_after(self, address: str, username: str) -> int:
        """Seconds to wait before trying again; 0 when a try is allowed now."""
        now = self.clock()
        waits = []
        with self._lock:
            for key, limit in (((address, normalise_username(username)), self.per_account),
                               ((address, ""), self.per_address)):
                failures = self._recent(key, now)
                if len(failures) >= limit:
                    waits.append(failures[-limit] + self.window_s - now)
        return max(1, int(max(waits)) + 1) if waits else 0

    def failed(self, address: str, username: str) -> None:
        now = self.clock()
        with self._lock:
            for key in ((address, normalise_username(username)), (address, "")):
                self._recent(key, now).append(now)
            if len(self._failures) > 10_000:          # forget idle keys, bounded memory
                for key in [k for k, v in self._failures.items() if not v]:
                    del self._failures[key]

    def succeeded(self, address: str, username: str) -> None:
        with self._lock:
            self._failures.pop((address, normalise_username(username)), None)

    def _recent(self, key: tuple[str, str], now: float) -> deque[float]:
        failures = self._failures.setdefault(key, deque())
        while failures and failures[0] <= now - self.window_s:
            failures.popleft()
        return failures
