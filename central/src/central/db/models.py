"""The central database: the catalog, the change log that feeds terminals, and what
terminals sent (orders, ratings, events). Every time stored is the server's, in UTC."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    func,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class Base(DeclarativeBase):
    type_annotation_map = {dict[str, Any]: JSON, list[Any]: JSON, datetime: DateTime(timezone=True)}


class Meta(Base):
    """Server-wide facts: the change log's epoch, how far deletions were pruned."""

    __tablename__ = "meta"
    key: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[str] = mapped_column(String(200))


class ChangeLog(Base):
    """One row per catalog record, renumbered at each change: the feed is `seq` order.

    Writers hold an exclusive lock while they number rows, so numbers are handed out in
    commit order and a reader never skips a row that commits late.
    """

    __tablename__ = "change_log"
    kind: Mapped[str] = mapped_column(String(10), primary_key=True)
    key: Mapped[str] = mapped_column(String(300), primary_key=True)
    seq: Mapped[int] = mapped_column(BigInteger, unique=True)
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)
    changed_at: Mapped[datetime]
    # The record's JSON as the feed serves it (a deletion's: kind and key), written with
    # the row; none for rows written before it was kept, which the feed builds itself.
    record: Mapped[str | None] = mapped_column(Text)


class Category(Base):
    __tablename__ = "categories"
    path: Mapped[str] = mapped_column(String(300), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    position: Mapped[int] = mapped_column(Integer, default=0)
    in_menu: Mapped[bool] = mapped_column(Boolean, default=True)
    image: Mapped[str | None] = mapped_column(String(300))
    # Other languages than the chain's default, by code, with only what is translated:
    # {"fr": {"name": "Vestes"}} (docs/api.md).
    translations: Mapped[dict[str, Any]] = mapped_column(default=dict, server_default="{}")


class Product(Base):
    __tablename__ = "products"
    sku: Mapped[str] = mapped_column(String(100), primary_key=True)
    name: Mapped[str] = mapped_column(String(300))
    price_cents: Mapped[int] = mapped_column(Integer)
    special_price_cents: Mapped[int | None] = mapped_column(Integer)
    special_from: Mapped[str | None] = mapped_column(String(10))
    special_to: Mapped[str | None] = mapped_column(String(10))
    description_html: Mapped[str] = mapped_column(Text, default="")
    image: Mapped[str | None] = mapped_column(String(300))
    gallery: Mapped[list[Any]] = mapped_column(default=list)
    attributes: Mapped[dict[str, Any]] = mapped_column(default=dict)
    categories: Mapped[list[Any]] = mapped_column(default=list)
    featured: Mapped[bool] = mapped_column(Boolean, default=False)
    short_description_html: Mapped[str] = mapped_column(Text, default="", server_default="")
    image_label: Mapped[str | None] = mapped_column(String(300))
    # name, description_html, short_description_html, image_label, attributes
    translations: Mapped[dict[str, Any]] = mapped_column(default=dict, server_default="{}")
    variants: Mapped[list[Variant]] = relationship(
        back_populates="product", cascade="all, delete-orphan", order_by="Variant.position")


class Variant(Base):
    __tablename__ = "variants"
    sku: Mapped[str] = mapped_column(String(100), primary_key=True)
    product_sku: Mapped[str] = mapped_column(ForeignKey("products.sku", ondelete="CASCADE"),
                                             index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    price_cents: Mapped[int] = mapped_column(Integer)
    special_price_cents: Mapped[int | None] = mapped_column(Integer)
    size: Mapped[str | None] = mapped_column(String(50))
    color: Mapped[str | None] = mapped_column(String(50))
    barcode: Mapped[str | None] = mapped_column(String(20))
    image: Mapped[str | None] = mapped_column(String(300))
    translations: Mapped[dict[str, Any]] = mapped_column(default=dict,
                                                         server_default="{}")  # size, color
    product: Mapped[Product] = relationship(back_populates="variants")


# Orders price their lines by SKU in any case: lower(sku) IN (...) reads this index.
Index("variants_by_lower_sku", func.lower(Variant.sku))


class Store(Base):
    __tablename__ = "stores"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    address: Mapped[str] = mapped_column(String(300))
    postal_code: Mapped[str] = mapped_column(String(20))
    city: Mapped[str] = mapped_column(String(100))
    latitude: Mapped[float] = mapped_column(Float)
    longitude: Mapped[float] = mapped_column(Float)
    phone: Mapped[str] = mapped_column(String(40), default="")
    opening_hours: Mapped[dict[str, Any]] = mapped_column(default=dict)


class Stock(Base):
    __tablename__ = "stock"
    variant_sku: Mapped[str] = mapped_column(String(100), primary_key=True)
    store_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    quantity: Mapped[int] = mapped_column(Integer)
    taken_at: Mapped[datetime]
    restock_date: Mapped[date | None] = mapped_column(Date)
    # Units put aside for shoppers by active reservations (central/reservations.py): what
    # the store can still promise is `quantity - held`, and that is what terminals see.
    held: Mapped[int] = mapped_column(Integer, server_default="0")


class Terminal(Base):
    __tablename__ = "terminals"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    store_id: Mapped[str] = mapped_column(String(64))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime]
    revoked_at: Mapped[datetime | None]
    last_heartbeat_at: Mapped[datetime | None]
    last_heartbeat: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    clock_drift_s: Mapped[float | None] = mapped_column(Float)
    # The last heartbeat's queue figures, also in columns for the Terminals page to sort
    # and count in SQL (central/fleet_health.py): waiting to go up, and refused.
    outbox: Mapped[int | None] = mapped_column(Integer)
    dead_letters: Mapped[int | None] = mapped_column(Integer)
    __table_args__ = (Index("terminals_by_store", "store_id"),)     # one store's page


class Order(Base):
    __tablename__ = "orders"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    # Kept for ever: a terminal may come back after a week and retry.
    idempotency_key: Mapped[str] = mapped_column(String(36), unique=True)
    request_hash: Mapped[str] = mapped_column(String(64))
    reference: Mapped[str] = mapped_column(String(20), unique=True)
    terminal_id: Mapped[int] = mapped_column(ForeignKey("terminals.id"))
    store_id: Mapped[str] = mapped_column(String(64), index=True)
    status: Mapped[str] = mapped_column(String(20), default="received")
    received_at: Mapped[datetime]
    placed_terminal_at: Mapped[str] = mapped_column(String(40))
    language: Mapped[str] = mapped_column(String(5))
    customer: Mapped[dict[str, Any]]
    delivery: Mapped[dict[str, Any]]
    consent: Mapped[dict[str, Any]]
    total_cents: Mapped[int] = mapped_column(Integer)
    currency: Mapped[str] = mapped_column(String(3))
    price_mismatch: Mapped[bool] = mapped_column(Boolean)
    # Some line asked for more than the whole chain held when the order arrived.
    stock_shortfall: Mapped[bool] = mapped_column(Boolean, default=False)
    response_status: Mapped[int] = mapped_column(Integer)
    response_body: Mapped[str] = mapped_column(Text)
    lines: Mapped[list[OrderLine]] = relationship(
        back_populates="order", cascade="all, delete-orphan", order_by="OrderLine.position")
    history: Mapped[list[OrderHistory]] = relationship(
        back_populates="order", cascade="all, delete-orphan",
        order_by="OrderHistory.id")
    __table_args__ = (Index("orders_by_status_time", "status", "received_at"),)


class OrderLine(Base):
    __tablename__ = "order_lines"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"),
                                          index=True)
    position: Mapped[int] = mapped_column(Integer)
    sku: Mapped[str] = mapped_column(String(100))
    name: Mapped[str] = mapped_column(String(300))
    size: Mapped[str | None] = mapped_column(String(50))
    color: Mapped[str | None] = mapped_column(String(50))
    quantity: Mapped[int] = mapped_column(Integer)
    unit_price_cents: Mapped[int] = mapped_column(Integer)          # what the shopper saw
    server_unit_price_cents: Mapped[int | None] = mapped_column(Integer)
    known_sku: Mapped[bool] = mapped_column(Boolean)
    # The variant's stock summed over every store when the order arrived (None: orders
    # received before the check existed).
    stock_in_chain: Mapped[int | None] = mapped_column(Integer)
    order: Mapped[Order] = relationship(back_populates="lines")


