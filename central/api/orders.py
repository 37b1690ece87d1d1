"""Orders up, each stored once whatever the number of retries (Idempotency-Key)."""

from __future__ import annotations

import hashlib
import json
import threading
import uuid
from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Path, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse
from pydantic import ValidationError
from sqlalchemy import func, select, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, selectinload

from central.api.deps import DB, CurrentTerminal, same_store
from central.api.errors import ApiError, ErrorBody, validation_error
from central.db import models
from central.db.engine import Database, iso, utc_now
from central.schemas import (
    ORDER_EXAMPLE,
    ORDER_ID_EXAMPLE,
    OrderIn,
    OrderOut,
    OrderStatus,
    free_text,
)

ERRORS: dict[int | str, dict[str, Any]] = {
    status: {"model": ErrorBody} for status in (400, 401, 403, 404, 409, 413, 422)}
router = APIRouter(prefix="/v1", responses=ERRORS)

# Keys being handled by this process right now: a second request with one of them is
# told to come back (409) rather than wait. PostgreSQL adds an advisory lock for the
# case of several server processes.
_in_flight: set[str] = set()
_in_flight_lock = threading.Lock()


# The route reads its header and body itself (a missing key is a 400 of its own, and the
# body is fingerprinted before anything else), so both are declared here by hand.
IDEMPOTENCY_KEY_HEADER = {
    "name": "Idempotency-Key", "in": "header", "required": True,
    "description": "The order's UUID, made once on the terminal and sent with every retry.",
    "schema": {"type": "string", "format": "uuid", "examples": [ORDER_ID_EXAMPLE]}}


@router.post("/orders", status_code=201, response_model=OrderOut,
             summary="Store an order once, whatever the retries",
             openapi_extra={"parameters": [IDEMPOTENCY_KEY_HEADER],
                            "requestBody": {"required": True, "content": {"application/json": {
                                "schema": {"$ref": "#/components/schemas/OrderIn"}}}}})
async def post_order(request: Request, db: DB, caller: CurrentTerminal) -> JSONResponse:
    key = _checked_key(request.headers.get("idempotency-key"))
    order = _parse(await request.body())
    same_store(caller, order.store_id)
    fingerprint = _fingerprint(order)
    with _in_flight_lock:
        if key in _in_flight:
            raise _in_progress()
        _in_flight.add(key)
    try:
        # In a worker thread: the event loop keeps serving others (and can answer 409).
        status, body = await run_in_threadpool(_store, db, caller.terminal_id, key,
                                               fingerprint, order)
    finally:
        with _in_flight_lock:
            _in_flight.discard(key)
    return JSONResponse(json.loads(body), status_code=status)


@router.get("/orders/{reference}", response_model=OrderStatus, summary="An order's status")
def order_status(db: DB, caller: CurrentTerminal,
                 reference: Annotated[free_text(40),
                                      Path(examples=[ORDER_EXAMPLE["reference"]])]
                 ) -> dict[str, Any]:
    with db.reading() as session:
        order = session.scalar(select(models.Order).where(models.Order.reference == reference)
                               .options(selectinload(models.Order.lines)))
        if order is None or order.store_id != caller.store_id:
            raise ApiError(404, "not_found", f"no order {reference!r} in this store")
        return {"reference": order.reference, "status": order.status,
                "received_at": iso(order.received_at), "store_id": order.store_id,
                "total_cents": order.total_cents, "currency": order.currency,
                "lines": [{"sku": line.sku, "name": line.name, "quantity": line.quantity,
                           "unit_price_cents": line.unit_price_cents} for line in order.lines]}


def _checked_key(value: str | None) -> str:
    if value is None:
        raise ApiError(400, "idempotency_key_missing",
                       "send the order's UUID in the Idempotency-Key header")
    try:
        return str(uuid.UUID(value))
    except ValueError:
        raise ApiError(400, "idempotency_key_invalid",
                       "the Idempotency-Key header must be a UUID") from None


def _parse(raw: bytes) -> OrderIn:
    try:
        document = json.loads(raw)
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise ApiError(422, "validation_failed", "the body is not JSON",
                       [{"path": "body", "message": "not valid JSON"}]) from None
    try:
        return OrderIn.model_validate(document)
    except ValidationError as error:
        raise validation_error(error, drop_body=False) from None


