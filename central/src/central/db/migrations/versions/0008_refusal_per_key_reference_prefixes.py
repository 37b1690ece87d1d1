"""One refusal per Idempotency-Key; order references bound to the store that owns their
prefix.

A refusal was recorded at every refused POST: the same key retried twenty times made
twenty rows. Only the latest of each key is kept, and the key becomes unique.

`reference_prefixes` holds, for each reference prefix (the reference up to its last
`-`), the store whose terminals use it: a terminal of another store cannot place an
order, or get a refusal recorded, under it. Prefixes already in use are given to the
store of their first order.

Revision ID: 0008
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    refusals = sa.table("order_refusals", sa.column("id", sa.Integer),
                        sa.column("idempotency_key", sa.String))
    latest = sa.select(sa.func.max(refusals.c.id)).group_by(refusals.c.idempotency_key)
    op.execute(refusals.delete().where(refusals.c.id.not_in(latest.scalar_subquery())))
    op.create_index("order_refusals_by_key", "order_refusals", ["idempotency_key"],
                    unique=True)
    prefixes = op.create_table(
        "reference_prefixes",
        sa.Column("prefix", sa.String(20), primary_key=True),
        sa.Column("store_id", sa.String(64), nullable=False),
        sa.Column("claimed_at", sa.DateTime(timezone=True), nullable=False))
    orders = sa.table("orders", sa.column("id", sa.Integer), sa.column("reference", sa.String),
                      sa.column("store_id", sa.String),
                      sa.column("received_at", sa.DateTime(timezone=True)))
    owners: dict[str, dict] = {}
    connection = op.get_bind()
    for reference, store_id, received_at in connection.execute(
            sa.select(orders.c.reference, orders.c.store_id, orders.c.received_at)
            .order_by(orders.c.id)):
        owners.setdefault(reference_prefix(reference), {
            "prefix": reference_prefix(reference), "store_id": store_id,
            "claimed_at": received_at})
    if owners:
        op.bulk_insert(prefixes, list(owners.values()))


def reference_prefix(reference: str) -> str:
    """As central.api.orders.reference_prefix, frozen here as this migration ran."""
    prefix, _, _ = reference.rpartition("-")
    return prefix or reference
