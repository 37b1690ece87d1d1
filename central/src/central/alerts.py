"""Back-in-stock alerts: "tell me when it's back" from a kiosk, for one variant in one
store or in any store.

An alert waits in `pending` until the shopper follows the link of its confirmation
e-mail (double opt-in), then in `confirmed` until the variant can be promised again
(stock less reservations above zero) where they chose: `queue_due` then queues the one
message and marks the alert `sent` in the same transaction, under a row lock, so two
passes (an import and the server's sender, or two servers) never send it twice. The
e-mail address is erased as the message is queued, and from every alert still waiting
after `AlertSettings.keep_days`. The links carry random tokens, kept here only hashed.
"""

from __future__ import annotations

import hashlib
import json
import logging
import secrets
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, or_, select, update
from sqlalchemy.orm import Session

from central import idempotency, privacy
from central.alert_settings import AlertSettings
from central.api.errors import ApiError
from central.db import models
from central.db.engine import Database, iso, utc_now
from central.idempotency import Stored
from central.mail.alert_messages import BACK_IN_STOCK, CONFIRM, AlertItem, alert_message
from central.mail.queue import QUEUED, SENDING, queue_message
from central.mail.settings import MailSettings

log = logging.getLogger("central.alerts")

PENDING, CONFIRMED, SENT = "pending", "confirmed", "sent"
UNSUBSCRIBED, EXPIRED, BOUNCED = "unsubscribed", "expired", "bounced"
STATES = (PENDING, CONFIRMED, SENT, UNSUBSCRIBED, EXPIRED, BOUNCED)
_WAITING = (PENDING, CONFIRMED)


@dataclass(frozen=True)
class Request:
    """An alert as a terminal asks for it (checked by the API's schema)."""

    sku: str
    store_id: str | None
    email: str
    language: str
    consent: dict[str, str]


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def confirm_url(mail: MailSettings, token: str, language: str) -> str:
    return f"{mail.public_url.rstrip('/')}/alerts/confirm/{token}?lang={language}"


def unsubscribe_url(mail: MailSettings, token: str, language: str) -> str:
    return f"{mail.public_url.rstrip('/')}/alerts/unsubscribe/{token}?lang={language}"


def product_url(mail: MailSettings, settings: AlertSettings, sku: str, language: str) -> str:
    if settings.product_url_template:
        return settings.product_url_template.format(sku=sku)
    return f"{mail.public_url.rstrip('/')}/p/{sku}?lang={language}"


def ask(db: Database, terminal_id: int, key: str, fingerprint: str, request: Request,
        mail: MailSettings, now: datetime | None = None) -> Stored:
    """Record the alert and queue its confirmation e-mail, once per idempotency `key`."""
    now = now or utc_now()
    if not mail.enabled:
        raise ApiError(503, "alerts_unavailable",
                       "this server sends no e-mail (CENTRAL_SMTP_HOST is not set), so it "
                       "cannot take back-in-stock alerts")
    with db.writing() as session:
        known = idempotency.replay(session, models.BackInStockAlert, key, fingerprint, "alert")
        if known is not None:
            return known
        variant = session.get(models.Variant, request.sku)
        if variant is None:
            raise ApiError(404, "not_found", f"no variant {request.sku!r}")
        wanted = None
        if request.store_id is not None:
            wanted = session.get(models.Store, request.store_id)
            if wanted is None:
                raise ApiError(404, "not_found", f"no store {request.store_id!r}")
        terminal = session.get(models.Terminal, terminal_id)
        confirm_token, unsubscribe_token = secrets.token_urlsafe(32), secrets.token_urlsafe(32)
        alert = models.BackInStockAlert(
            idempotency_key=key, request_hash=fingerprint, terminal_id=terminal_id,
            variant_sku=variant.sku, store_id=request.store_id, email=request.email,
            language=request.language, consent=request.consent, state=PENDING,
            confirm_token_hash=token_hash(confirm_token),
            unsubscribe_token_hash=token_hash(unsubscribe_token), created_at=now,
            confirmation_message_id="", notice_message_id="", response_body="")
        alert.response_body = json.dumps(
            {"alert_id": key, "state": PENDING, "sku": variant.sku,
             "store_id": request.store_id, "created_at": iso(now)})
        session.add(alert)
        session.flush()
        asked_at = session.get(models.Store, terminal.store_id)
        rendered = alert_message(
            CONFIRM, request.language, _item(variant, request.language),
            asked_at.name if asked_at else terminal.store_id,
            wanted.name if wanted else None,
            confirm_url(mail, confirm_token, request.language),
            unsubscribe_url(mail, unsubscribe_token, request.language), [])
        alert.confirmation_message_id = _queue(session, alert, CONFIRM, rendered, mail,
                                               now).message_id
        return Stored(201, alert.response_body, replayed=False)


