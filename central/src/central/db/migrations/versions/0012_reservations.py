"""Reservations in a store: the holds, the units they put aside, their e-mails.

Revision ID: 0012
"""

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("stock", sa.Column("held", sa.Integer(), nullable=False,
                                     server_default="0"))
    op.create_table(
        "reservations",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("idempotency_key", sa.String(36), nullable=False, unique=True),
        sa.Column("request_hash", sa.String(64), nullable=False),
        sa.Column("reference", sa.String(20), nullable=False, unique=True),
        sa.Column("terminal_id", sa.Integer(), sa.ForeignKey("terminals.id"),
                  nullable=False),
        sa.Column("store_id", sa.String(64), nullable=False),
        sa.Column("variant_sku", sa.String(100), nullable=False),
        sa.Column("quantity", sa.Integer(), nullable=False),
        sa.Column("language", sa.String(5), nullable=False),
        sa.Column("customer", sa.JSON(), nullable=False),
        sa.Column("consent", sa.JSON(), nullable=False),
        sa.Column("state", sa.String(10), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("hold_until", sa.DateTime(timezone=True), nullable=False),
        sa.Column("settled_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("settled_by", sa.String(120), nullable=False),
        sa.Column("response_body", sa.Text(), nullable=False))
    op.create_index("reservations_by_store", "reservations",
                    ["store_id", "state", "hold_until"])
    op.create_index("reservations_due", "reservations", ["state", "hold_until"])
    # Batch: SQLite adds a column that references another table only by copying it.
    with op.batch_alter_table("mail_messages") as table:
        table.add_column(sa.Column("reservation_id", sa.Integer(), nullable=True))
        table.create_foreign_key("mail_messages_reservation_fk", "reservations",
                                 ["reservation_id"], ["id"], ondelete="CASCADE")
        table.create_index("mail_messages_by_reservation", ["reservation_id", "kind"],
                           unique=True)


def downgrade() -> None:
    with op.batch_alter_table("mail_messages") as table:
        table.drop_index("mail_messages_by_reservation")
        table.drop_constraint("mail_messages_reservation_fk", type_="foreignkey")
        table.drop_column("reservation_id")
    op.drop_table("reservations")
    op.drop_column("stock", "held")
