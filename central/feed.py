"""Reading the change feed: the records changed after a cursor, in commit order."""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from central.db import models
from central.db.engine import iso


class BadCursor(ValueError):
    """A cursor this server could never have made."""


@dataclass(frozen=True)
class Position:
    epoch: str
    seq: int


def encode_cursor(position: Position) -> str:
    raw = f"{position.epoch}.{position.seq}".encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str) -> Position:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        epoch, seq = raw.split(".")
        position = Position(epoch, int(seq))
    except (binascii.Error, UnicodeDecodeError, ValueError):
        raise BadCursor(cursor) from None
    if position.seq < 0 or not epoch:
        raise BadCursor(cursor)
    return position


def meta(session: Session, key: str) -> str:
    return session.get(models.Meta, key).value


def read_page(session: Session, cursor: str | None, limit: int) -> dict[str, Any]:
    epoch = meta(session, "epoch")
    after = 0
    if cursor is not None:
        position = decode_cursor(cursor)
        if position.epoch != epoch or position.seq < int(meta(session, "pruned_through")):
            return {"reset": True, "cursor": None, "has_more": False, "categories": [],
                    "products": [], "stores": [], "stock": [], "deletions": []}
        after = position.seq
    rows = session.execute(
        select(models.ChangeLog.kind, models.ChangeLog.key, models.ChangeLog.seq,
               models.ChangeLog.deleted)
        .where(models.ChangeLog.seq > after).order_by(models.ChangeLog.seq).limit(limit + 1)
    ).all()
    has_more = len(rows) > limit
    rows = rows[:limit]
    live: dict[str, list[str]] = {"category": [], "product": [], "store": [], "stock": []}
    deletions = []
    for kind, key, _, deleted in rows:
        if deleted:
            deletions.append({"kind": kind, "key": key})
        else:
            live[kind].append(key)
    last = rows[-1].seq if rows else after
    return {
        "reset": False,
        "cursor": encode_cursor(Position(epoch, last)),
        "has_more": has_more,
        "categories": _categories(session, live["category"]),
        "products": _products(session, live["product"]),
        "stores": _stores(session, live["store"]),
        "stock": _stock(session, live["stock"]),
        "deletions": deletions,
    }


def _categories(session: Session, paths: list[str]) -> list[dict]:
    if not paths:
        return []
    found = session.scalars(select(models.Category).where(models.Category.path.in_(paths)))
    return [{"path": c.path, "name": c.name, "position": c.position, "in_menu": c.in_menu,
             "image": c.image} for c in found]


def _products(session: Session, skus: list[str]) -> list[dict]:
    if not skus:
        return []
    found = session.scalars(select(models.Product).where(models.Product.sku.in_(skus))
                            .options(selectinload(models.Product.variants)))
    return [product_json(p) for p in found]


def product_json(p: models.Product) -> dict:
    return {
        "sku": p.sku, "name": p.name, "price_cents": p.price_cents,
        "special_price_cents": p.special_price_cents, "special_from": p.special_from,
        "special_to": p.special_to, "description_html": p.description_html,
        "categories": p.categories, "image": p.image, "gallery": p.gallery,
        "attributes": p.attributes, "featured": p.featured,
        "variants": [{"sku": v.sku, "price_cents": v.price_cents,
                      "special_price_cents": v.special_price_cents, "size": v.size,
                      "color": v.color, "barcode": v.barcode, "image": v.image}
                     for v in p.variants]}


def _stores(session: Session, ids: list[str]) -> list[dict]:
    if not ids:
        return []
    found = session.scalars(select(models.Store).where(models.Store.id.in_(ids)))
    return [{"id": s.id, "name": s.name, "address": s.address, "postal_code": s.postal_code,
             "city": s.city, "latitude": s.latitude, "longitude": s.longitude,
             "phone": s.phone, "opening_hours": s.opening_hours} for s in found]


def _stock(session: Session, keys: list[str]) -> list[dict]:
    # One query per store, on the primary key's columns: a row-value IN over
    # (variant_sku, store_id) pairs makes SQLite scan the whole stock table.
    skus_by_store: dict[str, list[str]] = {}
    for key in keys:
        sku, _, store_id = key.rpartition("@")
        skus_by_store.setdefault(store_id, []).append(sku)
    found = []
    for store_id, skus in skus_by_store.items():
        for start in range(0, len(skus), 500):
            found += session.scalars(select(models.Stock).where(
                models.Stock.store_id == store_id,
                models.Stock.variant_sku.in_(skus[start:start + 500])))
    return [stock_json(s) for s in found]


def stock_json(s: models.Stock) -> dict:
    return {"variant_sku": s.variant_sku, "store_id": s.store_id, "quantity": s.quantity,
            "taken_at": iso(s.taken_at),
            "restock_date": s.restock_date.isoformat() if s.restock_date else None}
