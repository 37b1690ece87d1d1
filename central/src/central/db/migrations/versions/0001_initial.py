"""The catalog, its change log, terminals, and what terminals send.

Revision ID: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

WHEN = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table("meta", sa.Column("key", sa.String(40), primary_key=True),
                    sa.Column("value", sa.String(200), nullable=False))
    op.create_table(
        "change_log",
        sa.Column("kind", sa.String(10), primary_key=True),
        sa.Column("key", sa.String(300), primary_key=True),
        sa.Column("seq", sa.BigInteger, nullable=False, unique=True),
        sa.Column("deleted", sa.Boolean, nullable=False),
        sa.Column("changed_at", WHEN, nullable=False))
    op.create_table(
        "categories",
        sa.Column("path", sa.String(300), primary_key=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("in_menu", sa.Boolean, nullable=False),
        sa.Column("image", sa.String(300)))
    op.create_table(
        "products",
        sa.Column("sku", sa.String(100), primary_key=True),
        sa.Column("name", sa.String(300), nullable=False),
        sa.Column("price_cents", sa.Integer, nullable=False),
        sa.Column("special_price_cents", sa.Integer),
        sa.Column("special_from", sa.String(10)),
        sa.Column("special_to", sa.String(10)),
        sa.Column("description_html", sa.Text, nullable=False),
        sa.Column("image", sa.String(300)),
        sa.Column("gallery", sa.JSON, nullable=False),
        sa.Column("attributes", sa.JSON, nullable=False),
        sa.Column("categories", sa.JSON, nullable=False),
        sa.Column("featured", sa.Boolean, nullable=False))
    op.create_table(
        "variants",
        sa.Column("sku", sa.String(100), primary_key=True),
        sa.Column("product_sku", sa.String(100),
                  sa.ForeignKey("products.sku", ondelete="CASCADE"), nullable=False, index=True),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("price_cents", sa.Integer, nullable=False),
        sa.Column("special_price_cents", sa.Integer),
        sa.Column("size", sa.String(50)),
        sa.Column("color", sa.String(50)),
        sa.Column("barcode", sa.String(20)),
        sa.Column("image", sa.String(300)))
    op.create_table(
        "stores",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("address", sa.String(300), nullable=False),
        sa.Column("postal_code", sa.String(20), nullable=False),
        sa.Column("city", sa.String(100), nullable=False),
        sa.Column("latitude", sa.Float, nullable=False),
        sa.Column("longitude", sa.Float, nullable=False),
        sa.Column("phone", sa.String(40), nullable=False),
        sa.Column("opening_hours", sa.JSON, nullable=False))
    op.create_table(
        "stock",
        sa.Column("variant_sku", sa.String(100), primary_key=True),
        sa.Column("store_id", sa.String(64), primary_key=True),
        sa.Column("quantity", sa.Integer, nullable=False),
        sa.Column("taken_at", WHEN, nullable=False),
        sa.Column("restock_date", sa.Date))
    op.create_table(
        "terminals",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("name", sa.String(100), nullable=False, unique=True),
        sa.Column("store_id", sa.String(64), nullable=False),
        sa.Column("token_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("created_at", WHEN, nullable=False),
        sa.Column("revoked_at", WHEN),
        sa.Column("last_heartbeat_at", WHEN),
        sa.Column("last_heartbeat", sa.JSON),
        sa.Column("clock_drift_s", sa.Float))
    op.create_table(
        "orders",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("idempotency_key", sa.String(36), nullable=False, unique=True),
        sa.Column("request_hash", sa.String(64), nullable=False),
        sa.Column("reference", sa.String(20), nullable=False, unique=True),
        sa.Column("terminal_id", sa.Integer, sa.ForeignKey("terminals.id"), nullable=False),
        sa.Column("store_id", sa.String(64), nullable=False, index=True),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("received_at", WHEN, nullable=False),
        sa.Column("placed_terminal_at", sa.String(40), nullable=False),
        sa.Column("language", sa.String(5), nullable=False),
        sa.Column("customer", sa.JSON, nullable=False),
        sa.Column("delivery", sa.JSON, nullable=False),
        sa.Column("consent", sa.JSON, nullable=False),
        sa.Column("total_cents", sa.Integer, nullable=False),
        sa.Column("currency", sa.String(3), nullable=False),
        sa.Column("price_mismatch", sa.Boolean, nullable=False),
        sa.Column("response_status", sa.Integer, nullable=False),
        sa.Column("response_body", sa.Text, nullable=False))
    op.create_table(
        "order_lines",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("order_id", sa.Integer, sa.ForeignKey("orders.id", ondelete="CASCADE"),
                  nullable=False, index=True),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("sku", sa.String(100), nullable=False),
        sa.Column("name", sa.String(300), nullable=False),
        sa.Column("size", sa.String(50)),
        sa.Column("color", sa.String(50)),
        sa.Column("quantity", sa.Integer, nullable=False),
        sa.Column("unit_price_cents", sa.Integer, nullable=False),
        sa.Column("server_unit_price_cents", sa.Integer),
        sa.Column("known_sku", sa.Boolean, nullable=False))
    for table, at in (("ratings", "rated_terminal_at"), ("events", "occurred_terminal_at")):
        specific = ([sa.Column("score", sa.Integer, nullable=False),
                     sa.Column("reasons", sa.JSON, nullable=False),
                     sa.Column("misuse", sa.Boolean, nullable=False)] if table == "ratings"
                    else [sa.Column("type", sa.String(40), nullable=False),
                          sa.Column("data", sa.JSON, nullable=False)])
        op.create_table(
            table,
            sa.Column("id", sa.String(36), primary_key=True),
            sa.Column("content_hash", sa.String(64), nullable=False),
            sa.Column("terminal_id", sa.Integer, sa.ForeignKey("terminals.id"), nullable=False),
            sa.Column("store_id", sa.String(64), nullable=False),
            *specific,
            sa.Column(at, sa.String(40), nullable=False),
            sa.Column("received_at", WHEN, nullable=False))
    op.create_index("ratings_by_store_time", "ratings", ["store_id", "received_at"])
    op.create_index("events_by_store_time", "events", ["store_id", "type", "received_at"])
