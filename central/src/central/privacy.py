"""Customers' data as the law asks (GDPR): how long each kind is kept, erasing it past
that time, and a person's data exported or erased on request.

Erasing is done in place: names, addresses, phones, e-mail addresses and message bodies
become empty, and what the figures are made of (totals, lines, dates, stores, states)
stays, so no dashboard figure changes. Each erasure is recorded as counts per kind,
never the data (models.PrivacyErasure)."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import partial
from typing import Any

from sqlalchemy import delete, func, or_, select, update
from sqlalchemy.exc import IntegrityError

from central.background import Periodic, run_while_serving
from central.db import models
from central.db.engine import Database, iso, utc_now
from central.order_lifecycle import CANCELLED, DELIVERED
from central.reservations import HELD
from central.retention_settings import RetentionSettings

log = logging.getLogger("central.privacy")

# Kinds, as counted in logs, erasure records and the export.
KINDS = ("orders", "reservations", "alerts", "refusals", "mail_messages")
# The mail states a message no longer leaves: only these are erased past their time.
_MAIL_DONE = ("sent", "refused", "bounced")
_BATCH = 500
# The daily run: the moment of the last one, in the meta table, claimed by one worker.
LAST_PURGE_KEY = "privacy_purged_at"
PURGE_EVERY = timedelta(days=1)


@dataclass(frozen=True)
class PersonalData:
    """What a table holds about a person: the fields `erased` in place (the rest is what
    the figures are made of), and the fields of a person's export, in order."""

    erased: tuple[str, ...]
    exported: tuple[str, ...]


# Every table that holds customers' data, for the purge, the export and the erasure.
# Orders and reservations keep their customer as JSON with an e-mail and a phone.
PERSONAL_DATA: dict[type, PersonalData] = {
    models.Order: PersonalData(("customer",), (
        "reference", "store_id", "status", "received_at", "language", "customer", "delivery",
        "consent", "total_cents", "currency")),
    models.OrderLine: PersonalData((), (
        "sku", "name", "size", "color", "quantity", "unit_price_cents")),
    models.OrderHistory: PersonalData(("note",), ("status", "changed_at", "note")),
    models.Reservation: PersonalData(("customer",), (
        "reference", "store_id", "variant_sku", "quantity", "language", "customer", "consent",
        "state", "created_at", "hold_until", "settled_at")),
    models.BackInStockAlert: PersonalData(("email",), (
        "variant_sku", "store_id", "email", "language", "consent", "state", "created_at",
        "confirmed_at", "ended_at")),
    models.MailMessage: PersonalData(("recipient", "subject", "body_text", "body_html"), (
        "kind", "recipient", "language", "subject", "body_text", "state", "created_at",
        "sent_at")),
}


# What is left of a customer's details: every text emptied, the shape kept, so that code
# reading `customer["email"]` or `customer["address"]["city"]` still finds a string.
def _blank(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _blank(item) for key, item in value.items()}
    if isinstance(value, str):
        return ""
    return value


def erase_fields(row) -> None:
    """Erase a row's personal fields in place."""
    for field in PERSONAL_DATA[type(row)].erased:
        setattr(row, field, _blank(getattr(row, field)))


def emptied(table) -> dict[str, str]:
    """The values of an UPDATE that erases `table`'s personal fields (all text)."""
    return dict.fromkeys(PERSONAL_DATA[table].erased, "")


def _erase_order(session, order: models.Order) -> int:
    """Erase an order's customer, its notes and its messages; the messages' count."""
    erase_fields(order)
    for entry in order.history:
        erase_fields(entry)
    return _erase_messages(session, models.MailMessage.order_id == order.id)


def _erase_reservation(session, reservation: models.Reservation) -> int:
    erase_fields(reservation)
    return _erase_messages(session, models.MailMessage.reservation_id == reservation.id)


def _erase_messages(session, which) -> int:
    """Empty the address and bodies of the messages `which` selects; one not yet sent is
    never sent (refused, saying why)."""
    message = models.MailMessage
    erased = session.execute(update(message).where(which, message.recipient != "").values(
        **emptied(message))).rowcount
    session.execute(update(message).where(which, message.state.in_(("queued", "sending")))
                    .values(state="refused", last_error="erased: personal data",
                            lease_owner=None, lease_until=None))
    return erased


