"""The one path by which catalog, store and stock data enter cache.db.

The demo importer and the sync engine both call `apply_changes`, so demo data and
synced data are written, sanitised and indexed by the same code. A batch is applied in
one transaction; applying the same batch twice leaves the cache as applying it once.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from functools import lru_cache
from typing import TypeVar

from pydantic_core import to_json

from kiosk.core.catalog_change import EVERYTHING, MAX_LISTED_SKUS, CatalogChange
from kiosk.core.db.sqlite import insert_rows, write_transaction
from kiosk_contract.catalog import CATEGORY_SEPARATOR, ChangeBatch, Product, Translations
from kiosk_contract.richtext import sanitize

T = TypeVar("T")
# A stock figure as the stock table holds it: (variant_sku, store_id, quantity, taken_at,
# restock_date). The change feed hands figures over this way: millions of them.
StockRow = tuple[str, str, int, str, str | None]

# SQLite accepts far more bound variables; this keeps IN (...) lists modest.
_CHUNK = 500


def _json_text(value: object) -> str:
    """Compact JSON, non-ASCII kept as is. pydantic_core's encoder: a tenth of the time
    json.dumps takes for the three small lists and maps of each of 100,000 products."""
    return to_json(value).decode()


@dataclass
class ApplyReport:
    categories: int = 0
    products: int = 0
    variants: int = 0
    stores: int = 0
    stock: int = 0
    deleted: int = 0
    unknown_categories: int = 0   # not in the cache yet: linked when they arrive


# sync_state: when the cursor last changed (for admin mode's status screen).
CURSOR_MOVED_KEY = "cursor_moved_at"


@dataclass(frozen=True)
class ProductRows:
    """Products as the cache's rows, made without the database: the change feed makes
    them on the thread that fetches pages, while the writer writes the page before.

    Rows name their product by SKU; the writer puts the product's id in their place.
    """

    products: list[tuple] = field(default_factory=list)
    variants: list[tuple] = field(default_factory=list)
    categories: list[tuple[str, str]] = field(default_factory=list)   # (SKU, path)
    # (SKU, names, SKUs, category names, description texts): both search indexes' rows,
    # every language's text in them. Category names other than the default language's are
    # the writer's to add: it knows the categories' translations.
    search: list[tuple] = field(default_factory=list)

    @classmethod
    def of(cls, products: Sequence[Product]) -> ProductRows:
        rows = cls()
        for p in products:
            html, text = _sanitized(p.description_html)
            paths = list(dict.fromkeys(p.categories))
            translations, names, descriptions = _translations_text(p.translations)
            rows.products.append((
                p.sku, p.name, html, p.price_cents, p.special_price_cents, p.special_from,
                p.special_to, p.image, _json_text(p.gallery), _json_text(p.attributes),
                int(p.featured), _json_text(paths), _safe_html(p.short_description_html),
                p.image_label, translations))
            rows.variants.extend(
                (p.sku, v.sku, v.barcode, v.size, v.color, v.price_cents,
                 v.special_price_cents, v.image, _plain_translations(v.translations))
                for v in p.variants)
            rows.categories.extend((p.sku, path) for path in paths)
            rows.search.append((p.sku, _joined(p.name, names), _sku_text(p), _category_text(p),
                                _joined(text, descriptions)))
        return rows

    def __add__(self, other: ProductRows) -> ProductRows:
        return ProductRows(self.products + other.products, self.variants + other.variants,
                           self.categories + other.categories, self.search + other.search)

    def __len__(self) -> int:
        return len(self.products)


# Rich text of other languages is made safe as the default language's is.
_RICH_TEXT_FIELDS = frozenset({"description_html", "short_description_html"})

# Products of one family (a model in each colour, a range of sizes sold apart) often share
# their description, in every language: the same text is made safe and plain once, then
# found here: a thousand texts at most, a few megabytes.
_sanitized = lru_cache(maxsize=1024)(sanitize)


def _safe_html(source: str) -> str:
    return _sanitized(source)[0] if source else ""


def _plain_translations(translations: Translations) -> str:
    """The JSON the cache keeps of translations that hold no rich text (a variant's size
    and colour): as they came."""
    return _json_text(translations) if translations else "{}"


def _translations_text(translations: Translations) -> tuple[str, list[str], list[str]]:
    """The JSON the cache keeps of a record's translations, rich text made safe; and for
    the search indexes, the translated names and the plain text of the translated
    descriptions (made in the same pass as the safe rich text)."""
    if not translations:
        return "{}", [], []
    safe, names, descriptions = {}, [], []
    for language, text in translations.items():
        if isinstance(name := text.get("name"), str):
            names.append(name)
        if not _RICH_TEXT_FIELDS.isdisjoint(text):
            text = dict(text)
            for field_name in _RICH_TEXT_FIELDS.intersection(text):
                if text[field_name]:
                    text[field_name], plain = _sanitized(text[field_name])
                    if field_name == "description_html":
                        descriptions.append(plain)
        safe[language] = text
    return _json_text(safe), names, descriptions


def _joined(default: str, translated: list[str]) -> str:
    """The default language's text and the translations that differ from it, for an
    index column: a name the same in both languages is indexed once."""
    return "\n".join(dict.fromkeys([default, *translated]))


def apply_changes(conn: sqlite3.Connection, batch: ChangeBatch, *,
                  cursor: str | None = None,
                  stock_rows: Sequence[StockRow] = (),
                  product_rows: ProductRows | None = None) -> ApplyReport:
    """Write a batch in one transaction, and the sync cursor that covers it, if any.

    `stock_rows` are more stock figures of the same batch, already checked;
    `product_rows`, more products of the same batch, already made into rows.

    Deletions go first, then upserts: a batch carries only the latest state of each
    record, so the two never concern the same record.
    """
    report = ApplyReport()
    with write_transaction(conn):
        # The products of a translated category that goes: their index loses its names.
        untranslated = _products_under(conn, _translated_among(
            conn, [t.key for t in batch.deletions if t.kind == "category"]))
        report.deleted = _apply_deletions(conn, batch)
        retranslated = _upsert_categories(conn, batch)
        report.categories = len(batch.categories)
        _index_categories_again(conn, untranslated | _products_under(conn, retranslated))
        products = ProductRows.of(batch.products)
        _upsert_products(conn, products + product_rows if product_rows else products, report)
        report.stores = _upsert_stores(conn, batch)
        report.stock = _upsert_stock(conn, batch, stock_rows)
        if cursor is not None:
            # When the cursor last moved, for staff: a cursor that stays put while the
            # server is reachable means the feed has stalled.
            conn.execute("INSERT INTO sync_state (key, value) SELECT ?, ? "
                         "WHERE ? IS NOT (SELECT value FROM sync_state WHERE key = 'cursor') "
                         "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                         (CURSOR_MOVED_KEY, datetime.now(timezone.utc).isoformat(
                             timespec="seconds"), cursor))
            conn.execute("INSERT INTO sync_state (key, value) VALUES ('cursor', ?) "
                         "ON CONFLICT (key) DO UPDATE SET value = excluded.value", (cursor,))
    return report


def describe_change(batch: ChangeBatch, stock_rows: Sequence[StockRow] = (),
                    product_rows: ProductRows | None = None) -> CatalogChange:
    """What applying this batch changes for the open screens: which products, which
    variants' stock, whether stores or categories; EVERYTHING for a page too big to list."""
    records = len(batch) + len(stock_rows) + len(product_rows or ())
    # A variant has a figure per store: a page can repeat a SKU a few times over. Past
    # that, the SKUs are not even gathered.
    if records > MAX_LISTED_SKUS * 10:
        return EVERYTHING
    deleted = {kind: [t.key for t in batch.deletions if t.kind == kind]
               for kind in ("product", "category", "store", "stock")}
    products = [p.sku for p in batch.products]
    products += [row[0] for row in product_rows.products] if product_rows else []
    stock = [s.variant_sku for s in batch.stock]
    stock += [row[0] for row in stock_rows]
    stock += [key.rpartition("@")[0] for key in deleted["stock"]]
    return CatalogChange.listing(products + deleted["product"], stock,
                                 stores=bool(batch.stores or deleted["store"]),
                                 categories=bool(batch.categories or deleted["category"]))


