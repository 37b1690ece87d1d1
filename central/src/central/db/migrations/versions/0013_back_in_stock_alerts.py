"""Back-in-stock alerts: a shopper's e-mail, confirmed through a link, for one variant in
one store or any store.

Revision ID: 0013
"""

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "back_in_stock_alerts",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("idempotency_key", sa.String(36), nullable=False, unique=True),
        sa.Column("request_hash", sa.String(64), nullable=False),
        sa.Column("terminal_id", sa.Integer(), sa.ForeignKey("terminals.id"), nullable=False),
        sa.Column("variant_sku", sa.String(100), nullable=False),
        sa.Column("store_id", sa.String(64), nullable=True),
        sa.Column("email", sa.String(320), nullable=False),
        sa.Column("language", sa.String(5), nullable=False),
        sa.Column("consent", sa.JSON(), nullable=False),
        sa.Column("state", sa.String(15), nullable=False),
        sa.Column("confirm_token_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("unsubscribe_token_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("confirmed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("ended_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("confirmation_message_id", sa.String(200), nullable=False),
        sa.Column("notice_message_id", sa.String(200), nullable=False),
        sa.Column("response_body", sa.Text(), nullable=False))
    op.create_index("back_in_stock_alerts_waiting", "back_in_stock_alerts",
                    ["state", "variant_sku"])


def downgrade() -> None:
    op.drop_index("back_in_stock_alerts_waiting", "back_in_stock_alerts")
    op.drop_table("back_in_stock_alerts")
