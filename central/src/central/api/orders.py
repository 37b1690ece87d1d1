"""Orders up, each stored once whatever the number of retries (Idempotency-Key)."""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass
from decimal import Decimal
from typing import Annotated, Any

from fastapi import APIRouter, Path, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse
from pydantic import ValidationError
from sqlalchemy import case, func, select, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, selectinload

from central import idempotency
from central.analytics.local_time import CHAIN_ZONE
from central.api.deps import DB, AppSettings, Caller, CurrentTerminal, same_store
from central.api.errors import RETRY_AFTER_S, ApiError, ErrorBody, validation_error
from central.db import models
from central.db.engine import Database, iso, utc_now
from central.idempotency import Stored
from central.mail.queue import queue_order_message
from central.mail.settings import MailSettings
from central.metrics import ORDERS_ACCEPTED, ORDERS_REFUSED, ORDERS_REPLAYED
from central.order_lifecycle import RECEIVED, record
from central.schemas import (
    ORDER_EXAMPLE,
    ORDER_ID_EXAMPLE,
    OrderIn,
    OrderOut,
    OrderStatus,
    free_text,
)
from central.settings import Settings
from kiosk_contract.references import DERIVED_PREFIX_LENGTH, derived_prefix

ERRORS: dict[int | str, dict[str, Any]] = {
    status: {"model": ErrorBody} for status in (400, 401, 403, 404, 409, 413, 422)}
router = APIRouter(prefix="/v1", responses=ERRORS)

# Keys being handled by this process right now: a second request with one of them is
# told to come back (409) rather than wait. Only a shortcut: what stores an order once is
# in the database (the key's unique row, claimed in the order's transaction; on
# PostgreSQL an advisory lock also sends a second process's attempt back with a 409).
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
async def post_order(request: Request, db: DB, caller: CurrentTerminal,
                     settings: AppSettings) -> JSONResponse:
    try:
        stored = await _post_order(request, db, caller, settings)
    except ApiError as refusal:
        ORDERS_REFUSED.labels(refusal.error).inc()
        raise
    (ORDERS_REPLAYED if stored.replayed else ORDERS_ACCEPTED).inc()
    return JSONResponse(json.loads(stored.body), status_code=stored.status)


async def _post_order(request: Request, db: Database, caller: Caller,
                      settings: Settings) -> Stored:
    key = idempotency.checked_key(request.headers.get("idempotency-key"))
    order = _parse(await request.body())
    same_store(caller, order.store_id)
    fingerprint = idempotency.fingerprint(order)
    with _in_flight_lock:
        if key in _in_flight:
            raise _in_progress()
        _in_flight.add(key)
    try:
        # In a worker thread: the event loop keeps serving others (and can answer 409).
        stored = await run_in_threadpool(_store, db, caller, key, fingerprint, order,
                                         settings.price_tolerance_percent, settings.mail)
    finally:
        with _in_flight_lock:
            _in_flight.discard(key)
    if stored.status == 201 and (worker := getattr(request.app.state, "mail_worker", None)):
        worker.wake()       # its confirmation e-mail goes now, not at the next poll
    return stored


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


def _parse(raw: bytes) -> OrderIn:
    try:
        document = json.loads(raw)
    # Every /v1 body was read as JSON already (central/api/json_bodies.py); a guard all
    # the same. ValueError: not JSON, or an integer past Python's 4,300 digits;
    # RecursionError: nested hundreds of levels deep.
    except (ValueError, RecursionError):
        raise ApiError(422, "validation_failed", "the body is not JSON",
                       [{"path": "body", "message": "not valid JSON"}]) from None
    try:
        return OrderIn.model_validate(document)
    except ValidationError as error:
        raise validation_error(error, drop_body=False) from None


def reference_prefix(reference: str) -> str:
    """The part of a reference that names the terminal that made it: up to its last `-`
    ('K7D' in 'K7D-3MXQ9P'); a reference without one is its own prefix."""
    prefix, _, _ = reference.rpartition("-")
    return prefix or reference


def _in_progress() -> ApiError:
    return ApiError(409, "request_in_progress",
                    "a request with this Idempotency-Key is being processed; retry later",
                    headers={"Retry-After": str(RETRY_AFTER_S)})


# Attempts at storing an order when a concurrent request claims the same key, reference
# or prefix between our read and our write (PostgreSQL): the next attempt reads it.
_STORE_ATTEMPTS = 3


def _store(db: Database, caller: Caller, key: str, fingerprint: str, order: OrderIn,
           tolerance_percent: Decimal, mail: MailSettings) -> Stored:
    for _ in range(_STORE_ATTEMPTS - 1):
        try:
            return _store_once(db, caller, key, fingerprint, order, tolerance_percent, mail)
        except IntegrityError:
            continue
    return _store_once(db, caller, key, fingerprint, order, tolerance_percent, mail)


