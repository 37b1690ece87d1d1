"""Each terminal's outbox and dead letters in columns of their own; terminals found by
their store on an index.

The dashboard's Terminals page sorts, filters and counts a chain's terminals by their
trouble in the database. Read out of the heartbeat's JSON, the two queue figures cost a
parse of it per row and per use (on PostgreSQL about 40 ms a use for 20,000 terminals);
the heartbeat writes them beside it now, and terminals heard from before are filled in
here. A chain of 20,000 terminals has about fifty a store, which the page can be asked
for without reading the others.

Revision ID: 0015
"""

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None

_terminals = sa.table("terminals", sa.column("id", sa.Integer),
                      sa.column("last_heartbeat", sa.JSON),
                      sa.column("outbox", sa.Integer), sa.column("dead_letters", sa.Integer))


def upgrade() -> None:
    op.add_column("terminals", sa.Column("outbox", sa.Integer(), nullable=True))
    op.add_column("terminals", sa.Column("dead_letters", sa.Integer(), nullable=True))
    op.create_index("terminals_by_store", "terminals", ["store_id"])
    connection = op.get_bind()
    figures = [{"terminal_id": terminal_id, **_queue_figures(beat)}
               for terminal_id, beat in connection.execute(
                   sa.select(_terminals.c.id, _terminals.c.last_heartbeat)
                   .where(_terminals.c.last_heartbeat.is_not(None)))]
    if figures:
        connection.execute(
            _terminals.update().where(_terminals.c.id == sa.bindparam("terminal_id"))
            .values(outbox=sa.bindparam("outbox"), dead_letters=sa.bindparam("dead")),
            figures)


def _queue_figures(beat) -> dict:
    """As the heartbeat writes them: the orders, ratings and events waiting (unknown if
    one of them was not said) and the items refused."""
    queue = beat.get("queue") if isinstance(beat, dict) else None
    queue = queue if isinstance(queue, dict) else {}
    counts = {kind: value if isinstance(value, int) and not isinstance(value, bool)
              else None for kind, value in queue.items()}
    waiting = [counts.get(kind) for kind in ("order", "rating", "event")]
    return {"outbox": None if None in waiting else sum(waiting), "dead": counts.get("dead")}


def downgrade() -> None:
    op.drop_index("terminals_by_store", table_name="terminals")
    with op.batch_alter_table("terminals") as terminals:
        terminals.drop_column("dead_letters")
        terminals.drop_column("outbox")
