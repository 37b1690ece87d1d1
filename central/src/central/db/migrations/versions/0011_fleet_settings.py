"""Fleet configuration: the chain's, each store's and each terminal's settings.

Revision ID: 0011
"""

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "fleet_settings",
        sa.Column("scope", sa.String(10), primary_key=True),
        sa.Column("target", sa.String(100), primary_key=True),
        sa.Column("settings", sa.JSON(), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("pushed_at", sa.DateTime(timezone=True), nullable=False))


def downgrade() -> None:
    op.drop_table("fleet_settings")
