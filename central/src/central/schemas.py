"""Request and response bodies of docs/api.md. Unknown fields are refused."""

from __future__ import annotations

import re
from datetime import datetime
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

# PostgreSQL cannot store U+0000 in text, and no one types it on a kiosk: free text
# refuses it, in the contract (this pattern) and in the server (refuse_nul, whose message
# says what is wrong better than a pattern would).
NO_NUL_PATTERN = r"^[^\x00]*$"


def refuse_nul(value: str) -> str:
    if "\x00" in value:
        raise PydanticCustomError("nul_character", "must not contain the NUL character")
    return value


def free_text(max_length: int, min_length: int | None = None) -> Any:
    """Free text: bounded, and without NUL."""
    return Annotated[str, Field(min_length=min_length, max_length=max_length,
                                json_schema_extra={"pattern": NO_NUL_PATTERN}),
                     AfterValidator(refuse_nul)]


def _whole_float_as_int(value: Any) -> Any:
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def json_int(**bounds: int) -> Any:
    """An integer as JSON Schema sees one, so as the contract does: 3.0 is the integer 3
    (JSON has a single kind of number); `true` and "3" are not, and strict models refuse
    them. The bounds come before the validator, or they would vanish from the OpenAPI."""
    return Annotated[int, Field(**bounds), BeforeValidator(_whole_float_as_int)]

# RFC 3339's date-time, whose offset is never left out ("T" and "Z" may be lower case).
RFC_3339 = re.compile(r"([0-9]{4}-[0-9]{2}-[0-9]{2}[Tt][0-9]{2}:[0-9]{2}:[0-9]{2})"
                      r"(\.[0-9]{1,9})?([Zz]|[+-][0-9]{2}:[0-9]{2})")
CANONICAL_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def rfc_3339_time(value: str) -> str:
    """A terminal's time, kept as written once known to be a real moment (with "T" and
    "Z" in capitals, as Python and the analytics read them)."""
    match = RFC_3339.fullmatch(value)
    try:
        if match is None:
            raise ValueError(value)
        date_time, fraction, offset = match.group(1), match.group(2) or "", match.group(3)
        # Whether that month, day, hour and offset exist (Python reads 6 decimals at most).
        datetime.fromisoformat((date_time + fraction[:7] + offset).upper()
                               .replace("Z", "+00:00"))
    except ValueError:
        raise PydanticCustomError(
            "rfc_3339", "must be an RFC 3339 time with its offset, as "
                        "2026-11-24T15:03:12+01:00") from None
    return value.upper()


def canonical_uuid(value: str) -> str:
    if not CANONICAL_UUID.fullmatch(value):
        raise PydanticCustomError(
            "canonical_uuid", "must be a UUID written in lower case, as "
                              "0b7e4c2a-5d1f-4e8a-9c3b-2f6d8e1a7b90")
    return value


Reference = Annotated[str, Field(pattern=r"^[A-Z0-9-]{4,20}$")]
# orders.total_cents is a 32-bit integer (PostgreSQL's INTEGER): over 21 million euros.
MAX_TOTAL_CENTS = 2**31 - 1
StoreId = free_text(64, min_length=1)
TerminalTime = Annotated[str, Field(max_length=40, json_schema_extra={"format": "date-time"}),
                         AfterValidator(rfc_3339_time)]
# The id a terminal gives a rating or an event: one spelling per id, so that the same
# UUID in capitals is not taken for another item.
ItemId = Annotated[str, Field(json_schema_extra={"format": "uuid",
                                                 "pattern": f"^{CANONICAL_UUID.pattern}$"}),
                   AfterValidator(canonical_uuid)]


class Strict(BaseModel):
    # No coercion either: `true` or "3" where the contract says integer is a fault of the
    # terminal to report, not to guess at.
    model_config = ConfigDict(extra="forbid", strict=True)


class Address(Strict):
    line1: free_text(200, min_length=1)
    line2: free_text(200) = ""
    postal_code: Annotated[str, Field(pattern=r"^[0-9]{5}$")]
    city: free_text(100, min_length=1)
    country: Literal["FR"]


