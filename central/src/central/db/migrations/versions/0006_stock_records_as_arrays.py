"""Stock figures travel as arrays: [variant_sku, store_id, quantity, taken_at,
restock_date].

The JSON the change log kept for each stock figure was an object. It is let go: the feed
builds the record of a row that keeps none from the stock table, in the new form, and
the next change to a figure stores it again.

Revision ID: 0006
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    change_log = sa.table("change_log", sa.column("kind", sa.String),
                          sa.column("deleted", sa.Boolean), sa.column("record", sa.Text))
    # A deletion's record ({"kind": ..., "key": ...}) is unchanged.
    op.execute(change_log.update()
               .where(change_log.c.kind == "stock", change_log.c.deleted == sa.false())
               .values(record=None))
