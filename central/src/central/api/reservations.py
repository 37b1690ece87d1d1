"""Reservations in a store: terminals make them (and list their own store's), staff list
and settle them. The rules are in central/reservations.py."""

from __future__ import annotations

import json
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Header, Path, Query
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field, model_validator

from central import idempotency
from central.api.deps import DB, AppSettings, CurrentTerminal
from central.api.errors import ApiError, ErrorBody
from central.api.staff_auth import CurrentStaff
from central.db.engine import Database
from central.reservations import (
    STATES,
    AlreadySettled,
    NotFound,
    Request,
    holds,
    reserve,
    settle,
)
from central.schemas import Consent, StoreId, Strict, free_text, json_int

ERRORS: dict[int | str, dict[str, Any]] = {
    status: {"model": ErrorBody} for status in (400, 401, 403, 404, 409, 413, 422)}
router = APIRouter(prefix="/v1", responses=ERRORS, tags=["reservations"])

EMAIL = r"^[^@\s\x00]+@[^@\s\x00]+\.[^@\s\x00]+$"
PHONE = r"^\+[1-9][0-9]{6,14}$"
# A shopper tries on, or buys, a few at most: more is a mistake or stock taken off sale.
MAX_QUANTITY = 5


class ReservationCustomer(Strict):
    # How the store reaches the shopper: one of the two at least (said in the schema too).
    model_config = Strict.model_config | {"json_schema_extra": {"anyOf": [
        {"required": ["email"], "properties": {"email": {"minLength": 1}}},
        {"required": ["phone"], "properties": {"phone": {"minLength": 1}}}]}}
    name: free_text(100, min_length=1)
    email: Annotated[str, Field(pattern=f"({EMAIL})|^$", max_length=254)] = ""
    phone: Annotated[str, Field(pattern=f"({PHONE})|^$")] = ""

    @model_validator(mode="after")
    def reachable(self) -> ReservationCustomer:
        if not self.email and not self.phone:
            raise ValueError("give a phone number or an e-mail address")
        return self


class ReservationIn(Strict):
    store_id: StoreId
    sku: free_text(100, min_length=1)
    quantity: json_int(ge=1, le=MAX_QUANTITY) = 1
    language: Literal["fr", "en"]
    customer: ReservationCustomer
    consent: Consent


class ReservationOut(BaseModel):
    reservation_id: str
    reference: str
    state: str
    store_id: str
    store_name: str
    sku: str
    quantity: int
    created_at: str
    hold_until: str


class Hold(BaseModel):
    reference: str
    state: str
    store_id: str
    sku: str
    name: str
    size: str | None
    color: str | None
    quantity: int
    customer: dict[str, str]
    language: str
    created_at: str
    hold_until: str
    settled_at: str | None
    settled_by: str


class HoldList(BaseModel):
    reservations: list[Hold]


StateName = Literal["held", "collected", "cancelled", "expired"]
ReferenceInPath = Annotated[free_text(40), Path(examples=["RES-K3MX9P"])]


@router.post("/reservations", status_code=201, response_model=ReservationOut,
             summary="Hold a variant in a store for a shopper, once whatever the retries",
             responses={409: {"model": ErrorBody,
                              "description": "The store cannot promise that many"}})
async def post_reservation(db: DB, caller: CurrentTerminal, settings: AppSettings,
                           reservation: ReservationIn,
                           idempotency_key: Annotated[str | None, Header(
                               description="The reservation's UUID, made once on the "
                                           "terminal and sent with every retry.")] = None
                           ) -> JSONResponse:
    key = idempotency.checked_key(idempotency_key)
    request = Request(reservation.store_id, reservation.sku, reservation.quantity,
                      reservation.language, reservation.customer.model_dump(),
                      reservation.consent.model_dump())
    stored = await run_in_threadpool(
        reserve, db, caller.terminal_id, key, idempotency.fingerprint(reservation),
        request, settings.reservations, settings.mail)
    return JSONResponse(json.loads(stored.body), status_code=stored.status)


@router.get("/store/reservations", response_model=HoldList,
            summary="This terminal's store's reservations, the ones to collect first")
def store_reservations(db: DB, caller: CurrentTerminal,
                       state: Annotated[list[StateName] | None, Query()] = None
                       ) -> dict[str, Any]:
    return {"reservations": holds(db, caller.store_id, tuple(state or STATES))}


@router.get("/staff/reservations", response_model=HoldList, tags=["staff"],
            summary="A store's reservations, the ones to collect first")
def staff_reservations(db: DB, _: CurrentStaff, store_id: Annotated[StoreId, Query()],
                       state: Annotated[list[StateName] | None, Query()] = None,
                       limit: Annotated[int, Query(ge=1, le=500)] = 200) -> dict[str, Any]:
    return {"reservations": holds(db, store_id, tuple(state or STATES), limit)}


class SettleIn(Strict):
    state: Literal["collected", "cancelled"]


@router.post("/staff/reservations/{reference}/state", response_model=Hold, tags=["staff"],
             summary="Mark a held reservation collected or cancelled")
def staff_settle(db: DB, staff: CurrentStaff, reference: ReferenceInPath,
                 change: SettleIn) -> dict[str, Any]:
    return _settled(db, reference, change.state, f"staff {staff.username}")


@router.post("/store/reservations/{reference}/state", response_model=Hold,
             summary="Mark one of this store's held reservations collected or cancelled")
def terminal_settle(db: DB, caller: CurrentTerminal, reference: ReferenceInPath,
                    change: SettleIn) -> dict[str, Any]:
    return _settled(db, reference, change.state, f"terminal {caller.name}", caller.store_id)


def _settled(db: Database, reference: str, state: str, by: str,
             store_id: str | None = None) -> dict[str, Any]:
    try:
        return settle(db, reference, state, by, store_id)
    except NotFound as missing:
        raise ApiError(404, "not_found", str(missing)) from None
    except AlreadySettled as settled:
        raise ApiError(409, "not_held", str(settled)) from None