class OrderHistory(Base):
    """Every status an order took, its first (`received`) included."""

    __tablename__ = "order_history"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"),
                                          index=True)
    status: Mapped[str] = mapped_column(String(20))
    changed_at: Mapped[datetime]
    changed_by: Mapped[str] = mapped_column(String(120))
    note: Mapped[str] = mapped_column(Text, default="")
    order: Mapped[Order] = relationship(back_populates="history")


class OrderRefusal(Base):
    """An order the server would not accept (an item withdrawn, a price gone up). The
    order itself is not kept, nor anything about the customer: this is what the public
    status page needs to explain, and what staff need to follow up a retry."""

    __tablename__ = "order_refusals"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    reference: Mapped[str] = mapped_column(String(20), index=True)
    # One row per key, however many times the order was sent: its latest refusal.
    idempotency_key: Mapped[str] = mapped_column(String(36))
    store_id: Mapped[str] = mapped_column(String(64))
    terminal_id: Mapped[int] = mapped_column(ForeignKey("terminals.id"))
    error: Mapped[str] = mapped_column(String(40))
    message: Mapped[str] = mapped_column(Text)
    refused_at: Mapped[datetime]
    __table_args__ = (Index("order_refusals_by_key", "idempotency_key", unique=True),)


class ReferencePrefix(Base):
    """Which store's terminals make the references starting with `prefix` (the reference
    up to its last `-`): claimed by the store's first order under it, so that no other
    store's terminal can take or spoil one of its references."""

    __tablename__ = "reference_prefixes"
    prefix: Mapped[str] = mapped_column(String(20), primary_key=True)
    store_id: Mapped[str] = mapped_column(String(64))
    claimed_at: Mapped[datetime]


