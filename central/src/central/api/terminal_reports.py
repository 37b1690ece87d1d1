"""Ratings and events in batches, each item once; and the terminals' heartbeats."""

from __future__ import annotations

import hashlib
import json
from datetime import datetime
from typing import Any

from fastapi import APIRouter
from pydantic import BaseModel, ValidationError
from sqlalchemy import bindparam, select, update
from sqlalchemy.exc import IntegrityError

from central.analytics.local_time import local_times
from central.analytics.rollups import Counts
from central.api.deps import DB, AppSettings, CurrentTerminal, same_store
from central.api.errors import ErrorBody, field_problems
from central.db import models
from central.db.engine import iso, utc_now
from central.fleet_config import config_for
from central.fleet_health import queue_figures
from central.schemas import BatchIn, BatchOut, EventIn, HeartbeatIn, HeartbeatOut, RatingIn

ERRORS: dict[int | str, dict[str, Any]] = {
    status: {"model": ErrorBody} for status in (400, 401, 403, 413, 422)}
router = APIRouter(prefix="/v1", responses=ERRORS)


@router.post("/ratings", response_model=BatchOut, summary="Satisfaction ratings, each once")
def post_ratings(batch: BatchIn, db: DB, caller: CurrentTerminal) -> dict[str, Any]:
    return {"results": _store_batch(db, caller, batch, RatingIn, models.Rating, _rating_row,
                                    Counts.add_rating_row)}


@router.post("/events", response_model=BatchOut, summary="Shopper-journey events, each once")
def post_events(batch: BatchIn, db: DB, caller: CurrentTerminal) -> dict[str, Any]:
    return {"results": _store_batch(db, caller, batch, EventIn, models.Event, _event_row,
                                    Counts.add_event_row)}


# One UPDATE, built once, without reading the terminal's row first: every terminal says
# it is alive every minute.
_NOTE_HEARTBEAT = update(models.Terminal.__table__) \
    .where(models.Terminal.id == bindparam("terminal_id")) \
    .values(last_heartbeat_at=bindparam("at"), last_heartbeat=bindparam("beat"),
            clock_drift_s=bindparam("drift"), outbox=bindparam("outbox"),
            dead_letters=bindparam("dead_letters"))


@router.post("/heartbeat", response_model=HeartbeatOut, summary="A terminal says it is alive")
def heartbeat(beat: HeartbeatIn, db: DB, settings: AppSettings,
              caller: CurrentTerminal) -> dict[str, Any]:
    now = utc_now()
    drift = _drift_s(beat.terminal_time, now)
    with db.writing() as session:
        session.execute(_NOTE_HEARTBEAT, {"terminal_id": caller.terminal_id, "at": now,
                                          "beat": beat.model_dump(), "drift": drift,
                                          **queue_figures(beat.queue)})
        config = config_for(session, caller.store_id, caller.name)
    # What the terminal's confirmation screen may promise the shopper.
    return {"server_time": iso(now), "clock_drift_seconds": drift or 0.0,
            "customer_messages": {"order_email": settings.mail.enabled,
                                  "payment_link": settings.mail.payment_links},
            "retention_days": settings.retention.as_days(),     # for the privacy notice
            "config": config}


# How deep an item's lists and objects may nest: event data is a few flat fields.
MAX_DEPTH = 32
# Attempts at storing a batch on PostgreSQL when a concurrent request stores one of its
# ids between our read and our write: the next attempt reads that row ("duplicate").
_BATCH_ATTEMPTS = 5


def _store_batch(db, caller, batch: BatchIn, schema: type[BaseModel], model: type,
                 to_row, count) -> list[dict[str, Any]]:
    for item in batch.items:
        if item.store_id is not None and item.store_id != caller.store_id:
            same_store(caller, str(item.store_id))       # 403 for the whole batch
    for _ in range(_BATCH_ATTEMPTS - 1):
        try:
            return _store_batch_once(db, caller, batch, schema, model, to_row, count)
        except IntegrityError:
            continue
    return _store_batch_once(db, caller, batch, schema, model, to_row, count)


