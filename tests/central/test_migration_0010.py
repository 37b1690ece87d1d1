"""Migration 0010 on a database that already holds an order: the mail queue is made,
takes a message for that order, keeps one message per order and kind, and goes with the
order, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import datetime

import pytest
from sqlalchemy import delete, select, text
from sqlalchemy.exc import IntegrityError

from central.db import models
from central.db.schema import upgrade

WHEN = "2026-11-24 14:03:40+00:00"
QUEUED_AT = datetime.fromisoformat(WHEN)


def test_the_mail_queue_is_added_beside_existing_orders(database_at):
    db = database_at("0009")
    with db.engine.begin() as connection:
        connection.execute(text(
            "INSERT INTO terminals (id, name, store_id, token_hash, created_at) "
            "VALUES (1, 't1', 'paris-rivoli', 'h1', :at)"), {"at": WHEN})
        connection.execute(text(
            "INSERT INTO orders (id, idempotency_key, request_hash, reference, terminal_id, "
            "store_id, status, received_at, placed_terminal_at, language, customer, delivery, "
            "consent, total_cents, currency, price_mismatch, stock_shortfall, "
            "response_status, response_body) VALUES (1, 'key-1', 'h', 'K7D-AAAAAA', 1, "
            "'paris-rivoli', 'received', :at, '2026-11-24T15:03:12+01:00', 'fr', '{}', '{}', "
            "'{}', 100, 'EUR', false, false, 201, '{}')"), {"at": WHEN})
    upgrade(db)

    def message(kind: str, message_id: str) -> models.MailMessage:
        return models.MailMessage(
            message_id=message_id, order_id=1, kind=kind, recipient="jeanne@example.fr",
            language="fr", subject="Commande K7D-AAAAAA reçue", body_text="Bonjour",
            body_html="<p>Bonjour</p>", state="queued", attempts=0,
            next_attempt_at=QUEUED_AT, last_error="", created_at=QUEUED_AT)

    with db.writing() as session:
        session.add(message("order_received", "<a@luma.example>"))
    with pytest.raises(IntegrityError), db.writing() as session:
        session.add(message("order_received", "<b@luma.example>"))
    with db.reading() as session:
        [kept] = session.scalars(select(models.MailMessage)).all()
        assert (kept.order_id, kept.kind, kept.state) == (1, "order_received", "queued")
    with db.writing() as session:
        session.execute(delete(models.Order).where(models.Order.id == 1))
    with db.reading() as session:
        assert session.scalars(select(models.MailMessage)).all() == []

