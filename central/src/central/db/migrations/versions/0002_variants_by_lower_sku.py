"""Variants found by their SKU in any case, on an index.

An order's lines are priced by SKU whatever its case (lower(sku) IN ...): without an
index on lower(sku), each new order read the whole variants table.

Revision ID: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("variants_by_lower_sku", "variants", [sa.func.lower(sa.column("sku"))])

