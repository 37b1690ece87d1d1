"""Read-side queries for the category menu: tiles for each level, and breadcrumbs."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass

from kiosk.core.catalog_text import text_sql
from kiosk_contract.catalog import CATEGORY_SEPARATOR


@dataclass(frozen=True)
class CategoryTile:
    path: str                 # 'Women/Tops/Jackets'
    name: str
    image: str | None         # its own image, else that of its first product with one
    product_count: int        # distinct products in it and in all its sub-categories


@dataclass(frozen=True)
class Crumb:
    path: str
    name: str


# The sub-tree of category `c`: itself and every path under 'c.path/'. Child paths sort
# between 'c.path/' and 'c.path0' ('0' follows '/'), so the path index answers the range.
_SUBTREE = """
SELECT d.id FROM categories d
WHERE d.path = c.path OR (d.path > c.path || '/' AND d.path < c.path || '0')
"""

_TILE_SQL = f"""
SELECT c.path, {{name}},
       coalesce(c.image, (SELECT p.image FROM product_categories pc
                          JOIN products p ON p.id = pc.product_id
                          WHERE pc.category_id IN ({_SUBTREE}) AND p.image IS NOT NULL
                          ORDER BY p.id LIMIT 1)),
       (SELECT count(DISTINCT pc.product_id) FROM product_categories pc
        WHERE pc.category_id IN ({_SUBTREE}))
FROM categories c
"""


def top_categories(conn: sqlite3.Connection, language: str | None = None
                   ) -> list[CategoryTile]:
    """The first level of the menu, named in `language`."""
    return _tiles(conn, "WHERE c.parent_path IS NULL AND c.in_menu = 1", (), language)


def sub_categories(conn: sqlite3.Connection, path: str, language: str | None = None
                   ) -> list[CategoryTile]:
    """The children of `path` that the menu shows, named in `language`."""
    return _tiles(conn, "WHERE c.parent_path = ? AND c.in_menu = 1", (path,), language)


def category(conn: sqlite3.Connection, path: str, language: str | None = None
             ) -> CategoryTile | None:
    """One category, whether or not the menu shows it (a product may link to it)."""
    tiles = _tiles(conn, "WHERE c.path = ?", (path,), language)
    return tiles[0] if tiles else None


def breadcrumb(path: str) -> list[Crumb]:
    """'Women/Tops/Jackets' -> Women, Women/Tops, Women/Tops/Jackets, named by their last part."""
    parts = [part for part in path.split(CATEGORY_SEPARATOR) if part]
    return [Crumb(CATEGORY_SEPARATOR.join(parts[:depth]), parts[depth - 1])
            for depth in range(1, len(parts) + 1)]


def named_breadcrumb(conn: sqlite3.Connection, path: str, language: str | None = None
                     ) -> list[Crumb]:
    """The breadcrumb of `path`, each category named as the catalog names it in
    `language`; one missing from the cache keeps the last part of its path."""
    crumbs = breadcrumb(path)
    names = dict(conn.execute(
        f"SELECT c.path, {text_sql('c', 'name', language)} FROM categories c "
        "WHERE c.path IN (SELECT value FROM json_each(?))",
        (json.dumps([crumb.path for crumb in crumbs]),)))
    return [Crumb(crumb.path, names.get(crumb.path) or crumb.name) for crumb in crumbs]


def _tiles(conn: sqlite3.Connection, where: str, params: tuple,
           language: str | None) -> list[CategoryTile]:
    sql = _TILE_SQL.format(name=text_sql("c", "name", language))
    rows = conn.execute(f"{sql} {where} ORDER BY c.position, c.name, c.path", params)
    return [CategoryTile(*row) for row in rows]
