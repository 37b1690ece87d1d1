"""Read-side queries the screens use: product cards for grids and lists."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from kiosk.core.catalog_text import text_sql


@dataclass(frozen=True)
class ProductCard:
    id: int
    sku: str
    name: str
    price_cents: int              # what the shopper pays today
    regular_price_cents: int      # differs from price_cents while a special price runs
    image: str | None
    in_stock_here: bool

    @property
    def on_special(self) -> bool:
        return self.price_cents < self.regular_price_cents


def _card_sql(language: str | None) -> str:
    """The cards' query, each name in `language` (the default's where it has none)."""
    return _CARD_SQL.format(name=text_sql("p", "name", language))


_CARD_SQL = """
SELECT p.id, p.sku, {name}, p.price_cents, p.special_price_cents, p.special_from,
       p.special_to, p.image,
       EXISTS (SELECT 1 FROM variants v JOIN stock s ON s.variant_sku = v.sku
               WHERE v.product_id = p.id AND s.store_id = ? AND s.quantity > 0)
FROM products p
"""


def cards_by_id(conn: sqlite3.Connection, ids: Sequence[int], store_id: str,
                today: date, language: str | None = None) -> list[ProductCard]:
    """Cards for `ids`, in the order given (search order), named in `language`, priced
    on `today` (the terminal clock's day: which special prices run)."""
    if not ids:
        return []
    marks = ",".join("?" * len(ids))
    rows = conn.execute(f"{_card_sql(language)} WHERE p.id IN ({marks})",
                        [store_id, *ids]).fetchall()
    by_id = {row[0]: _card(row, today) for row in rows}
    return [by_id[i] for i in ids if i in by_id]


def cards_by_sku(conn: sqlite3.Connection, skus: Sequence[str], store_id: str,
                 today: date, language: str | None = None
                 ) -> list[ProductCard]:
    """Cards for those of `skus` still in the catalog: the cards a screen shows, read
    again after a sync (which, rebuilding the cache, may have given them new ids)."""
    if not skus:
        return []
    rows = conn.execute(f"{_card_sql(language)} WHERE p.sku IN (SELECT value FROM json_each(?))",
                        (store_id, json.dumps(list(skus)))).fetchall()
    return [_card(row, today) for row in rows]


def featured_cards(conn: sqlite3.Connection, store_id: str, limit: int = 24, *,
                   today: date, language: str | None = None
                   ) -> list[ProductCard]:
    rows = conn.execute(f"{_card_sql(language)} WHERE p.featured = 1 ORDER BY p.id LIMIT ?",
                        (store_id, limit)).fetchall()
    return [_card(row, today) for row in rows]


def _card(row: sqlite3.Row, today: date) -> ProductCard:
    (product_id, sku, name, price, special, special_from, special_to, image, in_stock) = row
    day = today.isoformat()
    special_runs = (special is not None and (special_from or "0000") <= day
                    and (special_to or "9999") >= day and special < price)
    return ProductCard(product_id, sku, name, special if special_runs else price, price,
                       image, bool(in_stock))