class NotFound(LookupError):
    pass


def confirm(db: Database, token: str, now: datetime | None = None) -> str:
    """Confirm the alert the link's `token` names; returns its state after (a link
    followed twice, or after the alert ended, changes nothing)."""
    with db.writing() as session:
        alert = _by_token(session, models.BackInStockAlert.confirm_token_hash, token)
        if alert.state == PENDING:
            alert.state, alert.confirmed_at = CONFIRMED, now or utc_now()
        return alert.state


def state_of(db: Database, token: str, confirming: bool) -> str:
    column = models.BackInStockAlert.confirm_token_hash if confirming \
        else models.BackInStockAlert.unsubscribe_token_hash
    with db.reading() as session:
        return _by_token(session, column, token).state


def unsubscribe(db: Database, token: str, now: datetime | None = None) -> str:
    """End the alert at once and erase its address; returns its state before."""
    with db.writing() as session:
        alert = _by_token(session, models.BackInStockAlert.unsubscribe_token_hash, token)
        before = alert.state
        if alert.state in _WAITING:
            _end(alert, UNSUBSCRIBED, now or utc_now())
        return before


def _by_token(session: Session, column, token: str) -> models.BackInStockAlert:
    # Tokens are URL-safe base64 of 32 bytes: anything else cannot be one.
    if not 20 <= len(token) <= 64:
        raise NotFound("no such alert")
    alert = session.scalar(select(models.BackInStockAlert)
                           .where(column == token_hash(token)).with_for_update())
    if alert is None:
        raise NotFound("no such alert")
    return alert


def _end(alert: models.BackInStockAlert, state: str, now: datetime) -> None:
    alert.state, alert.ended_at = state, now
    privacy.erase_fields(alert)


@dataclass
class DueReport:
    sent: int = 0           # back-in-stock messages queued
    expired: int = 0        # alerts ended unsent after keep_days, their addresses erased
    erased: int = 0         # recipients erased from alert messages already delivered


def queue_due(db: Database, mail: MailSettings, settings: AlertSettings,
              now: datetime | None = None) -> DueReport:
    """Queue the message of every confirmed alert whose variant is back where its shopper
    chose, end the alerts past their time, and erase the addresses of messages sent.
    Run after each stock import and by the server's mail sender between rounds."""
    now = now or utc_now()
    report = DueReport()
    alert, stock = models.BackInStockAlert, models.Stock
    available = stock.quantity - stock.held
    with db.writing() as session:
        old = session.execute(
            update(alert).where(alert.state.in_(_WAITING),
                                alert.created_at <= now - settings.keep)
            .values(state=EXPIRED, ended_at=now, **privacy.emptied(alert)))
        report.expired = old.rowcount
        if mail.enabled:
            in_stock = select(stock.variant_sku).where(
                stock.variant_sku == alert.variant_sku, available > 0,
                or_(alert.store_id.is_(None), stock.store_id == alert.store_id))
            due = session.scalars(select(alert).where(alert.state == CONFIRMED,
                                                      in_stock.exists())
                                  .order_by(alert.id).with_for_update(skip_locked=True)).all()
            for back in due:
                _queue_back_in_stock(session, back, mail, settings, now)
            report.sent = len(due)
        # The address stays on a message only while it is still to be delivered.
        ours = select(alert.confirmation_message_id).union(select(alert.notice_message_id))
        report.erased = session.execute(
            update(models.MailMessage)
            .where(models.MailMessage.message_id.in_(ours),
                   models.MailMessage.state.not_in((QUEUED, SENDING)),
                   models.MailMessage.recipient != "")
            .values(recipient="")).rowcount
    if report.sent or report.expired:
        log.info("alerts: %d back-in-stock message(s) queued, %d alert(s) expired",
                 report.sent, report.expired)
    return report


