"""Back-in-stock alerts: terminals ask for them (POST /v1/alerts); shoppers confirm and
unsubscribe through the links of their e-mails, and see the product page the message links
to. The rules are in central/alerts.py; the pages' words in central/alert_pages.py."""

from __future__ import annotations

import json
from typing import Annotated, Any, Literal

from email_validator import EmailNotValidError, validate_email
from fastapi import APIRouter, Header, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, JSONResponse, Response
from pydantic import BaseModel, Field, field_validator

from central import alert_pages, alerts, idempotency
from central.api.deps import DB, AppSettings, CurrentTerminal
from central.api.errors import ErrorBody
from central.db import models
from central.schemas import Consent, StoreId, Strict, free_text
from central.status_page import choose_language, money

ERRORS: dict[int | str, dict[str, Any]] = {
    status: {"model": ErrorBody} for status in (400, 401, 403, 404, 413, 422)}
router = APIRouter(prefix="/v1", responses=ERRORS, tags=["alerts"])
pages = APIRouter(include_in_schema=False)


class AlertIn(Strict):
    sku: free_text(100, min_length=1)
    # The store whose stock counts; null: any store of the chain.
    store_id: StoreId | None
    email: Annotated[str, Field(min_length=3, max_length=254)]
    language: Literal["fr", "en"]
    consent: Consent

    @field_validator("email")
    @classmethod
    def deliverable_form(cls, value: str) -> str:
        try:
            return validate_email(value, check_deliverability=False).normalized
        except EmailNotValidError as problem:
            raise ValueError(f"not an e-mail address: {problem}") from None


class AlertOut(BaseModel):
    alert_id: str
    state: str
    sku: str
    store_id: str | None
    created_at: str


@router.post("/alerts", status_code=201, response_model=AlertOut,
             summary="Ask to be e-mailed once when a variant is back in stock",
             responses={503: {"model": ErrorBody,
                              "description": "The server sends no e-mail"}})
async def post_alert(db: DB, caller: CurrentTerminal, settings: AppSettings, alert: AlertIn,
                     http: Request,
                     idempotency_key: Annotated[str | None, Header()] = None) -> JSONResponse:
    key = idempotency.checked_key(idempotency_key)
    request = alerts.Request(alert.sku, alert.store_id, alert.email, alert.language,
                             alert.consent.model_dump())
    stored = await run_in_threadpool(
        alerts.ask, db, caller.terminal_id, key, idempotency.fingerprint(alert),
        request, settings.mail)
    if not stored.replayed and (worker := getattr(http.app.state, "mail_worker", None)):
        worker.wake()       # the confirmation e-mail goes now, not at the next poll
    return JSONResponse(json.loads(stored.body), status_code=stored.status)


Lang = Annotated[str | None, Query()]
AcceptLanguage = Annotated[str | None, Header()]


def _page(content: str, status: int = 200) -> HTMLResponse:
    return HTMLResponse(content, status_code=status, headers=alert_pages.HEADERS)


@pages.get("/alerts/confirm/{token}", response_class=HTMLResponse)
def confirm_form(token: str, db: DB, lang: Lang = None,
                 accept_language: AcceptLanguage = None) -> HTMLResponse:
    language = choose_language(lang, accept_language)
    try:
        state = alerts.state_of(db, token, confirming=True)
    except alerts.NotFound:
        return _page(alert_pages.message_page(language, "unknown"), 404)
    if state == alerts.PENDING:
        return _page(alert_pages.confirm_page(language))
    return _page(alert_pages.message_page(
        language, "confirmed" if state == alerts.CONFIRMED else "ended"))


@pages.post("/alerts/confirm/{token}", response_class=HTMLResponse)
def confirm(token: str, db: DB, lang: Lang = None,
            accept_language: AcceptLanguage = None) -> HTMLResponse:
    language = choose_language(lang, accept_language)
    try:
        state = alerts.confirm(db, token)
    except alerts.NotFound:
        return _page(alert_pages.message_page(language, "unknown"), 404)
    return _page(alert_pages.message_page(
        language, "confirmed" if state == alerts.CONFIRMED else "ended"))


@pages.get("/alerts/unsubscribe/{token}", response_class=HTMLResponse)
def unsubscribe(token: str, db: DB, lang: Lang = None,
                accept_language: AcceptLanguage = None) -> HTMLResponse:
    """One click, no login: the link itself unsubscribes."""
    language = choose_language(lang, accept_language)
    try:
        alerts.unsubscribe(db, token)
    except alerts.NotFound:
        return _page(alert_pages.message_page(language, "unknown"), 404)
    return _page(alert_pages.message_page(language, "unsubscribed"))


@pages.post("/alerts/unsubscribe/{token}", response_class=HTMLResponse)
async def unsubscribe_by_post(token: str, db: DB, http: Request, lang: Lang = None,
                              accept_language: AcceptLanguage = None) -> Response:
    """A mail client's one-click button (RFC 8058, the message's List-Unsubscribe header)
    unsubscribes and gets no page: 204. Any other POST gets the page, as the link opened."""
    if not alert_pages.one_click_unsubscribe(http.headers.get("content-type", ""),
                                             await http.body()):
        return await run_in_threadpool(unsubscribe, token, db, lang, accept_language)
    try:
        await run_in_threadpool(alerts.unsubscribe, db, token)
    except alerts.NotFound:
        return Response(status_code=404)
    return Response(status_code=204)


@pages.get("/p/{sku}", response_class=HTMLResponse)
def product(sku: str, db: DB, lang: Lang = None,
            accept_language: AcceptLanguage = None) -> HTMLResponse:
    language = choose_language(lang, accept_language)
    with db.reading() as session:
        variant = session.get(models.Variant, sku)
        if variant is None:
            return _page(alert_pages.message_page(language, "unknown"), 404)
        item = alerts._item(variant, language)
        cents = variant.special_price_cents or variant.price_cents
        stores = [f"{store.name}, {store.postal_code} {store.city}"
                  for store in alerts.stores_with(session, variant.sku)]
    return _page(alert_pages.product_page(language, item.name, item.size, item.color,
                                          money(cents, "EUR", language), stores))
