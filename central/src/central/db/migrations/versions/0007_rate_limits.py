"""Rate limits shared by every server process: one row per limited key (an account, a
client address...), holding when its allowance is next whole again.

Revision ID: 0007
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "rate_limits",
        sa.Column("key", sa.String(200), primary_key=True),
        sa.Column("full_at", sa.Float(precision=53), nullable=False, index=True))
