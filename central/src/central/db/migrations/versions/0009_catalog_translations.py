"""The catalog's text in several languages.

Products, variants and categories keep their text in the chain's default language, as
before, and gain `translations`: the text of other languages by language code, holding
only the fields translated (Magento store-view rows). Products also keep their short
description and the label of their main image, which the importer used to drop.

The change log's records stay as they are: none of them had anything translated.

Revision ID: 0009
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    for table in ("products", "variants", "categories"):
        op.add_column(table, sa.Column("translations", sa.JSON(), nullable=False,
                                       server_default=sa.text("'{}'")))
    op.add_column("products", sa.Column("short_description_html", sa.Text(), nullable=False,
                                        server_default=""))
    op.add_column("products", sa.Column("image_label", sa.String(300), nullable=True))
