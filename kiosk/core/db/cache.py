"""cache.db: catalog, categories, stores and stock. Rebuildable from the central server.

Prices are integer cents. A product is what a shopper sees as one item ("Chaz Kangeroo
Hoodie"); its variants are what can be stocked and sold (size M, colour Black). A simple
product from the source has exactly one variant, so stock and orders always name a variant.
"""

from __future__ import annotations

import logging
import os
import sqlite3
from pathlib import Path

from kiosk.core.db.opening import OpenedDatabase, damage_of, open_or_replace
from kiosk.core.db.sqlite import Migration, sql_step

log = logging.getLogger(__name__)

CACHE_FILE = "cache.db"
# A cache rebuilt by sync after a reset, complete and waiting to be swapped in.
REBUILT_CACHE_FILE = "cache.db.rebuilt"

_V1 = """
CREATE TABLE categories (
    id INTEGER PRIMARY KEY,
    path TEXT NOT NULL UNIQUE,            -- 'Men/Tops/Jackets'
    parent_path TEXT,                     -- NULL for a top category
    name TEXT NOT NULL,
    position INTEGER NOT NULL DEFAULT 0,
    in_menu INTEGER NOT NULL DEFAULT 1,
    image TEXT
);
CREATE INDEX categories_by_parent ON categories (parent_path, position);

-- The id is the product's search order among equals: lower ids come first.
CREATE TABLE products (
    id INTEGER PRIMARY KEY,
    sku TEXT NOT NULL UNIQUE COLLATE NOCASE,
    name TEXT NOT NULL,
    description_html TEXT NOT NULL DEFAULT '',
    price_cents INTEGER NOT NULL CHECK (price_cents >= 0),
    special_price_cents INTEGER CHECK (special_price_cents >= 0),
    special_from TEXT,
    special_to TEXT,
    image TEXT,
    gallery TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(gallery)),
    attributes TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(attributes)),
    featured INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE variants (
    id INTEGER PRIMARY KEY,
    product_id INTEGER NOT NULL REFERENCES products (id) ON DELETE CASCADE,
    sku TEXT NOT NULL UNIQUE COLLATE NOCASE,
    barcode TEXT UNIQUE,
    size TEXT,
    color TEXT,
    price_cents INTEGER NOT NULL CHECK (price_cents >= 0),
    special_price_cents INTEGER CHECK (special_price_cents >= 0),
    image TEXT
);
CREATE INDEX variants_by_product ON variants (product_id);
CREATE INDEX variants_by_size ON variants (size, product_id);
CREATE INDEX variants_by_color ON variants (color, product_id);

CREATE TABLE product_categories (
    category_id INTEGER NOT NULL REFERENCES categories (id) ON DELETE CASCADE,
    product_id INTEGER NOT NULL REFERENCES products (id) ON DELETE CASCADE,
    PRIMARY KEY (category_id, product_id)
) WITHOUT ROWID;
CREATE INDEX product_categories_by_product ON product_categories (product_id);

CREATE TABLE stores (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    address TEXT NOT NULL,
    postal_code TEXT NOT NULL,
    city TEXT NOT NULL,
    latitude REAL NOT NULL,
    longitude REAL NOT NULL,
    phone TEXT NOT NULL DEFAULT '',
    opening_hours TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(opening_hours))
);

-- taken_at is the server's time when the figure was counted, never the terminal's.
CREATE TABLE stock (
    variant_sku TEXT NOT NULL,
    store_id TEXT NOT NULL,
    quantity INTEGER NOT NULL CHECK (quantity >= 0),
    taken_at TEXT NOT NULL,
    restock_date TEXT,
    PRIMARY KEY (variant_sku, store_id)
) WITHOUT ROWID;
CREATE INDEX stock_by_store ON stock (store_id, variant_sku) WHERE quantity > 0;

-- Search indexes, rowid = products.id. Titles (name, SKUs and barcodes, category names)
-- answer most keystrokes and keep column detail for the name > SKU > category tiers;
-- the full index adds descriptions and only says whether a product has all the words.
-- Short words are also indexed as prefixes, so that the first keystrokes read one list
-- instead of merging hundreds.
CREATE VIRTUAL TABLE product_titles USING fts5 (
    name, skus, categories,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '1 2 3',
    detail = column
);
CREATE VIRTUAL TABLE product_search USING fts5 (
    name, skus, categories, description,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '1 2',
    detail = none
);

CREATE TABLE sync_state (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
"""

# The change feed may send a product before a category it belongs to (the category was
# changed after it). Each product keeps the paths it names, so that a category arriving
# later is linked to its products then.
_V2 = """
ALTER TABLE products ADD COLUMN category_paths TEXT NOT NULL DEFAULT '[]'
    CHECK (json_valid(category_paths));
UPDATE products SET category_paths = (
    SELECT coalesce(json_group_array(c.path), '[]')
    FROM product_categories pc JOIN categories c ON c.id = pc.category_id
    WHERE pc.product_id = products.id);
"""

# The words of the titles index with the number of products holding each, read live from
# the index (nothing to maintain): search corrects a mistyped word against it.
_V3 = """
CREATE VIRTUAL TABLE product_titles_vocab USING fts5vocab (product_titles, 'row');
"""