# A first fill writes the whole catalog into an empty cache: the indexes that only serve
# reading (no constraint rests on them) are dropped for it and built once at the end,
# from full tables, instead of growing row by row through every page. The statements
# that made them are kept in sync_state, so a fill cut short (a crash, the network) is
# resumed without them and ends by making exactly what was dropped.
_FILL_KEY = "first_fill_indexes"
_FILLED_TABLES = ("products", "variants", "product_categories", "stock")


def start_first_fill(conn: sqlite3.Connection) -> None:
    """Call before the first change is applied to an empty cache."""
    with write_transaction(conn):
        if first_fill_pending(conn):     # begun before, cut short before its first page
            return
        marks = ",".join("?" * len(_FILLED_TABLES))
        indexes = conn.execute(
            f"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
            f"AND sql NOT LIKE 'CREATE UNIQUE%' AND tbl_name IN ({marks})",
            _FILLED_TABLES).fetchall()
        for name, _ in indexes:
            conn.execute(f'DROP INDEX "{name}"')
        conn.execute("INSERT INTO sync_state (key, value) VALUES (?, ?) ON CONFLICT (key) "
                     "DO UPDATE SET value = excluded.value",
                     (_FILL_KEY, json.dumps([sql for _, sql in indexes])))


def first_fill_pending(conn: sqlite3.Connection) -> bool:
    return conn.execute("SELECT 1 FROM sync_state WHERE key = ?", (_FILL_KEY,)).fetchone() \
        is not None