class Customer(Strict):
    first_name: free_text(100, min_length=1)
    last_name: free_text(100, min_length=1)
    email: Annotated[str, Field(pattern=r"^[^@\s\x00]+@[^@\s\x00]+\.[^@\s\x00]+$",
                                max_length=254)]
    phone: Annotated[str, Field(pattern=r"^\+[1-9][0-9]{6,14}$")]
    address: Address
    instructions: free_text(300) = ""


class Delivery(Strict):
    method: Annotated[str, Field(pattern=r"^[a-z_]{1,30}$")]
    fee_cents: json_int(ge=0, le=100_000)


class OrderLineIn(Strict):
    sku: free_text(100, min_length=1)
    name: free_text(300, min_length=1)
    size: free_text(50) | None = None
    color: free_text(50) | None = None
    quantity: json_int(ge=1, le=99)
    unit_price_cents: json_int(ge=0, le=10_000_000)


class Consent(Strict):
    privacy_notice: free_text(40, min_length=1)
    given_terminal_at: TerminalTime


# docs/api.md's order, given in the OpenAPI too: a client has a valid body to start from,
# and the contract test sends it, so the 201 path is exercised as well.
ORDER_EXAMPLE = {
    "store_id": "paris-rivoli", "reference": "R7-K3MX9P",
    "placed_terminal_at": "2026-11-24T15:03:12+01:00", "language": "fr",
    "customer": {"first_name": "Jeanne", "last_name": "Dupont-Lefèvre",
                 "email": "jeanne.dupont@example.fr", "phone": "+33612345678",
                 "address": {"line1": "12 rue des Lilas", "line2": "", "postal_code": "69003",
                             "city": "Lyon", "country": "FR"},
                 "instructions": "Code 4512B"},
    "delivery": {"method": "standard", "fee_cents": 490},
    # The demo catalog's price: the server would refuse a quote far below it.
    "lines": [{"sku": "MJ01-XS-Red", "name": "Beaumont Summit Kit", "size": "XS",
               "color": "Red", "quantity": 1, "unit_price_cents": 4200}],
    "total_cents": 4690, "currency": "EUR",
    "consent": {"privacy_notice": "2026-01", "given_terminal_at": "2026-11-24T15:02:40+01:00"},
}
ORDER_ID_EXAMPLE = "3f0c9a57-1d7e-4c43-9a4e-3c1f1c6f2b10"


class OrderIn(Strict):
    model_config = ConfigDict(json_schema_extra={"examples": [ORDER_EXAMPLE]})

    store_id: StoreId
    reference: Reference
    placed_terminal_at: TerminalTime
    language: Literal["fr", "en"]
    customer: Customer
    delivery: Delivery
    lines: Annotated[list[OrderLineIn], Field(min_length=1, max_length=50)]
    total_cents: json_int(ge=0, le=MAX_TOTAL_CENTS)
    currency: Annotated[str, Field(pattern=r"^[A-Z]{3}$")]
    consent: Consent

    @model_validator(mode="after")
    def _total_adds_up(self) -> OrderIn:
        expected = sum(line.quantity * line.unit_price_cents for line in self.lines) \
            + self.delivery.fee_cents
        if self.total_cents != expected:
            raise ValueError(f"total_cents must be {expected}: the lines plus the fee")
        return self


class OrderLineOut(BaseModel):
    sku: str
    quantity: int
    unit_price_cents: int
    server_unit_price_cents: int | None
    known_sku: bool
    # Absent from the answers replayed for orders stored before the stock check existed.
    stock_in_chain: int | None = None


class OrderOut(BaseModel):
    order_id: str
    reference: str
    status: str
    received_at: str
    price_mismatch: bool
    stock_shortfall: bool = False
    lines: list[OrderLineOut]


class OrderStatusLine(BaseModel):
    sku: str
    name: str
    quantity: int
    unit_price_cents: int


class OrderStatus(BaseModel):
    reference: str
    status: str
    received_at: str
    store_id: str
    total_cents: int
    currency: str
    lines: list[OrderStatusLine]


# --- staff ---------------------------------------------------------------------------

OrderStatusName = Literal["received", "awaiting_payment", "paid", "shipped", "delivered",
                          "cancelled"]


class StatusChangeIn(Strict):
    status: OrderStatusName
    note: free_text(1000) = ""