def _store_once(db: Database, caller: Caller, key: str, fingerprint: str, order: OrderIn,
                tolerance_percent: Decimal, mail: MailSettings) -> Stored:
    """Claim the key and store the order in one transaction; or replay the stored answer;
    or record why the order is refused (and claim nothing, so that the terminal may send
    it again under the same key once the catalog is put right)."""
    with db.writing() as session:
        if not db.is_sqlite and not session.scalar(
                text("SELECT pg_try_advisory_xact_lock(hashtext(:key))"), {"key": key}):
            raise _in_progress()
        known = idempotency.replay(session, models.Order, key, fingerprint, "order")
        if known is not None:
            return known
        if session.scalar(select(models.Order.id).where(
                models.Order.reference == order.reference)) is not None:
            raise ApiError(422, "reference_in_use",
                           f"another order already has the reference {order.reference}")
        _claim_prefix(session, caller, order.reference)
        checks = _check_lines(session, order)
        refusal = _refusal(order, checks, tolerance_percent)
        if refusal is None:
            return _insert(session, caller, key, fingerprint, order, checks, mail)
        # Committed with the transaction; the 422 is raised once it is.
        _record_refusal(session, caller, key, order, refusal)
    raise refusal


def _claim_prefix(session: Session, caller: Caller, reference: str) -> None:
    """Refuses, before anything is recorded, an order whose reference prefix belongs to
    another store.

    A prefix belongs to the stores whose terminals draw it from their name (as a kiosk
    does when IT sets none: a terminal's first order cannot be beaten to it), and to the
    store that first used it otherwise (claimed here)."""
    prefix = reference_prefix(reference)
    # A kiosk given no prefix draws it from its own name: then it is its store's, known
    # without reading every terminal of the chain.
    if derived_prefix(caller.name) == prefix:
        return
    drawn_by = _stores_drawing(session, prefix)
    if caller.store_id in drawn_by:
        return
    owner = session.get(models.ReferencePrefix, prefix)
    if owner is None and not drawn_by:
        session.add(models.ReferencePrefix(prefix=prefix, store_id=caller.store_id,
                                           claimed_at=utc_now()))
        session.flush()
    elif owner is None or owner.store_id != caller.store_id:
        raise ApiError(422, "reference_prefix_taken",
                       f"references starting {prefix} belong to another store's terminals; "
                       "give this terminal a reference prefix of its own")


def _stores_drawing(session: Session, prefix: str) -> set[str]:
    """The stores of the terminals whose name draws `prefix` as a kiosk would."""
    if len(prefix) != DERIVED_PREFIX_LENGTH:
        return set()
    return {store_id for name, store_id in session.execute(
        select(models.Terminal.name, models.Terminal.store_id)
        .where(models.Terminal.revoked_at.is_(None))) if derived_prefix(name) == prefix}


def _record_refusal(session: Session, caller: Caller, key: str, order: OrderIn,
                    refusal: ApiError) -> None:
    """One row per key: a retry of a refused order updates its refusal."""
    row = session.scalar(select(models.OrderRefusal)
                         .where(models.OrderRefusal.idempotency_key == key))
    if row is None:
        row = models.OrderRefusal(idempotency_key=key)
        session.add(row)
    row.reference, row.store_id, row.terminal_id = (order.reference, order.store_id,
                                                    caller.terminal_id)
    row.error, row.message, row.refused_at = refusal.error, refusal.message, utc_now()


@dataclass(frozen=True)
class LineCheck:
    """What the catalog says about a line when the order arrives."""

    server_unit_price_cents: int | None     # None: the SKU is not (or no longer) sold
    stock_in_chain: int | None


def _check_lines(session: Session, order: OrderIn) -> list[LineCheck]:
    facts = _catalog_facts(session, [line.sku for line in order.lines])
    return [LineCheck(*facts.get(line.sku, (None, None))) for line in order.lines]


