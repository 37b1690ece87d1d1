"""Requests stored once whatever the retries: orders, reservations and back-in-stock alerts.

A terminal makes a UUID for what it asks and sends it as the Idempotency-Key header with
every retry. The server keeps the key, a fingerprint of the body and the answer it gave in
the row the request made: a retry is answered with that same answer, and the key sent
again with another body is refused (422), since it cannot be the same request."""

from __future__ import annotations

import hashlib
import json
import uuid
from typing import NamedTuple

from pydantic import BaseModel
from sqlalchemy import select
from sqlalchemy.orm import Session

from central.api.errors import ApiError


class Stored(NamedTuple):
    """The answer to a request stored: now, or before (a retry, `replayed`)."""

    status: int
    body: str
    replayed: bool


def checked_key(value: str | None) -> str:
    """The Idempotency-Key header's UUID in its canonical form; a 400 when it is missing
    or not a UUID."""
    if value is None:
        raise ApiError(400, "idempotency_key_missing",
                       "send the order's UUID in the Idempotency-Key header")
    try:
        return str(uuid.UUID(value))
    except ValueError:
        raise ApiError(400, "idempotency_key_invalid",
                       "the Idempotency-Key header must be a UUID") from None


def fingerprint(body: BaseModel) -> str:
    """A hash of the body as checked, the same whatever the order of its keys or its
    spacing: a retry has the same one."""
    canonical = json.dumps(body.model_dump(mode="json"), sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode()).hexdigest()


def replay(session: Session, table, key: str, request_hash: str, what: str) -> Stored | None:
    """The answer stored with `key` in `table` (a model with idempotency_key, request_hash
    and response_body columns), to give again; None when the key is new. `what` names the
    request in the 422 for a key sent with another body."""
    row = session.scalar(select(table).where(table.idempotency_key == key))
    if row is None:
        return None
    if row.request_hash != request_hash:
        raise ApiError(422, "idempotency_key_reused",
                       f"this Idempotency-Key was used before with a different {what}")
    # Orders keep the status they were answered with; the other requests are stored only
    # when created.
    return Stored(getattr(row, "response_status", 201), row.response_body, replayed=True)