class StaffOrderSummary(BaseModel):
    reference: str
    store_id: str
    status: str
    received_at: str
    total_cents: int
    currency: str
    price_mismatch: bool
    stock_shortfall: bool


class StaffOrderList(BaseModel):
    orders: list[StaffOrderSummary]


class StaffOrderLine(BaseModel):
    sku: str
    name: str
    size: str | None
    color: str | None
    quantity: int
    unit_price_cents: int
    server_unit_price_cents: int | None
    known_sku: bool
    stock_in_chain: int | None


class HistoryEntry(BaseModel):
    status: str
    at: str
    by: str
    note: str


class MailMessageOut(BaseModel):
    """A customer e-mail about the order and its fate (docs/api.md, "Customer e-mails")."""

    kind: Literal["order_received", "awaiting_payment", "shipped", "cancelled"]
    recipient: str
    state: Literal["queued", "sending", "sent", "refused", "bounced"]
    attempts: int
    message_id: str
    created_at: str
    sent_at: str | None
    next_attempt_at: str | None
    last_error: str


class CustomerMessages(BaseModel):
    """What the server tells customers by e-mail, for the terminals' confirmation screen."""

    order_email: bool
    payment_link: bool


class StaffOrder(StaffOrderSummary):
    order_id: str
    terminal_id: int
    placed_terminal_at: str
    language: str
    customer: dict[str, Any]
    delivery: dict[str, Any]
    consent: dict[str, Any]
    lines: list[StaffOrderLine]
    history: list[HistoryEntry]
    allowed_next: list[str]
    messages: list[MailMessageOut]


class RatingIn(Strict):
    id: ItemId
    store_id: StoreId
    score: json_int(ge=1, le=4)
    reasons: Annotated[list[Annotated[str, Field(pattern=r"^[a-z0-9_]{1,40}$")]],
                       Field(max_length=10)] = []
    rated_terminal_at: TerminalTime
    misuse: bool = False


class EventIn(Strict):
    id: ItemId
    store_id: StoreId
    type: Annotated[str, Field(pattern=r"^[a-z_]{1,40}$")]
    occurred_terminal_at: TerminalTime
    data: dict[str, Any] = {}

    @field_validator("data")
    @classmethod
    def _small(cls, data: dict[str, Any]) -> dict[str, Any]:
        import json
        if len(json.dumps(data)) > 4096:
            raise ValueError("must be at most 4 KiB of JSON")
        return data


class BatchItem(BaseModel):
    """The envelope's view of an item: an object with a UUID; the rest is checked alone."""

    model_config = ConfigDict(extra="allow")
    id: ItemId
    store_id: Any = None


class BatchIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    items: Annotated[list[BatchItem], Field(min_length=1, max_length=500)]


class ItemOutcome(BaseModel):
    id: str
    status: Literal["created", "duplicate", "rejected"]
    error: str | None = None
    message: str | None = None


class BatchOut(BaseModel):
    results: list[ItemOutcome]


class HeartbeatIn(Strict):
    version: free_text(40)
    terminal_time: TerminalTime
    last_pull_at: TerminalTime | None = None
    last_push_at: TerminalTime | None = None
    queue: dict[Literal["order", "rating", "event", "dead"], json_int(ge=0)]
    # The config format the terminal reads and the fleet settings' revision it had kept
    # ("": none yet); absent from a terminal from before them, shown to staff as unknown.
    config_version: json_int(ge=1) | None = None
    config_revision: free_text(64) | None = None


class FleetConfigOut(BaseModel):
    """The settings IT set for this terminal (central/fleet_config.py), by dotted key."""

    version: int
    revision: str
    settings: dict[str, Any]


class RetentionDays(BaseModel):
    """How many days the server keeps each kind of customer data (central/privacy.py),
    for the privacy notice terminals show."""

    orders: int
    reservations: int
    alerts: int
    refusals: int
    mail_messages: int


class HeartbeatOut(BaseModel):
    server_time: str
    clock_drift_seconds: float
    customer_messages: CustomerMessages
    retention_days: RetentionDays
    config: FleetConfigOut


class StockInStore(BaseModel):
    store_id: str
    quantity: int
    taken_at: str
    restock_date: str | None


class StockOut(BaseModel):
    sku: str
    server_time: str
    stores: list[StockInStore]