def _refusal(order: OrderIn, checks: list[LineCheck], tolerance_percent: Decimal
             ) -> ApiError | None:
    """A 422 naming every line the server cannot accept, or None.

    An item no longer sold cannot be delivered; a price that went up by more than the
    tolerance is not the chain's price any more. A price that went down, or up within
    the tolerance, is accepted at the quoted price and flagged (price_mismatch)."""
    withdrawn, repriced, withdrawn_skus = [], [], []
    for position, (line, check) in enumerate(zip(order.lines, checks, strict=True)):
        if check.server_unit_price_cents is None:
            withdrawn_skus.append(line.sku)
            withdrawn.append({"path": f"lines.{position}.sku",
                              "message": f"{line.sku} is no longer sold"})
        elif _too_low(line.unit_price_cents, check.server_unit_price_cents, tolerance_percent):
            repriced.append({
                "path": f"lines.{position}.unit_price_cents",
                "message": f"{line.sku}: quoted {line.unit_price_cents} cents, the price is "
                           f"now {check.server_unit_price_cents} cents"})
    if withdrawn:
        return ApiError(422, "item_withdrawn", f"{_items(len(withdrawn))} no longer sold: "
                        f"{', '.join(withdrawn_skus)}", withdrawn + repriced)
    if repriced:
        return ApiError(422, "price_changed",
                        f"the price of {_items(len(repriced))} went up by more than "
                        f"{tolerance_percent}% since the order was placed", repriced)
    return None


def _too_low(quoted: int, current: int, tolerance_percent: Decimal) -> bool:
    return Decimal(quoted) * 100 < Decimal(current) * (100 - tolerance_percent)


def _items(count: int) -> str:
    return "1 item is" if count == 1 else f"{count} items are"


def _insert(session: Session, caller: Caller, key: str, fingerprint: str, order: OrderIn,
            checks: list[LineCheck], mail: MailSettings) -> Stored:
    now = utc_now()
    lines = []
    for position, (line, check) in enumerate(zip(order.lines, checks, strict=True)):
        lines.append(models.OrderLine(
            position=position, sku=line.sku, name=line.name, size=line.size, color=line.color,
            quantity=line.quantity, unit_price_cents=line.unit_price_cents,
            server_unit_price_cents=check.server_unit_price_cents,
            known_sku=check.server_unit_price_cents is not None,
            stock_in_chain=check.stock_in_chain))
    mismatch = any(line.server_unit_price_cents != line.unit_price_cents for line in lines)
    shortfall = _stock_shortfall(lines)
    body = json.dumps({
        "order_id": key, "reference": order.reference, "status": RECEIVED,
        "received_at": iso(now), "price_mismatch": mismatch, "stock_shortfall": shortfall,
        "lines": [{"sku": line.sku, "quantity": line.quantity,
                   "unit_price_cents": line.unit_price_cents,
                   "server_unit_price_cents": line.server_unit_price_cents,
                   "known_sku": line.known_sku, "stock_in_chain": line.stock_in_chain}
                  for line in lines]})
    stored = models.Order(
        idempotency_key=key, request_hash=fingerprint, reference=order.reference,
        terminal_id=caller.terminal_id, store_id=order.store_id, status=RECEIVED,
        received_at=now, placed_terminal_at=order.placed_terminal_at, language=order.language,
        customer=order.customer.model_dump(), delivery=order.delivery.model_dump(),
        consent=order.consent.model_dump(), total_cents=order.total_cents,
        currency=order.currency, price_mismatch=mismatch, stock_shortfall=shortfall,
        response_status=201, response_body=body, lines=lines)
    record(stored, RECEIVED, f"terminal {caller.name}")
    session.add(stored)
    session.flush()
    # In the order's transaction: an order stored is an e-mail queued.
    queue_order_message(session, stored, RECEIVED, mail, now)
    return Stored(201, body, replayed=False)


def _stock_shortfall(lines: list[models.OrderLine]) -> bool:
    """Whether some variant is asked for (over all the lines naming it) beyond what the
    chain held."""
    wanted: dict[str, int] = {}
    held: dict[str, int] = {}
    for line in lines:
        if line.stock_in_chain is None:
            continue
        wanted[line.sku.lower()] = wanted.get(line.sku.lower(), 0) + line.quantity
        held[line.sku.lower()] = line.stock_in_chain
    return any(wanted[sku] > held[sku] for sku in wanted)


def _catalog_facts(session: Session, skus: list[str]) -> dict[str, tuple[int, int]]:
    """Each known variant's price today and its stock summed over the chain's stores,
    by the SKU as the order spells it.

    The price is the variant's own special price, else the product's special price
    within its dates, else its price."""
    # The chain's day (the stores' calendar), by the server's one clock.
    today = utc_now().astimezone(CHAIN_ZONE).date().isoformat()
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
    # A negative figure (stock counted wrong) holds nothing for anyone else either.
    held = dict(session.execute(
        select(models.Stock.variant_sku,
               func.sum(case((models.Stock.quantity > 0, models.Stock.quantity), else_=0)))
        .where(models.Stock.variant_sku.in_(list(prices)))
        .group_by(models.Stock.variant_sku)).all()) if prices else {}
    # The kiosk may have written the SKU in another case: match it back.
    by_lower = {sku.lower(): (price, int(held.get(sku) or 0)) for sku, price in prices.items()}
    return {sku: by_lower[sku.lower()] for sku in skus if sku.lower() in by_lower}
