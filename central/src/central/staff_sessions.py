"""Dashboard logins: a random token in an HttpOnly cookie, its hash in `staff_sessions`.

Kept on the server rather than as a signed token because a logout, or `central staff
disable`, must end a session at once, and because there is then no signing key to keep
secret and share between server processes. Looking the session up costs one indexed
read per page, nothing next to the page's own queries.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from central.db import models
from central.db.engine import as_utc, utc_now
from central.staff import StaffMember

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