class StaffUser(Base):
    """A person of the chain's staff; the password is kept only as a salted KDF hash."""

    __tablename__ = "staff_users"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    password_hash: Mapped[str] = mapped_column(String(300))
    created_at: Mapped[datetime]
    disabled_at: Mapped[datetime | None]


class Rating(Base):
    __tablename__ = "ratings"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    content_hash: Mapped[str] = mapped_column(String(64))
    terminal_id: Mapped[int] = mapped_column(ForeignKey("terminals.id"))
    store_id: Mapped[str] = mapped_column(String(64))
    score: Mapped[int] = mapped_column(Integer)
    reasons: Mapped[list[Any]]
    misuse: Mapped[bool] = mapped_column(Boolean)
    rated_terminal_at: Mapped[str] = mapped_column(String(40))
    received_at: Mapped[datetime]
    # Worked out once, when the rating arrives (central/analytics/local_time.py): the
    # store's wall clock when it was given, and the store-local day the server got it.
    # None only for rows from before these columns, until the migration fills them.
    local_date: Mapped[date | None] = mapped_column(Date)
    local_hour: Mapped[int | None] = mapped_column(Integer)
    local_dow: Mapped[int | None] = mapped_column(Integer)        # 0 Monday .. 6 Sunday
    day: Mapped[date | None] = mapped_column(Date)
    __table_args__ = (Index("ratings_by_store_time", "store_id", "received_at"),)


class Event(Base):
    __tablename__ = "events"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    content_hash: Mapped[str] = mapped_column(String(64))
    terminal_id: Mapped[int] = mapped_column(ForeignKey("terminals.id"))
    store_id: Mapped[str] = mapped_column(String(64))
    type: Mapped[str] = mapped_column(String(40))
    data: Mapped[dict[str, Any]]
    occurred_terminal_at: Mapped[str] = mapped_column(String(40))
    received_at: Mapped[datetime]
    local_date: Mapped[date | None] = mapped_column(Date)
    local_hour: Mapped[int | None] = mapped_column(Integer)
    local_dow: Mapped[int | None] = mapped_column(Integer)
    day: Mapped[date | None] = mapped_column(Date)
    __table_args__ = (Index("events_by_store_time", "store_id", "type", "received_at"),)


