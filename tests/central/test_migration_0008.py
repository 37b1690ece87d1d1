"""Migration 0008 on a database that already holds orders and repeated refusals: one
refusal is kept per key, and each reference prefix goes to the store of its first order,
on SQLite and PostgreSQL."""

from __future__ import annotations

from sqlalchemy import select, text

from central.db import models
from central.db.schema import upgrade

WHEN = "2026-11-24 14:03:40+00:00"


def test_refusals_kept_once_per_key_and_prefixes_given_to_their_first_store(database_at):
    db = database_at("0007")
    with db.engine.begin() as connection:
        for number, store in ((1, "paris-rivoli"), (2, "lyon-republique")):
            connection.execute(text(
                "INSERT INTO terminals (id, name, store_id, token_hash, created_at) "
                "VALUES (:id, :name, :store, :hash, :at)"),
                {"id": number, "name": f"t{number}", "store": store, "hash": f"h{number}",
                 "at": WHEN})
        for number, (reference, terminal, store) in enumerate((
                ("K7D-AAAAAA", 1, "paris-rivoli"), ("K7D-BBBBBB", 2, "lyon-republique"),
                ("LY1-CCCCCC", 2, "lyon-republique"), ("NODASH", 1, "paris-rivoli")), 1):
            connection.execute(text(
                "INSERT INTO orders (id, idempotency_key, request_hash, reference, "
                "terminal_id, store_id, status, received_at, placed_terminal_at, language, "
                "customer, delivery, consent, total_cents, currency, price_mismatch, "
                "stock_shortfall, response_status, response_body) VALUES (:id, :key, 'h', "
                ":reference, :terminal, :store, 'received', :at, '2026-11-24T15:03:12+01:00', "
                "'fr', '{}', '{}', '{}', 100, 'EUR', false, false, 201, '{}')"),
                {"id": number, "key": f"key-{number}", "reference": reference,
                 "terminal": terminal, "store": store, "at": WHEN})
        for number, (key, message) in enumerate((("k1", "first"), ("k1", "second"),
                                                 ("k1", "latest"), ("k2", "only")), 1):
            connection.execute(text(
                "INSERT INTO order_refusals (id, reference, idempotency_key, store_id, "
                "terminal_id, error, message, refused_at) VALUES (:id, 'R9-XXXXXX', :key, "
                "'paris-rivoli', 1, 'item_withdrawn', :message, :at)"),
                {"id": number, "key": key, "message": message, "at": WHEN})
    upgrade(db)
    with db.reading() as session:
        kept = {refusal.idempotency_key: refusal.message
                for refusal in session.scalars(select(models.OrderRefusal))}
        assert kept == {"k1": "latest", "k2": "only"}
        owners = {owner.prefix: owner.store_id
                  for owner in session.scalars(select(models.ReferencePrefix))}
        assert owners == {"K7D": "paris-rivoli", "LY1": "lyon-republique",
                          "NODASH": "paris-rivoli"}
