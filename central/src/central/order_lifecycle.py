"""An order's statuses, the moves allowed between them, and the history of each move."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from central.db import models
from central.db.engine import utc_now

if TYPE_CHECKING:
    from central.mail.settings import MailSettings

RECEIVED, AWAITING_PAYMENT, PAID = "received", "awaiting_payment", "paid"
SHIPPED, DELIVERED, CANCELLED = "shipped", "delivered", "cancelled"
STATUSES = (RECEIVED, AWAITING_PAYMENT, PAID, SHIPPED, DELIVERED, CANCELLED)

# Delivered and cancelled are final: a mistake there is a new order, not an undo.
TRANSITIONS: dict[str, frozenset[str]] = {
    RECEIVED: frozenset({AWAITING_PAYMENT, PAID, CANCELLED}),
    AWAITING_PAYMENT: frozenset({PAID, CANCELLED}),
    PAID: frozenset({SHIPPED, CANCELLED}),
    SHIPPED: frozenset({DELIVERED}),
    DELIVERED: frozenset(),
    CANCELLED: frozenset(),
}

MAX_NOTE_LENGTH = 1000


class OrderNotFound(LookupError):
    pass


class TransitionNotAllowed(ValueError):
    def __init__(self, reference: str, current: str, wanted: str) -> None:
        allowed = ", ".join(sorted(TRANSITIONS.get(current, ()))) or "none: it is final"
        super().__init__(f"order {reference} is {current}: it cannot become {wanted} "
                         f"(allowed: {allowed})")
        self.current, self.wanted = current, wanted


def allowed(current: str, wanted: str) -> bool:
    return wanted in TRANSITIONS.get(current, frozenset())


def find_order(session: Session, reference: str, *, for_update: bool = False
               ) -> models.Order:
    query = select(models.Order).where(models.Order.reference == reference).options(
        selectinload(models.Order.lines), selectinload(models.Order.history))
    if for_update:
        query = query.with_for_update(of=models.Order)
    order = session.scalar(query)
    if order is None:
        raise OrderNotFound(f"no order {reference!r}")
    return order


def record(order: models.Order, status: str, by: str, note: str = "") -> None:
    """Add a history entry for `status`, which the order now has."""
    order.history.append(models.OrderHistory(status=status, changed_at=utc_now(),
                                             changed_by=by[:120], note=note))


def change_status(session: Session, reference: str, wanted: str, by: str,
                  note: str = "", mail: MailSettings | None = None) -> models.Order:
    """Move an order to `wanted` if its current status allows it, and record who did it;
    with `mail`, queue the message that tells the customer, if this status is one they
    are told about. Run in a write transaction: the order's row is locked until it
    commits, and the message is queued with the change or not at all."""
    if wanted not in STATUSES:
        raise ValueError(f"unknown status {wanted!r}: one of {', '.join(STATUSES)}")
    if len(note) > MAX_NOTE_LENGTH:
        raise ValueError(f"the note must have at most {MAX_NOTE_LENGTH} characters")
    order = find_order(session, reference, for_update=True)
    if not allowed(order.status, wanted):
        raise TransitionNotAllowed(order.reference, order.status, wanted)
    order.status = wanted
    record(order, wanted, by, note)
    session.flush()
    if mail is not None:
        # Imported here: the messages name this module's statuses.
        from central.mail.queue import queue_order_message
        queue_order_message(session, order, wanted, mail, utc_now())
    return order