def finish_first_fill(conn: sqlite3.Connection) -> None:
    """Make the indexes `start_first_fill` dropped; nothing if no fill is under way."""
    with write_transaction(conn):
        row = conn.execute("SELECT value FROM sync_state WHERE key = ?", (_FILL_KEY,)).fetchone()
        if row is None:
            return
        for sql in json.loads(row[0]):
            conn.execute(sql)
        conn.execute("DELETE FROM sync_state WHERE key = ?", (_FILL_KEY,))


def _upsert_categories(conn: sqlite3.Connection, batch: ChangeBatch) -> list[str]:
    """Write the batch's categories; returns the paths of those whose translations are
    new or changed: the search indexes of their products (and their sub-categories'
    products) hold their names in every language."""
    known = dict(conn.execute("SELECT path, translations FROM categories"))
    arriving = [c.path for c in batch.categories if c.path not in known]
    rows = [(c.path, c.parent_path, c.name, c.position, int(c.in_menu), c.image,
             _plain_translations(c.translations)) for c in batch.categories]
    conn.executemany(
        "INSERT INTO categories (path, parent_path, name, position, in_menu, image, "
        "translations) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (path) DO UPDATE SET "
        "parent_path = excluded.parent_path, name = excluded.name, "
        "position = excluded.position, in_menu = excluded.in_menu, image = excluded.image, "
        "translations = excluded.translations",
        rows,
    )
    if arriving:
        _link_waiting_products(conn, arriving)
    return [path for path, *_, translations in rows
            if translations != known.get(path, "{}")]


def _translated_among(conn: sqlite3.Connection, paths: list[str]) -> list[str]:
    """Of these category paths, those of translated categories in the cache."""
    if not paths:
        return []
    return [path for (path,) in conn.execute(
        "SELECT path FROM categories WHERE translations <> '{}' AND path IN "
        "(SELECT value FROM json_each(?))", (_json_text(paths),))]


def _products_under(conn: sqlite3.Connection, paths: list[str]) -> set[int]:
    """The products in the categories at `paths` or below them."""
    if not paths:
        return set()
    wanted = set(paths)
    category_ids = []
    for category_id, path in conn.execute("SELECT id, path FROM categories"):
        parts = path.split(CATEGORY_SEPARATOR)
        if any(CATEGORY_SEPARATOR.join(parts[:end]) in wanted
               for end in range(1, len(parts) + 1)):
            category_ids.append(category_id)
    products: set[int] = set()
    for chunk in _chunks(category_ids, _CHUNK):
        products.update(product_id for (product_id,) in conn.execute(
            f"SELECT product_id FROM product_categories WHERE category_id IN "
            f"({','.join('?' * len(chunk))})", chunk))
    return products


