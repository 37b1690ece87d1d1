"""Terminals found by their store on an index.

The dashboard's Terminals page and its counts can be asked for one store: a chain of
20,000 terminals has about fifty a store, which without an index meant reading them all.

Revision ID: 0015
"""

from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("terminals_by_store", "terminals", ["store_id"])


def downgrade() -> None:
    op.drop_index("terminals_by_store", table_name="terminals")
