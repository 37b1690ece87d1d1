"""Reading the change feed: the records changed after a cursor, in commit order."""

from __future__ import annotations

import base64
import binascii
import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Row, Select, bindparam, case, select
from sqlalchemy.orm import Session

from central.db import models
from central.db.engine import iso


class BadCursor(ValueError):
    """A cursor this server could never have made."""


@dataclass(frozen=True)
class Position:
    epoch: str
    seq: int
    # How far deletions had been pruned when this reader started from no cursor, carried
    # from page to page. Only deletions pruned since then can have been missed: a copy
    # started after a prune never held the records those deletions were about. 0 in the
    # cursors of servers that did not write it.
    pruned_at_start: int = 0


def encode_cursor(position: Position) -> str:
    raw = f"{position.epoch}.{position.seq}.{position.pruned_at_start}".encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str) -> Position:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        epoch, *numbers = raw.split(".")
        if len(numbers) not in (1, 2):
            raise ValueError(raw)
        position = Position(epoch, *(int(n) for n in numbers))
    except (binascii.Error, UnicodeDecodeError, ValueError):
        raise BadCursor(cursor) from None
    if position.seq < 0 or position.pruned_at_start < 0 or not epoch:
        raise BadCursor(cursor)
    return position


def missed_deletions(position: Position, pruned_through: int) -> bool:
    """Whether deletions this reader had yet to see were pruned while it read."""
    return position.seq < pruned_through and position.pruned_at_start < pruned_through


# Both in one query, built once: a terminal polling a feed with nothing new costs two.
_EPOCH_AND_PRUNING = select(models.Meta.key, models.Meta.value).where(
    models.Meta.key.in_(("epoch", "pruned_through")))


def read_page(session: Session, cursor: str | None, limit: int,
              max_bytes: int | None = None) -> str:
    """The page after `cursor`, as the JSON text the route sends: at most `limit`
    records, and no more of them than fit in about `max_bytes` (always one at least)."""
    known = dict(session.execute(_EPOCH_AND_PRUNING).all())
    epoch, pruned_through = known["epoch"], int(known["pruned_through"])
    after, pruned_at_start = 0, pruned_through
    if cursor is not None:
        position = decode_cursor(cursor)
        if position.epoch != epoch or missed_deletions(position, pruned_through):
            return encode({"reset": True, "cursor": None, "has_more": False,
                           "categories": [], "products": [], "stores": [], "stock": [],
                           "deletions": []})
        after, pruned_at_start = position.seq, position.pruned_at_start
    connection = session.connection()
    rows = connection.execute(_PAGE, {"after": after, "limit": limit + 1}).all()
    has_more = len(rows) > limit
    rows = rows[:limit]
    if max_bytes is not None:
        fitting = _rows_within(rows, max_bytes)
        has_more = has_more or fitting < len(rows)
        rows = rows[:fitting]
    # Each record was encoded when it was written (CatalogWriter): a page is a range of
    # the log and string joins. A row written before records were kept has none, and is
    # built here from the tables.
    parts: dict[str, list[Any]] = {kind: [] for kind in _LISTS}
    unbuilt: dict[str, list[str]] = {}
    for kind, key, deleted, record, _ in rows:
        if record is not None:
            parts["deletion" if deleted else kind].append(record)
        elif deleted:
            parts["deletion"].append(encode({"kind": kind, "key": key}))
        else:
            unbuilt.setdefault(kind, []).append(key)
            parts[kind].append(_Unbuilt(key))     # keeps its place in log order
    for kind, keys in unbuilt.items():
        built = build_records(connection, kind, keys)
        # A record deleted since it was logged has nothing to send (its tombstone follows).
        parts[kind] = [built.get(p.key) if type(p) is _Unbuilt else p for p in parts[kind]]
    last = rows[-1].seq if rows else after
    head = encode({"reset": False,
                   "cursor": encode_cursor(Position(epoch, last, pruned_at_start)),
                   "has_more": has_more})
    lists = ",".join(f'"{name}":[{",".join(filter(None, parts[kind]))}]'
                     for kind, name in _LISTS.items())
    return f"{head[:-1]},{lists}}}"


# What a record without its stored JSON is taken to weigh when a page is measured.
UNBUILT_RECORD_BYTES = 2000


def _rows_within(rows: list[Row], max_bytes: int) -> int:
    """How many of `rows`, from the first, fit in `max_bytes` of records: a terminal on
    a slow link asks for pages that arrive within its time limit."""
    total = 0
    for count, row in enumerate(rows):
        record = row.record
        total += len(record) + 1 if record is not None else UNBUILT_RECORD_BYTES
        if total > max_bytes and count > 0:
            return count
    return len(rows)


@dataclass(frozen=True)
class _Unbuilt:
    key: str


# The page's lists, in the order of docs/api.md, by the kind of record each holds.
_LISTS = {"category": "categories", "product": "products", "store": "stores",
          "stock": "stock", "deletion": "deletions"}
_CL = models.ChangeLog
_PAGE = select(_CL.kind, _CL.key, _CL.deleted, _CL.record, _CL.seq) \
    .where(_CL.seq > bindparam("after")).order_by(_CL.seq).limit(bindparam("limit"))
# The feed's JSON: as compact as it goes, any text as it is (the body is UTF-8).
encode = json.JSONEncoder(ensure_ascii=False, allow_nan=False, separators=(",", ":")).encode