def _index_categories_again(conn: sqlite3.Connection, product_ids: set[int]) -> None:
    """Write again the category names in both search indexes of these products, in every
    language the categories now hold. Their other columns stay as they are indexed."""
    if not product_ids:
        return
    category_words = translated_category_names(conn)
    rows = []
    for chunk in _chunks(sorted(product_ids), _CHUNK):
        for product_id, paths in conn.execute(
                f"SELECT id, category_paths FROM products WHERE id IN "
                f"({','.join('?' * len(chunk))})", chunk):
            paths = json.loads(paths)
            rows.append((_with_translated(_path_words(paths), paths, category_words),
                         product_id))
    conn.executemany("UPDATE product_titles SET categories = ? WHERE rowid = ?", rows)
    conn.executemany("UPDATE product_search SET categories = ? WHERE rowid = ?", rows)


def _link_waiting_products(conn: sqlite3.Connection, paths: list[str]) -> None:
    """Link new categories to the products that named them before they existed."""
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS arriving_paths (path TEXT PRIMARY KEY)")
    conn.execute("DELETE FROM arriving_paths")
    conn.executemany("INSERT OR IGNORE INTO arriving_paths VALUES (?)", [(p,) for p in paths])
    conn.execute(
        "INSERT OR IGNORE INTO product_categories (category_id, product_id) "
        "SELECT c.id, p.id FROM products p, json_each(p.category_paths) named "
        "JOIN arriving_paths a ON a.path = named.value "
        "JOIN categories c ON c.path = a.path")


def _upsert_products(conn: sqlite3.Connection, rows: ProductRows, report: ApplyReport) -> None:
    if not rows:
        return
    skus = [p[0] for p in rows.products]
    category_ids = dict(conn.execute("SELECT path, id FROM categories"))
    category_words = translated_category_names(conn)
    # Only products already in the cache have old variants, links and index rows to remove.
    existing = [(i,) for i in _ids_by_sku(conn, skus).values()]
    insert_rows(
        conn,
        "INSERT INTO products (sku, name, description_html, price_cents, special_price_cents, "
        "special_from, special_to, image, gallery, attributes, featured, category_paths, "
        "short_description_html, image_label, translations) "
        "VALUES {values} ON CONFLICT (sku) DO UPDATE SET "
        "name = excluded.name, description_html = excluded.description_html, "
        "price_cents = excluded.price_cents, special_price_cents = excluded.special_price_cents, "
        "special_from = excluded.special_from, special_to = excluded.special_to, "
        "image = excluded.image, gallery = excluded.gallery, attributes = excluded.attributes, "
        "featured = excluded.featured, category_paths = excluded.category_paths, "
        "short_description_html = excluded.short_description_html, "
        "image_label = excluded.image_label, translations = excluded.translations",
        rows.products,
    )
    ids = _ids_by_sku(conn, skus)
    conn.executemany("DELETE FROM variants WHERE product_id = ?", existing)
    conn.executemany("DELETE FROM product_categories WHERE product_id = ?", existing)
    conn.executemany("DELETE FROM product_titles WHERE rowid = ?", existing)
    conn.executemany("DELETE FROM product_search WHERE rowid = ?", existing)
    # OR REPLACE: a SKU or barcode that moved from another product follows the latest data.
    insert_rows(
        conn,
        "INSERT OR REPLACE INTO variants (product_id, sku, barcode, size, color, price_cents, "
        "special_price_cents, image, translations) VALUES {values}",
        [(ids[v[0]], *v[1:]) for v in rows.variants],
    )
    links = [(category_ids[path], ids[sku]) for sku, path in rows.categories
             if path in category_ids]
    report.unknown_categories += len(rows.categories) - len(links)
    insert_rows(conn, "INSERT INTO product_categories (category_id, product_id) VALUES {values}",
                links)
    paths = _paths_by_sku(rows.categories) if category_words else {}
    _index_for_search(conn, [
        (ids[sku], names, codes, _with_translated(categories, paths.get(sku, ()), category_words),
         descriptions) for sku, names, codes, categories, descriptions in rows.search])
    report.products += len(rows)
    report.variants += len(rows.variants)