def _customer_email(table):
    """The e-mail address of the customer a row of `table` (orders, reservations) keeps,
    in lower case."""
    return func.lower(table.customer["email"].as_string())


def _record(session, reason: str, counts: dict[str, int], now: datetime) -> None:
    session.add(models.PrivacyErasure(done_at=now, reason=reason, counts=counts))


def purge(db: Database, settings: RetentionSettings,
          now: datetime | None = None) -> dict[str, int]:
    """Erase, in place, every kind's personal fields past its time; counts per kind (an
    order's messages count with mail_messages). Recorded when anything was erased."""
    now = now or utc_now()
    counts = dict.fromkeys(KINDS, 0)
    order, history = models.Order, models.OrderHistory
    order_cutoff = now - timedelta(days=settings.orders_days)
    # The moment an order became final is its history's entry for that status.
    ended_long_ago = select(history.id).where(
        history.order_id == order.id, history.status == order.status,
        history.changed_at <= order_cutoff).exists()
    _in_batches(db, select(order).where(order.status.in_((DELIVERED, CANCELLED)),
                                        _customer_email(order) != "", ended_long_ago),
                lambda session, row: _count(counts, "orders", _erase_order(session, row)))

    reservation = models.Reservation
    ended = func.coalesce(reservation.settled_at, reservation.hold_until)
    _in_batches(db, select(reservation).where(
        reservation.state != HELD,
        ended <= now - timedelta(days=settings.reservations_days),
        reservation.customer["name"].as_string() != ""),
        lambda session, row: _count(counts, "reservations",
                                    _erase_reservation(session, row)))

    alert = models.BackInStockAlert
    message = models.MailMessage
    with db.writing() as session:
        counts["alerts"] = session.execute(update(alert).where(
            alert.email != "", alert.created_at <= now - timedelta(days=settings.alerts_days))
            .values(**emptied(alert))).rowcount
        counts["refusals"] = session.execute(delete(models.OrderRefusal).where(
            models.OrderRefusal.refused_at <= now - timedelta(days=settings.refusals_days))
        ).rowcount
        counts["mail_messages"] += _erase_messages(session, (
            message.state.in_(_MAIL_DONE)) & (func.coalesce(message.sent_at, message.created_at)
                                              <= now - timedelta(days=settings.mail_days)))
        if any(counts.values()):
            _record(session, "retention", counts, now)
    log.info("privacy purge: erased %s", ", ".join(f"{n} {kind}" for kind, n in counts.items()))
    return counts


def _count(counts: dict[str, int], kind: str, messages: int) -> None:
    counts[kind] += 1
    counts["mail_messages"] += messages


def _in_batches(db: Database, query, erase) -> None:
    """`erase` each row `query` selects, a batch per write transaction: an erased row no
    longer matches, so each round reads the next ones."""
    while True:
        with db.writing() as session:
            rows = session.scalars(query.limit(_BATCH)).all()
            for row in rows:
                erase(session, row)
        if len(rows) < _BATCH:
            return


def claim_daily_purge(db: Database, now: datetime) -> bool:
    """Whether this process is the one to run today's purge: the meta row's moment moved
    forward by one conditional UPDATE (or first written), so of several workers one wins."""
    meta = models.Meta
    with db.reading() as session:
        last = session.scalar(select(meta.value).where(meta.key == LAST_PURGE_KEY))
    if last is not None and datetime.fromisoformat(last.replace("Z", "+00:00")) \
            > now - PURGE_EVERY:
        return False
    try:
        with db.writing() as session:
            if last is None:
                session.add(meta(key=LAST_PURGE_KEY, value=iso(now)))
                return True
            return session.execute(update(meta).where(
                meta.key == LAST_PURGE_KEY, meta.value == last).values(value=iso(now))
            ).rowcount == 1
    except IntegrityError:          # another worker wrote the first one
        return False


def _daily_round(db: Database, settings: RetentionSettings) -> None:
    try:
        if claim_daily_purge(db, utc_now()):
            purge(db, settings)
    except Exception:       # the database away: the next round tries again
        log.exception("privacy purge failed")