# The filter panel reads every product of a category or a search: its price columns and
# its variants' sizes and colours, from indexes alone rather than from the wide rows. The
# variants' index grows by two columns and keeps its name and its use.
_V4 = """
CREATE INDEX products_prices ON products (
    id, price_cents, special_price_cents, special_from, special_to);
DROP INDEX variants_by_product;
CREATE INDEX variants_by_product ON variants (product_id, size, color);
"""

# No query reads stock by store: every stock read names its variant, which the primary
# key serves. Its index cost a first sync of 1.7M figures nearly a second at the end, and
# every stock change a second write. A first fill under way when this runs would make it
# again at its end: it is taken out of what that fill is to make.
_V5 = """
DROP INDEX IF EXISTS stock_by_store;
UPDATE sync_state SET value = (
    SELECT json_group_array(value) FROM json_each(sync_state.value)
    WHERE value NOT LIKE 'CREATE INDEX stock_by_store %')
WHERE key = 'first_fill_indexes';
"""

# The catalog's text in other languages than the chain's default, as the change feed
# sends it: JSON by language code, holding only what is translated ('{}' for nothing).
# Products also keep their short description and the label of their main image.
_V6 = """
ALTER TABLE products ADD COLUMN short_description_html TEXT NOT NULL DEFAULT '';
ALTER TABLE products ADD COLUMN image_label TEXT;
ALTER TABLE products ADD COLUMN translations TEXT NOT NULL DEFAULT '{}'
    CHECK (json_valid(translations));
ALTER TABLE variants ADD COLUMN translations TEXT NOT NULL DEFAULT '{}'
    CHECK (json_valid(translations));
ALTER TABLE categories ADD COLUMN translations TEXT NOT NULL DEFAULT '{}'
    CHECK (json_valid(translations));
"""


def _index_every_language(conn: sqlite3.Connection) -> None:
    """Schema 7: the search indexes hold every language's names, categories and
    descriptions. Sync writes them so from now on; what schema 6 kept is indexed here."""
    # Imported here: the writer brings the JSON encoder sync uses, which the first screen
    # of a kiosk whose cache is up to date has no use for.
    from kiosk.core.changes import index_translations

    index_translations(conn)


# The words of the titles index, one row per place a word is found: search reads the
# first word a prefix begins, then the next, without counting each word's products.
_V8 = """
CREATE VIRTUAL TABLE product_titles_terms USING fts5vocab (product_titles, 'instance');
"""


CACHE_MIGRATIONS = [
    Migration(1, "catalog, stores, stock and search index", sql_step(_V1)),
    Migration(2, "products remember their category paths", sql_step(_V2)),
    Migration(3, "vocabulary of the titles index, for typo correction", sql_step(_V3)),
    Migration(4, "prices, sizes and colours readable from indexes", sql_step(_V4)),
    Migration(5, "no index of stock by store", sql_step(_V5)),
    Migration(6, "the catalog's text in several languages", sql_step(_V6)),
    Migration(7, "search indexes hold every language", _index_every_language),
    Migration(8, "the titles' words one by one, for prefixes", sql_step(_V8)),
]


def open_cache(data_dir: Path, *, check: bool = True,
               file_name: str = CACHE_FILE) -> OpenedDatabase:
    """Open the cache; a damaged one is set aside and a new empty one takes its place.

    The new cache is refilled by the next sync (or the demo importer), so one log line
    is all the fuss it deserves. With `check=False` the file is opened at once and
    `recheck_cache` must follow: the kiosk shows its first screen before reading the
    whole file. `file_name` names another cache file, such as one being rebuilt.
    """
    opened = open_or_replace(data_dir / file_name, synchronous="NORMAL",
                             migrations=CACHE_MIGRATIONS, check=check)
    if opened.set_aside_as is not None:
        log.warning("%s was damaged (%s); set aside as %s and rebuilt empty", file_name,
                    "; ".join(opened.damage)[:300], opened.set_aside_as.name)
    return opened


def recheck_cache(opened: OpenedDatabase) -> OpenedDatabase:
    """The integrity check `open_cache(check=False)` skipped: `opened` itself if sound,
    else a fresh empty cache in its place (the damaged file set aside)."""
    if not damage_of(opened.conn):
        return opened
    opened.conn.close()
    return open_cache(opened.path.parent, file_name=opened.path.name)


def is_empty(opened: OpenedDatabase) -> bool:
    return opened.conn.execute("SELECT NOT EXISTS (SELECT 1 FROM products)").fetchone()[0] == 1


def install_rebuilt_cache(data_dir: Path) -> bool:
    """Swap a rebuilt cache in. Every connection to the old cache must be closed first."""
    rebuilt = data_dir / REBUILT_CACHE_FILE
    if not rebuilt.exists():
        return False
    current = data_dir / CACHE_FILE
    for companion in ("-wal", "-shm"):   # the old file's, closed: nothing left in them
        Path(f"{current}{companion}").unlink(missing_ok=True)
    os.replace(rebuilt, current)
    log.info("the rebuilt cache is in place")
    return True


def rebuilt_cache_waiting(data_dir: Path) -> bool:
    return (data_dir / REBUILT_CACHE_FILE).exists()