def _index_for_search(conn: sqlite3.Connection, rows: list[tuple]) -> None:
    """Add products to both search indexes: rows of (id, name, SKUs, category names,
    description text).

    Through a staging table and one statement per index: FTS5 writes what it holds in
    memory to disk at the start of every statement that has several rows to insert, so
    multi-row inserts would leave it hundreds of small segments to merge; and a row per
    statement would come back to Python, and the GIL, for every product.
    """
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS search_rows "
                 "(id INTEGER, name, skus, categories, description)")
    insert_rows(conn, "INSERT INTO search_rows VALUES {values}", rows)
    conn.execute("INSERT INTO product_titles (rowid, name, skus, categories) "
                 "SELECT id, name, skus, categories FROM search_rows")
    conn.execute("INSERT INTO product_search (rowid, name, skus, categories, description) "
                 "SELECT id, name, skus, categories, description FROM search_rows")
    conn.execute("DELETE FROM search_rows")


def index_translations(conn: sqlite3.Connection) -> int:
    """Index again, in every language they hold, the products that have a translation or
    are in a translated category: for a cache whose translations came before its search
    indexes held them. Returns how many products were indexed again."""
    category_words = translated_category_names(conn)
    translated_paths = sorted(category_words)
    rows = []
    for product_id, sku, name, html, paths, translations, variant_codes in conn.execute(
            "SELECT p.id, p.sku, p.name, p.description_html, p.category_paths, p.translations, "
            "(SELECT group_concat(v.sku || coalesce(' ' || v.barcode, ''), ' ') FROM variants v "
            "WHERE v.product_id = p.id) "
            "FROM products p WHERE p.translations <> '{}' OR EXISTS (SELECT 1 FROM "
            "json_each(p.category_paths) named WHERE named.value IN (SELECT value FROM "
            "json_each(?)))", (_json_text(translated_paths),)).fetchall():
        languages = json.loads(translations).values()
        names = [text["name"] for text in languages if isinstance(text.get("name"), str)]
        descriptions = [sanitize(text["description_html"])[1] for text in languages
                        if isinstance(text.get("description_html"), str)]
        codes = [sku, *(variant_codes or "").split()]
        paths = json.loads(paths)
        rows.append((product_id, _joined(name, names), " ".join(dict.fromkeys(codes)),
                     _with_translated(_path_words(paths), paths, category_words),
                     _joined(sanitize(html)[1], descriptions)))
    conn.executemany("DELETE FROM product_titles WHERE rowid = ?", [(r[0],) for r in rows])
    conn.executemany("DELETE FROM product_search WHERE rowid = ?", [(r[0],) for r in rows])
    _index_for_search(conn, rows)
    return len(rows)


def translated_category_names(conn: sqlite3.Connection) -> dict[str, list[str]]:
    """By category path, the translated names of the category and of those above it:
    what a product in it adds to its index's category names. Empty when no category is
    translated (a one-language catalog pays one small query)."""
    names = {path: [text["name"] for text in json.loads(translations).values()
                    if isinstance(text, dict) and isinstance(text.get("name"), str)]
             for path, translations in conn.execute(
                 "SELECT path, translations FROM categories WHERE translations <> '{}'")}
    if not names:
        return {}
    above: dict[str, list[str]] = {}
    for path in {p for (p,) in conn.execute("SELECT path FROM categories")}:
        parts = path.split(CATEGORY_SEPARATOR)
        words = [name for end in range(1, len(parts) + 1)
                 for name in names.get(CATEGORY_SEPARATOR.join(parts[:end]), ())]
        if words:
            above[path] = words
    return above


def _paths_by_sku(links: list[tuple[str, str]]) -> dict[str, list[str]]:
    paths: dict[str, list[str]] = {}
    for sku, path in links:
        paths.setdefault(sku, []).append(path)
    return paths


