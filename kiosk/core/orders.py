"""Home-delivery orders: the basket, delivery options, references, and placing an order.

An order is placed by one durable write to the journal's outbox (its row is both the
order and the item the sync engine sends): once `place_order` returns, the order exists
and will reach the central server, whatever happens to the terminal or the network.
The kiosk never handles card data; the shopper pays at the till or by a link by e-mail.
"""

from __future__ import annotations

import secrets
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from enum import Enum
from typing import Any, Literal

from kiosk.core import journey, outbox
from kiosk.core.config import KioskConfig
from kiosk_contract.references import derived_prefix, new_reference

ORDER_PLACED = "order_placed"
REFERENCE_DRAWS = 5         # a reference already used comes up once in millions
DeliveryMethod = Literal["standard", "express"]


@dataclass(frozen=True)
class OrderLimits:
    max_quantity_per_line: int
    max_lines: int
    max_items: int

    @classmethod
    def from_config(cls, config: KioskConfig) -> OrderLimits:
        return cls(config.max_quantity_per_line, config.max_order_lines, config.max_order_items)


@dataclass(frozen=True)
class BasketLine:
    sku: str
    product_id: int
    name: str
    size: str | None
    color: str | None
    unit_price_cents: int       # the price the shopper was shown, quoted to the server
    quantity: int
    image: str | None = None

    @property
    def total_cents(self) -> int:
        return self.unit_price_cents * self.quantity


# A variant as a shopper reads it: the product's name, the size and the colour.
VariantWords = tuple[str, str | None, str | None]


class BasketChange(Enum):
    ADDED = "added"
    UPDATED = "updated"
    LINE_LIMIT = "line_limit"       # this variant is at its most per order
    LINES_LIMIT = "lines_limit"     # no room for another variant
    ITEMS_LIMIT = "items_limit"     # no room for another unit


class Basket:
    """What a shopper will order, line by line (one line per variant)."""

    def __init__(self, limits: OrderLimits) -> None:
        self.limits = limits
        self._lines: dict[str, BasketLine] = {}     # in the order they were added

    @property
    def lines(self) -> tuple[BasketLine, ...]:
        return tuple(self._lines.values())

    @property
    def item_count(self) -> int:
        return sum(line.quantity for line in self._lines.values())

    @property
    def subtotal_cents(self) -> int:
        return sum(line.total_cents for line in self._lines.values())

    @property
    def is_empty(self) -> bool:
        return not self._lines

    def quantity_of(self, sku: str) -> int:
        line = self._lines.get(sku)
        return line.quantity if line else 0

    def add(self, line: BasketLine) -> BasketChange:
        """Add `line.quantity` units of a variant; an existing line grows instead."""
        known = self._lines.get(line.sku)
        if known is None and len(self._lines) >= self.limits.max_lines:
            return BasketChange.LINES_LIMIT
        wanted = (known.quantity if known else 0) + line.quantity
        change = self._refusal(line.sku, wanted)
        if change is not None:
            return change
        self._lines[line.sku] = replace(line, quantity=wanted)
        return BasketChange.UPDATED if known else BasketChange.ADDED

    def set_quantity(self, sku: str, quantity: int) -> BasketChange:
        """Change a line's quantity; zero removes it."""
        known = self._lines.get(sku)
        if known is None:
            raise KeyError(sku)
        if quantity <= 0:
            del self._lines[sku]
            return BasketChange.UPDATED
        change = self._refusal(sku, quantity)
        if change is not None:
            return change
        self._lines[sku] = replace(known, quantity=quantity)
        return BasketChange.UPDATED

    def remove(self, sku: str) -> None:
        self._lines.pop(sku, None)

    def rename(self, names: dict[str, VariantWords]) -> bool:
        """The lines of `names`' variants named anew (the shopper switched language): what
        is ordered is what the shopper reads when they order. Whether any line changed."""
        changed = False
        for sku, (name, size, color) in names.items():
            line = self._lines.get(sku)
            if line is not None and (line.name, line.size, line.color) != (name, size, color):
                self._lines[sku] = replace(line, name=name, size=size, color=color)
                changed = True
        return changed

    def clear(self) -> None:
        self._lines.clear()

    def _refusal(self, sku: str, quantity: int) -> BasketChange | None:
        if quantity > self.limits.max_quantity_per_line:
            return BasketChange.LINE_LIMIT
        others = self.item_count - self.quantity_of(sku)
        if others + quantity > self.limits.max_items:
            return BasketChange.ITEMS_LIMIT
        return None


@dataclass(frozen=True)
class DeliveryOption:
    method: DeliveryMethod
    fee_cents: int
    working_days: int

    def expected_date(self, ordered_on: date) -> date:
        return add_working_days(ordered_on, self.working_days)


