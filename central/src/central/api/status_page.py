"""GET /o/{reference}: where a customer follows an order, from the link or QR code on
the receipt. Public, server-rendered, outside the terminals' API (and its OpenAPI)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Header, Query, Request
from fastapi.responses import HTMLResponse
from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from central.api.clients import client_address
from central.api.deps import DB, AppSettings
from central.db import models
from central.db.engine import as_utc
from central.limits import Limiter
from central.status_page import (
    HEADERS,
    REFERENCE_PATTERN,
    LineView,
    OrderView,
    RefusalView,
    busy_page,
    choose_language,
    initials,
    not_found_page,
    order_page,
    refusal_page,
    unavailable_page,
)

router = APIRouter()


@router.get("/o/{reference:path}", include_in_schema=False, response_class=HTMLResponse)
def status_page(reference: str, request: Request, db: DB, settings: AppSettings,
                lang: Annotated[str | None, Query()] = None,
                accept_language: Annotated[str | None, Header()] = None) -> HTMLResponse:
    language = choose_language(lang, accept_language)
    # Public and unauthenticated: each address may ask so often, all processes together,
    # so that references cannot be tried by the thousand.
    limiter: Limiter = request.app.state.limiter
    wait = limiter.check({f"status-page:{client_address(request)}":
                          settings.status_page_rate})
    if wait:
        return HTMLResponse(busy_page(language), status_code=429,
                            headers=HEADERS | {"Retry-After": str(wait)})
    # Customers type references from a receipt: forgive case and stray spaces.
    wanted = reference.strip().upper()
    if REFERENCE_PATTERN.match(wanted):
        with db.reading() as session:
            order = _order_view(session, wanted)
            if order is not None:
                return _html(order_page(order, language, settings.mail.payment_links), 200)
            refusal = _refusal_view(session, wanted)
            if refusal is not None:
                return _html(refusal_page(refusal, language), 200)
    return _html(not_found_page(language), 404)


def unavailable_response(request: Request, headers: dict[str, str]) -> HTMLResponse:
    """503 while the database cannot be reached, in the customer's language."""
    language = choose_language(request.query_params.get("lang"),
                               request.headers.get("accept-language"))
    return HTMLResponse(unavailable_page(language), status_code=503,
                        headers=HEADERS | headers)


def _html(content: str, status: int) -> HTMLResponse:
    return HTMLResponse(content, status_code=status, headers=HEADERS)


def _order_view(session: Session, reference: str) -> OrderView | None:
    order = session.scalar(select(models.Order).where(models.Order.reference == reference)
                           .options(selectinload(models.Order.lines)))
    if order is None:
        return None
    customer = order.customer or {}
    return OrderView(
        reference=order.reference, status=order.status,
        store_name=_store_name(session, order.store_id),
        received_at=as_utc(order.received_at),
        initials=initials(str(customer.get("first_name", "")),
                          str(customer.get("last_name", ""))),
        lines=_catalog_lines(session, order.lines, order.language),
        delivery_fee_cents=int((order.delivery or {}).get("fee_cents", 0)),
        total_cents=order.total_cents, currency=order.currency)


def _catalog_lines(session: Session, lines: list[models.OrderLine],
                   language: str) -> tuple[LineView, ...]:
    """The lines as the catalog names them in the order's language, where it translates
    them: the words the shopper read when ordering. The names a terminal sent are kept for
    staff, but this page speaks for the chain: a terminal must not be able to write on it."""
    wanted = {line.sku.lower() for line in lines}
    described = {
        sku.lower(): (_in(product_texts, language, "name", name),
                      _in(variant_texts, language, "size", size),
                      _in(variant_texts, language, "color", color))
        for sku, name, size, color, product_texts, variant_texts in session.execute(
            select(models.Variant.sku, models.Product.name, models.Variant.size,
                   models.Variant.color, models.Product.translations,
                   models.Variant.translations).join(models.Product)
            .where(func.lower(models.Variant.sku).in_(wanted)))}
    return tuple(LineView(*described.get(line.sku.lower(), (None, None, None)),
                          line.quantity, line.unit_price_cents) for line in lines)


def _in(translations: dict | None, language: str, field: str, default: str | None
        ) -> str | None:
    """`field` translated into `language`, else the default language's."""
    translated = (translations or {}).get(language) or {}
    value = translated.get(field) if isinstance(translated, dict) else None
    return value if isinstance(value, str) and value else default


def _refusal_view(session: Session, reference: str) -> RefusalView | None:
    refusal = session.scalar(select(models.OrderRefusal)
                             .where(models.OrderRefusal.reference == reference)
                             .order_by(models.OrderRefusal.refused_at.desc(),
                                       models.OrderRefusal.id.desc()).limit(1))
    if refusal is None:
        return None
    return RefusalView(reference=refusal.reference,
                       store_name=_store_name(session, refusal.store_id),
                       refused_at=as_utc(refusal.refused_at), error=refusal.error)


def _store_name(session: Session, store_id: str) -> str:
    return session.scalar(select(models.Store.name).where(models.Store.id == store_id)) \
        or store_id