def _with_translated(categories: str, paths: Iterable[str],
                     translated: dict[str, list[str]]) -> str:
    words = [name for path in paths for name in translated.get(path, ())]
    return "\n".join(dict.fromkeys([categories, *words])) if words else categories


def _sku_text(product: Product) -> str:
    codes = [product.sku]
    for variant in product.variants:
        codes.append(variant.sku)
        if variant.barcode:
            codes.append(variant.barcode)
    return " ".join(dict.fromkeys(codes))


def _category_text(product: Product) -> str:
    return _path_words(product.categories)


def _path_words(paths: Iterable[str]) -> str:
    """The default language's category names of an index row: the parts of the paths."""
    return " ".join(dict.fromkeys(name for path in paths
                                  for name in path.split(CATEGORY_SEPARATOR)))


def _upsert_stores(conn: sqlite3.Connection, batch: ChangeBatch) -> int:
    conn.executemany(
        "INSERT INTO stores (id, name, address, postal_code, city, latitude, longitude, phone, "
        "opening_hours) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET "
        "name = excluded.name, address = excluded.address, postal_code = excluded.postal_code, "
        "city = excluded.city, latitude = excluded.latitude, longitude = excluded.longitude, "
        "phone = excluded.phone, opening_hours = excluded.opening_hours",
        [(s.id, s.name, s.address, s.postal_code, s.city, s.latitude, s.longitude, s.phone,
          json.dumps(s.opening_hours)) for s in batch.stores],
    )
    return len(batch.stores)


def _upsert_stock(conn: sqlite3.Connection, batch: ChangeBatch,
                  rows: Sequence[StockRow]) -> int:
    rows = [*((s.variant_sku, s.store_id, s.quantity, s.taken_at, s.restock_date)
              for s in batch.stock), *rows]
    # An older figure never overwrites a newer one (pages can overlap after a retry).
    insert_rows(
        conn,
        "INSERT INTO stock (variant_sku, store_id, quantity, taken_at, restock_date) "
        "VALUES {values} ON CONFLICT (variant_sku, store_id) DO UPDATE SET "
        "quantity = excluded.quantity, taken_at = excluded.taken_at, "
        "restock_date = excluded.restock_date WHERE excluded.taken_at >= stock.taken_at",
        rows,
    )
    return len(rows)


def _apply_deletions(conn: sqlite3.Connection, batch: ChangeBatch) -> int:
    deleted = 0
    for tomb in batch.deletions:
        if tomb.kind == "product":
            row = conn.execute("SELECT id FROM products WHERE sku = ?", (tomb.key,)).fetchone()
            if row:
                conn.execute("DELETE FROM product_titles WHERE rowid = ?", (row[0],))
                conn.execute("DELETE FROM product_search WHERE rowid = ?", (row[0],))
                conn.execute("DELETE FROM products WHERE id = ?", (row[0],))
                deleted += 1
        elif tomb.kind == "category":
            deleted += conn.execute("DELETE FROM categories WHERE path = ?",
                                    (tomb.key,)).rowcount
        elif tomb.kind == "store":
            conn.execute("DELETE FROM stock WHERE store_id = ?", (tomb.key,))
            deleted += conn.execute("DELETE FROM stores WHERE id = ?", (tomb.key,)).rowcount
        elif tomb.kind == "stock":
            sku, _, store = tomb.key.rpartition("@")
            deleted += conn.execute("DELETE FROM stock WHERE variant_sku = ? AND store_id = ?",
                                    (sku, store)).rowcount
        else:
            raise ValueError(f"unknown tombstone kind {tomb.kind!r}")
    return deleted


def _ids_by_sku(conn: sqlite3.Connection, skus: Iterable[str]) -> dict[str, int]:
    ids: dict[str, int] = {}
    for chunk in _chunks(list(skus), _CHUNK):
        marks = ",".join("?" * len(chunk))
        ids.update(conn.execute(f"SELECT sku, id FROM products WHERE sku IN ({marks})", chunk))
    return ids


def _chunks(items: list[T], size: int) -> Iterator[list[T]]:
    for start in range(0, len(items), size):
        yield items[start:start + size]
