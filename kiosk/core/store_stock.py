"""A variant's stock in every store of the chain: this store first, then the nearest.

The figures are the cache's, each with the server time it was counted at, so the screen
can say how fresh it is; a live answer from the central server replaces them store by
store when it arrives in time. Distances are great-circle distances between the stores'
coordinates: a shopper wants the store nearest to this one, not a route.
"""

from __future__ import annotations

import json
import math
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from enum import Enum

from kiosk.core.catalog_text import text_sql
from kiosk.core.product_page import is_current

EARTH_RADIUS_KM = 6371.0


@dataclass(frozen=True)
class StoreStock:
    store_id: str
    name: str
    address: str
    postal_code: str
    city: str
    phone: str
    opening_hours: dict[str, str]      # 'mon' -> '10:00-20:00'; a missing day is closed
    distance_km: float                 # from this store; 0 for this store
    quantity: int | None               # None: no figure for this store
    taken_at: str | None               # server time of the figure
    restock_date: str | None
    live: bool = False                 # from the server's live answer, not the cache

    @property
    def is_here(self) -> bool:
        return self.distance_km == 0


def stock_in_stores(conn: sqlite3.Connection, variant_sku: str,
                    here: str) -> list[StoreStock]:
    rows = conn.execute(
        "SELECT s.id, s.name, s.address, s.postal_code, s.city, s.phone, s.opening_hours, "
        "s.latitude, s.longitude, k.quantity, k.taken_at, k.restock_date "
        "FROM stores s LEFT JOIN stock k ON k.store_id = s.id AND k.variant_sku = ?",
        (variant_sku,)).fetchall()
    origin = next(((row[7], row[8]) for row in rows if row[0] == here), None)
    found = []
    for (store_id, name, address, postal_code, city, phone, hours, latitude, longitude,
         quantity, taken_at, restock_date) in rows:
        distance = 0.0 if store_id == here or origin is None else \
            great_circle_km(origin, (latitude, longitude))
        found.append(StoreStock(store_id, name, address, postal_code, city, phone,
                                json.loads(hours), distance, quantity, taken_at,
                                restock_date))
    # This store first, then by distance; without coordinates for this store, by name.
    found.sort(key=lambda s: (not s.is_here if origin else s.store_id != here,
                              s.distance_km, s.name))
    return found


def variant_named(conn: sqlite3.Connection, variant_sku: str, language: str | None = None
                  ) -> tuple[str, str | None, str | None]:
    """The product's name, the variant's size and colour, in `language` where the catalog
    translates them; the SKU alone for one unknown."""
    row = conn.execute(f"SELECT {text_sql('p', 'name', language)}, "
                       f"{text_sql('v', 'size', language)}, {text_sql('v', 'color', language)} "
                       "FROM variants v JOIN products p ON p.id = v.product_id WHERE v.sku = ?",
                       (variant_sku,)).fetchone()
    return tuple(row) if row else (variant_sku, None, None)


def variants_named(conn: sqlite3.Connection, variant_skus: Iterable[str],
                   language: str | None = None) -> dict[str, tuple[str, str | None, str | None]]:
    """`variant_named` for several variants at once, by SKU; unknown ones left out."""
    return {sku: (name, size, color) for sku, name, size, color in conn.execute(
        f"SELECT v.sku, {text_sql('p', 'name', language)}, {text_sql('v', 'size', language)}, "
        f"{text_sql('v', 'color', language)} FROM variants v "
        "JOIN products p ON p.id = v.product_id "
        "WHERE v.sku IN (SELECT value FROM json_each(?))", (json.dumps(list(variant_skus)),))}


def variant_in_stores(conn: sqlite3.Connection, variant_sku: str, here: str,
                      language: str | None = None
                      ) -> tuple[tuple[str, str | None, str | None], list[StoreStock]]:
    """What the stores screen shows, read at once: the variant, then its stock by store."""
    return variant_named(conn, variant_sku, language), stock_in_stores(conn, variant_sku, here)


def great_circle_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Haversine distance between two (latitude, longitude) points in degrees."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = (math.sin((lat2 - lat1) / 2) ** 2
         + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2)
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(h))


class Certainty(Enum):
    """How far a shopper may trust a figure."""

    CURRENT = "current"                   # counted within the configured age
    MAY_HAVE_CHANGED = "may_have_changed"  # older than that: shown, never as certain
    NO_FIGURE = "no_figure"


def certainty(store: StoreStock, now: datetime, max_age: timedelta) -> Certainty:
    if store.quantity is None or not store.taken_at:
        return Certainty.NO_FIGURE
    return (Certainty.CURRENT if is_current(store.taken_at, now, max_age)
            else Certainty.MAY_HAVE_CHANGED)


@dataclass(frozen=True)
class LiveFigure:
    quantity: int
    taken_at: str
    restock_date: str | None


class BadLiveAnswer(ValueError):
    """The server's answer is not the stock of the variant asked for."""


def live_figures(body: object, variant_sku: str) -> dict[str, LiveFigure]:
    """The figures of a GET /v1/stock answer by store, checked: it comes off the network."""
    if not isinstance(body, dict) or not isinstance(body.get("stores"), list):
        raise BadLiveAnswer("no list of stores")
    # Variant SKUs are case-insensitive, as in the cache.
    if str(body.get("sku", "")).lower() != variant_sku.lower():
        raise BadLiveAnswer(f"an answer for {body.get('sku')!r}, not {variant_sku!r}")
    figures = {}
    for entry in body["stores"]:
        try:
            store_id, quantity, taken_at = entry["store_id"], entry["quantity"], \
                entry["taken_at"]
            restock = entry.get("restock_date")
            datetime.fromisoformat(taken_at)        # readable, or the answer is refused
        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise BadLiveAnswer(f"unreadable store entry: {error}") from None
        if not (isinstance(store_id, str) and type(quantity) is int
                and (restock is None or isinstance(restock, str))):
            raise BadLiveAnswer(f"unreadable figure for store {store_id!r}")
        figures[store_id] = LiveFigure(quantity, taken_at, restock)
    return figures


def merge_live(cached: list[StoreStock], live: dict[str, LiveFigure]) -> list[StoreStock]:
    """The cached list with each store's live figure in place of its cached one.

    A store the live answer does not mention keeps its cached figure: the server lists
    only the stores it has a count for, and no count is not a count of zero. Stores the
    cache does not know are left out: without an address there is nothing to show.
    The order (this store, then by distance) is kept.
    """
    merged = []
    for store in cached:
        figure = live.get(store.store_id)
        if figure is None:
            merged.append(store)
        else:
            merged.append(replace(store, quantity=figure.quantity, taken_at=figure.taken_at,
                                  restock_date=figure.restock_date, live=True))
    return merged