def purge_in_server(app) -> None:
    """`purge` once a day, whichever worker claims it first (each looks every ten minutes),
    for as long as the app serves."""
    run_while_serving(app, lambda: Periodic(
        "privacy-purge", partial(_daily_round, app.state.db, app.state.settings.retention),
        600.0))


# A person's data: found by e-mail address (any case) or phone number (as +33..., the
# form every record keeps it in).

@dataclass(frozen=True)
class Person:
    email: str = ""
    phone: str = ""

    def __post_init__(self) -> None:
        if bool(self.email) == bool(self.phone):
            raise ValueError("give an e-mail address or a phone number, one of them")


def person(email: str | None, phone: str | None) -> Person:
    return Person((email or "").strip().lower(),
                  "".join((phone or "").split()).replace(".", "").replace("-", ""))


def _customers(table, who: Person):
    """The rows of `table` (orders, reservations) whose customer is `who`."""
    if who.email:
        return select(table).where(_customer_email(table) == who.email)
    return select(table).where(table.customer["phone"].as_string() == who.phone)


def _alerts_of(who: Person):
    alert = models.BackInStockAlert
    # Alerts hold an e-mail address only.
    return select(alert).where(func.lower(alert.email) == who.email) if who.email else None


def _messages_of(who: Person, order_ids: list[int], reservation_ids: list[int]):
    message = models.MailMessage
    which = [message.order_id.in_(order_ids), message.reservation_id.in_(reservation_ids)]
    if who.email:
        which.append(func.lower(message.recipient) == who.email)
    return or_(*which)


def export(db: Database, who: Person) -> dict[str, Any]:
    """Everything held about a person, as JSON-ready data."""
    with db.reading() as session:
        orders = session.scalars(_customers(models.Order, who).order_by(models.Order.id)).all()
        reservations = session.scalars(
            _customers(models.Reservation, who).order_by(models.Reservation.id)).all()
        alerts_query = _alerts_of(who)
        alerts = [] if alerts_query is None else session.scalars(
            alerts_query.order_by(models.BackInStockAlert.id)).all()
        messages = session.scalars(select(models.MailMessage).where(_messages_of(
            who, [o.id for o in orders], [r.id for r in reservations]))
            .order_by(models.MailMessage.id)).all()
        return {
            "orders": [{**_exported(o), "lines": [_exported(line) for line in o.lines],
                        "history": [_exported(entry) for entry in o.history]}
                       for o in orders],
            "reservations": [_exported(r) for r in reservations],
            "alerts": [_exported(a) for a in alerts],
            "mail_messages": [_exported(m) for m in messages],
        }


def _exported(row) -> dict[str, Any]:
    """A row's exported fields, moments in ISO 8601."""
    values = {field: getattr(row, field) for field in PERSONAL_DATA[type(row)].exported}
    return {field: iso(value) if isinstance(value, datetime) else value
            for field, value in values.items()}


def erase(db: Database, who: Person, now: datetime | None = None) -> dict[str, int]:
    """Erase a person's data everywhere, in one transaction, and record that it was done
    (counts per kind); the counts."""
    now = now or utc_now()
    counts = dict.fromkeys(KINDS, 0)
    with db.writing() as session:
        orders = session.scalars(_customers(models.Order, who)).all()
        reservations = session.scalars(_customers(models.Reservation, who)).all()
        for order in orders:
            _erase_order(session, order)
        for reservation in reservations:
            _erase_reservation(session, reservation)
        counts["orders"], counts["reservations"] = len(orders), len(reservations)
        alerts_query = _alerts_of(who)
        if alerts_query is not None:
            alerts = session.scalars(alerts_query).all()
            for alert in alerts:
                erase_fields(alert)
            counts["alerts"] = len(alerts)
        # Messages to this address not tied to an order or a reservation (alerts').
        counts["mail_messages"] = session.scalar(select(func.count()).select_from(
            models.MailMessage).where(_messages_of(who, [o.id for o in orders],
                                                   [r.id for r in reservations]))) or 0
        _erase_messages(session, _messages_of(who, [o.id for o in orders],
                                              [r.id for r in reservations]))
        _record(session, "request", counts, now)
    return counts