# The dashboard reads these counts, never the raw rows: a month of a large chain is
# millions of events, its counts a few hundred thousand rows. They are bumped in the
# transaction that stores the rows (central/analytics/rollups.py). `day` is the
# store-local date the server received the row (what a date range selects); `week` the
# Monday of that day; hour and day of week are the store's wall clock at the rating.
# Each table's key starts with the day: every dashboard query is a range of days.

class RatingCount(Base):
    __tablename__ = "rating_counts"
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    store_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    hour: Mapped[int] = mapped_column(Integer, primary_key=True)
    dow: Mapped[int] = mapped_column(Integer, primary_key=True)
    score: Mapped[int] = mapped_column(Integer, primary_key=True)
    misuse: Mapped[bool] = mapped_column(Boolean, primary_key=True)
    week: Mapped[date] = mapped_column(Date)
    count: Mapped[int] = mapped_column(BigInteger)


class ReasonCount(Base):
    __tablename__ = "reason_counts"
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    store_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    reason: Mapped[str] = mapped_column(String(40), primary_key=True)
    score: Mapped[int] = mapped_column(Integer, primary_key=True)
    misuse: Mapped[bool] = mapped_column(Boolean, primary_key=True)
    count: Mapped[int] = mapped_column(BigInteger)


class EventCount(Base):
    __tablename__ = "event_counts"
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    store_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    type: Mapped[str] = mapped_column(String(40), primary_key=True)
    hour: Mapped[int] = mapped_column(Integer, primary_key=True)
    dow: Mapped[int] = mapped_column(Integer, primary_key=True)
    week: Mapped[date] = mapped_column(Date)
    count: Mapped[int] = mapped_column(BigInteger)


class ZeroResultCount(Base):
    """Zero-result searches by their text, folded (case, spaces) so that variants meet."""

    __tablename__ = "zero_result_counts"
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    store_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    text: Mapped[str] = mapped_column(String(100), primary_key=True)
    count: Mapped[int] = mapped_column(BigInteger)


class StaffSession(Base):
    """A dashboard login. The browser holds a random token; only its hash is kept, so a
    copy of the database logs no one in. Deleted at logout; refused once expired."""

    __tablename__ = "staff_sessions"
    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff_users.id", ondelete="CASCADE"),
                                          index=True)
    csrf_token: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime]
    expires_at: Mapped[datetime] = mapped_column(index=True)


class RateLimit(Base):
    """A limited key's allowance (central/limits.py): `full_at` is the moment, in seconds
    since the epoch, at which every try it allows is available again. A key past that
    moment is as good as absent, and may be deleted."""

    __tablename__ = "rate_limits"
    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    full_at: Mapped[float] = mapped_column(Float(precision=53), index=True)


class MailMessage(Base):
    """A customer e-mail, written whole when it is queued (central/mail/queue.py) and
    kept with its fate: queued, sending (a sender holds it until `lease_until`), sent,
    refused (the mail server said no for good) or bounced (reported undeliverable after
    it was sent). One message per order and kind: a status reached once mails once."""

    __tablename__ = "mail_messages"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    # Sent as the Message-ID header at every attempt: a receiver can tell a repeat.
    message_id: Mapped[str] = mapped_column(String(200), unique=True)
    order_id: Mapped[int | None] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"))
    # Or the reservation it is about (central/reservations.py).
    reservation_id: Mapped[int | None] = mapped_column(
        ForeignKey("reservations.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(40))
    recipient: Mapped[str] = mapped_column(String(320))
    language: Mapped[str] = mapped_column(String(5))
    subject: Mapped[str] = mapped_column(String(300))
    body_text: Mapped[str] = mapped_column(Text)
    body_html: Mapped[str] = mapped_column(Text)
    state: Mapped[str] = mapped_column(String(10), default="queued")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime]
    lease_owner: Mapped[str | None] = mapped_column(String(64))
    lease_until: Mapped[datetime | None]
    last_error: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime]
    sent_at: Mapped[datetime | None]
    __table_args__ = (Index("mail_messages_due", "state", "next_attempt_at"),
                      Index("mail_messages_by_order", "order_id", "kind", unique=True),
                      Index("mail_messages_by_reservation", "reservation_id", "kind",
                            unique=True))