def build_records(connection: Connection, kind: str, keys: list[str]) -> dict[str, str]:
    """The JSON of the live records of `kind` named by `keys`, by key; a key with no
    record (deleted since) is left out."""
    if kind == "category":
        return {r["path"]: encode(r) for r in _categories(connection, keys)}
    if kind == "product":
        return {r["sku"]: encode(r) for r in _products(connection, keys)}
    if kind == "store":
        return {r["id"]: encode(r) for r in _stores(connection, keys)}
    return {f"{r[0]}@{r[1]}": encode(r) for r in _stock(connection, keys)}


# Records are read with Core selects on the session's connection, all rows at once, into
# plain dicts that the route encodes as they are: ORM objects, rows fetched one by one
# and statements built anew for each query cost more than the queries themselves on a
# page of thousands. Each statement takes its keys as one expanding parameter, `keys`.
_KEYS = bindparam("keys", expanding=True)
_C, _P, _V, _S, _K = models.Category, models.Product, models.Variant, models.Store, models.Stock
_CATEGORIES = select(_C.path, _C.name, _C.position, _C.in_menu, _C.image, _C.translations) \
    .where(_C.path.in_(_KEYS))
_PRODUCTS = select(_P.sku, _P.name, _P.price_cents, _P.special_price_cents, _P.special_from,
                   _P.special_to, _P.description_html, _P.categories, _P.image, _P.gallery,
                   _P.attributes, _P.featured, _P.short_description_html, _P.image_label,
                   _P.translations).where(_P.sku.in_(_KEYS))
_VARIANTS = select(_V.product_sku, _V.sku, _V.price_cents, _V.special_price_cents, _V.size,
                   _V.color, _V.barcode, _V.image, _V.translations) \
    .where(_V.product_sku.in_(_KEYS)).order_by(_V.position)
# Fields sent only when they hold something: a catalog in one language, without short
# descriptions or image labels, costs no more bytes than before they existed, and a
# terminal that predates them reads the same records (docs/api.md).
_SENT_IF_SET = ("translations", "short_description_html", "image_label")
_STORES = select(_S.id, _S.name, _S.address, _S.postal_code, _S.city, _S.latitude,
                 _S.longitude, _S.phone, _S.opening_hours).where(_S.id.in_(_KEYS))
# What a store can promise: its count less the units reservations hold (never below 0).
# Terminals show it as the stock figure, old ones too (docs/api.md).
AVAILABLE_TO_PROMISE = case((_K.quantity - _K.held > 0, _K.quantity - _K.held), else_=0)
# One store at a time, on the primary key's columns: a row-value IN over
# (variant_sku, store_id) pairs makes SQLite scan the whole stock table.
_STOCK_OF_STORE = select(_K.variant_sku, AVAILABLE_TO_PROMISE, _K.taken_at, _K.restock_date) \
    .where(_K.store_id == bindparam("store_id"), _K.variant_sku.in_(_KEYS))


def _categories(connection: Connection, paths: list[str]) -> list[dict]:
    return [_without_unset(c) for c in _records(connection, _CATEGORIES, paths)]


def _products(connection: Connection, skus: list[str]) -> list[dict]:
    variants: dict[str, list[dict]] = {}
    for variant in _records(connection, _VARIANTS, skus):
        variants.setdefault(variant.pop("product_sku"), []).append(_without_unset(variant))
    products = _records(connection, _PRODUCTS, skus)
    for product in products:
        _without_unset(product)
        product["variants"] = variants.get(product["sku"], [])
    return products


def _without_unset(record: dict) -> dict:
    for name in _SENT_IF_SET:
        if name in record and not record[name]:
            del record[name]
    return record


def _stores(connection: Connection, ids: list[str]) -> list[dict]:
    return _records(connection, _STORES, ids)


def _stock(connection: Connection, keys: list[str]) -> list[list]:
    """Stock figures as [variant_sku, store_id, quantity, taken_at, restock_date]: there
    are millions of them, which as objects would spend most of a first sync's bytes on
    the same five names."""
    skus_by_store: dict[str, list[str]] = {}
    for key in keys:
        sku, _, store_id = key.rpartition("@")
        skus_by_store.setdefault(store_id, []).append(sku)
    # Figures counted together share their moment: each moment is written out once.
    moments: dict[datetime, str | None] = {}
    found = []
    for store_id, skus in skus_by_store.items():
        for sku, quantity, taken_at, restock_date in _rows(
                connection, _STOCK_OF_STORE, skus, store_id=store_id):
            taken = moments.get(taken_at)
            if taken is None:
                taken = moments[taken_at] = iso(taken_at)
            found.append([sku, store_id, quantity, taken,
                          restock_date.isoformat() if restock_date else None])
    return found


def _rows(connection: Connection, statement: Select, keys: list[str],
          **params: str) -> list[Row]:
    """The rows of `statement` for `keys`, a few hundred keys at a time: IN lists stay
    short."""
    rows: list[Row] = []
    for start in range(0, len(keys), 500):
        rows += connection.execute(statement,
                                   {"keys": keys[start:start + 500], **params}).all()
    return rows


def _records(connection: Connection, statement: Select, keys: list[str]) -> list[dict]:
    """`_rows` as dicts keyed by column name."""
    names = statement.selected_columns.keys()
    return [dict(zip(names, row, strict=True)) for row in _rows(connection, statement, keys)]
