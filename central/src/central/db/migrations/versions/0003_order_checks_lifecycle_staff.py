"""Orders: the stock check, refusals, the status history; staff accounts.

Revision ID: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

WHEN = sa.DateTime(timezone=True)


def upgrade() -> None:
    # Never by copying the table on SQLite: dropping the old `orders` there, with foreign
    # keys enforced, would cascade to its lines and delete them all. Adding a column with
    # a constant default and an index need no copy; "never" makes sure none is made.
    with op.batch_alter_table("orders", recreate="never") as orders:
        orders.add_column(sa.Column("stock_shortfall", sa.Boolean, nullable=False,
                                    server_default=sa.false()))
        orders.create_index("orders_by_status_time", ["status", "received_at"])
    with op.batch_alter_table("order_lines", recreate="never") as lines:
        lines.add_column(sa.Column("stock_in_chain", sa.Integer))
    op.create_table(
        "order_history",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("order_id", sa.Integer, sa.ForeignKey("orders.id", ondelete="CASCADE"),
                  nullable=False, index=True),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("changed_at", WHEN, nullable=False),
        sa.Column("changed_by", sa.String(120), nullable=False),
        sa.Column("note", sa.Text, nullable=False))
    # Orders already stored start their history where they stand.
    op.execute("INSERT INTO order_history (order_id, status, changed_at, changed_by, note) "
               "SELECT id, status, received_at, 'before the history was kept', '' "
               "FROM orders")
    op.create_table(
        "order_refusals",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("reference", sa.String(20), nullable=False, index=True),
        sa.Column("idempotency_key", sa.String(36), nullable=False),
        sa.Column("store_id", sa.String(64), nullable=False),
        sa.Column("terminal_id", sa.Integer, sa.ForeignKey("terminals.id"), nullable=False),
        sa.Column("error", sa.String(40), nullable=False),
        sa.Column("message", sa.Text, nullable=False),
        sa.Column("refused_at", WHEN, nullable=False))
    op.create_table(
        "staff_users",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("username", sa.String(64), nullable=False, unique=True),
        sa.Column("password_hash", sa.String(300), nullable=False),
        sa.Column("created_at", WHEN, nullable=False),
        sa.Column("disabled_at", WHEN))

