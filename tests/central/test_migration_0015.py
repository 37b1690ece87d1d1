"""Migration 0015 on a database that already holds terminals: each one's outbox and dead
letters are filled in from its last heartbeat (unknown where it did not say them), the
terminals are found by their store on the new index, and all of it goes again on the way
down, on SQLite and PostgreSQL."""

from __future__ import annotations

import json

from alembic import command
from sqlalchemy import inspect, text

from central.db.schema import _config, upgrade

WHEN = "2026-11-24 14:03:40+00:00"
# (store, last heartbeat): a fresh one, one from before "event" was said, never heard.
TERMINALS = {
    "caisse-1": ("alpha", {"version": "2.1.0", "queue": {"order": 1, "rating": 2,
                                                         "event": 600, "dead": 3}}),
    "caisse-2": ("beta", {"version": "1.0.0", "queue": {"order": 0, "rating": 4}}),
    "caisse-3": ("alpha", None),
}


def test_queue_figures_are_filled_in_and_terminals_found_by_store(database_at):
    db = database_at("0014")
    with db.engine.begin() as connection:
        for number, (name, (store, beat)) in enumerate(TERMINALS.items(), start=1):
            connection.execute(text(
                "INSERT INTO terminals (id, name, store_id, token_hash, created_at, "
                "last_heartbeat) VALUES (:id, :name, :store, :hash, :at, :beat)"),
                {"id": number, "name": name, "store": store, "hash": f"h{number}",
                 "at": WHEN, "beat": None if beat is None else json.dumps(beat)})
    upgrade(db)

    with db.engine.connect() as connection:
        assert connection.execute(text(
            "SELECT name, outbox, dead_letters FROM terminals ORDER BY name")).all() == [
            ("caisse-1", 603, 3), ("caisse-2", None, None), ("caisse-3", None, None)]
        assert connection.execute(text(
            "SELECT name FROM terminals WHERE store_id = 'alpha' ORDER BY name")
        ).scalars().all() == ["caisse-1", "caisse-3"]
        if db.is_sqlite:
            plan = " ".join(str(row) for row in connection.execute(text(
                "EXPLAIN QUERY PLAN SELECT name FROM terminals WHERE store_id = 'alpha'")))
            assert "USING INDEX terminals_by_store" in plan
    indexes = {index["name"]: index["column_names"]
               for index in inspect(db.engine).get_indexes("terminals")}
    assert indexes["terminals_by_store"] == ["store_id"]

    with db.engine.begin() as connection:
        config = _config()
        config.attributes["connection"] = connection
        command.downgrade(config, "0014")
    inspector = inspect(db.engine)
    assert "terminals_by_store" not in {index["name"]
                                        for index in inspector.get_indexes("terminals")}
    assert not {"outbox", "dead_letters"} & {column["name"]
                                             for column in inspector.get_columns("terminals")}