def _fingerprint(order: OrderIn) -> str:
    canonical = json.dumps(order.model_dump(mode="json"), sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode()).hexdigest()


def _in_progress() -> ApiError:
    return ApiError(409, "request_in_progress",
                    "a request with this Idempotency-Key is being processed; retry later")


def _store(db: Database, terminal_id: int, key: str, fingerprint: str,
           order: OrderIn) -> tuple[int, str]:
    """Claim the key and store the order in one transaction; or replay the stored answer."""
    try:
        with db.writing() as session:
            if not db.is_sqlite and not session.scalar(
                    text("SELECT pg_try_advisory_xact_lock(hashtext(:key))"), {"key": key}):
                raise _in_progress()
            known = _replay(session, key, fingerprint)
            if known is not None:
                return known
            if session.scalar(select(models.Order.id).where(
                    models.Order.reference == order.reference)) is not None:
                raise ApiError(422, "reference_in_use",
                               f"another order already has the reference {order.reference}")
            return _insert(session, terminal_id, key, fingerprint, order)
    except IntegrityError:
        # Another process stored the same key (or reference) between our read and write.
        with db.reading() as session:
            known = _replay(session, key, fingerprint)
        if known is None:
            raise ApiError(422, "reference_in_use",
                           f"another order already has the reference {order.reference}") \
                from None
        return known


def _replay(session: Session, key: str, fingerprint: str) -> tuple[int, str] | None:
    stored = session.scalar(select(models.Order).where(models.Order.idempotency_key == key))
    if stored is None:
        return None
    if stored.request_hash != fingerprint:
        raise ApiError(422, "idempotency_key_reused",
                       "this Idempotency-Key was used before with a different order")
    return stored.response_status, stored.response_body


def _insert(session: Session, terminal_id: int, key: str, fingerprint: str,
            order: OrderIn) -> tuple[int, str]:
    prices = _current_prices(session, [line.sku for line in order.lines])
    now = utc_now()
    lines = []
    for position, line in enumerate(order.lines):
        server_price = prices.get(line.sku)
        lines.append(models.OrderLine(
            position=position, sku=line.sku, name=line.name, size=line.size, color=line.color,
            quantity=line.quantity, unit_price_cents=line.unit_price_cents,
            server_unit_price_cents=server_price, known_sku=server_price is not None))
    mismatch = any(line.server_unit_price_cents != line.unit_price_cents for line in lines)
    body = json.dumps({
        "order_id": key, "reference": order.reference, "status": "received",
        "received_at": iso(now), "price_mismatch": mismatch,
        "lines": [{"sku": line.sku, "quantity": line.quantity,
                   "unit_price_cents": line.unit_price_cents,
                   "server_unit_price_cents": line.server_unit_price_cents,
                   "known_sku": line.known_sku} for line in lines]})
    session.add(models.Order(
        idempotency_key=key, request_hash=fingerprint, reference=order.reference,
        terminal_id=terminal_id, store_id=order.store_id, status="received", received_at=now,
        placed_terminal_at=order.placed_terminal_at, language=order.language,
        customer=order.customer.model_dump(), delivery=order.delivery.model_dump(),
        consent=order.consent.model_dump(), total_cents=order.total_cents,
        currency=order.currency, price_mismatch=mismatch, response_status=201,
        response_body=body, lines=lines))
    session.flush()
    return 201, body


def _current_prices(session: Session, skus: list[str]) -> dict[str, int]:
    """Each variant's price today: its own special price, else the product's special
    price within its dates, else its price."""
    today = date.today().isoformat()
    rows = session.execute(
        select(models.Variant.sku, models.Variant.price_cents,
               models.Variant.special_price_cents, models.Product.special_price_cents,
               models.Product.special_from, models.Product.special_to)
        .join(models.Product).where(func.lower(models.Variant.sku).in_(
            [s.lower() for s in skus]))).all()
    prices = {}
    for sku, price, own_special, special, start, end in rows:
        running = special is not None and (start or "0000") <= today <= (end or "9999")
        candidates = [price] + ([own_special] if own_special is not None else []) \
            + ([special] if running else [])
        prices[sku] = min(candidates)
    # The kiosk may have written the SKU in another case: match it back.
    by_lower = {sku.lower(): price for sku, price in prices.items()}
    return {sku: by_lower[sku.lower()] for sku in skus if sku.lower() in by_lower}
