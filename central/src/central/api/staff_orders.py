"""The staff's view of orders: find them, read them whole, move them along.

Authenticated as a staff member (HTTP Basic), never with a terminal's token.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Query
from sqlalchemy import select
from sqlalchemy.orm import Session

from central.api.deps import DB, AppSettings
from central.api.errors import ApiError, ErrorBody
from central.api.staff_auth import CurrentStaff
from central.db import models
from central.db.engine import iso
from central.mail.queue import message_summary, order_messages
from central.order_lifecycle import (
    TRANSITIONS,
    OrderNotFound,
    TransitionNotAllowed,
    change_status,
    find_order,
)
from central.schemas import (
    ORDER_EXAMPLE,
    OrderStatusName,
    StaffOrder,
    StaffOrderList,
    StatusChangeIn,
    StoreId,
    free_text,
)

ERRORS: dict[int | str, dict[str, Any]] = {
    status: {"model": ErrorBody} for status in (400, 401, 404, 413, 422, 429)}
router = APIRouter(prefix="/v1/staff", tags=["staff"], responses=ERRORS)

ReferenceInPath = Annotated[free_text(40), Path(examples=[ORDER_EXAMPLE["reference"]])]


@router.get("/orders", response_model=StaffOrderList, summary="Orders, newest first")
def list_orders(db: DB, _: CurrentStaff,
                status: Annotated[OrderStatusName | None, Query()] = None,
                store_id: Annotated[StoreId | None, Query()] = None,
                limit: Annotated[int, Query(ge=1, le=500)] = 100) -> dict[str, Any]:
    query = select(models.Order).order_by(models.Order.received_at.desc(),
                                          models.Order.id.desc()).limit(limit)
    if status is not None:
        query = query.where(models.Order.status == status)
    if store_id is not None:
        query = query.where(models.Order.store_id == store_id)
    with db.reading() as session:
        return {"orders": [order_summary(order) for order in session.scalars(query)]}


@router.get("/orders/{reference}", response_model=StaffOrder,
            summary="An order in full, the customer included")
def get_order(db: DB, _: CurrentStaff, reference: ReferenceInPath) -> dict[str, Any]:
    with db.reading() as session:
        try:
            return order_details(session, find_order(session, reference))
        except OrderNotFound:
            raise _not_found(reference) from None


@router.post("/orders/{reference}/status", response_model=StaffOrder,
             responses={409: {"model": ErrorBody,
                              "description": "The order's status does not allow this move"}},
             summary="Move an order to its next status")
def set_status(db: DB, settings: AppSettings, staff: CurrentStaff, reference: ReferenceInPath,
               change: StatusChangeIn) -> dict[str, Any]:
    try:
        with db.writing() as session:
            order = change_status(session, reference, change.status,
                                  by=f"staff {staff.username}", note=change.note,
                                  mail=settings.mail)
            return order_details(session, order)
    except OrderNotFound:
        raise _not_found(reference) from None
    except TransitionNotAllowed as refused:
        raise ApiError(409, "transition_not_allowed", str(refused)) from None


def order_summary(order: models.Order) -> dict[str, Any]:
    return {"reference": order.reference, "store_id": order.store_id,
            "status": order.status, "received_at": iso(order.received_at),
            "total_cents": order.total_cents, "currency": order.currency,
            "price_mismatch": order.price_mismatch, "stock_shortfall": order.stock_shortfall}


def order_details(session: Session, order: models.Order) -> dict[str, Any]:
    return order_summary(order) | {
        "order_id": order.idempotency_key, "terminal_id": order.terminal_id,
        "placed_terminal_at": order.placed_terminal_at, "language": order.language,
        "customer": order.customer, "delivery": order.delivery, "consent": order.consent,
        "lines": [{"sku": line.sku, "name": line.name, "size": line.size,
                   "color": line.color, "quantity": line.quantity,
                   "unit_price_cents": line.unit_price_cents,
                   "server_unit_price_cents": line.server_unit_price_cents,
                   "known_sku": line.known_sku, "stock_in_chain": line.stock_in_chain}
                  for line in order.lines],
        "history": [{"status": entry.status, "at": iso(entry.changed_at),
                     "by": entry.changed_by, "note": entry.note} for entry in order.history],
        "allowed_next": sorted(TRANSITIONS.get(order.status, ())),
        "messages": [message_summary(message)
                     for message in order_messages(session, order.id)],
    }


def _not_found(reference: str) -> ApiError:
    return ApiError(404, "not_found", f"no order {reference!r}")