def _queue_back_in_stock(session: Session, alert: models.BackInStockAlert,
                         mail: MailSettings, settings: AlertSettings, now: datetime) -> None:
    variant = session.get(models.Variant, alert.variant_sku)
    stores = stores_with(session, alert.variant_sku)
    if alert.store_id is not None:
        # The store they chose first, then the others that have it too.
        stores.sort(key=lambda store: store.id != alert.store_id)
    unsubscribe_token = secrets.token_urlsafe(32)
    alert.unsubscribe_token_hash = token_hash(unsubscribe_token)
    rendered = alert_message(
        BACK_IN_STOCK, alert.language, _item(variant, alert.language), "", None,
        product_url(mail, settings, alert.variant_sku, alert.language),
        unsubscribe_url(mail, unsubscribe_token, alert.language),
        [f"{store.name}, {store.address}, {store.postal_code} {store.city}"
         for store in stores])
    alert.notice_message_id = _queue(session, alert, BACK_IN_STOCK, rendered, mail,
                                     now).message_id
    _end(alert, SENT, now)


def stores_with(session: Session, sku: str) -> list[models.Store]:
    """The stores that can promise `sku` now, by name."""
    stock = models.Stock
    return list(session.scalars(
        select(models.Store).join(stock, stock.store_id == models.Store.id)
        .where(stock.variant_sku == sku, stock.quantity - stock.held > 0)
        .order_by(models.Store.name)))


def _queue(session: Session, alert: models.BackInStockAlert, kind: str, rendered,
           mail: MailSettings, now: datetime) -> models.MailMessage:
    return queue_message(session, f"alert{alert.id}", kind, alert.email, alert.language,
                         rendered, mail, now)


def _item(variant: models.Variant, language: str) -> AlertItem:
    return AlertItem(_translated(variant.product.translations, language, "name",
                                 variant.product.name),
                     _translated(variant.translations, language, "size", variant.size),
                     _translated(variant.translations, language, "color", variant.color))


def _translated(translations: dict[str, Any] | None, language: str, field: str,
                default: str | None) -> str | None:
    words = (translations or {}).get(language) or {}
    value = words.get(field) if isinstance(words, dict) else None
    return value if isinstance(value, str) and value else default


def counts(db: Database) -> dict[str, int]:
    """How many alerts are in each state (for staff and the figures)."""
    alert = models.BackInStockAlert
    with db.reading() as session:
        found = dict(session.execute(select(alert.state, func.count()).group_by(alert.state))
                     .all())
    return {state: int(found.get(state, 0)) for state in STATES}


def end_after_bounce(session: Session, message_id: str, now: datetime) -> None:
    """The message `message_id` bounced: if it was an alert's confirmation, the alert ends
    (`bounced`) and its address is erased, so nothing more goes to a dead address. An
    alert whose back-in-stock message bounced has already ended."""
    alert = session.scalar(select(models.BackInStockAlert)
                           .where(models.BackInStockAlert.confirmation_message_id == message_id,
                                  models.BackInStockAlert.state.in_(_WAITING))
                           .with_for_update())
    if alert is not None:
        _end(alert, BOUNCED, now)
        log.info("alerts: alert %d ended, its confirmation bounced", alert.id)
