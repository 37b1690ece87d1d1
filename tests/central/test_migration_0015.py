"""Migration 0015 on a database that already holds terminals: they are kept, found by
their store on the new index, and the index goes again on the way down, on SQLite and
PostgreSQL."""

from __future__ import annotations

from alembic import command
from sqlalchemy import inspect, text

from central.db.schema import _config, upgrade

WHEN = "2026-11-24 14:03:40+00:00"


def test_terminals_are_found_by_store_on_an_index(database_at):
    db = database_at("0014")
    with db.engine.begin() as connection:
        for number, store in ((1, "alpha"), (2, "beta"), (3, "alpha")):
            connection.execute(text(
                "INSERT INTO terminals (id, name, store_id, token_hash, created_at) "
                "VALUES (:id, :name, :store, :hash, :at)"),
                {"id": number, "name": f"caisse-{number}", "store": store,
                 "hash": f"h{number}", "at": WHEN})
    upgrade(db)

    indexes = {index["name"]: index["column_names"]
               for index in inspect(db.engine).get_indexes("terminals")}
    assert indexes["terminals_by_store"] == ["store_id"]
    with db.engine.connect() as connection:
        assert connection.execute(text(
            "SELECT name FROM terminals WHERE store_id = 'alpha' ORDER BY name")
        ).scalars().all() == ["caisse-1", "caisse-3"]
        if db.is_sqlite:
            plan = " ".join(str(row) for row in connection.execute(text(
                "EXPLAIN QUERY PLAN SELECT name FROM terminals WHERE store_id = 'alpha'")))
            assert "USING INDEX terminals_by_store" in plan

    with db.engine.begin() as connection:
        config = _config()
        config.attributes["connection"] = connection
        command.downgrade(config, "0014")
    assert "terminals_by_store" not in {
        index["name"] for index in inspect(db.engine).get_indexes("terminals")}
