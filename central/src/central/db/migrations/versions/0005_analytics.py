"""Analytics: local time on ratings and events, the counts the dashboard reads, and
dashboard logins.

Rows already stored get their local times and are counted here, in Python (the same
rule as for new rows, central/analytics/local_time.py), a chunk at a time.

Revision ID: 0005
"""

from collections import Counter

import sqlalchemy as sa
from alembic import op

from central.analytics.local_time import local_times, week_of
from central.analytics.rollups import ZERO_RESULT_SEARCH, fold_search_text

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

WHEN = sa.DateTime(timezone=True)
LOCAL_COLUMNS = (("local_date", sa.Date), ("local_hour", sa.Integer),
                 ("local_dow", sa.Integer), ("day", sa.Date))


def upgrade() -> None:
    for table in ("ratings", "events"):
        with op.batch_alter_table(table, recreate="never") as batch:
            for name, kind in LOCAL_COLUMNS:
                batch.add_column(sa.Column(name, kind))
    op.create_table(
        "rating_counts",
        *_key("day", sa.Date), *_key("store_id", sa.String(64)), *_key("hour", sa.Integer),
        *_key("dow", sa.Integer), *_key("score", sa.Integer), *_key("misuse", sa.Boolean),
        sa.Column("week", sa.Date, nullable=False),
        sa.Column("count", sa.BigInteger, nullable=False))
    op.create_table(
        "reason_counts",
        *_key("day", sa.Date), *_key("store_id", sa.String(64)),
        *_key("reason", sa.String(40)), *_key("score", sa.Integer),
        *_key("misuse", sa.Boolean), sa.Column("count", sa.BigInteger, nullable=False))
    op.create_table(
        "event_counts",
        *_key("day", sa.Date), *_key("store_id", sa.String(64)), *_key("type", sa.String(40)),
        *_key("hour", sa.Integer), *_key("dow", sa.Integer),
        sa.Column("week", sa.Date, nullable=False),
        sa.Column("count", sa.BigInteger, nullable=False))
    op.create_table(
        "zero_result_counts",
        *_key("day", sa.Date), *_key("store_id", sa.String(64)), *_key("text", sa.String(100)),
        sa.Column("count", sa.BigInteger, nullable=False))
    op.create_table(
        "staff_sessions",
        sa.Column("token_hash", sa.String(64), primary_key=True),
        sa.Column("staff_id", sa.Integer,
                  sa.ForeignKey("staff_users.id", ondelete="CASCADE"), nullable=False,
                  index=True),
        sa.Column("csrf_token", sa.String(64), nullable=False),
        sa.Column("created_at", WHEN, nullable=False),
        sa.Column("expires_at", WHEN, nullable=False, index=True))
    _backfill()


_TYPES = {"day": sa.Date, "week": sa.Date, "misuse": sa.Boolean, "store_id": sa.String,
          "reason": sa.String, "type": sa.String, "text": sa.String, "count": sa.BigInteger}


def _key(name: str, kind) -> tuple[sa.Column]:
    return (sa.Column(name, kind, primary_key=True, nullable=False),)


def _backfill() -> None:
    connection = op.get_bind()
    drift = dict(connection.execute(sa.text("SELECT id, clock_drift_s FROM terminals")).all())
    ratings, reasons, events, texts = Counter(), Counter(), Counter(), Counter()
    rows = connection.execute(sa.text(
        "SELECT id, terminal_id, store_id, score, reasons, misuse, rated_terminal_at, "
        "received_at FROM ratings")).all()
    for row in rows:
        times = _times(row.rated_terminal_at, row.received_at, drift.get(row.terminal_id))
        _set_local(connection, "ratings", row.id, times)
        misuse = bool(row.misuse)
        ratings[(times.day, row.store_id, times.local_hour, times.local_dow, row.score,
                 misuse)] += 1
        for reason in sorted(set(_json_list(row.reasons))):
            reasons[(times.day, row.store_id, str(reason)[:40], row.score, misuse)] += 1
    rows = connection.execute(sa.text(
        "SELECT id, terminal_id, store_id, type, data, occurred_terminal_at, received_at "
        "FROM events")).all()
    for row in rows:
        times = _times(row.occurred_terminal_at, row.received_at, drift.get(row.terminal_id))
        _set_local(connection, "events", row.id, times)
        events[(times.day, row.store_id, row.type, times.local_hour, times.local_dow)] += 1
        if row.type == ZERO_RESULT_SEARCH:
            text = fold_search_text(_json_dict(row.data).get("text"))
            if text:
                texts[(times.day, row.store_id, text)] += 1
    _insert("rating_counts", ("day", "store_id", "hour", "dow", "score", "misuse"), ratings,
            week=True)
    _insert("reason_counts", ("day", "store_id", "reason", "score", "misuse"), reasons)
    _insert("event_counts", ("day", "store_id", "type", "hour", "dow"), events, week=True)
    _insert("zero_result_counts", ("day", "store_id", "text"), texts)


def _times(terminal_at, received_at, drift):
    from datetime import datetime, timezone
    if isinstance(received_at, str):          # SQLite hands back text through sa.text
        received_at = datetime.fromisoformat(received_at)
    if received_at.tzinfo is None:
        received_at = received_at.replace(tzinfo=timezone.utc)
    return local_times(terminal_at, received_at, drift)


def _set_local(connection, table: str, row_id: str, times) -> None:
    connection.execute(sa.text(
        f"UPDATE {table} SET local_date = :local_date, local_hour = :local_hour, "
        "local_dow = :local_dow, day = :day WHERE id = :id"),
        {"local_date": times.local_date, "local_hour": times.local_hour,
         "local_dow": times.local_dow, "day": times.day, "id": row_id})


def _json_list(value) -> list:
    import json
    if isinstance(value, str):
        value = json.loads(value)
    return value if isinstance(value, list) else []


def _json_dict(value) -> dict:
    import json
    if isinstance(value, str):
        value = json.loads(value)
    return value if isinstance(value, dict) else {}


def _insert(table: str, keys: tuple[str, ...], counts: Counter, week: bool = False) -> None:
    if not counts:
        return
    columns = [*keys, *(("week",) if week else ()), "count"]
    target = sa.table(table, *(sa.column(name, _TYPES.get(name, sa.Integer))
                               for name in columns))
    op.bulk_insert(target, [
        dict(zip(keys, key, strict=True), **({"week": week_of(key[0])} if week else {}),
             count=n) for key, n in counts.items()])