def _store_batch_once(db, caller, batch: BatchIn, schema: type[BaseModel], model: type,
                      to_row, count) -> list[dict[str, Any]]:
    results = []
    now = utc_now()
    counts = Counts()
    with db.writing() as session:
        seen: dict[str, str] = {}
        new_rows = []
        # Whether an old terminal time is believable depends on the terminal's clock.
        drift = session.scalar(select(models.Terminal.clock_drift_s).where(
            models.Terminal.id == caller.terminal_id))
        for item in batch.items:
            raw = item.model_dump()
            try:
                parsed = schema.model_validate(raw)
            except ValidationError as error:
                problems = field_problems(list(error.errors()), drop_body=False)
                results.append(_rejected(item.id, "; ".join(f"{p['path']}: {p['message']}"
                                                            for p in problems)))
                continue
            problem = _too_deep(raw)
            if problem is not None:
                results.append(_rejected(item.id, problem))
                continue
            digest = hashlib.sha256(json.dumps(parsed.model_dump(mode="json"),
                                               sort_keys=True).encode()).hexdigest()
            stored = seen.get(item.id) or session.scalar(
                select(model.content_hash).where(model.id == item.id))
            if stored is None:
                row = to_row(parsed, digest, caller, now, drift)
                new_rows.append(row)
                count(counts, row)        # only rows stored now: a retry counts once
                seen[item.id] = digest
                results.append({"id": item.id, "status": "created"})
            elif stored == digest:
                results.append({"id": item.id, "status": "duplicate"})
            else:
                results.append({"id": item.id, "status": "rejected",
                                "error": "idempotency_key_reused",
                                "message": "this id was used before with different content"})
        # Inserted in the order of their ids: two batches sharing ids in another order would
        # each wait for the other's (PostgreSQL: a deadlock, and a 503 for one of them).
        session.add_all(sorted(new_rows, key=lambda row: row.id))
        counts.write(session)
    return results


def _rejected(item_id: str, message: str) -> dict[str, Any]:
    return {"id": item_id, "status": "rejected", "error": "validation_failed",
            "message": message}


def _too_deep(item: dict[str, Any]) -> str | None:
    """Why a parsed item cannot be kept, naming the place, or None: data nested hundreds
    deep, which JSON allows and nothing downstream is built for (pydantic's serializer
    gives up). Walked with a stack, not recursion, for that very reason."""
    pending: list[tuple[str, int, Any]] = [(str(key), 1, value) for key, value in item.items()]
    while pending:
        path, depth, value = pending.pop()
        if isinstance(value, dict | list) and depth > MAX_DEPTH:
            return f"{path}: nested more than {MAX_DEPTH} levels deep"
        if isinstance(value, dict):
            pending += [(f"{path}.{key}", depth + 1, child) for key, child in value.items()]
        elif isinstance(value, list):
            pending += [(f"{path}.{index}", depth + 1, child)
                        for index, child in enumerate(value)]
    return None


def _rating_row(rating: RatingIn, digest: str, caller, now: datetime,
                drift: float | None) -> models.Rating:
    times = local_times(rating.rated_terminal_at, now, drift)
    return models.Rating(id=rating.id, content_hash=digest, terminal_id=caller.terminal_id,
                         store_id=rating.store_id, score=rating.score,
                         reasons=list(rating.reasons), misuse=rating.misuse,
                         rated_terminal_at=rating.rated_terminal_at, received_at=now,
                         local_date=times.local_date, local_hour=times.local_hour,
                         local_dow=times.local_dow, day=times.day)


def _event_row(event: EventIn, digest: str, caller, now: datetime,
               drift: float | None) -> models.Event:
    times = local_times(event.occurred_terminal_at, now, drift)
    return models.Event(id=event.id, content_hash=digest, terminal_id=caller.terminal_id,
                        store_id=event.store_id, type=event.type, data=event.data,
                        occurred_terminal_at=event.occurred_terminal_at, received_at=now,
                        local_date=times.local_date, local_hour=times.local_hour,
                        local_dow=times.local_dow, day=times.day)


def _drift_s(terminal_time: str, now: datetime) -> float | None:
    """Terminal clock minus server clock; None if the terminal's time cannot be read."""
    try:
        moment = datetime.fromisoformat(terminal_time.replace("Z", "+00:00"))
    except ValueError:
        return None
    if moment.tzinfo is None:
        return None
    return round((moment - now).total_seconds(), 3)