def delivery_options(config: KioskConfig) -> tuple[DeliveryOption, ...]:
    options = [DeliveryOption("standard", to_cents(config.standard_fee), config.standard_days)]
    if config.express_offered:
        options.append(DeliveryOption("express", to_cents(config.express_fee),
                                      config.express_days))
    return tuple(options)


def to_cents(amount: float) -> int:
    return round(amount * 100)


def add_working_days(start: date, days: int) -> date:
    """`days` working days (Monday to Friday) after `start`."""
    moment = start
    while days > 0:
        moment += timedelta(days=1)
        if moment.weekday() < 5:
            days -= 1
    return moment


def reference_prefix(config: KioskConfig) -> str:
    """IT's prefix for this terminal, or three characters drawn from its id.

    Made from the id, two terminals of a large chain may share a prefix (one in 15,625
    for a pair); the random part still keeps their references apart, and the server
    refuses a reference already taken. A prefix IT sets belongs, on the server, to the
    store that used it first: each store needs its own.
    """
    if config.reference_prefix:
        return config.reference_prefix
    return derived_prefix(config.terminal_id)


@dataclass(frozen=True)
class OrderRequest:
    """Everything the shopper chose and typed, ready to be placed."""

    store_id: str
    language: str
    currency: str
    lines: tuple[BasketLine, ...]
    customer: dict[str, Any]        # kiosk.core.validation's server-ready customer
    delivery: DeliveryOption
    privacy_notice_version: str
    consent_given_at: datetime

    @property
    def total_cents(self) -> int:
        return sum(line.total_cents for line in self.lines) + self.delivery.fee_cents


@dataclass(frozen=True)
class PlacedOrder:
    uuid: str
    reference: str
    total_cents: int
    item_count: int
    delivery: DeliveryOption
    expected_date: date
    placed_at: datetime


class EmptyOrder(ValueError):
    """An order needs at least one line."""


def place_order(journal_conn: sqlite3.Connection, request: OrderRequest, prefix: str,
                *, now: datetime | None = None, today: date | None = None,
                choose: Callable[[str], str] = secrets.choice) -> PlacedOrder:
    """Write the order durably to the journal; from then on it will reach the server.

    The delivery date promised counts from `today`, the store's day on the terminal's
    clock (kiosk/core/clock.py) as the review screen showed it; by default `now`'s.

    Raises outbox.JournalWriteError (disk full, read-only disk) with nothing written:
    the shopper must be told the order did not go through.
    """
    if not request.lines:
        raise EmptyOrder("an order needs at least one line")
    moment = now or outbox.utc_now()
    order_uuid = outbox.new_uuid()
    for draw in range(REFERENCE_DRAWS):
        reference = new_reference(prefix, choose)
        try:
            outbox.enqueue(journal_conn, "order", order_uuid,
                           order_payload(request, reference, moment), now=moment)
            break
        except sqlite3.IntegrityError:
            # The journal refuses a reference this terminal already used: draw again.
            # Whatever else it refused would be refused at every draw: give up then.
            if draw == REFERENCE_DRAWS - 1:
                raise
    placed = PlacedOrder(order_uuid, reference, request.total_cents,
                         sum(line.quantity for line in request.lines), request.delivery,
                         request.delivery.expected_date(today or moment.astimezone().date()),
                         moment)
    # Anonymous, for the store's figures; losing it loses nothing of the order.
    journey.record_event(journal_conn, request.store_id, ORDER_PLACED,
                         {"lines": len(request.lines), "items": placed.item_count,
                          "total_cents": placed.total_cents,
                          "delivery": request.delivery.method}, moment)
    return placed


def order_payload(request: OrderRequest, reference: str, placed_at: datetime) -> dict[str, Any]:
    """The body of POST /v1/orders (docs/api.md), written once and sent as is."""
    return {
        "store_id": request.store_id,
        "reference": reference,
        # Local time with its offset: the instant is exact and the store's hour reads.
        "placed_terminal_at": placed_at.astimezone().isoformat(timespec="seconds"),
        "language": request.language,
        "customer": request.customer,
        "delivery": {"method": request.delivery.method, "fee_cents": request.delivery.fee_cents},
        "lines": [{"sku": line.sku, "name": line.name, "size": line.size, "color": line.color,
                   "quantity": line.quantity, "unit_price_cents": line.unit_price_cents}
                  for line in request.lines],
        "total_cents": request.total_cents,
        "currency": request.currency,
        "consent": {"privacy_notice": request.privacy_notice_version,
                    "given_terminal_at":
                        request.consent_given_at.astimezone().isoformat(timespec="seconds")},
    }


def status_url(config: KioskConfig, reference: str) -> str:
    """The order's public page, for the QR code; '' when there is nowhere to point."""
    template = config.order_status_url_template
    return template.format(reference=reference) if template else ""
