"""The change log keeps each record's JSON, written with the change.

A page of the feed is then one range of the log joined together, instead of reading
every record from its table and encoding it again for each terminal. Rows logged before
this have no JSON; the feed builds theirs as it always did.

Revision ID: 0004
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("change_log", recreate="never") as change_log:
        change_log.add_column(sa.Column("record", sa.Text))
