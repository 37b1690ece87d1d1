"""Reservations and back-in-stock alerts for the managers' dashboard (issue 21 §5).

Read from the reservations and alerts themselves, whose figures (store, variant, states,
dates) survive the retention purge. A day is the chain's (Europe/Paris) day on which the
reservation or alert was made.

"Followed" counts the sent alerts after whose e-mail the same address ordered or reserved
the same variant within FOLLOW_WINDOW. An alert's own address is erased as soon as its
notice is queued, so the address is read from that notice in the mail queue, which keeps
it for CENTRAL_KEEP_MAIL_DAYS (90 days by default, far longer than the window). Once
retention has emptied it, a match can no longer be made: such alerts are counted apart as
"follow_unknown", never as not followed. A reservation that followed keeps its address 30
days after it ends (CENTRAL_KEEP_RESERVATIONS_DAYS); one erased before the notice is read
here is no longer seen as a follow-up.
"""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from central.analytics.local_time import CHAIN_ZONE
from central.db import models
from central.db.engine import as_utc

FOLLOW_WINDOW = timedelta(days=7)
RESERVATION_STATES = ("held", "collected", "expired", "cancelled")
# The store of an alert for any store, in its rows and CSV file.
ANY_STORE = ""


def _bounds(filters) -> tuple[datetime, datetime]:
    """The filters' days as UTC instants, the end excluded."""
    def instant(day) -> datetime:
        return datetime.combine(day, time(), CHAIN_ZONE).astimezone(UTC)
    return instant(filters.start), instant(filters.end + timedelta(days=1))


def reservations(session: Session, filters, names: dict[str, str],
                 store_ids) -> list[dict[str, Any]]:
    """Per store: reservations made, and how many are held, collected, expired, cancelled."""
    table = models.Reservation
    first, after = _bounds(filters)
    query = select(table.store_id, table.state).where(
        table.created_at >= first, table.created_at < after)
    if filters.store_id is not None:
        query = query.where(table.store_id == filters.store_id)
    counts: dict[str, dict[str, int]] = {}
    for store_id, state in session.execute(query):
        row = counts.setdefault(store_id, dict.fromkeys(("reserved", *RESERVATION_STATES), 0))
        row["reserved"] += 1
        if state in row:
            row[state] += 1
    empty = dict.fromkeys(("reserved", *RESERVATION_STATES), 0)
    return [{"store_id": store_id, "store": names.get(store_id, store_id),
             **counts.get(store_id, empty)} for store_id in store_ids(filters, names, counts)]


def alerts(session: Session, filters, names: dict[str, str],
           store_ids) -> list[dict[str, Any]]:
    """Per store asked for (any store: ANY_STORE, last): alerts asked, confirmed, sent, and
    the sent ones followed by an order or reservation (see the module's words)."""
    table, mail = models.BackInStockAlert, models.MailMessage
    first, after = _bounds(filters)
    query = (select(table.store_id, table.confirmed_at, table.notice_message_id,
                    table.variant_sku, mail.recipient, mail.sent_at, mail.created_at)
             .outerjoin(mail, (mail.message_id == table.notice_message_id)
                        & (table.notice_message_id != ""))
             .where(table.created_at >= first, table.created_at < after))
    if filters.store_id is not None:
        query = query.where(table.store_id == filters.store_id)
    counts: dict[str, dict[str, int]] = {}
    notices = []
    for store_id, confirmed_at, notice_id, sku, recipient, sent_at, queued_at in \
            session.execute(query):
        row = counts.setdefault(store_id or ANY_STORE, _empty_alert_row())
        row["asked"] += 1
        row["confirmed"] += confirmed_at is not None
        if notice_id:
            row["sent"] += 1
            notices.append((row, sku, (recipient or "").casefold(),
                            as_utc(sent_at or queued_at)))
    _count_follows(session, notices)
    result = [{"store_id": store_id, "store": names.get(store_id, store_id),
               **counts.get(store_id, _empty_alert_row())}
              for store_id in store_ids(filters, names,
                                        {k: v for k, v in counts.items() if k != ANY_STORE})]
    if ANY_STORE in counts:
        result.append({"store_id": ANY_STORE, "store": "", **counts[ANY_STORE]})
    return result


def _empty_alert_row() -> dict[str, int]:
    return dict.fromkeys(("asked", "confirmed", "sent", "followed", "follow_unknown"), 0)


def _count_follows(session: Session, notices: list) -> None:
    """Adds to each notice's row whether its address ordered or reserved its variant
    within FOLLOW_WINDOW of the e-mail; an address retention has erased is unknown."""
    known = []
    for notice in notices:
        row, _, address, sent = notice
        if address and sent is not None:
            known.append(notice)
        else:
            row["follow_unknown"] += 1
    if not known:
        return
    skus = sorted({sku for _, sku, _, _ in known})
    earliest = min(at for *_, at in known)
    latest = max(at for *_, at in known) + FOLLOW_WINDOW
    later: dict[tuple[str, str], list[datetime]] = {}
    orders = session.execute(
        select(models.OrderLine.sku, models.Order.customer, models.Order.received_at)
        .join(models.Order, models.Order.id == models.OrderLine.order_id)
        .where(models.OrderLine.sku.in_(skus), models.Order.received_at >= earliest,
               models.Order.received_at <= latest))
    held = session.execute(
        select(models.Reservation.variant_sku, models.Reservation.customer,
               models.Reservation.created_at)
        .where(models.Reservation.variant_sku.in_(skus),
               models.Reservation.created_at >= earliest,
               models.Reservation.created_at <= latest))
    for sku, customer, at in (*orders, *held):
        address = str((customer or {}).get("email") or "").casefold()
        if address:
            later.setdefault((address, sku), []).append(as_utc(at))
    for row, sku, address, sent in known:
        if any(sent <= at <= sent + FOLLOW_WINDOW for at in later.get((address, sku), ())):
            row["followed"] += 1


COLUMNS = {
    "reservations": ("store_id", "store", "reserved", *RESERVATION_STATES),
    "alerts": ("store_id", "store", "asked", "confirmed", "sent", "followed",
               "follow_unknown"),
}
