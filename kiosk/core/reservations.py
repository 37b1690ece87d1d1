"""Reserving a variant in a store: the shopper's details checked on the kiosk, the units
held by the central server (docs/api.md, "Reservations in a store").

A reservation needs the server there and then: the store's last units go to whoever the
server answers first, so nothing is queued for later. Offline, the kiosk says so and
offers home delivery, which does work offline.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from enum import Enum
from typing import Any

from kiosk.core.validation import FieldResult, Problem, check_email, check_first_name, check_phone

NAME, PHONE, EMAIL = "name", "phone", "email"


def check_details(fields: Mapping[str, str], default_region: str = "FR"
                  ) -> dict[str, FieldResult]:
    """The name (required), and a phone number or an e-mail address: at least one, and
    whichever is typed must be right. A contact left empty is not a mistake while the
    other is given; both empty is reported on the phone (PHONE) as REQUIRED."""
    results = {NAME: check_first_name(fields.get(NAME, ""))}
    phone, email = fields.get(PHONE, "").strip(), fields.get(EMAIL, "").strip()
    if phone:
        results[PHONE] = check_phone(phone, default_region)
    if email:
        results[EMAIL] = check_email(email)
    if not phone and not email:
        results[PHONE] = FieldResult(None, Problem.REQUIRED)
    return results


def customer_of(results: Mapping[str, FieldResult]) -> dict[str, str] | None:
    """The customer as the server takes it, or None while some detail is wrong."""
    if any(not result.ok for result in results.values()):
        return None
    return {key: results[key].value if key in results else "" for key in (NAME, PHONE, EMAIL)}


def reservation_body(store_id: str, sku: str, customer: dict[str, str], language: str,
                     privacy_notice_version: str, consent_at: datetime) -> dict[str, Any]:
    return {"store_id": store_id, "sku": sku, "quantity": 1, "language": language,
            "customer": customer,
            "consent": {"privacy_notice": privacy_notice_version,
                        "given_terminal_at": consent_at.isoformat(timespec="seconds")}}


def new_key() -> str:
    """The Idempotency-Key of one reservation, sent again with each retry of it."""
    return str(uuid.uuid4())


class Outcome(Enum):
    HELD = "held"                  # the units are put aside: a reference to show
    NOT_AVAILABLE = "not_available"  # someone was quicker: none left to promise
    OFFLINE = "offline"            # no answer: the shopper may order home delivery
    REFUSED = "refused"            # the server would not take it (staff read why)


@dataclass(frozen=True)
class Reservation:
    outcome: Outcome
    reference: str = ""
    hold_until: datetime | None = None
    store_name: str = ""
    reason: str = ""               # the server's words, for the log


def reserve(client: Any, key: str, body: dict[str, Any], timeout_s: float) -> Reservation:
    """POST it once (the caller retries with the same `key`); `client` a CentralClient."""
    from kiosk.core.sync.client import Verdict

    answer = client.post_reservation(key, body, timeout_s)
    if answer.verdict is Verdict.OK:
        held = answer.body
        return Reservation(Outcome.HELD, held["reference"],
                           datetime.fromisoformat(held["hold_until"].replace("Z", "+00:00")),
                           held["store_name"])
    if answer.status == 409 and "not_available" in answer.reason:
        return Reservation(Outcome.NOT_AVAILABLE, reason=answer.reason)
    if answer.verdict in (Verdict.UNREACHABLE, Verdict.RETRY_ITEM):
        return Reservation(Outcome.OFFLINE, reason=answer.reason)
    return Reservation(Outcome.REFUSED, reason=answer.reason)
