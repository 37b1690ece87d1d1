"""Terminals and their tokens: shown once at creation, stored only as a hash."""

from __future__ import annotations

import hashlib
import secrets

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from central.db import models
from central.db.engine import utc_now


def token_hash(token: str) -> str:
    # Tokens are 32 random bytes: a plain SHA-256 is enough (no password to stretch).
    return hashlib.sha256(token.encode()).hexdigest()


def add_terminal(session: Session, store_id: str, name: str) -> str:
    if session.scalar(select(models.Store.id).where(models.Store.id == store_id)) is None:
        raise ValueError(f"unknown store {store_id!r}")
    if session.scalar(select(models.Terminal.id).where(models.Terminal.name == name)):
        raise ValueError(f"a terminal is already named {name!r}")
    token = secrets.token_urlsafe(32)
    session.add(models.Terminal(name=name, store_id=store_id, token_hash=token_hash(token),
                                created_at=utc_now()))
    return token


def revoke(session: Session, name_or_id: str) -> models.Terminal:
    terminal = session.scalar(select(models.Terminal).where(or_(
        models.Terminal.name == name_or_id,
        models.Terminal.id == (int(name_or_id) if name_or_id.isdigit() else -1))))
    if terminal is None:
        raise ValueError(f"no terminal named {name_or_id!r}")
    terminal.revoked_at = terminal.revoked_at or utc_now()
    return terminal