class Reservation(Base):
    """A variant put aside in a store for a shopper to try or buy there, until
    `hold_until`. States: held, then collected, cancelled or expired; while held, its
    quantity counts in the stock row's `held`."""

    __tablename__ = "reservations"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    idempotency_key: Mapped[str] = mapped_column(String(36), unique=True)
    request_hash: Mapped[str] = mapped_column(String(64))
    reference: Mapped[str] = mapped_column(String(20), unique=True)
    terminal_id: Mapped[int] = mapped_column(ForeignKey("terminals.id"))
    store_id: Mapped[str] = mapped_column(String(64))
    variant_sku: Mapped[str] = mapped_column(String(100))
    quantity: Mapped[int] = mapped_column(Integer)
    language: Mapped[str] = mapped_column(String(5))
    customer: Mapped[dict[str, Any]]            # name, phone, email ("" when not given)
    consent: Mapped[dict[str, Any]]
    state: Mapped[str] = mapped_column(String(10))
    created_at: Mapped[datetime]
    hold_until: Mapped[datetime]
    settled_at: Mapped[datetime | None]
    settled_by: Mapped[str] = mapped_column(String(120), default="")
    response_body: Mapped[str] = mapped_column(Text)
    __table_args__ = (Index("reservations_by_store", "store_id", "state", "hold_until"),
                      Index("reservations_due", "state", "hold_until"))


class FleetSettings(Base):
    """Settings IT set for the whole chain (scope "chain", target ""), a store or one
    terminal (target: its store_id or terminal name), as `central config push` checked
    them: by dotted key, in the terminal config's current format (central/fleet_config.py)."""

    __tablename__ = "fleet_settings"
    scope: Mapped[str] = mapped_column(String(10), primary_key=True)
    target: Mapped[str] = mapped_column(String(100), primary_key=True)
    settings: Mapped[dict[str, Any]] = mapped_column(JSON)
    source: Mapped[str] = mapped_column(Text)           # the file pushed, as it was
    pushed_at: Mapped[datetime]


class BackInStockAlert(Base):
    """A shopper's wish to be told once a variant is back in a store (`store_id`) or in any
    store (None). States: pending (until they follow the link in the confirmation e-mail),
    confirmed, sent (the one message queued), unsubscribed, expired or bounced (its
    confirmation came back undeliverable). The e-mail address is erased once the alert is
    sent or ends (central/alerts.py); the links carry tokens kept here only as SHA-256
    hashes."""

    __tablename__ = "back_in_stock_alerts"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    idempotency_key: Mapped[str] = mapped_column(String(36), unique=True)
    request_hash: Mapped[str] = mapped_column(String(64))
    terminal_id: Mapped[int] = mapped_column(ForeignKey("terminals.id"))
    variant_sku: Mapped[str] = mapped_column(String(100))
    store_id: Mapped[str | None] = mapped_column(String(64))
    email: Mapped[str] = mapped_column(String(320))           # "" once erased
    language: Mapped[str] = mapped_column(String(5))
    consent: Mapped[dict[str, Any]]
    state: Mapped[str] = mapped_column(String(15))
    confirm_token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    unsubscribe_token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime]
    confirmed_at: Mapped[datetime | None]
    ended_at: Mapped[datetime | None]
    # The Message-IDs of its confirmation and of its one back-in-stock message.
    confirmation_message_id: Mapped[str] = mapped_column(String(200), default="")
    notice_message_id: Mapped[str] = mapped_column(String(200), default="")
    response_body: Mapped[str] = mapped_column(Text)
    __table_args__ = (Index("back_in_stock_alerts_waiting", "state", "variant_sku"),)


class PrivacyErasure(Base):
    """Customers' data erased (central/privacy.py): on a person's request ("request") or
    past its retention time ("retention"), with how many records of each kind. Never who
    or what: the record of an erasure must not undo it."""

    __tablename__ = "privacy_erasures"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    done_at: Mapped[datetime]
    reason: Mapped[str] = mapped_column(String(20))
    counts: Mapped[dict[str, Any]]
