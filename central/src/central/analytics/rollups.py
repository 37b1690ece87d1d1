"""The counts the dashboard reads, bumped in the transaction that stores the rows.

Rows are counted in memory first, then added to the count tables with one upsert per
table and chunk (INSERT ... ON CONFLICT DO UPDATE, which SQLite and PostgreSQL both
have). Keys are written in sorted order, so two terminals' batches touching the same
counts on PostgreSQL wait for each other instead of deadlocking.
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date
from typing import Any

from sqlalchemy.dialects.postgresql import insert as postgres_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from central.analytics.local_time import week_of
from central.db import models

ZERO_RESULT_SEARCH = "zero_result_search"
SEARCH_TEXT_LIMIT = 100
_SPACES = re.compile(r"\s+")
# Half of a UTF-16 pair without the other: JSON can carry it (\ud800), no database's
# text column can hold it.
_LONE_SURROGATES = re.compile(r"[\ud800-\udfff]")
_CHUNK = 500


def fold_search_text(text: Any) -> str:
    """Zero-result searches that differ only in case or spacing count as one."""
    if not isinstance(text, str):
        return ""
    readable = _LONE_SURROGATES.sub("", text.replace("\x00", ""))
    return _SPACES.sub(" ", readable).strip().lower()[:SEARCH_TEXT_LIMIT]


class Counts:
    def __init__(self) -> None:
        self.ratings: Counter[tuple] = Counter()
        self.reasons: Counter[tuple] = Counter()
        self.events: Counter[tuple] = Counter()
        self.zero_results: Counter[tuple] = Counter()

    def add_rating(self, store_id: str, day: date, hour: int, dow: int, score: int,
                   misuse: bool, reasons: list[Any], times: int = 1) -> None:
        self.ratings[(day, store_id, hour, dow, score, bool(misuse))] += times
        # A reason listed twice in one rating counts once.
        for reason in sorted({r for r in reasons if isinstance(r, str)}):
            self.reasons[(day, store_id, reason[:40], score, bool(misuse))] += times

    def add_event(self, store_id: str, day: date, hour: int, dow: int, event_type: str,
                  data: dict[str, Any] | None, times: int = 1) -> None:
        self.events[(day, store_id, event_type, hour, dow)] += times
        if event_type == ZERO_RESULT_SEARCH:
            text = fold_search_text((data or {}).get("text"))
            if text:
                self.zero_results[(day, store_id, text)] += times

    def add_rating_row(self, row: models.Rating) -> None:
        self.add_rating(row.store_id, row.day, row.local_hour, row.local_dow, row.score,
                        row.misuse, row.reasons or [])

    def add_event_row(self, row: models.Event) -> None:
        self.add_event(row.store_id, row.day, row.local_hour, row.local_dow, row.type,
                       row.data)

    def write(self, session: Session) -> None:
        rating_keys = ("day", "store_id", "hour", "dow", "score", "misuse")
        _upsert(session, models.RatingCount, rating_keys,
                [dict(zip(rating_keys, key, strict=True), week=week_of(key[0]), count=n)
                 for key, n in sorted(self.ratings.items())])
        reason_keys = ("day", "store_id", "reason", "score", "misuse")
        _upsert(session, models.ReasonCount, reason_keys,
                [dict(zip(reason_keys, key, strict=True), count=n)
                 for key, n in sorted(self.reasons.items())])
        event_keys = ("day", "store_id", "type", "hour", "dow")
        _upsert(session, models.EventCount, event_keys,
                [dict(zip(event_keys, key, strict=True), week=week_of(key[0]), count=n)
                 for key, n in sorted(self.events.items())])
        text_keys = ("day", "store_id", "text")
        _upsert(session, models.ZeroResultCount, text_keys,
                [dict(zip(text_keys, key, strict=True), count=n)
                 for key, n in sorted(self.zero_results.items())])
        for counter in (self.ratings, self.reasons, self.events, self.zero_results):
            counter.clear()


def _upsert(session: Session, model: type, keys: tuple[str, ...],
            rows: list[dict[str, Any]]) -> None:
    table = model.__table__
    insert = sqlite_insert if session.get_bind().dialect.name == "sqlite" else postgres_insert
    for start in range(0, len(rows), _CHUNK):
        statement = insert(table).values(rows[start:start + _CHUNK])
        statement = statement.on_conflict_do_update(
            index_elements=list(keys), set_={"count": table.c.count + statement.excluded.count})
        session.execute(statement)
