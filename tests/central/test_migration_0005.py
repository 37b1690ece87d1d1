"""Migration 0005 on a database that already holds ratings and events: they get their
local times and are counted, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select, text

from central.db import models
from central.db.schema import upgrade


def test_rows_stored_before_are_placed_and_counted(database_at):
    db = database_at("0004")
    with db.engine.begin() as connection:
        connection.execute(text(
            "INSERT INTO terminals (id, name, store_id, token_hash, created_at) "
            "VALUES (1, 't1', 'paris-rivoli', 'h', '2026-11-01 10:00:00+00:00')"))
        for n, (score, reasons, misuse) in enumerate(((4, '["staff_helpful"]', False),
                                                      (2, '["prices", "prices"]', False),
                                                      (1, "[]", True))):
            connection.execute(text(
                "INSERT INTO ratings (id, content_hash, terminal_id, store_id, score, "
                "reasons, misuse, rated_terminal_at, received_at) VALUES (:id, 'h', 1, "
                "'paris-rivoli', :score, :reasons, :misuse, '2026-11-24T15:03:12+01:00', "
                "'2026-11-24 14:03:40+00:00')"),
                {"id": f"r{n}", "score": score, "reasons": reasons, "misuse": misuse})
        connection.execute(text(
            "INSERT INTO events (id, content_hash, terminal_id, store_id, type, data, "
            "occurred_terminal_at, received_at) VALUES ('e1', 'h', 1, 'paris-rivoli', "
            "'zero_result_search', '{\"text\": \" Doudoune  Rouge\"}', "
            "'2026-11-24T23:30:00+01:00', '2026-11-24 22:31:00+00:00')"))
    upgrade(db)
    with db.reading() as session:
        rating = session.get(models.Rating, "r0")
        assert (rating.local_hour, rating.local_dow, rating.day) == (15, 1, date(2026, 11, 24))
        counts = {(c.hour, c.score, c.misuse): (c.count, c.week)
                  for c in session.scalars(select(models.RatingCount))}
        assert counts == {(15, 4, False): (1, date(2026, 11, 23)),
                          (15, 2, False): (1, date(2026, 11, 23)),
                          (15, 1, True): (1, date(2026, 11, 23))}
        reasons = {(c.reason, c.score): c.count for c in session.scalars(
            select(models.ReasonCount))}
        assert reasons == {("staff_helpful", 4): 1, ("prices", 2): 1}
        event = session.scalar(select(models.EventCount))
        assert (event.type, event.hour, event.day, event.count) == \
            ("zero_result_search", 23, date(2026, 11, 24), 1)
        assert session.scalar(select(models.ZeroResultCount.text)) == "doudoune rouge"
