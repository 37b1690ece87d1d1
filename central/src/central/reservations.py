"""Reservations in a store: a variant put aside for a shopper until a deadline.

What a store can promise is its stock less the units its active reservations hold
(`stock.held`). A reservation takes its units with one conditional UPDATE of the stock
row, inside a transaction that also holds the change-log lock: on PostgreSQL the UPDATE
locks the row and re-reads it once a concurrent writer commits, on SQLite the write
transaction lets one writer in at a time. Either way the last units go to one shopper
only, and the figure terminals see (the change feed) moves in the same transaction.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from datetime import datetime
from functools import partial
from typing import Any

from sqlalchemy import case, select, update
from sqlalchemy.exc import IntegrityError, InterfaceError, OperationalError
from sqlalchemy.orm import Session

from central import idempotency
from central.api.errors import ApiError
from central.background import Periodic, run_while_serving
from central.catalog import CatalogWriter
from central.db import models
from central.db.engine import Database, as_utc, iso, utc_now
from central.idempotency import Stored
from central.mail.reservation_messages import CONFIRMED, REMINDER, queue_reservation_message
from central.mail.settings import MailSettings
from central.reservation_settings import ReservationSettings
from kiosk_contract.references import new_reference

log = logging.getLogger("central.reservations")

HELD, COLLECTED, CANCELLED, EXPIRED = "held", "collected", "cancelled", "expired"
STATES = (HELD, COLLECTED, CANCELLED, EXPIRED)
# Reservation references read like order references, under a prefix of their own.
REFERENCE_PREFIX = "RES"
_ATTEMPTS = 3


@dataclass(frozen=True)
class Request:
    """A reservation as a terminal asks for it (checked by the API's schema)."""

    store_id: str
    sku: str
    quantity: int
    language: str
    customer: dict[str, str]
    consent: dict[str, str]


def reserve(db: Database, terminal_id: int, key: str, fingerprint: str, request: Request,
            settings: ReservationSettings, mail: MailSettings,
            now: datetime | None = None) -> Stored:
    """Hold `request.quantity` units for the shopper, once per idempotency `key`; a 409
    (ApiError) when the store cannot promise them."""
    for attempt in range(_ATTEMPTS):
        try:
            return _reserve_once(db, terminal_id, key, fingerprint, request, settings, mail,
                                 now or utc_now())
        except IntegrityError:      # a reference drawn twice: draw again
            if attempt == _ATTEMPTS - 1:
                raise
    raise AssertionError("unreachable")


def _reserve_once(db: Database, terminal_id: int, key: str, fingerprint: str,
                  request: Request, settings: ReservationSettings, mail: MailSettings,
                  now: datetime) -> Stored:
    with db.writing(catalog=True) as session:
        known = idempotency.replay(session, models.Reservation, key, fingerprint,
                                   "reservation")
        if known is not None:
            return known
        store = session.get(models.Store, request.store_id)
        if store is None:
            raise ApiError(404, "not_found", f"no store {request.store_id!r}")
        writer = CatalogWriter(session)
        _expire_due(session, writer, now)
        stock = models.Stock
        taken = session.execute(
            update(stock).where(stock.variant_sku == request.sku,
                                stock.store_id == request.store_id,
                                stock.quantity - stock.held >= request.quantity)
            .values(held=stock.held + request.quantity))
        if taken.rowcount != 1:
            raise _not_available(session, request, store)
        reservation = models.Reservation(
            idempotency_key=key, request_hash=fingerprint,
            reference=new_reference(REFERENCE_PREFIX), terminal_id=terminal_id,
            store_id=request.store_id, variant_sku=request.sku, quantity=request.quantity,
            language=request.language, customer=request.customer, consent=request.consent,
            state=HELD, created_at=now, hold_until=now + settings.hold, settled_by="",
            response_body="")
        reservation.response_body = json.dumps(_answer(reservation, key, store))
        session.add(reservation)
        session.flush()
        writer.stock_changed([f"{request.sku}@{request.store_id}"])
        queue_reservation_message(session, reservation, CONFIRMED, mail, now)
        return Stored(201, reservation.response_body, replayed=False)


def _answer(reservation: models.Reservation, key: str, store: models.Store) -> dict[str, Any]:
    return {"reservation_id": key, "reference": reservation.reference,
            "state": reservation.state, "store_id": store.id, "store_name": store.name,
            "sku": reservation.variant_sku, "quantity": reservation.quantity,
            "created_at": iso(reservation.created_at),
            "hold_until": iso(reservation.hold_until)}


def _not_available(session: Session, request: Request, store: models.Store) -> ApiError:
    row = session.get(models.Stock, (request.sku, request.store_id))
    available = max(row.quantity - row.held, 0) if row is not None else 0
    if row is None and session.get(models.Variant, request.sku) is None:
        return ApiError(404, "not_found", f"no variant {request.sku!r}")
    left = "none is left" if available == 0 else f"only {available} left"
    return ApiError(409, "not_available",
                    f"{request.sku} cannot be reserved at {store.name}: {left} to reserve, "
                    f"{request.quantity} asked")


def _release(session: Session, reservation: models.Reservation) -> None:
    stock = models.Stock
    session.execute(
        update(stock).where(stock.variant_sku == reservation.variant_sku,
                            stock.store_id == reservation.store_id)
        .values(held=case((stock.held > reservation.quantity,
                           stock.held - reservation.quantity), else_=0)))


def _expire_due(session: Session, writer: CatalogWriter, now: datetime) -> int:
    """Let every hold past its time go, its units back on offer."""
    due = session.scalars(select(models.Reservation)
                          .where(models.Reservation.state == HELD,
                                 models.Reservation.hold_until <= now)
                          .with_for_update()).all()
    for reservation in due:
        reservation.state, reservation.settled_at = EXPIRED, now
        reservation.settled_by = "expired"
        _release(session, reservation)
    if due:
        writer.stock_changed([f"{r.variant_sku}@{r.store_id}" for r in due])
    return len(due)


class NotFound(LookupError):
    pass


class AlreadySettled(ValueError):
    pass


def settle(db: Database, reference: str, state: str, by: str, store_id: str | None = None,
           now: datetime | None = None) -> dict[str, Any]:
    """Mark a held reservation collected or cancelled; its units leave `held` (collected:
    the shopper took them, and the next stock count says so)."""
    now = now or utc_now()
    with db.writing(catalog=True) as session:
        writer = CatalogWriter(session)
        _expire_due(session, writer, now)
        reservation = session.scalar(select(models.Reservation)
                                     .where(models.Reservation.reference == reference)
                                     .with_for_update())
        if reservation is None or (store_id is not None and reservation.store_id != store_id):
            raise NotFound(f"no reservation {reference!r}"
                           + (f" at store {store_id!r}" if store_id else ""))
        if reservation.state != HELD:
            raise AlreadySettled(f"reservation {reference} is {reservation.state}, "
                                 f"not held: it cannot become {state}")
        reservation.state, reservation.settled_at, reservation.settled_by = state, now, by
        _release(session, reservation)
        writer.stock_changed([f"{reservation.variant_sku}@{reservation.store_id}"])
        variant = session.get(models.Variant, reservation.variant_sku)
        return summary(reservation, variant, variant.product if variant else None, now)


def holds(db: Database, store_id: str, states: tuple[str, ...] = STATES, limit: int = 200,
          now: datetime | None = None) -> list[dict[str, Any]]:
    """A store's reservations, the ones to collect first (soonest to end), then the rest
    newest first. A hold past its time reads as expired even before the sweep runs."""
    now = now or utc_now()
    with db.reading() as session:
        rows = session.execute(
            select(models.Reservation, models.Variant, models.Product)
            .outerjoin(models.Variant, models.Variant.sku == models.Reservation.variant_sku)
            .outerjoin(models.Product, models.Product.sku == models.Variant.product_sku)
            .where(models.Reservation.store_id == store_id)
            .order_by(case((models.Reservation.state == HELD, 0), else_=1),
                      models.Reservation.hold_until, models.Reservation.id.desc())
            .limit(limit)).all()
        found = [summary(r, v, p, now) for r, v, p in rows]
    return [item for item in found if item["state"] in states]


def summary(reservation: models.Reservation, variant: models.Variant | None,
            product: models.Product | None, now: datetime) -> dict[str, Any]:
    state = reservation.state
    if state == HELD and as_utc(reservation.hold_until) <= now:
        state = EXPIRED
    return {"reference": reservation.reference, "state": state,
            "store_id": reservation.store_id, "sku": reservation.variant_sku,
            "name": product.name if product is not None else reservation.variant_sku,
            "size": variant.size if variant is not None else None,
            "color": variant.color if variant is not None else None,
            "quantity": reservation.quantity, "customer": reservation.customer,
            "language": reservation.language,
            "created_at": iso(reservation.created_at),
            "hold_until": iso(reservation.hold_until),
            "settled_at": iso(reservation.settled_at), "settled_by": reservation.settled_by}


@dataclass
class SweepReport:
    expired: int = 0
    reminded: int = 0


def sweep(db: Database, settings: ReservationSettings, mail: MailSettings,
          now: datetime | None = None) -> SweepReport:
    """Expire the holds past their time and queue the reminders now due. Cheap when there
    is nothing to do: it looks before it takes the change log's lock."""
    now = now or utc_now()
    reservation = models.Reservation
    remind = settings.reminder_hours > 0 and mail.enabled
    reminder_due = reservation.hold_until <= now + settings.reminder_lead
    with db.reading() as session:
        expiring = session.scalar(select(reservation.id).where(
            reservation.state == HELD, reservation.hold_until <= now).limit(1))
        to_remind = remind and session.scalar(select(reservation.id).where(
            reservation.state == HELD, reminder_due, reservation.hold_until > now,
            ~select(models.MailMessage.id).where(
                models.MailMessage.reservation_id == reservation.id,
                models.MailMessage.kind == REMINDER).exists()).limit(1))
    report = SweepReport()
    if expiring is not None:
        with db.writing(catalog=True) as session:
            report.expired = _expire_due(session, CatalogWriter(session), now)
    if to_remind:
        with db.writing() as session:
            for held in session.scalars(select(reservation).where(
                    reservation.state == HELD, reminder_due, reservation.hold_until > now)):
                if queue_reservation_message(session, held, REMINDER, mail, now):
                    report.reminded += 1
    return report


def _sweep_round(db: Database, settings: ReservationSettings, mail: MailSettings) -> None:
    try:
        report = sweep(db, settings, mail)
        if report.expired or report.reminded:
            log.info("reservations: %d expired, %d reminders queued",
                     report.expired, report.reminded)
    except (OperationalError, InterfaceError) as away:
        # The database away (docs/api.md's 503s): the next round tries again. Its driver's
        # first line only: statements carry customers' details.
        reason = str(getattr(away, "orig", None) or type(away).__name__).strip()
        log.warning("reservations: database unavailable for the sweep: %s",
                    reason.splitlines()[0] if reason else type(away).__name__)
    except Exception:       # a fault of the server itself: said, and tried again
        log.exception("reservations: the sweep failed")


def sweep_in_server(app) -> None:
    """`sweep` every minute for as long as the app serves."""
    def sweeper() -> Periodic:
        settings = app.state.settings
        return Periodic("reservations", partial(_sweep_round, app.state.db,
                                                settings.reservations, settings.mail), 60.0)

    run_while_serving(app, sweeper)
