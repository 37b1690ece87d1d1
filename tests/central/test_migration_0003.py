"""Migration 0003 on a database that already holds orders, on SQLite and PostgreSQL."""

from __future__ import annotations

from sqlalchemy import inspect, select, text

from central.db import models
from central.db.schema import upgrade


def test_orders_stored_before_keep_their_status_and_start_a_history(database_at):
    db = database_at("0002")
    with db.engine.begin() as connection:
        connection.execute(text(
            "INSERT INTO terminals (id, name, store_id, token_hash, created_at) "
            "VALUES (1, 't1', 'paris-rivoli', 'h', '2026-11-01 10:00:00+00:00')"))
        connection.execute(text(
            "INSERT INTO orders (id, idempotency_key, request_hash, reference, terminal_id, "
            "store_id, status, received_at, placed_terminal_at, language, customer, delivery, "
            "consent, total_cents, currency, price_mismatch, response_status, response_body) "
            "VALUES (1, 'k', 'h', 'R-OLD1', 1, 'paris-rivoli', 'paid', "
            "'2026-11-02 10:00:00+00:00', 't', 'fr', '{}', '{}', '{}', 100, 'EUR', false, "
            "201, '{}')"))
        connection.execute(text(
            "INSERT INTO order_lines (order_id, position, sku, name, quantity, "
            "unit_price_cents, known_sku) VALUES (1, 0, 'S', 'N', 1, 100, true)"))
    upgrade(db)
    with db.reading() as session:
        old = session.scalar(select(models.Order))
        assert (old.status, old.stock_shortfall) == ("paid", False)
        # Its lines survive: copying `orders` on SQLite would have deleted them.
        assert old.lines[0].stock_in_chain is None
        [entry] = old.history
        assert (entry.status, entry.changed_by) == ("paid", "before the history was kept")
    tables = set(inspect(db.engine).get_table_names())
    assert {"order_history", "order_refusals", "staff_users"} <= tables
